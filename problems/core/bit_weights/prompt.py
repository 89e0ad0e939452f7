def bit_weights(values: list[int]) -> tuple[int, list[int]]:
    """For every value, count the 1 bits of its binary representation (its
    population count): 0 has none, 6 = 0b110 has two, 2**64 - 1 has 64.
    Return (total, counts): counts[i] is the number of 1 bits of values[i],
    and total is the sum of all the counts.

    Bounds: 0 <= len(values) <= 130_000; 0 <= values[i] < 2**64.

    >>> bit_weights([0, 6, 255, 2**63])
    (11, [0, 2, 8, 1])
    >>> bit_weights([])
    (0, [])
    """
