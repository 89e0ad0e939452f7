def _merge_sort(items):
    if len(items) <= 1:
        return items
    mid = len(items) // 2
    left = _merge_sort(items[:mid])
    right = _merge_sort(items[mid:])
    merged = []
    i = j = 0
    while i < len(left) and j < len(right):
        if right[j] < left[i]:
            merged.append(right[j])
            j += 1
        else:
            merged.append(left[i])
            i += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged


def rank_finishers(entries: list[tuple[str, int, int]]) -> list[str]:
    # Hand-written top-down merge sort: still O(n log n), all in Python.
    keyed = [(-points, finish, name) for name, points, finish in entries]
    return [k[2] for k in _merge_sort(keyed)]
