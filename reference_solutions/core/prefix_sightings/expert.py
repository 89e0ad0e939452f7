def opening_sightings(recording: str, call_sign: str) -> list[int]:
    # Z-function of the call sign, then the same window trick along the
    # recording gives, for every start, the longest matching opening: O(n + m).
    s = call_sign
    m = len(s)
    z = [0] * m
    z[0] = m
    left = right = 0
    for i in range(1, m):
        if i < right:
            k = z[i - left]
            if k < right - i:
                z[i] = k
                continue
            k = right - i
        else:
            k = 0
        while i + k < m and s[k] == s[i + k]:
            k += 1
        z[i] = k
        if i + k > right:
            left, right = i, i + k

    t = recording
    n = len(t)
    hist = [0] * (m + 1)
    left = right = 0
    for i in range(n):
        if i < right:
            k = z[i - left]
            if k < right - i:
                hist[k] += 1
                continue
            k = right - i
        else:
            k = 0
        while k < m and i + k < n and t[i + k] == s[k]:
            k += 1
        hist[k] += 1
        if i + k > right:
            left, right = i, i + k

    out = [0] * m
    running = 0
    for k in range(m, 0, -1):
        running += hist[k]
        out[k - 1] = running
    return out
