def max_throughput(n: int, pipes: list[tuple[int, int, int]]) -> int:
    """A pumping network has junctions numbered 0 .. n - 1. Water enters at
    junction 0 and leaves at junction n - 1. pipes[k] = (a, b, capacity) is a
    one-way pipe from junction a to junction b that can carry at most
    `capacity` units per second; several pipes may join the same two
    junctions, and a pipe may lead back towards junction 0 or out of
    junction n - 1. At every junction other than 0 and n - 1, the water
    flowing in equals the water flowing out. Return the largest number of
    units per second that can flow from junction 0 to junction n - 1.

    Bounds: 2 <= n <= 1_000; 0 <= len(pipes) <= 4_000;
    0 <= a, b < n; 0 <= capacity <= 10**9.

    >>> max_throughput(4, [(0, 1, 3), (0, 2, 2), (1, 2, 5), (1, 3, 2), (2, 3, 3)])
    5
    >>> max_throughput(3, [(0, 1, 4), (2, 1, 4)])
    0
    """
