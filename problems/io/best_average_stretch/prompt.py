"""Best average of a long enough stretch.

Read a list of integers and a minimum length k. Among all contiguous stretches of the
list that hold at least k elements, find the largest average (the sum of the stretch's
elements divided by their count).

Input (standard input):
- line 1: two integers n and k, the length of the list and the minimum stretch length;
- line 2: n integers a_1 .. a_n, separated by spaces.

Output (standard output): one line with the largest average, as a decimal number (for
example 2.5 or -0.333333333). An answer within 1e-6 of the exact value, in absolute or
in relative terms, is accepted.

Bounds: 1 <= k <= n <= 80_000; -10**6 <= a_i <= 10**6.

Example input:
5 2
1 -4 6 2 -1

Example output:
4.000000000

(The stretch 6 2 has average 4; the longer stretch 6 2 -1 averages only 2.333...)
"""
