"""Variants of triton/row_topk (k largest per row, with int64 indices) to time on the H200.

The task is memory-bound: each row is read once (4 bytes a value) and k values plus k
int64 indices are written. Levels: medium 16384 x 2048 (k=8, 128 MiB), k16 8192 x 8192
(k=16, 256 MiB), long_rows 4096 x 32768 (k=8, 512 MiB, weight 2). The expert
(one warp per row, 512-2048 B chunks, a running top-k merged chunk by chunk) reaches
55-62% of 4.8 TB/s. Two suspected limits: (1) too few bytes in flight per SM (one
1-warp program holds a single 2 KB chunk and waits for it before it asks for the next,
and at most 32 blocks are resident on a Hopper SM, so at most 64 KB are outstanding per
SM, short of what the loaded HBM latency needs); (2) on the short-row levels the merge
work (k * (1 + ln(chunks)) insertions a row, each re-reducing the whole chunk in
registers) is of the same order as the memory time.

All variants keep a running top-k of a row in KP slots (order-preserving int32 keys of
the values, plus int32 columns; kth = the smallest slot), skip a chunk with one max per
value when its maximum does not beat kth, and finally place each slot at its rank.

- "expert": the current reference solution, for comparison.
- "prefetch": the expert's scheme (one warp per row, 512-column chunks merged in
  registers) with register double buffering: the next chunk's 16-byte loads are issued
  before the current chunk is reduced and merged, so every warp always has two chunks
  (4 KB) in flight and the merge rounds of the first chunks overlap the loads. Plain
  one-row-per-program grid: the hardware refills SMs as programs end, so no wave cap
  needs guessing.
- "tourney": one warp per row, big chunks (2048 columns, 64 values a lane, for rows up
  to 16383 columns; 1024 columns for longer ones), so a warp has 8 KB in flight in one
  go and the medium rows are a single chunk. A chunk costs one float max per value to
  get each lane's head (its largest value); values then leave by a tournament: the
  largest head above kth is inserted, and only its lane's 64 values are loaded again
  (an L1/L2 hit, 2 values a lane) to find its column and that lane's next head. A pop
  costs O(1) work per lane instead of several passes over the chunk, which cuts the
  short-row merge work several times over (medium: ~64 max + 8 pops a row).
- "tourney_r8": the same kernel with 1024-column chunks everywhere: half the registers
  (higher occupancy, more rows resident) for a few more pops on the short rows.
- "tourney_w4": the same kernel with 4 warps per row (128 lanes x 4 values x 4 repeats
  = 2048 columns a chunk, 16 values a thread): small register footprint, so up to 16
  rows resident per SM with 8 KB each in flight; pops use block-wide reductions.
- "split": for rows longer than 8192 columns (long_rows), the tournament runs on
  8192-column segments as independent one-warp programs that write their KP candidates
  to a small scratch (about 1 MB for long_rows), and a second kernel merges the
  segments' candidates of each row by rank. Four times more, shorter work units: the
  machine fills evenly even when registers keep fewer than 31 rows resident per SM,
  and no program has to stream a whole 128 KB row. Shorter rows take the one-kernel
  path of "tourney_r8".

On a machine without a GPU (TRITON_INTERPRET=1) compare_variants only checks level 0;
this script then prints its records and also runs every variant on a few random shapes
(multi-chunk rows, masked tails, segments shorter than k, N=1) against torch.topk.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import torch
import triton
import triton.language as tl

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.gpu_variants import sweep_main  # noqa: E402

# ----------------------------------------------------------------------------------------
# Shared pieces


@triton.jit
def _key(x):
    # float32 bits -> int32 whose signed order is the float order (and back: an involution).
    b = x.to(tl.int32, bitcast=True)
    return b ^ ((b >> 31) & 0x7FFFFFFF)


@triton.jit
def _insert(top, ti, kth, mk, col, slots, KP: tl.constexpr):
    # Key mk (column col) replaces the slot holding kth; kth becomes the new smallest.
    s = tl.min(tl.where(top == kth, slots, KP), axis=0)
    top = tl.where(slots == s, mk, top)
    ti = tl.where(slots == s, col, ti)
    return top, ti, tl.min(top, axis=0)


@triton.jit
def _store_sorted(top, ti, used, val_ptr, idx_ptr, row, k):
    # Largest first: a slot's place is how many used slots hold a larger key.
    rank = tl.sum(((top[None, :] > top[:, None]) & used[None, :]).to(tl.int32), axis=1)
    out = row * k + rank
    tl.store(val_ptr + out, _key(top).to(tl.float32, bitcast=True), mask=used)
    tl.store(idx_ptr + out, ti.to(tl.int64), mask=used)


def _kp(k: int) -> int:
    return max(2, triton.next_power_of_2(k))


def _reps(n_cols: int, lanes: int, reps: int) -> int:
    # No more repeats than a row needs (a chunk is reps x lanes x 4 columns).
    return max(1, min(reps, triton.next_power_of_2(triton.cdiv(n_cols, lanes * 4))))


def _outputs(x: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    n_rows = x.shape[0]
    values = torch.empty((n_rows, k), dtype=x.dtype, device=x.device)
    indices = torch.empty((n_rows, k), dtype=torch.int64, device=x.device)
    return values, indices


# ----------------------------------------------------------------------------------------
# "prefetch": in-register merge, next chunk loaded before the current one is processed


@triton.jit
def _register_pops(x, cols, top, ti, kth, slots, KP: tl.constexpr):
    # x: [REPS, 32, 4] values of one chunk (masked ones -inf), cols their columns.
    mk = _key(tl.max(tl.max(tl.max(x, axis=2), axis=0), axis=0))
    if mk > kth:
        key = _key(x)
        while mk > kth:
            hit = tl.where(key == mk, cols, 2147483647)
            col = tl.min(tl.min(tl.min(hit, axis=2), axis=0), axis=0)
            top, ti, kth = _insert(top, ti, kth, mk, col, slots, KP)
            below = tl.where(key < mk, key, -2147483648)
            mk = tl.max(tl.max(tl.max(below, axis=2), axis=0), axis=0)
    return top, ti, kth


@triton.jit
def _prefetch_kernel(x_ptr, val_ptr, idx_ptr, n_cols, n_full, last, k, KP: tl.constexpr,
                     REPS: tl.constexpr):  # fmt: skip
    # n_full: the columns in whole chunks; last = n_full - CH, the last whole chunk (both
    # from the host, so that the prefetch address keeps its 16-byte alignment hint).
    CH: tl.constexpr = REPS * 128
    row = tl.program_id(0)
    base = x_ptr + row * n_cols  # M * N < 2**31 (the contract)
    offs = (
        tl.arange(0, REPS)[:, None, None] * 128
        + tl.arange(0, 32)[None, :, None] * 4
        + tl.arange(0, 4)[None, None, :]
    )
    slots = tl.arange(0, KP)
    used = slots < k
    top = tl.where(used, -2147483648, 2147483647)  # unused slots are never the smallest
    ti = tl.zeros([KP], dtype=tl.int32)
    kth = tl.min(top, axis=0)
    x = tl.load(base + offs, mask=offs < n_full, other=-float("inf"))
    for start in range(0, n_full, CH):
        # The last full chunk "prefetches" itself again (an L1 hit), which keeps the loop
        # free of masks and of reads past the row.
        nxt = tl.load(base + tl.minimum(start + CH, last) + offs)
        top, ti, kth = _register_pops(x, start + offs, top, ti, kth, slots, KP)
        x = nxt
    if n_full < n_cols:
        c = n_full + offs
        x = tl.load(base + c, mask=c < n_cols, other=-float("inf"))
        top, ti, kth = _register_pops(x, c, top, ti, kth, slots, KP)
    _store_sorted(top, ti, used, val_ptr, idx_ptr, row, k)


def prefetch(x: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    n_rows, n_cols = x.shape
    values, indices = _outputs(x, k)
    if n_rows == 0:
        return values, indices
    reps = _reps(n_cols, 32, 4)
    n_full = n_cols - n_cols % (reps * 128)
    _prefetch_kernel[(n_rows,)](
        x, values, indices, n_cols, n_full, n_full - reps * 128, k,
        KP=_kp(k), REPS=reps, num_warps=1,
    )  # fmt: skip
    return values, indices


# ----------------------------------------------------------------------------------------
# "tourney*" and "split": per-lane heads, pops re-load only the winning lane's values


@triton.jit
def _tourney_chunk(x, base, start, hi, lane, goffs, top, ti, kth, slots, KP: tl.constexpr,
                   LANES: tl.constexpr):  # fmt: skip
    # x: [REPS, LANES, 4], column start + r * LANES * 4 + lane * 4 + v; lane l's group is
    # x[:, l, :] and its head hk[l] the key of the group's largest value not yet taken.
    hk = _key(tl.max(tl.max(x, axis=2), axis=0))
    mk = tl.max(hk, axis=0)
    while mk > kth:
        win = tl.min(tl.where(hk == mk, lane, LANES), axis=0)
        gc = start + win * 4 + goffs  # the winning lane's columns, [REPS, 4]
        gk = _key(tl.load(base + gc, mask=gc < hi, other=-float("inf")))
        col = tl.min(tl.min(tl.where(gk == mk, gc, 2147483647), axis=1), axis=0)
        nxt = tl.max(tl.max(tl.where(gk < mk, gk, -2147483648), axis=1), axis=0)
        hk = tl.where(lane == win, nxt, hk)
        top, ti, kth = _insert(top, ti, kth, mk, col, slots, KP)
        mk = tl.max(hk, axis=0)
    return top, ti, kth


@triton.jit
def _tourney_kernel(x_ptr, out_v_ptr, out_i_ptr, n_cols, seg_len, n_seg, k, KP: tl.constexpr,
                    REPS: tl.constexpr, LANES: tl.constexpr, FINAL: tl.constexpr):  # fmt: skip
    # Program = (row, segment of seg_len columns). FINAL: the segment is the whole row and
    # the sorted top-k goes to the outputs; else the KP slots (keys, columns) go to a
    # scratch, unused slots as the smallest key.
    W: tl.constexpr = LANES * 4
    CH: tl.constexpr = REPS * W
    pid = tl.program_id(0)
    row = pid // n_seg
    lo = (pid - row * n_seg) * seg_len
    hi = tl.minimum(lo + seg_len, n_cols)
    base = x_ptr + row * n_cols  # M * N < 2**31 (the contract)
    offs = (
        tl.arange(0, REPS)[:, None, None] * W
        + tl.arange(0, LANES)[None, :, None] * 4
        + tl.arange(0, 4)[None, None, :]
    )
    lane = tl.arange(0, LANES)
    goffs = tl.arange(0, REPS)[:, None] * W + tl.arange(0, 4)[None, :]
    slots = tl.arange(0, KP)
    used = slots < k
    top = tl.where(used, -2147483648, 2147483647)
    ti = tl.zeros([KP], dtype=tl.int32)
    kth = tl.min(top, axis=0)
    full_end = lo + (hi - lo) // CH * CH
    for start in range(lo, full_end, CH):
        x = tl.load(base + start + offs)
        top, ti, kth = _tourney_chunk(x, base, start, hi, lane, goffs, top, ti, kth, slots,
                                      KP, LANES)  # fmt: skip
    if full_end < hi:
        c = full_end + offs
        x = tl.load(base + c, mask=c < hi, other=-float("inf"))
        top, ti, kth = _tourney_chunk(x, base, full_end, hi, lane, goffs, top, ti, kth, slots,
                                      KP, LANES)  # fmt: skip
    if FINAL:
        _store_sorted(top, ti, used, out_v_ptr, out_i_ptr, row, k)
    else:
        out = pid * KP + slots
        tl.store(out_v_ptr + out, tl.where(used, top, -2147483648))
        tl.store(out_i_ptr + out, ti)


@triton.jit
def _merge_kernel(cand_k_ptr, cand_i_ptr, val_ptr, idx_ptr, n_cand, k, C: tl.constexpr):
    # One row's candidates of all segments: a candidate's place is how many beat it.
    # Real candidates are distinct and at least k of them exist, so the placeholders
    # (smallest keys, maybe tied) rank k or later and are dropped.
    row = tl.program_id(0)
    j = tl.arange(0, C)
    inside = j < n_cand
    key = tl.load(cand_k_ptr + row * n_cand + j, mask=inside, other=-2147483648)
    col = tl.load(cand_i_ptr + row * n_cand + j, mask=inside, other=0)
    rank = tl.sum((key[None, :] > key[:, None]).to(tl.int32), axis=1)
    keep = inside & (rank < k)
    out = row * k + rank
    tl.store(val_ptr + out, _key(key).to(tl.float32, bitcast=True), mask=keep)
    tl.store(idx_ptr + out, col.to(tl.int64), mask=keep)


def _tourney(x, k, reps_short, reps_long, warps, long_from=16384):
    n_rows, n_cols = x.shape
    values, indices = _outputs(x, k)
    if n_rows == 0:
        return values, indices
    lanes = 32 * warps
    reps = _reps(n_cols, lanes, reps_long if n_cols >= long_from else reps_short)
    _tourney_kernel[(n_rows,)](
        x, values, indices, n_cols, n_cols, 1, k,
        KP=_kp(k), REPS=reps, LANES=lanes, FINAL=True, num_warps=warps,
    )  # fmt: skip
    return values, indices


def tourney(x: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    return _tourney(x, k, reps_short=16, reps_long=8, warps=1)


def tourney_r8(x: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    return _tourney(x, k, reps_short=8, reps_long=8, warps=1)


def tourney_w4(x: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    return _tourney(x, k, reps_short=4, reps_long=4, warps=4)


SPLIT_SEG = 8192  # a multiple of the chunk (8 x 32 x 4 columns)
SPLIT_REPS = 8


def split(x: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    n_rows, n_cols = x.shape
    if n_cols <= SPLIT_SEG:
        return _tourney(x, k, reps_short=SPLIT_REPS, reps_long=SPLIT_REPS, warps=1)
    values, indices = _outputs(x, k)
    kp = _kp(k)
    n_seg = triton.cdiv(n_cols, SPLIT_SEG)
    n_cand = n_seg * kp
    cand_k = torch.empty((n_rows * n_cand,), dtype=torch.int32, device=x.device)
    cand_i = torch.empty((n_rows * n_cand,), dtype=torch.int32, device=x.device)
    _tourney_kernel[(n_rows * n_seg,)](
        x, cand_k, cand_i, n_cols, SPLIT_SEG, n_seg, k,
        KP=kp, REPS=SPLIT_REPS, LANES=32, FINAL=False, num_warps=1,
    )  # fmt: skip
    _merge_kernel[(n_rows,)](
        cand_k, cand_i, values, indices, n_cand, k, C=triton.next_power_of_2(n_cand), num_warps=4
    )
    return values, indices


VARIANTS = {
    "prefetch": prefetch,
    "tourney": tourney,
    "tourney_r8": tourney_r8,
    "tourney_w4": tourney_w4,
    "split": split,
}


def _self_check() -> None:
    """Each variant on shapes level 0 misses, in the interpreter, against torch.topk."""
    gen = torch.Generator().manual_seed(0)
    shapes = [(2, 20000, 16), (2, 8197, 16), (3, 2048, 8), (2, 1, 1), (3, 129, 3)]
    for rows, cols, k in shapes:
        # Distinct values: a random permutation of the ranks, spread and shifted.
        rank = torch.argsort(torch.rand((rows, cols), generator=gen), dim=1).float()
        x = (rank - cols / 2) * 0.37 + 3.0
        want_v, want_i = torch.topk(x, k, dim=-1)
        for name, fn in VARIANTS.items():
            got_v, got_i = fn(x, k)
            ok = torch.equal(got_v, want_v) and torch.equal(got_i, want_i)
            record = {"selfcheck": name, "shape": [rows, cols, k], "ok": ok}
            print(json.dumps(record), flush=True)


def main() -> None:
    sweep_main("triton/row_topk", VARIANTS, __doc__.splitlines()[0])
    if not torch.cuda.is_available():
        _self_check()


if __name__ == "__main__":
    main()
