#!/usr/bin/env bash
# The Rasa server of `make run`, as supervisord starts it (scripts/supervisord.conf): builds
# the arguments from the environment (scripts/defaults.sh) and becomes the server (exec), so
# supervisord's signals reach Rasa itself.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/defaults.sh
source scripts/defaults.sh

# RASA_CORS_ORIGINS is a space-separated list: one --cors argument per origin.
# shellcheck disable=SC2206
args=(run --enable-api --interface "$RASA_INTERFACE" --port "$RASA_PORT"
      --credentials credentials.yml --endpoints endpoints.yml --model "$RASA_MODEL"
      --cors ${RASA_CORS_ORIGINS})
if [[ -n "${RASA_TOKEN:-}" ]]; then
    args+=("--auth-token=$RASA_TOKEN")  # "=": a token may start with "-"
fi
exec .venv/bin/rasa "${args[@]}"
