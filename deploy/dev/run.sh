#!/usr/bin/env bash
# Starts the whole system on this machine: a private PostgreSQL under .data/ (unless PG_HOST or
# ConnectionStrings__Planekeeper point at another), one silo, the web frontend and a local server agent.
# Stays in the foreground; Ctrl-C or SIGTERM stops everything it started.
# Every setting of docs/configuration.md can be given in the environment; it is passed on.
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo_root"

say() { echo "run.sh: $*" >&2; }

export PLANEKEEPER_HTTP_PORT=${PLANEKEEPER_HTTP_PORT:-8080}
# Open the UI at exactly this address: writes made with the session cookie must come from it.
export PLANEKEEPER_PUBLIC_URL=${PLANEKEEPER_PUBLIC_URL:-http://localhost:$PLANEKEEPER_HTTP_PORT}
# The internal routes (global admins) listen on their own port only (docs/configuration.md, "Frontend roles").
export PLANEKEEPER_INTERNAL_HTTP_PORT=${PLANEKEEPER_INTERNAL_HTTP_PORT:-8082}
export PLANEKEEPER_INTERNAL_URL=${PLANEKEEPER_INTERNAL_URL:-http://localhost:$PLANEKEEPER_INTERNAL_HTTP_PORT}
export PLANEKEEPER_SILO_HEALTH_PORT=${PLANEKEEPER_SILO_HEALTH_PORT:-8081}
export PLANEKEEPER_ADVERTISED_IP=${PLANEKEEPER_ADVERTISED_IP:-127.0.0.1}
# A local run keeps the key ring of channel secrets unencrypted unless a certificate is given (docs/security.md).
if [ -z "${DATA_PROTECTION_CERTIFICATE_PATH:-}" ]; then
  export DATA_PROTECTION_ALLOW_UNENCRYPTED=${DATA_PROTECTION_ALLOW_UNENCRYPTED:-true}
fi
configuration=${PLANEKEEPER_BUILD_CONFIGURATION:-Release}

children=()
started_postgres=false

stop_all() {
  trap - EXIT INT TERM
  if [ ${#children[@]} -gt 0 ]; then
    say "stopping"
    # Newest first: the agent hands back its task and releases its key while the frontend and silo still run.
    for (( i=${#children[@]}-1; i>=0; i-- )); do
      kill -TERM "${children[$i]}" 2>/dev/null || true
      wait "${children[$i]}" 2>/dev/null || true
    done
  fi
  if $started_postgres; then deploy/dev/postgres.sh stop || true; fi
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_for() { # url, what, pid
  local url=$1 what=$2 pid=$3
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || { say "$what exited during start-up"; exit 1; }
    if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  say "$what did not answer $url within 60 s"
  exit 1
}

admin_password_file=""
if [ -z "${PG_HOST:-}" ] && [ -z "${ConnectionStrings__Planekeeper:-}" ]; then
  deploy/dev/postgres.sh status >/dev/null 2>&1 || started_postgres=true
  eval "$(deploy/dev/postgres.sh start)"
  # The private database's first global admin: its password is generated once and kept with that database's
  # state (the silo creates the admin only while the database has no user, so it stays valid).
  admin_password_file="${PLANEKEEPER_PG_DATA:-$repo_root/.data/postgres}.state/admin.password"
fi

export PLANEKEEPER_ADMIN_EMAIL=${PLANEKEEPER_ADMIN_EMAIL:-admin@planekeeper.local}
if [ -z "${PLANEKEEPER_ADMIN_PASSWORD:-}" ] && [ -n "$admin_password_file" ]; then
  if [ ! -s "$admin_password_file" ]; then
    mkdir -p "$(dirname "$admin_password_file")"
    (umask 077; head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$admin_password_file")
  fi
  PLANEKEEPER_ADMIN_PASSWORD=$(cat "$admin_password_file")
  export PLANEKEEPER_ADMIN_PASSWORD
fi

# The local agent is a server agent: it provisions its own global-scope key with this secret (shared with the silo)
# and runs every organization's jobs that need no credential.
if [ -z "${AGENT_BOOTSTRAP_SECRET:-}" ]; then
  # 48 random bytes: about 62 characters once '+' and '/' are dropped; the silo refuses fewer than 32.
  AGENT_BOOTSTRAP_SECRET=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  export AGENT_BOOTSTRAP_SECRET
fi
export AGENT_SERVER_URL=${AGENT_SERVER_URL:-http://127.0.0.1:$PLANEKEEPER_HTTP_PORT/}
export AGENT_NAME=${AGENT_NAME:-local-server-agent}

say "building ($configuration)"
dotnet build Planekeeper.sln -c "$configuration" --nologo -v quiet -clp:ErrorsOnly

# Each program runs from its own folder so it finds its appsettings.json, in its own session so that Ctrl-C reaches
# only this script, which then stops them in order (the agent first, while the frontend can still take its goodbye).
start() { (cd "$repo_root/$1/bin/$configuration/net10.0" && exec setsid dotnet "Planekeeper.$1.dll") & children+=($!); }

start Silo
wait_for "http://127.0.0.1:$PLANEKEEPER_SILO_HEALTH_PORT/health" "the silo" "${children[-1]}"

start WebFrontend
wait_for "http://127.0.0.1:$PLANEKEEPER_HTTP_PORT/ready" "the frontend" "${children[-1]}"

start Agent

say "Planekeeper is running at $PLANEKEEPER_PUBLIC_URL/, the Internal UI at $PLANEKEEPER_INTERNAL_URL/internal (Ctrl-C stops it)"
if [ -n "$admin_password_file" ] && [ -s "$admin_password_file" ] && [ "$PLANEKEEPER_ADMIN_PASSWORD" = "$(cat "$admin_password_file")" ]; then
  say "first global admin: $PLANEKEEPER_ADMIN_EMAIL, password in $admin_password_file"
fi
set +e
wait -n "${children[@]}"
say "a process exited; stopping the rest"
exit 1
