#!/usr/bin/env bash
# Stop the Synapse started by scripts/synapse/start.sh (found through its PID file).
# Succeeds when nothing is running.
#
# Env: SYNAPSE_DIR (default <repo>/.synapse)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SYNAPSE_DIR="${SYNAPSE_DIR:-$REPO_ROOT/.synapse}"
PID_FILE="$SYNAPSE_DIR/synapse.pid"

if [ ! -f "$PID_FILE" ]; then
  echo "synapse not running (no $PID_FILE)"
  exit 0
fi
pid="$(cat "$PID_FILE")"

# Only signal the pid if it still is a Synapse homeserver (pids get reused).
if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null ||
   ! tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'synapse.app.homeserver'; then
  echo "synapse not running (stale pid file, pid '${pid}')"
  rm -f "$PID_FILE"
  exit 0
fi

kill -TERM "$pid"
for _ in $(seq 1 100); do          # up to 20 s for a clean shutdown
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
if kill -0 "$pid" 2>/dev/null; then
  echo "synapse (pid $pid) ignored SIGTERM for 20s; sending SIGKILL" >&2
  kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
fi
rm -f "$PID_FILE"
echo "synapse stopped (pid $pid)"
