"""Inputs for level_histogram: image-like pixel levels, row by row: a background
level, row and column gradients, noise, clipping at both ends and the bit depth of
the camera (values that are multiples of 2**(16 - depth)), so that the levels
crowd into part of the range as in real images."""

import math
import random

EDGE_CASES = [
    ([], 1),
    ([], 65536),
    ([0], 1),
    ([65535], 65536),
    ([7, 7, 7, 7], 2),
    ([0, 65535, 0, 65535, 32768], 2),
    ([0, 1, 2, 65533, 65534, 65535], 65536),
    ([4095, 4096, 8191, 8192, 61440, 61439], 16),
]

PAD = 40_000  # offsets below 0 and above 65535 that the clipping table covers


def _image(n: int, rng: random.Random) -> list[int]:
    width = rng.randint(200, 2000)
    height = -(-n // width)
    drop = 16 - rng.choice((8, 10, 12, 14, 16))
    clip = [min(65535, max(0, v - PAD)) >> drop << drop for v in range(65536 + 2 * PAD)]
    level = rng.randint(5_000, 60_000)
    contrast = rng.uniform(1_000.0, 15_000.0)
    fx, fy = rng.uniform(0.5, 4.0) * math.pi / width, rng.uniform(0.5, 4.0) * math.pi / height
    px, py = rng.uniform(0.0, math.pi), rng.uniform(0.0, math.pi)
    columns = [int(contrast * math.sin(px + x * fx)) for x in range(width)]
    rows = [PAD + level + int(contrast * math.cos(py + y * fy)) for y in range(height)]
    sigma = rng.choice((30.0, 300.0, 1500.0))
    noise = [max(-7_000, min(7_000, int(rng.gauss(0.0, sigma)))) for _ in range(256)]
    raw = rng.randbytes(n)
    pixels: list[int] = []
    for y, base in enumerate(rows):
        chunk = raw[y * width : (y + 1) * width]
        pixels += [clip[base + c + noise[b]] for c, b in zip(columns, chunk, strict=False)]
    return pixels


def generate(level, case: int, rng: random.Random) -> tuple:
    if level.index == 0 and case < len(EDGE_CASES):
        pixels, bins = EDGE_CASES[case]
        return (list(pixels), bins)
    n = level.params["n"]
    if level.index <= 0:
        n = rng.randint(0, n)
        bins = 2 ** rng.randint(0, 16)
        if rng.random() < 0.5:
            return ([rng.randint(0, 65535) for _ in range(n)], bins)
        top = rng.choice((1, 255, 4096, 65535))
        return ([rng.randint(0, top) for _ in range(n)], bins)
    return (_image(n, rng), 2 ** rng.randint(4, 12))
