MOD = 1_000_000_007


def spaced_layouts(requests: list[list[int]]) -> list[int]:
    # Placing k = r + b lamps with gaps: C(n - k + 1, k) slot sets, then
    # C(k, r) colourings; the product is (n-k+1)! / ((n-2k+1)! r! b!).
    if not requests:
        return []
    top = max(req[0] for req in requests) + 2
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
    for n, r, b in requests:
        k = r + b
        m = n - k + 1
        if k > m:
            push(0)
        else:
            push(fact[m] * inv[m - k] % mod * (inv[r] * inv[b] % mod) % mod)
    return out
