def bit_weights(values: list[int]) -> tuple[int, list[int]]:
    # Clear the lowest set bit until none is left, counting the steps.
    counts = []
    total = 0
    for value in values:
        bits = 0
        while value:
            value &= value - 1
            bits += 1
        counts.append(bits)
        total += bits
    return total, counts
