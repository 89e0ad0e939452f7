from operator import add


def qualified_counts(staff: list[int], jobs: list[int], skills: int) -> list[int]:
    # table[m] = number of staff whose skills contain m, accumulated one skill
    # at a time over all 2**skills sets, O(skills * 2**skills + n). Each layer
    # is done with slice arithmetic: for a low bit, sets without the bit form
    # `bit` strided slices; for a high bit, they form contiguous blocks.
    size = 1 << skills
    table = [0] * size
    for person in staff:
        table[person] += 1
    for s in range(skills):
        bit = 1 << s
        step = bit << 1
        if bit < 64:
            for r in range(bit):
                table[r::step] = map(add, table[r::step], table[r + bit :: step])
        else:
            for start in range(0, size, step):
                mid = start + bit
                table[start:mid] = map(add, table[start:mid], table[mid : start + step])
    return list(map(table.__getitem__, jobs))
