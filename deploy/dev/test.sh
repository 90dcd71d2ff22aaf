#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need first (the PostgreSQL server binaries —
# each test run starts its own private clusters through deploy/dev/postgres.sh — Debian's chromium
# for the browser tests, Tests/Browser, and Debian's docker-compose, with which Tests/Unit/Deployment
# validates the compose file, and Redocly CLI into .tools/redocly, which Tests/Integration/Hosting/OpenApiLintTests runs
# through REDOCLY_CLI), then builds and runs every test project, and ends
# with the failed tests' names and messages (if any) and one line "tests: N passed, N failed". CHROMIUM_PATH names another Chromium to use instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

command -v dotnet >/dev/null 2>&1 || { echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
deploy/dev/postgres.sh install

# The browser tests drive the distribution's chromium through Playwright (no browser download).
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || { echo "test.sh: chromium is missing and there is no apt-get to install it; install chromium or set CHROMIUM_PATH" >&2; exit 1; }
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "test.sh: installing chromium with apt-get" >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >&2
fi

# The deployment tests validate deploy/compose/docker-compose.yml with Debian's docker-compose (no Docker engine needed).
if ! command -v docker-compose >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || { echo "test.sh: docker-compose is missing and there is no apt-get to install it; install docker-compose" >&2; exit 1; }
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "test.sh: installing docker-compose with apt-get" >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends docker-compose >&2
fi

# The OpenAPI lint (docs/api.md, "Linting the description") runs Redocly CLI from the npm registry, installed locally.
REDOCLY_CLI=$(deploy/dev/redocly.sh install)
export REDOCLY_CLI

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Planekeeper.sln --nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?

count() { awk -v label="$1:" '$1 == label && $2 ~ /^[0-9]+$/ {s += $2} END {print s + 0}' "$log"; }
passed=$(count Passed)
failed=$(count Failed)
# The failures again at the end, where a log that keeps only its tail still shows them.
if [ "$failed" -gt 0 ]; then
  echo "failed tests:"
  awk '/^  Failed [^ ]/ {show = 25} show > 0 {print; show--}' "$log" | cut -c1-300
fi
echo "tests: $passed passed, $failed failed"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit "$status"
