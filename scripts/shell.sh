#!/usr/bin/env bash
# Usage: scripts/shell.sh [shell|interactive]
# Chat in the terminal (rasa shell) with the action server running; for careers advisers.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/defaults.sh
source scripts/defaults.sh

echo "==> Starting the action server on port ${ACTION_PORT}..."
mkdir -p var
.venv/bin/rasa run actions --actions actions --port "$ACTION_PORT" >var/action-server.log 2>&1 &
action_pid=$!
trap 'kill "$action_pid" 2>/dev/null || true' EXIT
echo "    (its log: var/action-server.log)"
mode="${1:-shell}"
echo "==> Loading the model; type your messages after the prompt, /stop to quit."
if [[ "$mode" == "interactive" ]]; then
    # Rasa 3.6's interactive server always listens on 0.0.0.0 (no option): use it on a
    # machine whose firewall keeps port 5005 private.
    .venv/bin/rasa interactive --endpoints endpoints.yml --model models/course-advisor.tar.gz \
        --data data/nlu data/rules data/stories --skip-visualization
else
    # rasa shell serves Rasa's HTTP API (no token) on 0.0.0.0 unless told otherwise.
    .venv/bin/rasa shell --endpoints endpoints.yml --model models --interface 127.0.0.1
fi
