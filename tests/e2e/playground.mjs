// End-to-end: CmBot (already listening) + Microsoft 365 Agents Playground + Debian's Chromium, all on loopback.
// Starts the playground against the bot, plays the newcomer's scenario in the real web client, saves a
// screenshot per step, prints one line per step and "N passed, M failed", and exits non-zero on failure.
//   node playground.mjs --bot http://127.0.0.1:3978/api/messages --out DIR [--port N]
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const option = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };
const bot = option("bot", "http://127.0.0.1:3978/api/messages");
const out = path.resolve(option("out", path.join(here, "artifacts")));
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const stepTimeout = 20_000;
fs.mkdirSync(out, { recursive: true });

const freePort = () => new Promise((resolve) => { const s = net.createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); }); });
const anyOf = (words) => new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "i");

async function startPlayground(port) {
  const work = fs.mkdtempSync(path.join(out, "playground-"));
  const env = { ...process.env, NO_PROXY: "*", TEAMSAPPTESTER_BROWSER: "none", APPLICATION_INSIGHTS_NO_STATSBEAT: "true",
    M365_AGENTS_PLAYGROUND_LOGFILE: path.join(work, "playground.log") };
  for (const name of ["HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "AUTH_CLIENT_ID", "AUTH_CLIENT_SECRET", "AUTH_TENANT_ID"]) delete env[name];
  const cli = path.join(here, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
  const child = spawn(process.execPath, ["--require", path.join(here, "loopback-only.cjs"), cli, "start", "-e", bot, "-c", "msteams",
    "-p", String(port), "--service-url", `http://127.0.0.1:${port}/_connector`, "--disable-telemetry"],
    { cwd: work, env, stdio: ["ignore", fs.openSync(path.join(work, "stdout.log"), "w"), "inherit"] });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`playground exited early; see ${work}`);
    const pong = await fetch(`http://127.0.0.1:${port}/_debug/ping`).then((r) => r.text()).catch(() => "");
    if (pong === "pong") return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error("playground not ready after 60 s");
}

class Chat {
  constructor(page) { this.page = page; this.cards = page.locator(".ac-adaptiveCard"); }
  async send(text) {
    const editor = this.page.locator('[data-lexical-editor="true"]').last();
    await editor.click();
    await editor.fill(text);
    const sent = this.page.waitForResponse((r) => /\/_conversation\/v1\/conversations\/.+\/messages$/.test(r.url()));
    await this.page.getByRole("button", { name: "Send Message" }).last().click();
    if (!(await sent).ok()) throw new Error(`the playground refused the message "${text}"`);
  }
  card(words) { return this.cards.filter({ hasText: anyOf(words) }).last(); }
  async seeCard(words) {
    const card = this.card(words);
    await card.waitFor({ state: "visible", timeout: stepTimeout });
    await card.scrollIntoViewIfNeeded(); // so the step's screenshot shows it
    return card;
  }
  async click(card, titles) {
    const answered = this.page.waitForResponse((r) => /\/_conversation\/v1\/(submit|invoke)$/.test(r.url()), { timeout: stepTimeout }).catch(() => null);
    await card.getByRole("button", { name: anyOf(titles) }).last().click();
    return answered;
  }
}

const steps = [];
async function step(name, action, page) {
  const started = Date.now();
  try {
    await action();
    steps.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    steps.push({ name, ok: false });
    console.log(`FAIL ${name}: ${error.message.split("\n")[0]}`);
  }
  await page.screenshot({ path: path.join(out, `${String(steps.length).padStart(2, "0")}-${name.replace(/\W+/g, "-")}.png`), fullPage: true }).catch(() => {});
}

const port = Number(option("port", 0)) || await freePort();
const playground = await startPlayground(port);
const profile = fs.mkdtempSync(path.join(out, "chromium-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath, headless: true, viewport: { width: 1400, height: 1000 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
});
// The web client asks a CDN for fonts: nothing leaves this machine.
await browser.route("**/*", (route) => ["127.0.0.1", "localhost"].includes(new URL(route.request().url()).hostname) || route.request().url().startsWith("data:")
  ? route.continue() : route.abort());
const page = browser.pages()[0] ?? await browser.newPage();
page.setDefaultTimeout(stepTimeout);
const chat = new Chat(page);
const newText = `Atelier du samedi, nouvelle date ${Date.now() % 1000}`;
let draft;

try {
  await step("open the personal chat", async () => {
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: "domcontentloaded" });
    await page.locator('[data-lexical-editor="true"]').last().waitFor({ state: "visible", timeout: 30_000 });
  }, page);
  await step("help shows the help card", async () => {
    await chat.send("help");
    await chat.seeCard(["What I can do", "Ce que je sais faire"]);
  }, page);
  await step("drafts shows a pending draft card", async () => {
    await chat.send("drafts");
    draft = await chat.seeCard(["Atelier gratuit"]);
    await draft.getByText(anyOf(["Waiting for approval", "En attente"])).first().waitFor();
  }, page);
  await step("approve turns that card approved", async () => {
    await chat.click(draft, ["Approve", "Approuver"]);
    await chat.card(["Atelier gratuit"]).getByText(anyOf(["Approved by", "Approuvé par"])).first().waitFor();
  }, page);
  await step("edit sends the card back to pending with the new text", async () => {
    const card = chat.card(["Atelier gratuit"]);
    await card.getByRole("button", { name: anyOf(["Edit", "Modifier"]) }).last().click();
    const text = card.locator("textarea").first();
    await text.waitFor({ state: "visible" });
    await text.fill(newText);
    await chat.click(card, ["Save", "Enregistrer"]);
    const edited = await chat.seeCard([newText]);
    await edited.getByText(anyOf(["Waiting for approval", "En attente"])).first().waitFor();
  }, page);
  await step("numbers shows the numbers card", async () => {
    await chat.send("numbers");
    await chat.seeCard(["This week's numbers", "Chiffres de la semaine"]);
  }, page);
} finally {
  await browser.close().catch(() => {});
  playground.kill();
}

const failed = steps.filter((s) => !s.ok).length;
console.log(`${steps.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
