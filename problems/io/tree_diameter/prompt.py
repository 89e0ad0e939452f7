"""Longest distance in a weighted tree.

A tree has n nodes, numbered 1 .. n, and n - 1 edges, each with a positive length.
The distance between two nodes is the total length of the edges on the unique path
between them. Print the largest distance between any two nodes of the tree (0 when
the tree has a single node).

Input (standard input):
- line 1: one integer n, the number of nodes;
- then n - 1 lines, each with three integers u v w: an edge between nodes u and v
  (1 <= u, v <= n, u != v) of length w. The edges form a tree (connected, no cycle);
  they come in no particular order, and the tree may have any shape, including a
  single long path.

Output (standard output): one line with the largest distance.

Bounds: 1 <= n <= 20_000; 1 <= w <= 10**9 (so the answer is below 2 * 10**13).

Example input:
5
1 2 3
2 3 4
2 4 2
4 5 6

Example output:
12
"""
