#!/usr/bin/env bash
# Start the action server, the Rasa server, the web chat demo page and (with a token) the
# Telegram bridge in the foreground; Ctrl-C stops them all.
# Called by `make run` after set-up. Every setting has a default (README, "Configuration").
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/defaults.sh
source scripts/defaults.sh
mkdir -p var
RASA=.venv/bin/rasa

pids=()
cleanup() {
    trap - INT TERM EXIT
    echo
    echo "==> Stopping Course Advisor..."
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    echo "==> Stopped."
}
trap cleanup INT TERM EXIT

echo "==> Starting the action server on port ${ACTION_PORT}..."
"$RASA" run actions --actions actions --port "$ACTION_PORT" &
pids+=($!)

rasa_args=(run --enable-api --interface "$RASA_INTERFACE" --port "$RASA_PORT"
           --credentials credentials.yml --endpoints endpoints.yml --model models
           --cors ${RASA_CORS_ORIGINS})
if [[ -n "${RASA_TOKEN:-}" ]]; then
    rasa_args+=(--auth-token "$RASA_TOKEN")
elif [[ "$RASA_INTERFACE" != "127.0.0.1" && "$RASA_INTERFACE" != "localhost" ]]; then
    echo "Refusing to expose Rasa's HTTP API on ${RASA_INTERFACE} without RASA_TOKEN." >&2
    echo "Set RASA_TOKEN=<a long random string> or keep RASA_INTERFACE=127.0.0.1." >&2
    exit 1
fi

echo "==> Starting the Rasa server on ${RASA_INTERFACE}:${RASA_PORT} (loading the model takes ~20 s)..."
"$RASA" "${rasa_args[@]}" &
pids+=($!)

base="http://${RASA_INTERFACE}:${RASA_PORT}"
echo "==> Serving the web chat demo page on port ${WIDGET_PORT}..."
.venv/bin/python -m bot.web.serve --port "$WIDGET_PORT" --server "$base" --quiet &
pids+=($!)

for _ in $(seq 1 120); do
    if curl -fsS "${base}/" >/dev/null 2>&1; then break; fi
    for pid in "${pids[@]}"; do
        kill -0 "$pid" 2>/dev/null || { echo "A server exited during start-up; see the log above." >&2; exit 1; }
    done
    sleep 1
done

if [[ -n "${TELEGRAM_BOT_TOKEN:-}" ]]; then
    echo "==> Starting the Telegram bridge (long polling)..."
    RASA_URL="$base" .venv/bin/python -m bot.telegram &
    pids+=($!)
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
Press Ctrl-C to stop everything.
MSG

wait -n "${pids[@]}" || true
echo "A process stopped unexpectedly; stopping the others." >&2
exit 1
