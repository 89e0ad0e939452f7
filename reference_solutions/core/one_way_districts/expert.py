def district_summary(n: int, roads: list[tuple[int, int]]) -> tuple[int, int]:
    # One depth-first search with low links (Tarjan), O(n + m), run with an explicit
    # stack of (node, neighbour iterator, visit number, stack height) so that long
    # paths do not hit the recursion limit. low[w] == 0 means unvisited; once w's
    # component is closed, low[w] becomes `done`, larger than any visit number, so
    # edges into closed components never lower anything. A node reached with no
    # roads out of it is a district of its own and is closed on the spot.
    adj: list[list[int]] = [[] for _ in range(n)]
    for a, b in roads:
        adj[a].append(b)
    done = n + 1
    low = [0] * n
    trail: list[int] = []
    count = largest = 0
    counter = 0
    for root in range(n):
        if low[root]:
            continue
        counter += 1
        low[root] = counter
        trail.append(root)
        work = [(root, iter(adj[root]), counter, 0)]
        while work:
            v, it, num, height = work[-1]
            lv = low[v]
            for w in it:
                lw = low[w]
                if not lw:
                    out = adj[w]
                    if out:
                        counter += 1
                        low[w] = counter
                        work.append((w, iter(out), counter, len(trail)))
                        trail.append(w)
                        break
                    low[w] = done
                    count += 1
                    largest = largest or 1
                    continue
                if lw < lv:
                    lv = lw
            else:
                work.pop()
                if lv == num:
                    size = len(trail) - height
                    count += 1
                    if size > largest:
                        largest = size
                    for w in trail[height:]:
                        low[w] = done
                    del trail[height:]
                else:
                    low[v] = lv
                    u = work[-1][0]
                    if lv < low[u]:
                        low[u] = lv
                continue
            low[v] = lv
    return (count, largest)
