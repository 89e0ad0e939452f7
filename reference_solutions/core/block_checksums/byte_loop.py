def block_checksums(data: bytes, block: int) -> list[int]:
    # Byte by byte with indexing: a running sum and a running sum of the
    # running sums, both reduced modulo 255 at every step.
    out = []
    n = len(data)
    for start in range(0, n, block):
        low = high = 0
        for i in range(start, min(start + block, n)):
            low = (low + data[i]) % 255
            high = (high + low) % 255
        out.append(high * 256 + low)
    return out
