#!/usr/bin/env bash
# Scale out on one machine with Rasa's own mechanisms (docs/deployment.md):
#   - N Rasa servers on consecutive ports sharing one PostgreSQL tracker store and one
#     Redis lock store, so any server can take any turn of any conversation;
#   - one action server running several Sanic worker processes (ACTION_SERVER_SANIC_WORKERS)
#     on one port, over a shared course store.
# PostgreSQL: a throwaway cluster under var/pg (kept between runs; `rm -rf var/pg` resets it),
# or an existing server when TRACKER_STORE_URL is a postgresql:// URL.
# Redis: started on 127.0.0.1:REDIS_PORT unless a Redis already answers there (or REDIS_HOST
# is another machine). Ctrl-C stops everything this script started.
# Called by `make scale-out` after set-up; `scripts/scale_out.sh --help` lists the settings.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

usage() {
    cat <<'HELP'
Usage: scripts/scale_out.sh [--servers N] [--action-workers N]

Starts PostgreSQL (tracker store, course store), Redis (lock store), N Rasa servers on
consecutive ports from RASA_PORT and a multi-process action server; Ctrl-C stops them all.

Settings (environment; the README's "Configuration" table has the common ones):
  RASA_SERVERS=2           number of Rasa servers (or --servers N)
  ACTION_WORKERS=2         action server worker processes (or --action-workers N)
  RASA_PORT=5005           first Rasa port; the others follow (5006, ...)
  ACTION_PORT=5055         action server port (all its workers share it)
  PG_PORT=5433             port of the throwaway PostgreSQL cluster under var/pg
  TRACKER_STORE_URL        postgresql://user:pw@host:5432/rasa: use that server, start none;
                           sqlite:///var/tracker.db: one file shared by the servers, start no
                           PostgreSQL (one machine only; faster there: bench/README.md)
  COURSE_DB_URL            course store URL (default: a 'courses' database in the throwaway
                           cluster, imported from data/catalogue/courses.csv; with an external
                           TRACKER_STORE_URL and no COURSE_DB_URL: var/courses.db)
  REDIS_HOST=127.0.0.1 REDIS_PORT=6379 REDIS_DB=1 REDIS_PASSWORD=
  RASA_INTERFACE=127.0.0.1, RASA_TOKEN, RASA_CORS_ORIGINS as for `make run`
HELP
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --servers) RASA_SERVERS=${2:?--servers needs a number}; shift 2 ;;
        --action-workers) ACTION_WORKERS=${2:?--action-workers needs a number}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "Unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done

# Read before defaults.sh, which gives TRACKER_STORE_URL a SQLite default.
given_tracker_url=${TRACKER_STORE_URL:-}
given_course_url=${COURSE_DB_URL:-}
given_lock_type=${LOCK_STORE_TYPE:-}
RASA_SERVERS=${RASA_SERVERS:-2}
ACTION_WORKERS=${ACTION_WORKERS:-2}
PG_PORT=${PG_PORT:-5433}
# shellcheck source=scripts/defaults.sh
source scripts/defaults.sh

for n in "$RASA_SERVERS" "$ACTION_WORKERS"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "Counts must be whole numbers >= 1 (got '$n')." >&2; exit 2; }
done

PY=.venv/bin/python
RASA=.venv/bin/rasa
LOGS=var/log/scale-out
[[ -x "$RASA" ]] || { echo "No virtualenv: run 'make setup' first." >&2; exit 1; }
compgen -G "models/*.tar.gz" >/dev/null || { echo "No trained model in models/: run 'make setup' first." >&2; exit 1; }
mkdir -p var "$LOGS"

