def total_leftovers(sweets: int, max_group: int) -> int:
    # sweets % k = sweets - k * (sweets // k); the quotient sweets // k takes
    # O(sqrt(sweets)) distinct values, each on a run of consecutive k, and
    # each run is summed in closed form. For k > sweets the leftover is sweets.
    n = sweets
    last = min(max_group, n)
    weighted = 0
    k = 1
    while k <= last:
        q = n // k
        end = min(n // q, last)
        weighted += q * (k + end) * (end - k + 1) // 2
        k = end + 1
    return n * max_group - weighted
