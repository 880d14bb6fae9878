#!/usr/bin/env bash
# Start a throwaway Synapse homeserver on 127.0.0.1 for integration tests.
#
#   scripts/synapse/start.sh      # installs Synapse first if needed, then starts it
#
# Env:
#   SYNAPSE_PORT           client port on 127.0.0.1 (default 8448)
#   SYNAPSE_SHARED_SECRET  registration_shared_secret (default soga-test-secret)
#   SYNAPSE_START_TIMEOUT  seconds to wait for the server to answer (default 60)
#   SYNAPSE_RESET=1        start from an empty database (drops all users and rooms)
#   SYNAPSE_DIR            state folder (default <repo>/.synapse, git-ignored)
#
# Server name is `localhost`, so users are @name:localhost. The database is
# SQLite in $SYNAPSE_DIR/data and is kept between starts unless SYNAPSE_RESET=1.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
SYNAPSE_DIR="${SYNAPSE_DIR:-$REPO_ROOT/.synapse}"
mkdir -p "$SYNAPSE_DIR"
export SYNAPSE_DIR="$(cd "$SYNAPSE_DIR" && pwd)"   # absolute: we cd into data/ later
PORT="${SYNAPSE_PORT:-8448}"
SECRET="${SYNAPSE_SHARED_SECRET:-soga-test-secret}"
TIMEOUT="${SYNAPSE_START_TIMEOUT:-60}"

VENV="$SYNAPSE_DIR/venv"
DATA="$SYNAPSE_DIR/data"
PID_FILE="$SYNAPSE_DIR/synapse.pid"
LOG_FILE="$SYNAPSE_DIR/synapse.log"
VERSIONS_URL="http://127.0.0.1:$PORT/_matrix/client/versions"

case "$PORT" in ''|*[!0-9]*) echo "start.sh: SYNAPSE_PORT must be a number, got '$PORT'" >&2; exit 2 ;; esac

# Idempotent and quick (well under a second) when the pinned version is there.
"$SCRIPT_DIR/install.sh"
PY="$VENV/bin/python"

answers() {
  "$PY" - "$VERSIONS_URL" <<'PY' 2>/dev/null
import sys, json, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
    sys.exit(0 if r.status == 200 and "versions" in json.load(r) else 1)
PY
}

is_our_synapse() {  # pid -> 0 if it is alive and is a Synapse homeserver
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null &&
    tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null | grep -q 'synapse.app.homeserver'
}

if [ -f "$PID_FILE" ]; then
  old_pid="$(cat "$PID_FILE")"
  if is_our_synapse "$old_pid"; then
    if [ "${SYNAPSE_RESET:-0}" = "1" ]; then
      echo "start.sh: SYNAPSE_RESET=1 but synapse is running (pid $old_pid); run scripts/synapse/stop.sh first" >&2
      exit 1
    fi
    if answers; then
      echo "synapse already running (pid $old_pid) at http://127.0.0.1:$PORT"
      exit 0
    fi
    echo "start.sh: synapse is already running (pid $old_pid) but $VERSIONS_URL does not answer;" \
         "run scripts/synapse/stop.sh first (or wait if it is still starting)" >&2
    exit 1
  fi
  rm -f "$PID_FILE"   # stale
fi

if answers; then
  echo "start.sh: something not started by this script already answers on $VERSIONS_URL" >&2
  exit 1
fi

mkdir -p "$DATA"

if [ "${SYNAPSE_RESET:-0}" = "1" ]; then   # fresh database and media, same config and keys
  rm -rf "$DATA"/homeserver.db "$DATA"/homeserver.db-* "$DATA/media_store"
  echo "reset: removed the database and media store in $DATA"
fi

# 1. Base config, generated once: keeps the secrets (macaroon/form) and the signing key.
if [ ! -f "$DATA/homeserver.yaml" ]; then
  (cd "$DATA" && "$PY" -m synapse.app.homeserver --generate-config \
     --server-name localhost --report-stats=no \
     --config-path "$DATA/homeserver.yaml" \
     --config-directory "$DATA" --data-directory "$DATA" >/dev/null)
  echo "generated $DATA/homeserver.yaml"
fi

# 2. Test settings, rewritten on every start (so port and secret follow the env).
#    Synapse merges -c files shallowly: each top-level key here replaces the base one.
cat > "$DATA/log.yaml" <<'YAML'
version: 1
formatters:
  precise:
    format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s'
handlers:
  console:
    class: logging.StreamHandler
    formatter: precise
loggers:
  synapse.storage.SQL:
    level: WARNING
  twisted:
    level: WARNING
root:
  level: INFO
  handlers: [console]
disable_existing_loggers: false
YAML

# A JSON string is valid YAML, so the secret is quoted safely whatever it contains.
secret_json="$("$PY" -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$SECRET")"
generous='{per_second: 1000, burst_count: 10000}'
cat > "$DATA/test-overrides.yaml" <<YAML
# Written by scripts/synapse/start.sh on every start; edits here are lost.
server_name: localhost
public_baseurl: http://127.0.0.1:$PORT/
pid_file: $DATA/homeserver.pid
log_config: $DATA/log.yaml
signing_key_path: $DATA/localhost.signing.key
media_store_path: $DATA/media_store
database:
  name: sqlite3
  args:
    database: $DATA/homeserver.db
listeners:
  - port: $PORT
    bind_addresses: ['127.0.0.1']
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]   # client API, also serves /_synapse/admin
        compress: false
registration_shared_secret: $secret_json
enable_registration: false
report_stats: false
trusted_key_servers: []
suppress_key_server_warning: true
federation_domain_whitelist: []
presence:
  enabled: false
url_preview_enabled: false
enable_metrics: false
rc_message: $generous
rc_registration: $generous
rc_registration_token_validity: $generous
rc_login:
  address: $generous
  account: $generous
  failed_attempts: $generous
rc_joins:
  local: $generous
  remote: $generous
rc_joins_per_room: $generous
rc_invites:
  per_room: $generous
  per_user: $generous
  per_issuer: $generous
rc_third_party_invite: $generous
rc_3pid_validation: $generous
rc_admin_redaction: $generous
rc_media_create: $generous
rc_presence:
  per_user: $generous
rc_delayed_event_mgmt: $generous
rc_room_creation: $generous
rc_reports: $generous
rc_user_directory: $generous
rc_profile: $generous
rc_key_requests: $generous
YAML

# 3. Start in the background, detached from this shell's session.
started=$(date +%s)
SETSID=(); command -v setsid >/dev/null && SETSID=(setsid)
cd "$DATA"
nohup "${SETSID[@]}" "$PY" -m synapse.app.homeserver \
  --config-path "$DATA/homeserver.yaml" --config-path "$DATA/test-overrides.yaml" \
  > "$LOG_FILE" 2>&1 < /dev/null &
pid=$!
echo "$pid" > "$PID_FILE"

fail() {
  echo "start.sh: $1" >&2
  echo "----- last 40 lines of $LOG_FILE -----" >&2
  tail -n 40 "$LOG_FILE" >&2 || true
  exit 1
}

deadline=$(( started + TIMEOUT ))
while :; do
  if ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$PID_FILE"
    fail "synapse (pid $pid) exited during startup"
  fi
  if answers; then
    echo "synapse ready at http://127.0.0.1:$PORT (pid $pid, server_name localhost, took $(( $(date +%s) - started ))s, log $LOG_FILE)"
    exit 0
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$PID_FILE"
    fail "synapse did not answer $VERSIONS_URL within ${TIMEOUT}s"
  fi
  sleep 0.5
done
