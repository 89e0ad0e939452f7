def qualified_counts(staff: list[int], jobs: list[int], skills: int) -> list[int]:
    """A company tracks `skills` different skills, numbered 0 .. skills - 1.
    Each staff member is described by an integer whose bit s is set when the
    person has skill s; each job is described the same way by the skills it
    requires. A person qualifies for a job when they have every skill the
    job requires (extra skills are fine).

    Return, for each job in order, how many staff members qualify for it.

    Bounds: 0 <= skills <= 16; 0 <= len(staff), len(jobs) <= 32_000;
    every value lies in [0, 2**skills).

    >>> qualified_counts([0b011, 0b110, 0b111], [0b010, 0b101, 0], 3)
    [3, 1, 3]
    >>> qualified_counts([], [1], 1)
    [0]
    """
