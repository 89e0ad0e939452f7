"""Order courses so that prerequisites come first.

There are n courses, numbered 1 to n, and m requirements, each a pair "a b" meaning that
course a must be taken before course b. Find an order in which to take all n courses
(each exactly once) that satisfies every requirement, or report that no such order
exists. The same pair may be listed more than once, and a pair may name one course
twice ("a a"), which no order can satisfy.

Input (standard input):
- line 1: two integers n and m;
- then m lines, each with two integers a and b (1 <= a, b <= n).

Output (standard output): one line with the n course numbers in a valid order,
separated by spaces; or, if no valid order exists, the single word IMPOSSIBLE. When
several orders are valid, any one of them is accepted.

Bounds: 1 <= n <= 25_000; 0 <= m <= 50_000.

Example input:
4 4
2 1
3 1
4 3
2 4

Example output:
2 4 3 1

Example input:
3 3
1 2
2 3
3 1

Example output:
IMPOSSIBLE
"""
