def opening_sightings(recording: str, call_sign: str) -> list[int]:
    # Walk forward from every start position until the first mismatch:
    # O(len(recording) * len(call_sign)) on periodic inputs.
    n, m = len(recording), len(call_sign)
    counts = [0] * m
    for i in range(n):
        k = 0
        while k < m and i + k < n and recording[i + k] == call_sign[k]:
            counts[k] += 1
            k += 1
    return counts
