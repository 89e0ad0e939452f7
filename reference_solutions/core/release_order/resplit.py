from functools import cmp_to_key


def _compare(a: str, b: str) -> int:
    # Splits and converts both versions again on every comparison.
    xs = [int(part) for part in a.split(".")]
    ys = [int(part) for part in b.split(".")]
    for i in range(min(len(xs), len(ys))):
        if xs[i] != ys[i]:
            return -1 if xs[i] < ys[i] else 1
    return len(xs) - len(ys)


def order_releases(versions: list[str]) -> list[str]:
    # O(n log n) comparisons, each re-parsing its two strings.
    return sorted(versions, key=cmp_to_key(_compare))
