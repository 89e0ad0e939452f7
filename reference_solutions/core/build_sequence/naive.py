def build_order(n: int, rules: list[list[int]]) -> list[int]:
    # Each step scans every module for the smallest one whose prerequisites
    # are all built.
    needs = [set() for _ in range(n)]
    for a, b in rules:
        needs[b].add(a)
    built = [False] * n
    order = []
    for _ in range(n):
        pick = -1
        for v in range(n):
            if not built[v] and all(built[a] for a in needs[v]):
                pick = v
                break
        if pick < 0:
            return []
        built[pick] = True
        order.append(pick)
    return order
