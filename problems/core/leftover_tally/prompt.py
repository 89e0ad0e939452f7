def total_leftovers(sweets: int, max_group: int) -> int:
    """A teacher has `sweets` identical sweets and imagines sharing them
    equally among a group of k children, for every group size
    k = 1, 2, ..., max_group in turn. Each time, whatever cannot be shared
    equally is left over (sweets % k). Return the sum of the leftovers over
    all those group sizes.

    Bounds: 1 <= sweets <= 6 * 10**11; 1 <= max_group <= 3 * 10**10.

    >>> total_leftovers(10, 4)
    3
    >>> total_leftovers(5, 8)
    19
    """
