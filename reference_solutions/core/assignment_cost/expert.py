def min_assignment(cost: list[list[int]]) -> int:
    # Shortest augmenting paths with dual potentials, O(n^3): every reduced cost
    # cost[i][j] - u[i] - v[j] stays >= 0 and is 0 on assigned pairs, so each free
    # row is added by a Dijkstra-like search over columns. Start: v[j] = the column
    # minimum, and each column is given to its cheapest row while that row is free,
    # which settles most rows before any search.
    n = len(cost)
    if n == 0:
        return 0
    big = 1 << 62
    columns = list(zip(*cost, strict=True))
    v = [min(col) for col in columns]
    u = [0] * n
    row_of = [-1] * n  # column -> row
    col_of = [-1] * n  # row -> column
    for j, col in enumerate(columns):
        i = col.index(v[j])
        if col_of[i] < 0:
            col_of[i] = j
            row_of[j] = i
    for start in range(n):
        if col_of[start] >= 0:
            continue
        dist = [big] * n
        via = [0] * n
        todo = list(range(n))
        rows_seen = [start]
        cols_seen = []
        i = start
        reach = 0
        while True:
            base = reach - u[i]
            row = cost[i]
            best = big
            pick = 0
            for j in todo:
                r = base + row[j] - v[j]
                if r < dist[j]:
                    dist[j] = r
                    via[j] = i
                else:
                    r = dist[j]
                if r < best:
                    best = r
                    pick = j
                elif r == best and row_of[j] < 0:
                    pick = j
            reach = best
            j = pick
            todo.remove(j)
            cols_seen.append(j)
            i = row_of[j]
            if i < 0:
                break
            rows_seen.append(i)
        # New potentials keep every reduced cost >= 0 and make the path's edges 0.
        u[start] += reach
        for i in rows_seen[1:]:
            u[i] += reach - dist[col_of[i]]
        for j in cols_seen:
            v[j] -= reach - dist[j]
        # Flip the path ending at the free column j.
        while True:
            i = via[j]
            row_of[j] = i
            col_of[i], j = j, col_of[i]
            if i == start:
                break
    return sum(row[j] for row, j in zip(cost, col_of, strict=True))
