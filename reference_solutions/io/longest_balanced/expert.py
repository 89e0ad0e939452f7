import sys
from operator import sub


def longest(s: bytes) -> tuple[int, int]:
    # The brackets left unmatched by the usual stack matching cut s into maximal
    # balanced stretches; every balanced piece lies inside one of them.
    opens: list[int] = []
    push, pop = opens.append, opens.pop
    cuts = [-1]
    cut = cuts.append
    for i, c in enumerate(s):
        if c == 40:  # "("
            push(i)
        elif opens:
            pop()
        else:
            cut(i)
    cuts += opens  # unmatched ")" all come before unmatched "("
    cuts.append(len(s))
    gaps = list(map(sub, cuts[1:], cuts))
    widest = max(gaps)
    if widest == 1:
        return 0, 0
    return widest - 1, gaps.count(widest)


def main() -> None:
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for s in data[1 : 1 + t]:
        length, count = longest(s)
        out.append(f"{length} {count}")
    sys.stdout.write("\n".join(out) + "\n")


main()
