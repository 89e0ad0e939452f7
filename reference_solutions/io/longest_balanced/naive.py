import sys


def main() -> None:
    t = int(sys.stdin.readline())
    for _ in range(t):
        s = sys.stdin.readline().strip()
        best = count = 0
        for i in range(len(s)):
            depth = 0
            for j in range(i, len(s)):
                depth += 1 if s[j] == "(" else -1
                if depth < 0:
                    break
                if depth == 0:
                    length = j - i + 1
                    if length > best:
                        best, count = length, 1
                    elif length == best:
                        count += 1
        print(best, count)


main()
