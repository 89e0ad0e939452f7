def distinct_loads(crates: list[int], capacity: int) -> int:
    """A freight lift takes any selection of the waiting crates (each crate at
    most once); crates[i] is the weight of crate i. Count the distinct total
    weights t with 1 <= t <= capacity that some selection of crates weighs
    exactly.

    Bounds: 0 <= len(crates) <= 270; 1 <= crates[i] <= 4_000_000;
    0 <= capacity <= 2_000_000.

    >>> distinct_loads([3, 5, 5], 12)
    4
    >>> distinct_loads([7], 6)
    0
    """
