import sys


def main() -> None:
    data = sys.stdin.read().split()
    n = int(data[0])
    values = [int(x) for x in data[1 : 1 + n]]
    rank = {value: r for r, value in enumerate(sorted(set(values)), start=1)}
    size = len(rank)
    tree = [0] * (size + 1)
    count = 0
    for seen, value in enumerate(values):
        # elements seen so far that are <= value
        r = rank[value]
        at_most = 0
        i = r
        while i > 0:
            at_most += tree[i]
            i -= i & -i
        count += seen - at_most
        i = r
        while i <= size:
            tree[i] += 1
            i += i & -i
    print(count)


main()
