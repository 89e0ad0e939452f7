import sys


def main() -> None:
    data = sys.stdin.read().split()
    t = int(data[0])
    for s in data[1 : 1 + t]:
        n = len(s)
        # ending[i]: length of the longest balanced piece that ends at position i
        ending = [0] * n
        for i in range(1, n):
            if s[i] != ")":
                continue
            if s[i - 1] == "(":
                ending[i] = 2 + (ending[i - 2] if i >= 2 else 0)
            else:
                j = i - ending[i - 1] - 1
                if j >= 0 and s[j] == "(":
                    ending[i] = ending[i - 1] + 2 + (ending[j - 1] if j >= 1 else 0)
        best = max(ending)
        print(best, ending.count(best) if best else 0)


main()
