def order_releases(versions: list[str]) -> list[str]:
    # Parse once into a tuple of ints per version, then sort on it.
    return sorted(versions, key=lambda v: tuple(int(part) for part in v.split(".")))
