import torch


def reference(a, b):
    # The task asks for float32 accumulation: keep cuBLAS from summing split-K partial
    # products in half precision (its default for these skinny shapes), then restore.
    flags = torch.backends.cuda.matmul
    saved = (
        flags.allow_fp16_reduced_precision_reduction,
        flags.allow_bf16_reduced_precision_reduction,
    )
    flags.allow_fp16_reduced_precision_reduction = False
    flags.allow_bf16_reduced_precision_reduction = False
    try:
        return a @ b
    finally:
        flags.allow_fp16_reduced_precision_reduction = saved[0]
        flags.allow_bf16_reduced_precision_reduction = saved[1]


def bytes_moved(a, b):
    m, k = a.shape
    n = b.shape[1]
    return (m * k + k * n + m * n) * a.element_size()


def flops(a, b):
    m, k = a.shape
    n = b.shape[1]
    return 2 * m * n * k
