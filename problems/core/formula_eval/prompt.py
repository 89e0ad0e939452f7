def evaluate_all(expressions: list[str]) -> list[int]:
    """Evaluate each integer expression of `expressions` and return the list
    of their values, in order. Every expression follows this grammar:

        expression := term (("+" | "-") term)*
        term       := factor ("*" factor)*
        factor     := "-" factor | "(" expression ")" | number
        number     := "0" | a digit 1-9 followed by digits 0-9

    "+", "-" and "*" are left-associative, "*" binds tighter than "+" and
    binary "-", and a leading "-" negates the factor after it (so "2*-3" is
    -6 and "--4" is 4). Any number of spaces may stand before, between and
    after tokens. Values are exact integers of any size.

    Bounds: 0 <= len(expressions) <= 5; each expression has at most 80_000
    characters, parentheses nested at most 50 deep and numbers below 100_000.

    >>> evaluate_all(["1 + 2*3", "(1+2) * -(4 - 10)", "7-2-1"])
    [7, 18, 4]
    >>> evaluate_all([])
    []
    """
