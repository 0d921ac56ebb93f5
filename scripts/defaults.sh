# Default settings for every command that starts or talks to Rasa (sourced, not run).
# A variable already set in the environment wins. The README's "Configuration" table
# documents each one.
: "${RASA_PORT:=5005}"
: "${RASA_INTERFACE:=127.0.0.1}"
: "${ACTION_PORT:=5055}"
: "${ACTION_SERVER_URL:=http://127.0.0.1:${ACTION_PORT}/webhook}"
: "${WIDGET_PORT:=8080}"
: "${RASA_MODEL:=models}"               # a model file, or a folder whose newest model is used
: "${SUPERVISOR_DIR:=var/supervisor}"  # make run's supervisord: socket, pid file, its log
: "${RASA_CORS_ORIGINS:=http://127.0.0.1:${WIDGET_PORT} http://localhost:${WIDGET_PORT}}"
: "${TRACKER_STORE_URL:=sqlite:///var/tracker.db}"
: "${LOCK_STORE_TYPE:=in_memory}"
: "${REDIS_HOST:=127.0.0.1}"
: "${REDIS_PORT:=6379}"
: "${REDIS_DB:=1}"
: "${REDIS_PASSWORD:=}"
: "${SANIC_HOST:=127.0.0.1}"   # the action server has no authentication: localhost only
# Signs learners' sender ids (bot/sender_ids.py) so nobody can take over a conversation. Made
# once per checkout in var/sender_secret (readable by this user only) unless set; the Rasa
# server and the Telegram bridge must share it. ALLOW_UNSIGNED_SENDERS=1 turns signing off
# (local experiments only).
if [ -z "${SENDER_SECRET:-}" ] && [ -z "${ALLOW_UNSIGNED_SENDERS:-}" ]; then
    if [ ! -s var/sender_secret ]; then
        mkdir -p var
        (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n/+=' > var/sender_secret)
    fi
    SENDER_SECRET="$(cat var/sender_secret)"
fi
export SENDER_SECRET="${SENDER_SECRET:-}"
export RASA_PORT RASA_INTERFACE ACTION_PORT ACTION_SERVER_URL WIDGET_PORT RASA_CORS_ORIGINS \
    RASA_MODEL SUPERVISOR_DIR \
    TRACKER_STORE_URL LOCK_STORE_TYPE REDIS_HOST REDIS_PORT REDIS_DB REDIS_PASSWORD SANIC_HOST
export SQLALCHEMY_SILENCE_UBER_WARNING=1 TF_CPP_MIN_LOG_LEVEL=2
