"""Sums over ranges of a list.

Read a list of integers and answer queries, each asking for the sum of a contiguous
range of the list.

Input (standard input):
- line 1: two integers n and q, the length of the list and the number of queries;
- line 2: n integers a_1 .. a_n, separated by spaces (an empty line when n = 0);
- then q lines, each with two integers l and r (1 <= l <= r <= n).

Output (standard output): q lines; line i holds a_l + a_{l+1} + ... + a_r for the
i-th query.

Bounds: 0 <= n <= 80_000; 0 <= q <= 80_000; -10**9 <= a_i <= 10**9 (sums may exceed
2**63 in other languages; Python's integers hold them).

Example input:
5 3
1 -2 3 4 5
1 3
2 5
4 4

Example output:
2
10
4
"""
