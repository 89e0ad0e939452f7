"""Inputs for tag_balance: long markup with text between tags, nesting that
wanders up and down (sometimes deep), and in part of the cases one defect
placed late in the markup, so the whole of it has to be read."""

import random

NAMES = ["a", "b", "i", "p", "em", "li", "ul", "div", "span", "table", "section", "x"]
TEXT_CHARS = "abcdefghijklmnopqrstuvwxyz      ABCDEFXYZ0123456789.,;:!?&/=-'\"()"
BAD_TAGS = ["< a>", "<A>", "</a/>", "<a b>", "<>", "</>", "<a1>", "<a />", "<//a>", "<a//>"]

EDGE_CASES = [
    "",
    "just text / with = signs & stuff",
    "<br/>",
    "<a></a>",
    "<a>",
    "</a>",
    "<a><a><a>deep</a></a></a>",
    "<a><b></a></b>",
    "text > more",
    "<p>x<b/>y<p><q/></p></p><b>z</b>",
    "<a/></a>",
    "<ab></abc>",
    "a < b",
    "<a></a/>",
]


def _text(rng: random.Random, longest: int) -> str:
    return "".join(rng.choice(TEXT_CHARS) for _ in range(rng.randint(0, longest)))


def _markup(tags: int, longest: int, names: list[str], rng: random.Random) -> list[str]:
    parts = []
    stack = []
    deep_bias = rng.choice((0.5, 0.55, 0.62))
    for _ in range(tags):
        parts.append(_text(rng, longest))
        roll = rng.random()
        if roll < 0.15:
            parts.append("<" + rng.choice(names) + "/>")
        elif stack and roll > 0.15 + 0.85 * deep_bias:
            parts.append("</" + stack.pop() + ">")
        else:
            name = rng.choice(names)
            stack.append(name)
            parts.append("<" + name + ">")
    while stack:
        parts.append(_text(rng, longest))
        parts.append("</" + stack.pop() + ">")
    parts.append(_text(rng, longest))
    return parts


def _break(parts: list[str], rng: random.Random) -> None:
    """Spoil the markup at a random place in its last tenth."""
    at = rng.randint(len(parts) - 1 - len(parts) // 10, len(parts) - 1)
    roll = rng.random()
    if roll < 0.4:
        tags = [k for k in range(at, len(parts)) if parts[k].startswith("</")]
        if tags:
            k = rng.choice(tags)
            parts[k] = "</" + parts[k][2:-1] + "q>"  # mismatched name
            return
    if roll < 0.6:
        tags = [k for k in range(at, len(parts)) if parts[k].startswith("</")]
        if tags:
            del parts[rng.choice(tags)]  # element left open or wrong closing order
            return
    if roll < 0.8:
        parts.insert(at, rng.choice("<>"))  # stray bracket in text
        return
    parts.insert(at, rng.choice(BAD_TAGS))


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        return (EDGE_CASES[case],)
    p = level.params
    tags, longest = p["tags"], p["text"]
    names = NAMES
    if level.index <= 0:
        tags = rng.randint(0, tags)
        longest = rng.randint(0, longest)
        names = NAMES[: rng.randint(1, len(NAMES))]
    parts = _markup(tags, longest, names, rng)
    broken = rng.random() < 0.4 if level.index <= 0 else (case % 2 == 1 and rng.random() < 0.5)
    if broken:
        _break(parts, rng)
    return ("".join(parts),)
