import gc
import sys


def main() -> None:
    gc.disable()  # many small lists, no cycles: the collector would only slow this
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    ends = list(map(int, data[2 : 2 + 2 * m]))
    firsts, seconds = ends[::2], ends[1::2]
    later = [[] for _ in range(n + 1)]
    waiting = [0] * (n + 1)
    for a, b in zip(firsts, seconds, strict=True):
        later[a].append(b)
        waiting[b] += 1
    order = [c for c in range(1, n + 1) if not waiting[c]]
    for a in order:  # grows while it is walked
        for b in later[a]:
            left = waiting[b] - 1
            waiting[b] = left
            if not left:
                order.append(b)
    if len(order) < n:
        sys.stdout.write("IMPOSSIBLE\n")
    else:
        sys.stdout.write(" ".join(map(str, order)) + "\n")


main()
