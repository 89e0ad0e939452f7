def bit_weights(values: list[int]) -> tuple[int, list[int]]:
    # int.bit_count (the CPU's population count) mapped over the list at C
    # speed; the total is one more C-level pass over small ints.
    counts = list(map(int.bit_count, values))
    return sum(counts), counts
