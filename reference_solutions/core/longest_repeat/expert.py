def longest_repeat(s: str) -> tuple[int, int]:
    # Suffix automaton, built online in O(n) states and transitions. A state
    # whose end-position set has two or more members is exactly a state that is
    # the suffix link of another one, so the answer is the longest such state;
    # `first` keeps each state's earliest end position (a clone inherits it).
    n = len(s)
    if n < 2:
        return (0, 0)
    link = [-1]
    length = [0]
    trans: list[dict[str, int]] = [{}]
    first = [0]
    add_link = link.append
    add_len = length.append
    add_trans = trans.append
    add_first = first.append
    last = 0
    size = 1
    for i, c in enumerate(s):
        cur = size
        size += 1
        add_len(length[last] + 1)
        add_link(0)
        add_trans({})
        add_first(i)
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
            add_first(first[q])
            while p != -1:
                t = trans[p]
                if t.get(c) != q:
                    break
                t[c] = clone
                p = link[p]
            link[q] = clone
            link[cur] = clone
        last = cur
    repeated = set(link)
    repeated.discard(-1)
    repeated.discard(0)
    if not repeated:
        return (0, 0)
    best = max(length[v] for v in repeated)
    end = min(first[v] for v in repeated if length[v] == best)
    return (best, end - best + 1)
