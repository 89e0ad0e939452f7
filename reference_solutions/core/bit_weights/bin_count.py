def bit_weights(values: list[int]) -> tuple[int, list[int]]:
    # The binary text of each value, and its "1" characters counted.
    counts = [bin(value).count("1") for value in values]
    return sum(counts), counts
