#!/usr/bin/env bash
# Writes the secret files docker-compose.yml mounts, each once (an existing file is kept):
#   pg_password, admin_password, agent_bootstrap_secret: random;
#   key_ring.pfx and key_ring_password: a self-signed certificate that encrypts the key ring (docs/configuration.md).
# Usage: ./init-secrets.sh [folder]   (default: PLANEKEEPER_SECRETS_DIR, else ./secrets)
# The folder is 0700, so only you read it on this machine; the files are 0644 because compose mounts them as they
# are and the containers' unprivileged users (postgres, app) must read them. See docs/deploy.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
dir=${1:-${PLANEKEEPER_SECRETS_DIR:-./secrets}}
command -v openssl >/dev/null 2>&1 || { echo "init-secrets.sh: openssl is required" >&2; exit 1; }

mkdir -p "$dir"
chmod 700 "$dir"

random() { openssl rand -base64 48 | tr -dc 'A-Za-z0-9' | head -c "$1"; }

write() { # name, content
  if [ -s "$dir/$1" ]; then
    echo "init-secrets.sh: keeping $dir/$1" >&2
    return
  fi
  printf '%s\n' "$2" > "$dir/$1"
  chmod 644 "$dir/$1"
  echo "init-secrets.sh: wrote $dir/$1" >&2
}

write pg_password "$(random 32)"
write admin_password "$(random 24)"
# The silo refuses a bootstrap secret shorter than 32 characters.
write agent_bootstrap_secret "$(random 48)"
write key_ring_password "$(random 32)"

if [ ! -s "$dir/key_ring.pfx" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  openssl req -x509 -newkey rsa:3072 -sha256 -days 3650 -nodes -subj "/CN=planekeeper key ring" \
    -keyout "$work/ring.key" -out "$work/ring.crt" 2>/dev/null
  openssl pkcs12 -export -inkey "$work/ring.key" -in "$work/ring.crt" -out "$dir/key_ring.pfx" \
    -passout "file:$dir/key_ring_password"
  chmod 644 "$dir/key_ring.pfx"
  echo "init-secrets.sh: wrote $dir/key_ring.pfx (keep it and key_ring_password outside the database's backups)" >&2
fi
