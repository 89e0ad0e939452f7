def distinct_fragments(s: str, ks: list[int]) -> list[int]:
    # Suffix automaton, built online in O(n). Every distinct substring belongs
    # to exactly one state v, and the lengths of v's substrings are the range
    # length[link[v]] + 1 .. length[v]; a difference array over lengths then
    # gives the count for every k at once.
    n = len(s)
    link = [-1]
    length = [0]
    trans: list[dict[str, int]] = [{}]
    add_link = link.append
    add_len = length.append
    add_trans = trans.append
    last = 0
    size = 1
    for c in s:
        cur = size
        size += 1
        add_len(length[last] + 1)
        add_link(0)
        add_trans({})
        p = last
        while p != -1:
            t = trans[p]
            if c in t:
                break
            t[c] = cur
            p = link[p]
        else:
            last = cur
            continue
        q = trans[p][c]
        grown = length[p] + 1
        if grown == length[q]:
            link[cur] = q
        else:
            clone = size
            size += 1
            add_len(grown)
            add_link(link[q])
            add_trans(trans[q].copy())
            while p != -1:
                t = trans[p]
                if t.get(c) != q:
                    break
                t[c] = clone
                p = link[p]
            link[q] = clone
            link[cur] = clone
        last = cur
    diff = [0] * (n + 2)
    for low in map(length.__getitem__, link[1:]):
        diff[low + 1] += 1
    for high in length[1:]:
        diff[high + 1] -= 1
    counts = [0] * (n + 1)
    running = 0
    for k in range(1, n + 1):
        running += diff[k]
        counts[k] = running
    return [counts[k] if k <= n else 0 for k in ks]