is_local() { [[ "$1" == "127.0.0.1" || "$1" == "localhost" || "$1" == "::1" ]]; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
mask() { sed -E 's#(://[^:/@]*:)[^@]*@#\1***@#' <<<"$1"; }

# -- what we start, and how to stop it -------------------------------------------------------
pids=()
redis_pid=""
pg_started=""
PG_BIN=""
as_pg=()

cleanup() {
    trap - EXIT
    trap "" INT TERM  # finish stopping even if Ctrl-C is pressed again
    [[ ${#pids[@]} -gt 0 || -n "$redis_pid" || -n "$pg_started" ]] || return 0
    echo
    echo "==> Stopping the scale-out..."
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [[ -n "$redis_pid" ]]; then
        kill "$redis_pid" 2>/dev/null || true
        wait "$redis_pid" 2>/dev/null || true
    fi
    if [[ -n "$pg_started" ]]; then
        "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$ROOT/var/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    echo "==> Stopped."
}
trap 'exit 130' INT
trap 'exit 143' TERM
trap cleanup EXIT

fail() {
    echo "$1" >&2
    [[ -n "${2:-}" && -f "$2" ]] && { echo "--- last lines of $2:" >&2; tail -n 30 "$2" >&2; }
    exit 1
}

# -- PostgreSQL: tracker store (and course store) --------------------------------------------
[[ "$given_tracker_url" == postgres://* ]] && fail "Write TRACKER_STORE_URL as postgresql://... (SQLAlchemy 1.4 refuses postgres://)."
if [[ "$given_tracker_url" == sqlite:///* ]]; then
    # One machine only: every server shares one SQLite file (write-ahead logging, see
    # bot/tracker_store.py); the Redis lock store still orders each conversation's turns.
    TRACKER_STORE_URL=$given_tracker_url
    echo "==> Using the SQLite tracker store $TRACKER_STORE_URL, shared by every server on this machine"
elif [[ "$given_tracker_url" =~ ^postgresql(\+[a-z0-9]+)?:// ]]; then
    TRACKER_STORE_URL=$given_tracker_url
    echo "==> Using the PostgreSQL tracker store at $(mask "$TRACKER_STORE_URL")"
    "$PY" - "$TRACKER_STORE_URL" <<'PY' || fail "Cannot connect to TRACKER_STORE_URL."
import sys
import sqlalchemy
try:
    sqlalchemy.create_engine(sys.argv[1]).connect().close()
except Exception as error:
    sys.exit(str(error).splitlines()[0])
PY
else
    [[ -z "$given_tracker_url" ]] || echo "==> TRACKER_STORE_URL is neither PostgreSQL nor an SQLite file; starting a local PostgreSQL instead."
    initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n "$initdb" ]] || initdb=$(command -v initdb || true)
    [[ -n "$initdb" ]] || fail "PostgreSQL is not installed: apt-get install postgresql (or set TRACKER_STORE_URL=postgresql://... to use a running server)."
    PG_BIN=$(dirname "$initdb")
    port_in_use "$PG_PORT" && fail "Port $PG_PORT is taken; set PG_PORT to a free port (or TRACKER_STORE_URL to use that server).
If an earlier scale-out was killed, its PostgreSQL may still run: runuser -u postgres -- $PG_BIN/pg_ctl -D $ROOT/var/pg/data stop"
    mkdir -p var/pg
    if [[ $(id -u) -eq 0 ]]; then
        # initdb and postgres refuse to run as root: run them as the 'postgres' user.
        id postgres >/dev/null 2>&1 || fail "Running as root and there is no 'postgres' user to run PostgreSQL as."
        chown postgres: var/pg
        [[ -d var/pg/data ]] && chown -R postgres: var/pg/data
        as_pg=(runuser -u postgres --)
    fi
    if [[ ! -f var/pg/data/PG_VERSION ]]; then
        echo "==> Creating a PostgreSQL cluster in var/pg/data (first run only)"
        "${as_pg[@]}" "$PG_BIN/initdb" -D "$ROOT/var/pg/data" -U postgres -A trust -E UTF8 \
            --no-sync >var/pg/initdb.log 2>&1 || fail "initdb failed." var/pg/initdb.log
    fi
    echo "==> Starting PostgreSQL on 127.0.0.1:${PG_PORT}"
    "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$ROOT/var/pg/data" -l "$ROOT/var/pg/server.log" -w -t 60 \
        -o "-p $PG_PORT -k $ROOT/var/pg -c listen_addresses=127.0.0.1" start >/dev/null \
        || fail "PostgreSQL did not start." var/pg/server.log
    pg_started=1
    for db in rasa courses; do
        exists=$("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc \
            "SELECT 1 FROM pg_database WHERE datname = '$db'")
        [[ "$exists" == 1 ]] || "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$db"
    done
    TRACKER_STORE_URL="postgresql://postgres@127.0.0.1:${PG_PORT}/rasa"
    if [[ -z "$given_course_url" ]]; then
        COURSE_DB_URL="postgresql+psycopg2://postgres@127.0.0.1:${PG_PORT}/courses"
        echo "==> Importing the course catalogue into PostgreSQL (updates only what changed)"
        "$PY" -m actions.store.importer data/catalogue/courses.csv --db "$COURSE_DB_URL" \
            --prune --quiet || fail "Importing the catalogue failed."
    fi
fi
export TRACKER_STORE_URL
export COURSE_DB_URL=${COURSE_DB_URL:-${given_course_url:-sqlite:///$ROOT/var/courses.db}}

# -- Redis: lock store -----------------------------------------------------------------------
# Rasa's own "redis" lock store issues tickets with a non-atomic GET then SET, so two servers
# taking turns of one conversation at the same instant can both proceed (docs/deployment.md);
# bot/lock_store.py, when present, is the same store with atomic ticket operations.
if [[ -n "$given_lock_type" && "$given_lock_type" != "in_memory" ]]; then
    LOCK_STORE_TYPE=$given_lock_type
elif [[ -f bot/lock_store.py ]]; then
    LOCK_STORE_TYPE=bot.lock_store.AtomicRedisLockStore
else
    LOCK_STORE_TYPE=redis
fi
export LOCK_STORE_TYPE
if is_local "$REDIS_HOST" && ! port_in_use "$REDIS_PORT"; then
    command -v redis-server >/dev/null || fail "redis-server is not installed: apt-get install redis-server (or set REDIS_HOST/REDIS_PORT to a running Redis)."
    echo "==> Starting Redis on 127.0.0.1:${REDIS_PORT} (locks only; nothing is saved to disk)"
    mkdir -p var/redis
    redis_args=(--bind 127.0.0.1 --port "$REDIS_PORT" --dir "$ROOT/var/redis" --save ""
                --appendonly no --protected-mode yes)
    [[ -n "$REDIS_PASSWORD" ]] && redis_args+=(--requirepass "$REDIS_PASSWORD")
    redis-server "${redis_args[@]}" >"$LOGS/redis.log" 2>&1 &
    redis_pid=$!
else
    echo "==> Using the Redis at ${REDIS_HOST}:${REDIS_PORT}"
fi
redis_ping() {
    "$PY" -c 'import os, redis
redis.Redis(host=os.environ["REDIS_HOST"], port=int(os.environ["REDIS_PORT"]),
            db=int(os.environ["REDIS_DB"]), password=os.environ["REDIS_PASSWORD"] or None,
            socket_timeout=2).ping()' 2>/dev/null
}
for _ in $(seq 1 50); do
    redis_ping && break
    [[ -z "$redis_pid" ]] || kill -0 "$redis_pid" 2>/dev/null || fail "Redis exited." "$LOGS/redis.log"
    sleep 0.2
done
redis_ping || fail "Redis at ${REDIS_HOST}:${REDIS_PORT} does not answer (check REDIS_PASSWORD)." "$LOGS/redis.log"

# -- action server: several worker processes on one port -------------------------------------
port_in_use "$ACTION_PORT" && fail "Port $ACTION_PORT is taken; set ACTION_PORT."
echo "==> Starting the action server on 127.0.0.1:${ACTION_PORT} with ${ACTION_WORKERS} worker processes"
ACTION_SERVER_SANIC_WORKERS=$ACTION_WORKERS SANIC_HOST=127.0.0.1 \
    "$RASA" run actions --actions actions --port "$ACTION_PORT" >"$LOGS/actions.log" 2>&1 &
action_pid=$!
pids+=("$action_pid")
export ACTION_SERVER_URL="http://127.0.0.1:${ACTION_PORT}/webhook"

# -- Rasa servers ------------------------------------------------------------------------------
rasa_auth=()
if [[ -n "${RASA_TOKEN:-}" ]]; then
    rasa_auth=("--auth-token=$RASA_TOKEN")  # "=": a token may start with "-"
elif ! is_local "$RASA_INTERFACE"; then
    fail "Refusing to expose Rasa's HTTP API on ${RASA_INTERFACE} without RASA_TOKEN."
fi
ports=()
for i in $(seq 0 $((RASA_SERVERS - 1))); do
    port=$((RASA_PORT + i))
    port_in_use "$port" && fail "Port $port is taken; set RASA_PORT to the first of ${RASA_SERVERS} free ports."
    ports+=("$port")
done
echo "==> Starting ${RASA_SERVERS} Rasa servers on ports ${ports[*]} (loading the model takes ~20-40 s)"
for port in "${ports[@]}"; do
    # shellcheck disable=SC2086  # RASA_CORS_ORIGINS is a space-separated list
    "$RASA" run --enable-api --interface "$RASA_INTERFACE" --port "$port" \
        --credentials credentials.yml --endpoints endpoints.yml --model models \
        --cors ${RASA_CORS_ORIGINS} "${rasa_auth[@]}" >"$LOGS/rasa-${port}.log" 2>&1 &
    pids+=($!)
done

wait_up() {  # url pid log
    for _ in $(seq 1 360); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || fail "A server exited during start-up ($1)." "$3"
        sleep 0.5
    done
    fail "$1 did not answer within 180 s." "$3"
}
wait_up "http://127.0.0.1:${ACTION_PORT}/health" "$action_pid" "$LOGS/actions.log"
for i in "${!ports[@]}"; do
    wait_up "http://${RASA_INTERFACE}:${ports[$i]}/" "${pids[$((i + 1))]}" "$LOGS/rasa-${ports[$i]}.log"
done

workers=$(pgrep -P "$action_pid" | paste -sd, - || true)
{
    echo
    echo "Course Advisor is running scaled out:"
    for port in "${ports[@]}"; do
        echo "  Rasa server:    http://${RASA_INTERFACE}:${port}/   REST: http://${RASA_INTERFACE}:${port}/webhooks/rest/webhook"
    done
    echo "  Action server:  http://127.0.0.1:${ACTION_PORT}/health   (${ACTION_WORKERS} worker processes: pids ${workers:-?})"
    echo "  Tracker store:  $(mask "$TRACKER_STORE_URL")   (shared by every Rasa server)"
    echo "  Lock store:     ${LOCK_STORE_TYPE} at redis ${REDIS_HOST}:${REDIS_PORT} db ${REDIS_DB}"
    echo "  Course store:   $(mask "$COURSE_DB_URL")"
    echo "  Logs:           ${LOGS}/"
    echo "Put the Rasa servers behind one load balancer (docs/deployment.md); any server can"
    echo "take any turn of any conversation. Try a load test across them:"
    printf '  .venv/bin/python -m bench.load_test'
    for port in "${ports[@]}"; do printf ' --url http://127.0.0.1:%s' "$port"; done
    echo
    echo "Press Ctrl-C to stop everything."
}

wait -n "${pids[@]}" || true
echo "A server stopped unexpectedly (logs in ${LOGS}/); stopping the others." >&2
exit 1
