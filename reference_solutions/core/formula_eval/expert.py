_NUMBERS_ONLY = str.maketrans("+-*()", "     ")
_OPERATORS_ONLY = str.maketrans("0123456789", "          ")


def _operators(run: str, acc: int, prod: int, stack: list) -> tuple[int, int]:
    """Applies the operator run between two literals (or after the last one)."""
    binary = True  # the first of + - * in a run is binary, a later - is unary
    for ch in run:
        if ch == ")":
            value = acc + prod
            acc, prod = stack.pop()
            prod *= value
        elif ch == "(":
            stack.append((acc, prod))
            acc = 0
            prod = 1
        elif ch == "-":
            if binary:
                acc += prod
                prod = -1
                binary = False
            else:
                prod = -prod
        elif ch == "+":
            acc += prod
            prod = 1
            binary = False
        else:  # "*"
            binary = False
    return acc, prod


def _evaluate(text: str) -> int:
    # One pass. Per open group: acc, the sum of its finished terms, and prod, the
    # product of the current term so far, its sign included (a unary minus just
    # negates prod). Literals and operator runs are split apart in C.
    text = text.replace(" ", "")
    numbers = text.translate(_NUMBERS_ONLY).split()
    runs = text.translate(_OPERATORS_ONLY).split()
    stack: list[tuple[int, int]] = []
    acc = 0
    prod = 1
    if not text[0].isdigit():  # leading "(" and unary "-"
        for ch in runs[0]:
            if ch == "(":
                stack.append((acc, prod))
                acc = 0
                prod = 1
            else:
                prod = -prod
        del runs[0]
    if len(runs) < len(numbers):
        runs.append("")
    for number, run in zip(map(int, numbers), runs, strict=True):
        if run == "*":
            prod *= number
        elif run == "+":
            acc += prod * number
            prod = 1
        elif run == "-":
            acc += prod * number
            prod = -1
        else:
            prod *= number
            if run:
                acc, prod = _operators(run, acc, prod, stack)
    return acc + prod


def evaluate_all(expressions: list[str]) -> list[int]:
    return [_evaluate(text) for text in expressions]
