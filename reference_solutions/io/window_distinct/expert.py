import sys
from collections import Counter


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    values = list(map(int, data[2 : 2 + n]))
    counts = dict(Counter(values[:k]))
    get = counts.get
    distinct = len(counts)
    out = [distinct]
    push = out.append
    # Slide right by one: `entering` joins the window as `leaving` drops out of it.
    for entering, leaving in zip(values[k:], values, strict=False):
        if entering != leaving:
            c = get(entering, 0)
            counts[entering] = c + 1
            if not c:
                distinct += 1
            c = counts[leaving] - 1
            counts[leaving] = c
            if not c:
                distinct -= 1
        push(distinct)
    sys.stdout.write(" ".join(map(str, out)) + "\n")


main()
