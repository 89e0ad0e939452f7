"""Fewest moves out of a grid maze.

A rectangular grid has R rows and C columns. Each cell is free ('.') or a wall ('#');
exactly one free cell is marked 'S' (the start) and exactly one 'E' (the exit). A move
goes from a free cell to the free cell directly above, below, left or right of it
(never diagonally, never off the grid, never into a wall). Find the fewest moves that
take you from S to E.

Input (standard input):
- line 1: two integers R and C;
- then R lines of exactly C characters each, from '.', '#', 'S' and 'E'.

Output (standard output): one line with the fewest moves from S to E, or -1 if E
cannot be reached from S.

Bounds: 1 <= R <= 500; 1 <= C <= 600; R * C >= 2.

Example input:
3 4
S..#
.#..
...E

Example output:
5
"""
