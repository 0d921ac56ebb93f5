#!/usr/bin/env bash
# Usage: scripts/shell.sh [shell|interactive]
# Chat in the terminal (rasa shell) with the action server running; for careers advisers.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/defaults.sh
source scripts/defaults.sh

# Advisers should see the conversation, not library chatter. For this command only:
# Python's deprecation and future warnings off, TensorFlow's C++ and absl logs down to errors,
# Rasa's own log at WARNING. Errors (and Rasa's warnings about our data) still show.
# bot/quiet_cli.py re-applies the warning filters after Sanic's import resets them.
export PYTHONWARNINGS="${PYTHONWARNINGS:-ignore::DeprecationWarning,ignore::PendingDeprecationWarning,ignore::FutureWarning}"
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
export ABSL_MIN_LOG_LEVEL="${ABSL_MIN_LOG_LEVEL:-2}"
export LOG_LEVEL_LIBRARIES="${LOG_LEVEL_LIBRARIES:-ERROR}"
export SQLALCHEMY_SILENCE_UBER_WARNING=1

echo "==> Starting the action server on port ${ACTION_PORT}..."
mkdir -p var
.venv/bin/rasa run actions --actions actions --port "$ACTION_PORT" >var/action-server.log 2>&1 &
action_pid=$!
# On exit: stop the action server, and if it has not stopped after 5 s, kill it.
stop_actions() {
    kill "$action_pid" 2>/dev/null || return 0
    for _ in $(seq 50); do
        kill -0 "$action_pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -9 "$action_pid" 2>/dev/null || true
}
trap stop_actions EXIT
echo "    (its log: var/action-server.log)"
mode="${1:-shell}"
echo "==> Loading the model; type your messages after the prompt, /stop to quit."
if [[ "$mode" == "interactive" ]]; then
    # Rasa 3.6's interactive server always listens on 0.0.0.0 (no option): use it on a
    # machine whose firewall keeps port 5005 private.
    .venv/bin/rasa interactive --endpoints endpoints.yml --model models/course-advisor.tar.gz \
        --data data/nlu data/rules --skip-visualization
else
    # What `rasa shell` runs, with our terminal channel (bot/shell_channel.py): a course
    # list is printed once, as text, not again as a raw "Custom json:" dump. Without
    # --enable-api there is no HTTP API; the console's channel listens on localhost only.
    .venv/bin/python -m bot.quiet_cli run --connector bot.shell_channel.AdviserShellInput --quiet \
        --endpoints endpoints.yml --model "$RASA_MODEL" --interface 127.0.0.1 --port "$RASA_PORT"
fi
