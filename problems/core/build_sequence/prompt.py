def build_order(n: int, rules: list[list[int]]) -> list[int]:
    """A project has n modules numbered 0..n-1. Each rule [a, b] says module
    a must be built before module b (rules may repeat; a rule with a == b can
    never be satisfied). A build sequence lists every module exactly once and
    respects every rule.

    Return the build sequence that is lexicographically smallest (compare
    the first modules, then the second ones, and so on), or [] if no build
    sequence exists.

    Bounds: 0 <= n <= 17_000; 0 <= len(rules) <= 34_000; 0 <= a, b < n.

    >>> build_order(4, [[3, 0], [2, 1]])
    [2, 1, 3, 0]
    >>> build_order(2, [[0, 1], [1, 0]])
    []
    """
