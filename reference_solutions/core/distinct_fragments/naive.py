def distinct_fragments(s: str, ks: list[int]) -> list[int]:
    # A set of all slices of length k, for each k: O(n * k) per query.
    return [len({s[i : i + k] for i in range(len(s) - k + 1)}) for k in ks]
