from functools import cmp_to_key


def order_releases(versions: list[str]) -> list[str]:
    # Parse once, but compare with a Python-level function on every step.
    parsed = [[int(part) for part in v.split(".")] for v in versions]

    def compare(i, j):
        a, b = parsed[i], parsed[j]
        for x, y in zip(a, b, strict=False):
            if x != y:
                return -1 if x < y else 1
        return len(a) - len(b)

    order = sorted(range(len(versions)), key=cmp_to_key(compare))
    return [versions[i] for i in order]
