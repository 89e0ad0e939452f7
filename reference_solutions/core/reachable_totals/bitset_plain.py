def reachable_totals(weights: list[int], cap: int) -> int:
    # The same int-as-bitset, but one shift for every entry, repeated or not.
    full = (1 << (cap + 1)) - 1
    bits = 1
    for weight in weights:
        if weight <= cap:
            bits = (bits | (bits << weight)) & full
    return bits.bit_count()
