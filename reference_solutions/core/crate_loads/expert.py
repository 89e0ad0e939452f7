def distinct_loads(crates: list[int], capacity: int) -> int:
    # The same table, stored as the bits of one integer: adding a crate of
    # weight w is a shift and an OR done word-wise inside the interpreter's
    # big-integer code. Bits above the capacity are cleared only when the
    # integer has grown well past it.
    full = (1 << (capacity + 1)) - 1
    limit = 2 * capacity + 2
    mask = 1
    for w in crates:
        if w <= capacity:
            mask |= mask << w
            if mask.bit_length() > limit:
                mask &= full
    return (mask & full).bit_count() - 1
