from operator import mul


def block_checksums(data: bytes, block: int) -> list[int]:
    # The two sums of each block at C speed: sum() of the bytes, and sum() of
    # the bytes times a precomputed list of descending weights.
    weights = list(range(block, 0, -1))
    out = []
    for start in range(0, len(data), block):
        chunk = data[start : start + block]
        m = len(chunk)
        scaled = sum(map(mul, chunk, weights[block - m :]))
        out.append(scaled % 255 * 256 + sum(chunk) % 255)
    return out
