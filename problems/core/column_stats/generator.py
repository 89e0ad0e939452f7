"""Inputs for column_stats: each column has its own range of values (small
counts, signed amounts, identifiers, full-range integers), so the numbers
have from one to ten digits and a sign now and then."""

import random

NAME_START = "abcdefghijklmnopqrstuvwxyz"
NAME_REST = NAME_START + "0123456789_"
TOP = 10**9

# (low, high) of the values of one column.
RANGES = [
    (0, 9),
    (0, 100),
    (-1000, 1000),
    (0, 10**6),
    (-(10**5), 10**5),
    (10**8, TOP),
    (-TOP, TOP),
]

EDGE_CASES = [
    "a",
    "a,b\n",
    "x\n5",
    "x\n-7\n",
    "z\n0\n0\n0",
    "p,q\n3,3\n3,3\n3,3\n",
    "lo,hi\n-1000000000,1000000000\n1000000000,-1000000000\n0,0",
    "big\n" + "\n".join(["1000000000"] * 20),
    "neg\n" + "\n".join(["-1000000000"] * 20) + "\n",
    ",".join(f"c{i}" for i in range(12)) + "\n" + ",".join(str((-1) ** i * i) for i in range(12)),
    "a,b,c\n1,-2,30\n-4,5,-60\n7,-8,90\n",
    "k_1,k_2\n10,9\n9,10\n100,99\n99,100",
]


def _name(rng: random.Random) -> str:
    size = rng.randint(1, 12)
    return rng.choice(NAME_START) + "".join(rng.choice(NAME_REST) for _ in range(size - 1))


def _table(rows: int, cols: int, ranges: list[tuple[int, int]], rng: random.Random) -> str:
    lines = [",".join(_name(rng) for _ in range(cols))]
    draws = [(rng.randint, low, high) for low, high in ranges]
    for _ in range(rows):
        lines.append(",".join([str(draw(low, high)) for draw, low, high in draws]))
    text = "\n".join(lines)
    if rng.random() < 0.5:
        text += "\n"
    return text


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (EDGE_CASES[case],)
    p = level.params
    rows, cols = p["rows"], p["cols"]
    if level.index <= 0:
        rows = rng.randint(0, rows)
        cols = rng.randint(1, cols)
        ranges = [rng.choice(RANGES) for _ in range(cols)]
    else:  # every kind of column, in some order: a steady mix of number lengths
        ranges = RANGES * 2
        rng.shuffle(ranges)
        del ranges[cols:]
    return (_table(rows, cols, ranges, rng),)
