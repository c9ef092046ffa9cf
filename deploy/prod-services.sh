# Functions of deploy/run-prod for the shared services: PostgreSQL, Redis, nginx (sourced).
# Each runs from Debian's packages with its data under $PROD_DIR, as its Debian system user
# (postgres, redis, www-data) when started by root, else as the calling user.

as_user() {  # as_user <debian-user> command...: drop root privileges for a service
  local user="$1"; shift
  if [[ $EUID == 0 ]]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

own_dir() {  # own_dir <debian-user> <dir> [mode]: a private directory for that service
  mkdir -p "$2"
  if [[ $EUID == 0 ]]; then chown "$1:" "$2"; fi
  chmod "${3:-700}" "$2"
}

secret() {  # secret <name>: a random secret kept in $PROD_DIR/secrets/<name> (created once)
  local file="$PROD_DIR/secrets/$1"
  if [[ ! -s "$file" ]]; then
    (umask 077; mkdir -p "$PROD_DIR/secrets"; head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$file")
  fi
  cat "$file"
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

start_postgres() {  # a private cluster in $PROD_DIR/pg, TCP on 127.0.0.1:$PG_PORT
  local bin; bin="$(pg_bin)"
  [[ -n "$bin" ]] || { echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2; return 1; }
  own_dir postgres "$PROD_DIR/pg"; own_dir postgres "$PROD_DIR/pg-run"; own_dir postgres "$PROD_DIR/pg-log"
  if [[ ! -f "$PROD_DIR/pg/PG_VERSION" ]]; then
    local pwfile="$PROD_DIR/pg-run/pw"
    secret pg_superuser >"$pwfile"; [[ $EUID == 0 ]] && chown postgres: "$pwfile"
    as_user postgres "$bin/initdb" -D "$PROD_DIR/pg" -U postgres --pwfile="$pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PROD_DIR/log/initdb.log"
    rm -f "$pwfile"
  fi
  as_user postgres "$bin/pg_ctl" -D "$PROD_DIR/pg" -l "$PROD_DIR/pg-log/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -k $PROD_DIR/pg-run -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  local password; password="$(secret pg_permits)"
  # the application role and its two databases (application data, Rasa's tracker store)
  psql_admin -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='permits')
    THEN CREATE ROLE permits LOGIN PASSWORD '$password'; END IF; END\$\$;"
  for db in permits rasa_tracker; do
    [[ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname='$db'")" == 1 ]] \
      || psql_admin -c "CREATE DATABASE $db OWNER permits"
  done
}

psql_admin() { as_user postgres psql -X -q -h "$PROD_DIR/pg-run" -p "$PG_PORT" -U postgres -d postgres "$@"; }

stop_postgres() {
  [[ -f "$PROD_DIR/pg/postmaster.pid" ]] || return 0
  as_user postgres "$(pg_bin)/pg_ctl" -D "$PROD_DIR/pg" -m fast -w stop >/dev/null || true
}

start_redis() {  # Rasa's lock store only: nothing to persist
  command -v redis-server >/dev/null || { echo "Redis is not installed: apt-get install -y redis-server" >&2; return 1; }
  own_dir redis "$PROD_DIR/redis"
  local conf="$PROD_DIR/redis/redis.conf"
  printf 'port %s\nbind 127.0.0.1\nrequirepass %s\ndir %s\nsave ""\nappendonly no\ndaemonize yes\npidfile %s\nlogfile %s\n' \
    "$REDIS_PORT" "$REDIS_PASSWORD" "$PROD_DIR/redis" "$PROD_DIR/redis/redis.pid" "$PROD_DIR/redis/redis.log" >"$conf"
  [[ $EUID == 0 ]] && chown redis: "$conf"; chmod 600 "$conf"
  as_user redis redis-server "$conf"
}

stop_redis() {
  local pidfile="$PROD_DIR/redis/redis.pid"
  [[ -f "$pidfile" ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
}

start_nginx() {  # renders deploy/nginx.conf.in for the ports in use
  command -v nginx >/dev/null || { echo "nginx is not installed: apt-get install -y nginx" >&2; return 1; }
  local rasa="" actions="" i
  for ((i = 0; i < RASA_SERVERS; i++)); do rasa+="        server 127.0.0.1:$((RASA_BASE_PORT + i));"$'\n'; done
  for ((i = 0; i < ACTION_SERVERS; i++)); do actions+="        server 127.0.0.1:$((ACTIONS_BASE_PORT + i)) max_fails=0;"$'\n'; done
  mkdir -p "$PROD_DIR/nginx/tmp"
  chmod 711 "$PROD_DIR/nginx"  # nginx's workers (www-data) reach tmp/ through it (umask 077)
  [[ $EUID == 0 ]] && chown www-data: "$PROD_DIR/nginx/tmp"
  local user_line=""; [[ $EUID == 0 ]] && user_line="user www-data;"
  RASA_LIST="$rasa" ACTION_LIST="$actions" USER_LINE="$user_line" "$ROOT/.venv-actions/bin/python" - "$ROOT/deploy/nginx.conf.in" \
    "$PROD_DIR/nginx/nginx.conf" <<'PY'
import os, sys
text = open(sys.argv[1]).read()
for name, value in {"USER_LINE": os.environ["USER_LINE"], "PROD_DIR": os.environ["PROD_DIR"],
                    "HTTP_PORT": os.environ["HTTP_PORT"], "ACTIONS_PORT": os.environ["ACTIONS_PORT"],
                    "RASA_SERVERS": os.environ["RASA_LIST"].rstrip("\n"),
                    "ACTION_SERVERS": os.environ["ACTION_LIST"].rstrip("\n")}.items():
    text = text.replace(f"@{name}@", value)
open(sys.argv[2], "w").write(text)
PY
  nginx -q -c "$PROD_DIR/nginx/nginx.conf" -p "$PROD_DIR/nginx" -g "daemon on;"
}

stop_nginx() {
  local pidfile="$PROD_DIR/run/nginx.pid"
  [[ -f "$pidfile" ]] && kill -QUIT "$(cat "$pidfile")" 2>/dev/null || true
}
