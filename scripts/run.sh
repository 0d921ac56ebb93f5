#!/usr/bin/env bash
# Start the action server and the Rasa server in the foreground; Ctrl-C stops both.
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
for _ in $(seq 1 120); do
    if curl -fsS "${base}/" >/dev/null 2>&1; then break; fi
    for pid in "${pids[@]}"; do
        kill -0 "$pid" 2>/dev/null || { echo "A server exited during start-up; see the log above." >&2; exit 1; }
    done
    sleep 1
done

cat <<MSG

Course Advisor is running.
  Rasa server:    ${base}/   (HTTP API on$( [[ -n "${RASA_TOKEN:-}" ]] && echo ", token required" || echo ", localhost only"))
  REST channel:   ${base}/webhooks/rest/webhook
  Action server:  http://127.0.0.1:${ACTION_PORT}/health
Chat from another terminal:
  curl -s -XPOST ${base}/webhooks/rest/webhook -H 'Content-Type: application/json' \\
       -d '{"sender": "me", "message": "hi"}'
or chat in the terminal with:  make shell
Press Ctrl-C to stop everything.
MSG

wait -n "${pids[@]}"
echo "A server stopped unexpectedly; stopping the other." >&2
exit 1
