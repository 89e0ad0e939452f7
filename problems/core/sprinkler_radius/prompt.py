def min_spray_radius(beds: list[int], sprinklers: int) -> int:
    """Flower beds sit at integer positions along a straight garden path
    (given in no particular order; several beds may share a position). You
    will install exactly `sprinklers` sprinklers, each at an integer position,
    all with the same integer reach r >= 0; a sprinkler at position c waters
    every bed at a position p with |p - c| <= r. Return the smallest r for
    which every bed can be watered.

    Bounds: 0 <= len(beds) <= 93_000; 0 <= beds[i] <= 10**9;
    1 <= sprinklers <= 93_000.

    >>> min_spray_radius([1, 10, 12, 2], 2)
    1
    >>> min_spray_radius([1, 10], 1)
    5
    """
