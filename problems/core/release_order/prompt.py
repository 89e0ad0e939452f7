def order_releases(versions: list[str]) -> list[str]:
    """Each string is a firmware version: 1 to 6 non-negative integers joined
    by dots, each written in decimal without leading zeros (for example
    "2.10.0" or "7"). Return the versions sorted from oldest to newest:
    compare the numbers position by position as integers; when one version
    is a prefix of the other, the shorter one is older. Duplicates are kept.

    Bounds: 0 <= len(versions) <= 25_000; every number is between 0 and
    999_999.

    >>> order_releases(["1.10", "1.9.2", "1.9", "0.30.1", "1.10"])
    ['0.30.1', '1.9', '1.9.2', '1.10', '1.10']
    >>> order_releases([])
    []
    """
