#!/usr/bin/env bash
# Start the action server, the Rasa server, the web chat demo page and (with a token) the
# Telegram bridge under supervisord (scripts/supervisord.conf), which starts a process again
# when it dies; Ctrl-C stops them all.
# Called by `make run` after set-up. Every setting has a default (README, "Configuration").
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/defaults.sh
source scripts/defaults.sh
mkdir -p var

if [[ -z "${RASA_TOKEN:-}" && "$RASA_INTERFACE" != "127.0.0.1" && "$RASA_INTERFACE" != "localhost" ]]; then
    echo "Refusing to expose Rasa's HTTP API on ${RASA_INTERFACE} without RASA_TOKEN." >&2
    echo "Set RASA_TOKEN=<a long random string> or keep RASA_INTERFACE=127.0.0.1." >&2
    exit 1
fi

SUPERVISOR_DIR="$(realpath -m "$SUPERVISOR_DIR")"
export SUPERVISOR_DIR
mkdir -p "$SUPERVISOR_DIR"
CONF=scripts/supervisord.conf
ctl() { .venv/bin/supervisorctl -c "$CONF" "$@"; }
log="${SUPERVISOR_DIR}/supervisord.log"  # appended to by every run: read only this run's lines
log_from=$(( $( [[ -f "$log" ]] && wc -l <"$log" || echo 0 ) + 1 ))

echo "==> Starting the action server (port ${ACTION_PORT}), the Rasa server (${RASA_INTERFACE}:${RASA_PORT};"
echo "    loading the model takes ~20 s) and the web chat demo page (port ${WIDGET_PORT}) under supervisord..."
# Ctrl-C reaches supervisord (from the terminal and through the trap below); it keeps its
# programs in process groups of their own, so it, not the terminal, stops them, in order.
.venv/bin/supervisord -c "$CONF" &
supervisord_pid=$!

stop() {
    trap - EXIT
    trap "" INT TERM  # finish stopping even if Ctrl-C is pressed again
    echo
    echo "==> Stopping Course Advisor..."
    kill -TERM "$supervisord_pid" 2>/dev/null || true
    wait "$supervisord_pid" 2>/dev/null || true
    echo "==> Stopped."
}
trap 'exit 130' INT
trap 'exit 143' TERM
trap stop EXIT

base="http://${RASA_INTERFACE}:${RASA_PORT}"
up=""
for _ in $(seq 1 300); do
    if curl -fsS "${base}/" >/dev/null 2>&1; then up=1; break; fi
    kill -0 "$supervisord_pid" 2>/dev/null || { echo "supervisord exited during start-up; see above." >&2; exit 1; }
    # A process that keeps dying at start-up ends FATAL ("gave up"): stop rather than wait.
    if tail -n "+${log_from}" "$log" 2>/dev/null | grep -q "gave up:"; then
        echo "A server kept failing during start-up; see its log above." >&2
        exit 1
    fi
    sleep 1
done
[[ -n "$up" ]] || { echo "The Rasa server did not answer within 300 s; see the log above." >&2; exit 1; }

if [[ -n "${TELEGRAM_BOT_TOKEN:-}" ]]; then
    echo "==> Starting the Telegram bridge (long polling)..."
    ctl start telegram >/dev/null
    telegram="the bridge is polling Telegram: message your bot"
else
    telegram="off. To enable: TELEGRAM_BOT_TOKEN=<token from @BotFather> make run"
fi

cat <<MSG

Course Advisor is running.
  Rasa server:    ${base}/   (HTTP API on$( [[ -n "${RASA_TOKEN:-}" ]] && echo ", token required" || echo ", localhost only"))
  REST channel:   ${base}/webhooks/rest/webhook
  Action server:  http://127.0.0.1:${ACTION_PORT}/health
  Web chat demo:  http://127.0.0.1:${WIDGET_PORT}/   (a careers-service page with the widget)
  Telegram:       ${telegram}
Chat from another terminal (sender ids come from the server, which signs them):
  curl -s -XPOST ${base}/webhooks/rest/session          # -> {"sender": "web-..."}
  curl -s -XPOST ${base}/webhooks/rest/webhook -H 'Content-Type: application/json' \\
       -d '{"sender": "<that sender>", "message": "hi"}'
or chat in the terminal with:  make shell
A process that dies is started again (supervisord); to see them:
  SUPERVISOR_DIR=${SUPERVISOR_DIR} .venv/bin/supervisorctl -c ${CONF} status
Press Ctrl-C to stop everything.
MSG

status=0
wait "$supervisord_pid" || status=$?
trap - EXIT
if [[ $status -eq 0 ]]; then
    echo "==> Stopped (supervisord was asked to stop)."
    exit 0
fi
echo "supervisord exited with status ${status}." >&2
exit 1
