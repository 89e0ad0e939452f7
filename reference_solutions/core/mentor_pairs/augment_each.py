def max_pairs(mentors: int, students: int, allowed: list[tuple[int, int]]) -> int:
    # One augmenting-path search from each mentor in turn (O(V E)); the search
    # is depth-first with an explicit stack, and its marks are reset per mentor.
    adj: list[list[int]] = [[] for _ in range(mentors)]
    for m, s in allowed:
        adj[m].append(s)
    partner = [-1] * students
    taken = 0
    for root in range(mentors):
        seen = [False] * students
        path = [root]  # mentors on the current alternating path
        via: list[int] = []  # via[i]: student taken from path[i + 1] for path[i]
        position = [0]  # next edge to try, per mentor on the path
        while path:
            m = path[-1]
            edges = adj[m]
            i = position[-1]
            moved = False
            while i < len(edges):
                s = edges[i]
                i += 1
                if seen[s]:
                    continue
                seen[s] = True
                if partner[s] < 0:
                    partner[s] = m
                    for j in range(len(via)):
                        partner[via[j]] = path[j]
                    taken += 1
                    path = []
                    moved = True
                    break
                position[-1] = i
                via.append(s)
                path.append(partner[s])
                position.append(0)
                moved = True
                break
            if not moved:
                path.pop()
                position.pop()
                if via:
                    via.pop()
    return taken
