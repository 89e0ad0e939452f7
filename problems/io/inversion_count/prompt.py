"""Count the inversions of a list.

Read a list of integers a_1 .. a_n and count the pairs of positions that are out of
order: the pairs (i, j) with i < j and a_i > a_j. Equal values never form such a pair.

Input (standard input):
- line 1: one integer n, the length of the list;
- line 2: n integers a_1 .. a_n, separated by spaces (an empty line when n = 0).

Output (standard output): one line with the number of pairs (i, j) such that
1 <= i < j <= n and a_i > a_j.

Bounds: 0 <= n <= 50_000; -10**9 <= a_i <= 10**9 (the count can reach n * (n - 1) / 2,
about 1.25 * 10**9).

Example input:
6
3 1 4 1 5 2

Example output:
6
"""
