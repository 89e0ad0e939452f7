"""Longest balanced stretch of brackets.

A string of '(' and ')' is balanced when it is empty, or is "(" + A + ")" for a
balanced A, or is A + B for balanced A and B; for example "(())()" is balanced, while
")(" and "(()" are not. For each given string s, find the greatest length L of a
non-empty contiguous piece of s that is balanced, and the number of positions where
such a piece of length L starts. When no non-empty piece of s is balanced, the answer
is L = 0 with a count of 0.

Input (standard input):
- line 1: one integer t, the number of strings;
- then t lines, each holding one non-empty string made of the characters '(' and ')'.

Output (standard output): t lines; line i holds two integers, L and the count, for the
i-th string.

Bounds: 1 <= t <= 1000; the t strings together hold at most 800_000 characters.

Example input:
4
)()())
((()
)(
()(())()

Example output:
4 1
2 1
0 0
8 1
"""
