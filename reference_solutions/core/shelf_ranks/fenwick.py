from bisect import bisect_left


def shelf_ranks(ops: list[tuple[str, int]]) -> list[int]:
    # Offline: a Fenwick tree of counts over the distinct added values, O(log n)
    # per operation; k-th by descending the tree's powers of two.
    values = sorted({value for name, value in ops if name == "add"})
    size = len(values)
    index = {value: i + 1 for i, value in enumerate(values)}
    tree = [0] * (size + 1)
    top = 1 << (size.bit_length() - 1) if size else 0
    out = []
    push = out.append
    for name, value in ops:
        if name == "add":
            i = index[value]
            while i <= size:
                tree[i] += 1
                i += i & -i
        elif name == "remove":
            i = index[value]
            while i <= size:
                tree[i] -= 1
                i += i & -i
        elif name == "rank":
            i = bisect_left(values, value)
            total = 0
            while i:
                total += tree[i]
                i &= i - 1
            push(total)
        else:
            pos, step, need = 0, top, value
            while step:
                nxt = pos + step
                if nxt <= size and tree[nxt] < need:
                    pos = nxt
                    need -= tree[nxt]
                step >>= 1
            push(values[pos])
    return out
