"""Inputs for record_totals: many records over a pool of names and a few
currencies; amounts with 0, 1 or 2 decimals and a few refunds. Some rates are
multiples of 250_000, so that sums fall exactly on half cents and the
rounding of ties matters."""

import random

LETTERS = "abcdefghijklmnopqrstuvwxyz"
CODES = ["USD", "EUR", "GBP", "JPY", "CHF", "SEK", "NOK", "DKK", "CAD", "AUD", "NZD", "PLN"]

EDGE_CASES = [
    ("", {"USD": 1_000_000}),
    ("bob,1,USD", {"USD": 1_000_000}),
    ("ann,0.5,EUR\nann,0.05,EUR", {"EUR": 1_000_000}),
    ("x,0.01,GBP\ny,0.03,GBP", {"GBP": 500_000}),
    ("z,-0.01,GBP\nz,-0.02,GBP\nw,-0.01,GBP", {"GBP": 500_000}),
    ("a,10,USD\na,-10,USD\nb,-0.5,USD", {"USD": 1_000_000}),
    ("b,1,USD\na,2,USD\nab,3,USD\naa,1.1,USD", {"USD": 1_000_000, "EUR": 3}),
    ("big,99999999.99,JPY\nbig,99999999.99,JPY", {"JPY": 100_000_000}),
    ("q,-0,USD\nq,0.0,USD\nq,-0.00,USD", {"USD": 1_000_000}),
    ("m,12.34,EUR\nm,0.1,CHF\nn,7,EUR", {"EUR": 1_085_370, "CHF": 1}),
]


def _amount(rng: random.Random, decimals: tuple[float, float]) -> str:
    text = str(rng.randint(0, 10 ** rng.randint(1, 8) - 1))
    roll = rng.random()
    if roll < decimals[0]:
        text += "." + str(rng.randint(0, 99)).zfill(2)
    elif roll < decimals[1]:
        text += "." + str(rng.randint(0, 9))
    return "-" + text if rng.random() < 0.1 else text


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        records, rates = EDGE_CASES[case]
        return (records, dict(rates))
    p = level.params
    n, people, currencies = p["n"], p["names"], p["currencies"]
    if level.index <= 0:
        n = rng.randint(0, n)
        people = rng.randint(1, people)
        currencies = rng.randint(1, currencies)
    codes = rng.sample(CODES, currencies)
    rates = {}
    for code in codes:
        if rng.random() < 0.4:
            rates[code] = 250_000 * rng.randint(1, 40)
        else:
            rates[code] = rng.randint(1, 100_000_000 if rng.random() < 0.2 else 2_000_000)
    names = set()
    while len(names) < people:
        names.add("".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 12))))
    pool = sorted(names)
    first = rng.random() * 0.8
    decimals = (first, first + rng.random() * (1 - first))
    lines = [f"{rng.choice(pool)},{_amount(rng, decimals)},{rng.choice(codes)}" for _ in range(n)]
    return ("\n".join(lines), rates)
