MOD = 1_000_000_007


def spaced_layouts(requests: list[list[int]]) -> list[int]:
    # Factorials are tabled, but every binomial inverts its denominators
    # afresh with Fermat powers.
    if not requests:
        return []
    top = max(req[0] for req in requests) + 2
    fact = [1] * top
    for i in range(1, top):
        fact[i] = fact[i - 1] * i % MOD

    def comb(a, c):
        if c < 0 or c > a:
            return 0
        inv_c = pow(fact[c], MOD - 2, MOD)
        inv_rest = pow(fact[a - c], MOD - 2, MOD)
        return fact[a] * inv_c % MOD * inv_rest % MOD

    out = []
    for n, r, b in requests:
        k = r + b
        out.append(comb(n - k + 1, k) * comb(k, r) % MOD)
    return out
