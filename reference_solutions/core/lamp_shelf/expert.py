MOD = 1_000_000_007


def spaced_layouts(requests: list[list[int]]) -> list[int]:
    # k lamps with gaps: choose k of the n - k + 1 positions left once each
    # lamp but the last takes its mandatory empty neighbour -> C(n-k+1, k).
    if not requests:
        return []
    top = max(n for n, _ in requests) + 2
    mod = MOD
    fact = [1] * top
    f = 1
    for i in range(1, top):
        f = f * i % mod
        fact[i] = f
    inv = [1] * top
    g = pow(f, mod - 2, mod)
    for i in range(top - 1, 0, -1):
        inv[i] = g
        g = g * i % mod
    out = []
    push = out.append
    for n, k in requests:
        m = n - k + 1
        if k > m:
            push(0)
        else:
            push(fact[m] * inv[k] % mod * inv[m - k] % mod)
    return out
