#!/usr/bin/env bash
# A private PostgreSQL for development and tests: one cluster under a git-ignored data folder,
# listening on 127.0.0.1 only, with a generated password.
#
#   deploy/dev/postgres.sh install   make sure the server binaries are there (apt-get on Debian/Ubuntu)
#   deploy/dev/postgres.sh start     create the cluster on first use, start it (or reuse it), create the database
#   deploy/dev/postgres.sh stop      stop it (the data stays)
#   deploy/dev/postgres.sh status    say whether it runs
#   deploy/dev/postgres.sh env       print the PG_* settings as shell exports (eval "$(... env)")
#   deploy/dev/postgres.sh url       print a postgres:// URL
#
# Settings: PLANEKEEPER_PG_DATA (default <repo>/.data/postgres), PLANEKEEPER_PG_PORT (default 55432),
# PLANEKEEPER_PG_DATABASE (default planekeeper), PLANEKEEPER_PG_MAX_CONNECTIONS (default 100, PostgreSQL's own; read
# when the server starts — the test suite raises it for its shared server, where many silos run side by side).
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
data_dir=${PLANEKEEPER_PG_DATA:-$repo_root/.data/postgres}
port=${PLANEKEEPER_PG_PORT:-55432}
database=${PLANEKEEPER_PG_DATABASE:-planekeeper}
max_connections=${PLANEKEEPER_PG_MAX_CONNECTIONS:-100}
superuser=planekeeper
state_dir="$data_dir.state"          # beside the cluster, readable by us only: the password
password_file="$state_dir/password"
log_file="$data_dir/server.log"
# The server refuses to run as root; when we are root it runs as this system user.
os_user=planekeeper-pg

say() { echo "postgres.sh: $*" >&2; }
die() { say "$*"; exit 1; }

find_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1; then
    dir=$(pg_config --bindir 2>/dev/null || true)
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  for dir in /usr/local/pgsql/bin /usr/pgsql-*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

install_server() {
  if find_bindir >/dev/null; then return 0; fi
  command -v apt-get >/dev/null 2>&1 || die "no PostgreSQL server binaries found and no apt-get to install them; install PostgreSQL (initdb, pg_ctl) and retry"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "installing PostgreSQL with apt-get"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
  find_bindir >/dev/null || die "apt-get installed postgresql but no initdb/pg_ctl was found under /usr/lib/postgresql"
}

# Runs a server binary as the account that owns the cluster.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$os_user" -- "$@"
  else
    "$@"
  fi
}

ensure_os_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  id "$os_user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$os_user"
  # The server must be able to reach its data folder: allow traversal (not listing) of its parents.
  local dir
  mkdir -p "$(dirname "$data_dir")"
  dir=$(dirname "$data_dir")
  while [ "$dir" != "/" ]; do
    if ! runuser -u "$os_user" -- test -x "$dir" 2>/dev/null; then chmod o+x "$dir"; fi
    dir=$(dirname "$dir")
  done
}

password() { cat "$password_file"; }

is_running() {
  [ -f "$data_dir/PG_VERSION" ] || return 1
  as_owner "$bindir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1
}

create_cluster() {
  [ -f "$data_dir/PG_VERSION" ] && return 0
  say "creating a cluster in $data_dir"
  mkdir -p "$state_dir" "$data_dir"
  chmod 700 "$state_dir"
  if [ ! -s "$password_file" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$password_file")
  fi
  local pwfile
  pwfile=$(mktemp)
  cp "$password_file" "$pwfile"
  if [ "$(id -u)" -eq 0 ]; then
    chown "$os_user" "$data_dir" "$pwfile"
  fi
  chmod 700 "$data_dir"
  as_owner "$bindir/initdb" -D "$data_dir" -U "$superuser" --pwfile="$pwfile" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$state_dir/initdb.log" 2>&1 \
    || { rm -f "$pwfile"; cat "$state_dir/initdb.log" >&2; die "initdb failed"; }
  rm -f "$pwfile"
}

start_server() {
  if is_running; then return 0; fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port on 127.0.0.1 is taken by another process; set PLANEKEEPER_PG_PORT to a free port"
  fi
  as_owner "$bindir/pg_ctl" -D "$data_dir" -l "$log_file" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=$max_connections" start >/dev/null \
    || { tail -n 20 "$log_file" >&2; die "the server did not start (log: $log_file)"; }
}

psql_admin() {
  PGPASSWORD=$(password) "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$superuser" -d postgres "$@"
}

create_database() {
  local exists
  exists=$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")
  [ "$exists" = "1" ] || psql_admin -c "CREATE DATABASE \"$database\""
}

print_env() {
  cat <<EOF
export PG_HOST=127.0.0.1
export PG_PORT=$port
export PG_USER=$superuser
export PG_PASSWORD=$(password)
export PG_DBNAME=$database
export PG_SSLMODE=disable
EOF
}

command=${1:-status}
case "$command" in
  install)
    install_server
    ;;
  start)
    install_server
    bindir=$(find_bindir)
    ensure_os_user
    create_cluster
    start_server
    create_database
    say "PostgreSQL runs on 127.0.0.1:$port (data: $data_dir); connection settings:"
    print_env
    ;;
  stop)
    bindir=$(find_bindir) || die "no PostgreSQL server binaries found"
    if is_running; then
      as_owner "$bindir/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null
      say "stopped"
    else
      say "not running"
    fi
    ;;
  status)
    bindir=$(find_bindir) || die "no PostgreSQL server binaries found"
    if is_running; then say "running on 127.0.0.1:$port (data: $data_dir)"; else say "not running (data: $data_dir)"; exit 3; fi
    ;;
  env)
    [ -s "$password_file" ] || die "no cluster in $data_dir yet; run '$0 start' first"
    print_env
    ;;
  url)
    [ -s "$password_file" ] || die "no cluster in $data_dir yet; run '$0 start' first"
    echo "postgres://$superuser:$(password)@127.0.0.1:$port/$database?sslmode=disable"
    ;;
  *)
    die "usage: $0 install|start|stop|status|env|url"
    ;;
esac
