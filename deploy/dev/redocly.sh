#!/usr/bin/env bash
# Redocly CLI, which lints the two OpenAPI documents (docs/api.md, "Linting the description"), installed from the
# npm registry into the git-ignored folder .tools/redocly, and nothing installed globally.
#
#   deploy/dev/redocly.sh install   install it unless this version is already there; prints the command to run
#   deploy/dev/redocly.sh path      print that command (.tools/redocly/redocly), failing when it is not installed
#
# Redocly CLI needs node >= 20.19. A node that old or newer on PATH is used; otherwise (Debian 12's nodejs is 18)
# Debian's nodejs and npm are installed with apt-get to run npm, and npm installs the registry's node-linux-<arch>
# package (a node 20 binary) beside Redocly CLI to run it.
set -euo pipefail

version=2.77.0
node_version=20.20.2
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tools=$repo_root/.tools/redocly
command_path=$tools/redocly

say() { echo "redocly.sh: $*" >&2; }
die() { say "$*"; exit 1; }

installed() { [ -x "$command_path" ] && [ "$(cat "$tools/version" 2>/dev/null)" = "$version" ]; }

# True when this node runs Redocly CLI: 20.19 or later.
node_fits() {
  local node=$1 major minor
  IFS=. read -r major minor _ < <("$node" -p 'process.versions.node' 2>/dev/null) || return 1
  [ "$major" -gt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -ge 19 ]; }
}

install_npm() {
  command -v npm >/dev/null 2>&1 && return 0
  command -v apt-get >/dev/null 2>&1 || die "npm is missing and there is no apt-get to install it; install node >= 20.19 and npm"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "installing nodejs and npm with apt-get"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >&2
}

# The node that runs Redocly CLI: the one on PATH when it fits, else the registry's binary package.
choose_node() {
  local node arch
  node=$(command -v node || true)
  if [ -n "$node" ] && node_fits "$node"; then echo "$node"; return 0; fi
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64) arch=arm64 ;;
    *) die "no node >= 20.19 on PATH and no node-linux package for $(uname -m); install node >= 20.19" ;;
  esac
  say "node on PATH is older than 20.19: installing node-linux-$arch@$node_version from the npm registry"
  # A prefix of its own: npm's install of Redocly CLI into $tools would remove an unsaved package there.
  npm install --prefix "$tools/node" --no-save --no-audit --no-fund --loglevel=error "node-linux-$arch@$node_version" >&2
  echo "$tools/node/node_modules/node-linux-$arch/bin/node"
}

install() {
  if installed; then echo "$command_path"; return 0; fi
  install_npm
  rm -rf "$tools"
  mkdir -p "$tools"
  local node
  node=$(choose_node)
  say "installing @redocly/cli@$version into .tools/redocly"
  npm install --prefix "$tools" --no-save --no-audit --no-fund --loglevel=error "@redocly/cli@$version" >&2
  cat >"$command_path" <<EOF
#!/bin/sh
# Written by deploy/dev/redocly.sh: Redocly CLI $version on the node that fits it.
exec "$node" "$tools/node_modules/@redocly/cli/bin/cli.js" "\$@"
EOF
  chmod +x "$command_path"
  "$command_path" --version >/dev/null || die "the installed Redocly CLI does not start"
  echo "$version" >"$tools/version"
  echo "$command_path"
}

case "${1:-}" in
  install) install ;;
  path) installed || die "Redocly CLI $version is not installed: run deploy/dev/redocly.sh install"; echo "$command_path" ;;
  *) die "usage: deploy/dev/redocly.sh install|path" ;;
esac
