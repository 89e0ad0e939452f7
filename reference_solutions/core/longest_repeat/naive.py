def longest_repeat(s: str) -> tuple[int, int]:
    # Every shift d pairs position i with i + d; the longest run of matching
    # characters along each shift is a repeat. O(n^2) character comparisons.
    n = len(s)
    best_len, best_start = 0, 0
    for d in range(1, n):
        run = 0
        for i in range(n - d):
            if s[i] == s[i + d]:
                run += 1
                start = i - run + 1
                if run > best_len or (run == best_len and start < best_start):
                    best_len, best_start = run, start
            else:
                run = 0
    return (best_len, best_start) if best_len else (0, 0)
