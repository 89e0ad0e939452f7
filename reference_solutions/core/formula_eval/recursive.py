import re

_TOKEN = re.compile(r"\d+|[-+*()]")


def _evaluate(text: str) -> int:
    # Recursive descent over a token list, one function per grammar rule.
    tokens = _TOKEN.findall(text)
    tokens.append("")  # end marker
    pos = 0

    def expression() -> int:
        nonlocal pos
        value = term()
        while tokens[pos] in ("+", "-"):
            op = tokens[pos]
            pos += 1
            right = term()
            value = value + right if op == "+" else value - right
        return value

    def term() -> int:
        nonlocal pos
        value = factor()
        while tokens[pos] == "*":
            pos += 1
            value *= factor()
        return value

    def factor() -> int:
        nonlocal pos
        token = tokens[pos]
        pos += 1
        if token == "-":
            return -factor()
        if token == "(":
            value = expression()
            pos += 1  # ")"
            return value
        return int(token)

    return expression()


def evaluate_all(expressions: list[str]) -> list[int]:
    return [_evaluate(text) for text in expressions]
