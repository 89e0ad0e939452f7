def reach_counts(n: int, edges: list[tuple[int, int]]) -> list[int]:
    """A directed graph has nodes 0 .. n - 1 and edges[k] = (u, v), an edge
    from u to v; an edge may be listed more than once, and the graph has no
    directed cycle (so no edge from a node to itself). Node w is reachable
    from node u when some path of one or more edges leads from u to w.
    Return a list whose entry u is the number of distinct nodes reachable
    from u (u itself is never counted).

    Bounds: 0 <= n <= 9_000; 0 <= len(edges) <= 28_000; 0 <= u, v < n.

    >>> reach_counts(4, [(0, 1), (0, 2), (1, 3), (2, 3)])
    [3, 1, 1, 0]
    >>> reach_counts(3, [(2, 0), (2, 0)])
    [0, 0, 1]
    """
