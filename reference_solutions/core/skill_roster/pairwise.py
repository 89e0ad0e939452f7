def qualified_counts(staff: list[int], jobs: list[int], skills: int) -> list[int]:
    # Test every (job, person) pair: O(len(jobs) * len(staff)).
    out = []
    for job in jobs:
        count = 0
        for person in staff:
            if person & job == job:
                count += 1
        out.append(count)
    return out
