MOD = 1_000_000_007


def spaced_layouts(requests: list[list[int]]) -> list[int]:
    # Factorials are tabled, but every request inverts its denominators
    # afresh with Fermat powers.
    if not requests:
        return []
    top = max(n for n, _ in requests) + 2
    fact = [1] * top
    for i in range(1, top):
        fact[i] = fact[i - 1] * i % MOD
    out = []
    for n, k in requests:
        m = n - k + 1
        if k > m:
            out.append(0)
            continue
        ways = fact[m] * pow(fact[k], MOD - 2, MOD) % MOD
        out.append(ways * pow(fact[m - k], MOD - 2, MOD) % MOD)
    return out
