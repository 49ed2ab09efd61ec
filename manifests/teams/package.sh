#!/usr/bin/env bash
# Builds the Teams app package to upload (Teams → Apps → Manage your apps → Upload an app):
# manifest.json with the bot's Microsoft App ID filled in, and both icons, at the root of a zip.
#   manifests/teams/package.sh [APP_ID] [OUT.zip]
# APP_ID defaults to $MicrosoftAppId, then to the user secrets of src/CmBot (MicrosoftAppId).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app_id="${1:-${MicrosoftAppId:-}}"
if [[ -z "$app_id" ]]; then
  app_id="$(dotnet user-secrets list --project "$here/../../src/CmBot" 2>/dev/null | sed -n 's/^MicrosoftAppId = //p')"
fi
if ! [[ "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "package.sh: give the bot's Microsoft App ID (a GUID) as argument or in MicrosoftAppId" >&2
  exit 2
fi
out="${2:-$here/cmbot-teams.zip}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The template's placeholder id stands for both the app id and the bot id.
sed "s/00000000-0000-0000-0000-000000000000/$app_id/g" "$here/manifest.json" > "$work/manifest.json"
cp "$here/color.png" "$here/outline.png" "$work/"
rm -f "$out"
(cd "$work" && python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "color.png", "outline.png"): z.write(name)' "$out")
echo "$out"
