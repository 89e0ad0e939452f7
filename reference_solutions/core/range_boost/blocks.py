from operator import add


def range_boost(n: int, ops: list[tuple]) -> list[int]:
    # Blocks of about sqrt(n / 2) cells, each with a pending addition and the
    # maximum of its cells: O(sqrt n) per operation, with the loops in slices.
    width = max(1, int((n / 2) ** 0.5))
    count = (n + width - 1) // width
    cells = [0] * n
    pending = [0] * count
    block_max = [0] * count
    out = []
    for op in ops:
        if op[0] == "add":
            _, left, right, amount = op
            first, last = left // width, right // width
            inc = amount.__add__
            if first == last:
                cells[left : right + 1] = map(inc, cells[left : right + 1])
                start = first * width
                block_max[first] = max(cells[start : start + width])
            else:
                end = (first + 1) * width
                cells[left:end] = map(inc, cells[left:end])
                block_max[first] = max(cells[end - width : end])
                start = last * width
                cells[start : right + 1] = map(inc, cells[start : right + 1])
                block_max[last] = max(cells[start : start + width])
                pending[first + 1 : last] = map(inc, pending[first + 1 : last])
        else:
            _, left, right = op
            first, last = left // width, right // width
            if first == last:
                out.append(max(cells[left : right + 1]) + pending[first])
                continue
            best = max(cells[left : (first + 1) * width]) + pending[first]
            tail = max(cells[last * width : right + 1]) + pending[last]
            if tail > best:
                best = tail
            if last > first + 1:
                inner = max(map(add, block_max[first + 1 : last], pending[first + 1 : last]))
                if inner > best:
                    best = inner
            out.append(best)
    return out
