def max_pairs(mentors: int, students: int, allowed: list[tuple[int, int]]) -> int:
    # Phases of many vertex-disjoint shortest augmenting paths (O(E sqrt V)),
    # after a greedy start; both searches are iterative, over flat lists.
    adj: list[list[int]] = [[] for _ in range(mentors)]
    for m, s in allowed:
        adj[m].append(s)
    partner = [-1] * students  # mentor of each student
    free: list[int] = []  # mentors still without a student
    taken = 0
    for m in range(mentors):
        for s in adj[m]:
            if partner[s] < 0:
                partner[s] = m
                taken += 1
                break
        else:
            if adj[m]:
                free.append(m)
    while free:
        # Layers: free mentors at 0; a mentor reached through its student is one
        # deeper. Stop after the first layer that reaches an unpaired student.
        dist = [-1] * mentors
        for m in free:
            dist[m] = 0
        layer = free
        found = False
        while layer and not found:
            following = []
            for m in layer:
                d = dist[m] + 1
                for s in adj[m]:
                    owner = partner[s]
                    if owner < 0:
                        found = True
                    elif dist[owner] < 0:
                        dist[owner] = d
                        following.append(owner)
            layer = following
        if not found:
            break
        # Depth-first searches along the layers, each mentor used at most once.
        arc = [0] * mentors
        still_free = []
        for root in free:
            path = [root]  # mentors
            via: list[int] = []  # via[i]: the student leading from path[i] to path[i + 1]
            while path:
                m = path[-1]
                edges = adj[m]
                i = arc[m]
                k = len(edges)
                want = dist[m] + 1
                goal = -1
                while i < k:
                    s = edges[i]
                    owner = partner[s]
                    if owner < 0:
                        goal = s
                        break
                    if dist[owner] == want:
                        break
                    i += 1
                if goal >= 0:
                    # Flip the path: each mentor takes the student after it.
                    partner[goal] = m
                    for j in range(len(via)):
                        partner[via[j]] = path[j]
                    for u in path:
                        dist[u] = -1
                    taken += 1
                    break
                if i < k:
                    arc[m] = i + 1
                    via.append(edges[i])
                    path.append(partner[edges[i]])
                else:
                    arc[m] = k
                    dist[m] = -1
                    path.pop()
                    if via:
                        via.pop()
            else:
                still_free.append(root)
        free = still_free
    return taken
