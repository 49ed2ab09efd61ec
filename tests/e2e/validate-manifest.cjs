// Validates a Teams app manifest against the JSON schema of its manifestVersion, as shipped (offline)
// in @microsoft/app-manifest, with the same validator that package uses (Ajv, draft-04).
// Usage: node validate-manifest.cjs manifest.json   → prints a JSON array of errors (empty when valid).
const fs = require("node:fs");
const path = require("node:path");
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const manifest = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const packageRoot = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
const schemaFile = path.join(packageRoot, "build", "json-schemas", "teams", `v${manifest.manifestVersion}`, "MicrosoftTeams.schema.json");
if (!fs.existsSync(schemaFile)) {
  process.stdout.write(JSON.stringify([`no bundled schema for manifestVersion ${manifest.manifestVersion}`]));
  process.exit(0);
}
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
validate(manifest);
process.stdout.write(JSON.stringify((validate.errors ?? []).map(e => `${e.instancePath || "/"} ${e.message}`)));
