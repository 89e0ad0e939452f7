def range_boost(n: int, ops: list[tuple]) -> list[int]:
    # The array itself: every operation walks its whole range, O(n) each.
    values = [0] * n
    out = []
    for op in ops:
        if op[0] == "add":
            _, left, right, amount = op
            for i in range(left, right + 1):
                values[i] += amount
        else:
            _, left, right = op
            best = values[left]
            for i in range(left + 1, right + 1):
                if values[i] > best:
                    best = values[i]
            out.append(best)
    return out
