from itertools import repeat


def block_checksums(data: bytes, block: int) -> list[int]:
    # No loop over bytes in Python. For a block c[0..m-1], read as a base-256
    # number X = sum c[i] * 256**(m-1-i): since 256 = 1 + 255, 256**k = 1 + 255*k
    # modulo 255**2, so X % 65025 = (S + 255 * T) % 65025 with S = sum c[i] and
    # T = sum (m-1-i) * c[i]. With S known exactly (sum over the bytes, in C),
    # T % 255 = ((X % 65025 - S) % 65025) // 255, and the weighted sum is T + S.
    # int.from_bytes and one remainder by a one-digit divisor run in C.
    if not data:
        return []
    chunks = [data[start : start + block] for start in range(0, len(data), block)]
    sums = list(map(sum, chunks))
    rests = list(map(int.__mod__, map(int.from_bytes, chunks), repeat(65025)))
    return [
        ((rest - total) % 65025 // 255 + total) % 255 * 256 + total % 255
        for rest, total in zip(rests, sums, strict=True)
    ]
