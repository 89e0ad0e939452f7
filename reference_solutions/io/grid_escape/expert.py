import sys


def main() -> None:
    lines = sys.stdin.buffer.read().split(b"\n")
    rows, cols = map(int, lines[0].split())
    width = cols + 1
    # One flat array: each row followed by a blocked separator cell, with a blocked row
    # above and below, so every neighbour index stays in range.
    body = b"#" * width + b"\n".join(line[:cols] for line in lines[1 : 1 + rows]) + b"\n"
    body += b"#" * width
    start, goal = body.index(b"S"), body.index(b"E")
    free = bytearray(body.translate(FREE))
    free[start] = 0
    frontier = [start]
    steps = 0
    while frontier:
        steps += 1
        nxt = []
        push = nxt.append
        for v in frontier:
            u = v - 1
            if free[u]:
                free[u] = 0
                push(u)
            u = v + 1
            if free[u]:
                free[u] = 0
                push(u)
            u = v - width
            if free[u]:
                free[u] = 0
                push(u)
            u = v + width
            if free[u]:
                free[u] = 0
                push(u)
        if not free[goal]:
            sys.stdout.write(f"{steps}\n")
            return
        frontier = nxt
    sys.stdout.write("-1\n")


FREE = bytes(1 if chr(c) in ".SE" else 0 for c in range(256))
main()
