import re

_INNERMOST = re.compile(r"\(([^()]*)\)")
_FLAT_TOKEN = re.compile(r"\d+|[-+*]")


def _flat(text: str) -> int:
    """Value of an expression without parentheses."""
    tokens = _FLAT_TOKEN.findall(text)
    terms = []
    factors = []
    sign = 1
    expect_operand = True
    for token in tokens:
        if expect_operand:
            if token == "-":
                sign = -sign
            else:
                factors.append(sign * int(token))
                sign = 1
                expect_operand = False
        else:
            if token != "*":
                product = 1
                for f in factors:
                    product *= f
                terms.append(product)
                factors = []
                sign = -1 if token == "-" else 1
            expect_operand = True
    product = 1
    for f in factors:
        product *= f
    terms.append(product)
    return sum(terms)


def _evaluate(text: str) -> int:
    # Replace the innermost parenthesised groups by their values, as text, until
    # none is left: each step searches and rebuilds the whole string.
    while True:
        match = _INNERMOST.search(text)
        if match is None:
            return _flat(text)
        text = text[: match.start()] + str(_flat(match.group(1))) + text[match.end() :]


def evaluate_all(expressions: list[str]) -> list[int]:
    return [_evaluate(text) for text in expressions]
