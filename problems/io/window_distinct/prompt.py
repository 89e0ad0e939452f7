"""Distinct values in every window.

Read a list of n integers and a window length k. For every window of k consecutive
elements, a_i .. a_{i+k-1} for i = 1 .. n - k + 1, count how many different values it
holds.

Input (standard input):
- line 1: two integers n and k (1 <= k <= n);
- line 2: n integers a_1 .. a_n, separated by spaces.

Output (standard output): one line with n - k + 1 integers separated by spaces; the
i-th is the number of distinct values among a_i .. a_{i+k-1}.

Bounds: 1 <= k <= n <= 100_000; -10**9 <= a_i <= 10**9.

Example input:
7 3
1 2 1 3 3 3 4

Example output:
2 3 2 1 2
"""
