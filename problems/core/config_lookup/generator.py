"""Inputs for config_lookup: INI-like texts with repeated and case-varied sections and
keys, comments, blank and indented lines, values holding "=", ";" and "#", and queries
that hit, miss the key, miss the section, or differ from a section only in case."""

import random
import string

EDGE_CASES = [
    ("", []),
    ("", [("", "a")]),
    ("a=1", [("", "a"), ("", "A"), ("x", "a")]),
    ("[s]\nk = v\n", [("s", "k"), ("S", "k"), ("s", "K")]),
    ("[s]\nk=1\nK = 2\n[t]\nk=3\n[s]\nk = 4 ", [("s", "k"), ("t", "k"), ("", "k")]),
    (
        "; comment = no\n# also = no\n  [ spaced name ]  \n  Key Name  =  a = b ; c  \nempty =\n",
        [("spaced name", "key name"), ("spaced name", "empty"), ("", "; comment")],
    ),
    ("[a]\n[b]\nx=1\n\n\n[a]\ny=2", [("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")]),
    ("[weird = 5\n[x]=[y]\nz=[w]", [("", "[weird"), ("x]=[y", "z"), ("", "z")]),
    ("[]\nq=1\n[Sec]\nq=2\n[sec]\nq=3", [("", "q"), ("Sec", "Q"), ("sec", "q"), ("SEC", "q")]),
]

WORDS = (
    "host port user name path mode level size limit timeout retries color theme "
    "cache depth width height format encoding region zone backup log debug"
).split()
VALUE_CHARS = string.ascii_letters + string.digits + " .,:/_-=;#[]()@!?+*'\""


def _cased(word: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.6:
        return word
    if roll < 0.75:
        return word.upper()
    if roll < 0.9:
        return word.capitalize()
    return "".join(c.upper() if rng.random() < 0.5 else c for c in word)


def _value(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.05:
        return ""
    if roll < 0.5:
        return str(rng.randint(0, 10 ** rng.randint(1, 9)))
    return "".join(rng.choices(VALUE_CHARS, k=rng.randint(1, 24))).strip()


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        text, queries = EDGE_CASES[case]
        return (text, [tuple(q) for q in queries])
    p = level.params
    lines_wanted, n_sections, n_keys, n_queries = p["lines"], p["sections"], p["keys"], p["queries"]
    if level.index <= 0:
        lines_wanted = rng.randint(0, lines_wanted)
        n_queries = rng.randint(0, n_queries)
    # Section names: some differ only in case, one is the unnamed leading section.
    sections = []
    for i in range(n_sections):
        base = f"{rng.choice(WORDS)}{rng.choice(('', '.', ' ', '-'))}{i}"
        sections.append(_cased(base, rng))
    keys = [f"{rng.choice(WORDS)}{rng.choice(('', '_', ' ', '.'))}{i}" for i in range(n_keys)]
    if n_keys > 2:
        keys[: n_keys // 10] = [rng.choice(WORDS) for _ in range(n_keys // 10)]
    lines = []
    written = []  # (section, key) pairs assigned somewhere
    current = ""
    while len(lines) < lines_wanted:
        roll = rng.random()
        pad = " " * rng.choice((0, 0, 0, 1, 4))
        if roll < 0.08 and sections:
            current = rng.choice(sections)
            inner = f" {current} " if rng.random() < 0.2 else current
            lines.append(f"{pad}[{inner}]{pad}")
        elif roll < 0.14:
            lines.append(f"{pad}{rng.choice(';#')}{_value(rng)}")
        elif roll < 0.2:
            lines.append(pad)
        else:
            key = rng.choice(keys)
            eq = rng.choice(("=", " = ", " =", "= ", "  =  "))
            lines.append(f"{pad}{_cased(key, rng)}{eq}{_value(rng)}{pad}")
            written.append((current, key))
    text = "\n".join(lines)
    if rng.random() < 0.5:
        text += "\n"
    queries = []
    for _ in range(n_queries):
        roll = rng.random()
        if roll < 0.6 and written:
            section, key = rng.choice(written)
            queries.append((section, _cased(key, rng)))
        elif roll < 0.75 and sections:
            queries.append((rng.choice(sections), _cased(rng.choice(keys), rng)))
        elif roll < 0.85 and written:
            section, key = rng.choice(written)
            queries.append((section.swapcase() or "x", key))
        else:
            queries.append(
                (rng.choice(("", "nowhere", *sections[:3])), f"missing{rng.randint(0, 99)}")
            )
    return (text, queries)
