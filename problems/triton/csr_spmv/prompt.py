import torch
import triton
import triton.language as tl


def solution(
    row_ptr: torch.Tensor, col_idx: torch.Tensor, values: torch.Tensor, x: torch.Tensor
) -> torch.Tensor:
    """Product of a sparse matrix in CSR form and a dense vector.

    The M x N matrix A holds, for each row i, the entries values[p] at columns
    col_idx[p] for p in row_ptr[i] .. row_ptr[i + 1] - 1 (columns ascending within a
    row; a column may appear more than once, and then its entries add up). So
      y[i] = sum_{p = row_ptr[i]}^{row_ptr[i + 1] - 1} values[p] * x[col_idx[p]]
    (an empty row gives 0). Accumulate in float32; any summation order is accepted.

    Inputs (on the same CUDA device, contiguous):
      row_ptr: (M + 1,), dtype int64, row_ptr[0] = 0, non-decreasing, row_ptr[M] = nnz
      col_idx: (nnz,), dtype int32, values in [0, N)
      values:  (nnz,), dtype float32, finite values of either sign
      x:       (N,),   dtype float32, finite values of either sign
    with 1 <= M, N <= 2_000_000 and nnz <= 100_000_000. Row lengths may be very
    uneven: most rows hold a few dozen entries, a few hold up to 200_000, some none.

    Returns a new tensor y of shape (M,) and dtype float32, on x's device.

    The work must be done by one or more @triton.jit kernels that you write and launch;
    torch may only be used to allocate the output (torch.empty, torch.zeros and the
    like), not to compute it. Do not modify the inputs.
    """
