#!/usr/bin/env bash
# Checks that a production install works the way the README tells a municipality to do it:
# `npm ci --omit=dev && npm start` in a copy of the repository's tracked files, with no dev
# dependency around. The server must build its client, start, and answer /healthz and /.
# Usage: .ci/production-install.sh   (from anywhere inside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
work=$(mktemp -d "${TMPDIR:-/tmp}/coboard-production-XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -KILL -- "-$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Only what is committed: no node_modules, no client/dist, no local data.
git ls-files -z | xargs -0 cp --parents -t "$work"
cd "$work"
echo "production install: npm ci --omit=dev in $work"
npm ci --omit=dev --no-audit --no-fund --loglevel=error
if [ -d node_modules/vitest ] || [ -d node_modules/typescript ]; then
  echo "production install: dev dependencies were installed" >&2
  exit 1
fi

# npm start, exactly as documented; port 0 picks a free port, which the log line names.
# In its own process group, so that SIGTERM reaches npm, its shell and the server alike.
PORT=0 HOST=127.0.0.1 DATA_DIR="$work/data" LOG_LEVEL=info setsid npm start >"$work/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 1 600); do
  port=$(grep -o '"port":[0-9]*' "$work/server.log" 2>/dev/null | head -1 | cut -d: -f2 || true)
  if [ -n "$port" ]; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  sleep 0.5
done
if [ -z "$port" ]; then
  echo "production install: the server did not start" >&2
  cat "$work/server.log" >&2
  exit 1
fi
# Node's own fetch: nothing beyond what the production install has.
PORT_TO_CHECK=$port node -e '
  const base = `http://127.0.0.1:${process.env.PORT_TO_CHECK}`
  const fail = (what) => { console.error(`production install: ${what}`); process.exit(1) }
  ;(async () => {
    const health = await fetch(`${base}/healthz`)
    if (health.status !== 200 || (await health.text()) !== "{\"ok\":true}") fail(`/healthz answered ${health.status}`)
    const page = await fetch(`${base}/`)
    const html = await page.text()
    if (page.status !== 200 || !html.includes("<div id=\"root\">")) fail(`/ answered ${page.status}: ${html.slice(0, 300)}`)
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)
    if (!script || (await fetch(base + script[1])).status !== 200) fail("the client bundle is not served")
  })().catch((error) => fail(String(error)))
' || { cat "$work/server.log" >&2; exit 1; }
# client/dist is not committed: the server must have built it from the production install.
if ! grep -q '"msg":"client built"' "$work/server.log"; then
  echo "production install: the server did not build the client" >&2
  cat "$work/server.log" >&2
  exit 1
fi
kill -TERM -- "-$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=""
if [ "$status" -ne 0 ] && [ "$status" -ne 143 ]; then
  echo "production install: the server did not stop cleanly (exit $status)" >&2
  cat "$work/server.log" >&2
  exit 1
fi
echo "production install: OK in $(( $(date +%s) - started )) s (npm ci --omit=dev, client built at start, /healthz and / answered)"
