from collections import Counter


def reachable_totals(weights: list[int], cap: int) -> int:
    # The reachable totals are the set bits of one Python int: adding a weight w is
    # bits |= bits << w, and the bits above cap are cut off with a mask. Copies of one
    # weight are merged in powers of two (w, 2w, 4w, ..., remainder), so c copies cost
    # about log2(c) shifts instead of c. The shifts run smallest first, so the int stays
    # shorter than cap bits for as long as possible.
    steps = []
    for weight, count in Counter(weights).items():
        piece = 1
        while count and weight * piece <= cap:
            take = piece if piece < count else count
            steps.append(weight * take)
            count -= take
            piece <<= 1
    steps.sort()
    full = (1 << (cap + 1)) - 1
    bits = 1
    total = 0
    for step in steps:
        if step > cap:
            break
        bits |= bits << step
        total += step
        if total > cap:
            bits &= full
    return bits.bit_count()
