def qualified_counts(staff: list[int], jobs: list[int], skills: int) -> list[int]:
    # For every skill set, the number of staff whose skills contain it, built
    # one skill at a time over all 2**skills sets with plain loops:
    # O(skills * 2**skills + n).
    size = 1 << skills
    table = [0] * size
    for person in staff:
        table[person] += 1
    for s in range(skills):
        bit = 1 << s
        for mask in range(size):
            if not mask & bit:
                table[mask] += table[mask | bit]
    return [table[job] for job in jobs]
