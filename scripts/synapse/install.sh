#!/usr/bin/env bash
# Install a pinned Synapse (Matrix homeserver) into .synapse/venv for integration tests.
# Idempotent: does nothing when the pinned version is already installed.
#
# Env:
#   SYNAPSE_DIR     state folder (default: <repo>/.synapse, git-ignored)
#   SYNAPSE_PYTHON  interpreter used to create the venv (default: python3; needs >= 3.10)
set -euo pipefail

SYNAPSE_VERSION="1.163.2"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SYNAPSE_DIR="${SYNAPSE_DIR:-$REPO_ROOT/.synapse}"
VENV="$SYNAPSE_DIR/venv"
PY="${SYNAPSE_PYTHON:-python3}"

installed_version() {
  [ -x "$VENV/bin/python" ] || return 1
  "$VENV/bin/python" - <<'PY' 2>/dev/null
import importlib.metadata as m
print(m.version("matrix-synapse"))
PY
}

if [ "$(installed_version || true)" = "$SYNAPSE_VERSION" ]; then
  echo "synapse $SYNAPSE_VERSION already installed in $VENV"
  exit 0
fi

if ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)'; then
  echo "install.sh: $PY is $("$PY" --version 2>&1); Synapse $SYNAPSE_VERSION needs Python >= 3.10" >&2
  exit 1
fi

start=$(date +%s)
mkdir -p "$SYNAPSE_DIR"
# A venv whose interpreter no longer runs (moved folder, removed Python) is rebuilt.
if [ -d "$VENV" ] && ! "$VENV/bin/python" -c 'pass' 2>/dev/null; then
  echo "install.sh: $VENV is broken, recreating it"
  rm -rf "$VENV"
fi
[ -d "$VENV" ] || "$PY" -m venv "$VENV"

# Every transitive dependency is pinned too (the set `pip freeze` gave for this
# Synapse version on Python 3.11), so CI installs the same thing every time.
# To bump: change SYNAPSE_VERSION, install it unconstrained into a scratch venv
# and paste its `pip freeze` here.
CONSTRAINTS="$SYNAPSE_DIR/constraints.txt"
cat > "$CONSTRAINTS" <<'PINS'
annotated-types==0.8.0
attrs==26.1.0
Automat==25.4.16
bcrypt==5.0.0
bleach==6.4.0
canonicaljson==2.0.0
certifi==2026.10.18
cffi==2.1.1
charset-normalizer==3.5.2
constantly==23.10.4
cryptography==50.0.2
hyperlink==21.0.0
idna==3.20
ijson==3.6.0
immutabledict==4.3.1
Incremental==24.11.0
Jinja2==3.1.6
jsonschema==4.26.0
jsonschema-specifications==2025.9.1
MarkupSafe==3.0.4
matrix-common==1.3.0
msgpack==1.2.4
multipart==2.0.1
netaddr==1.3.0
packaging==26.3
phonenumbers==9.0.43
pillow==13.0.0
prometheus_client==0.26.0
pyasn1==0.6.5
pyasn1_modules==0.4.2
pycparser==3.12
pydantic==2.14.3
pydantic_core==2.50.4
pymacaroons==0.13.0
PyNaCl==1.6.2
pyOpenSSL==26.4.0
pyparsing==3.3.3
pyrsistent==0.20.0
python-multipart==0.0.34
PyYAML==6.0.3
referencing==0.37.0
requests==2.34.2
rpds-py==2026.9.1
semantic-version==2.10.0
service-identity==26.1.0
setuptools-rust==1.13.0
signedjson==1.1.4
six==1.17.0
sortedcontainers==2.4.0
treq==26.7.0
Twisted==26.10.0
typing-inspection==0.4.5
typing_extensions==4.16.0
unpaddedbase64==2.1.0
urllib3==2.8.0
webencodings==0.6.1
zope.interface==8.7
PINS

PIP=("$VENV/bin/pip" install --disable-pip-version-check --no-input -q -c "$CONSTRAINTS")
echo "installing matrix-synapse==$SYNAPSE_VERSION into $VENV (wheels only) ..."
# Wheels only: Synapse ships abi3 manylinux wheels (its Rust part prebuilt), so no
# compiler, Rust toolchain or -dev package is needed on x86_64/aarch64 Linux.
if ! "${PIP[@]}" --only-binary=:all: "matrix-synapse==$SYNAPSE_VERSION"; then
  echo "install.sh: wheel-only install failed; retrying with source builds allowed (needs a C compiler and Rust)" >&2
  "${PIP[@]}" --prefer-binary "matrix-synapse==$SYNAPSE_VERSION"
fi

got="$(installed_version || true)"
if [ "$got" != "$SYNAPSE_VERSION" ]; then
  echo "install.sh: expected matrix-synapse $SYNAPSE_VERSION in $VENV, found '${got:-nothing}'" >&2
  exit 1
fi
echo "synapse $SYNAPSE_VERSION installed in $VENV in $(( $(date +%s) - start ))s"
