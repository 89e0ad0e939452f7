def column_stats(text: str) -> list[tuple[int, int, int]]:
    # Split into lines and fields, and keep running stats per column in a
    # Python loop over every field.
    lines = text.split("\n")
    mins: list[int] = []
    maxs: list[int] = []
    sums: list[int] = []
    for line in lines[1:]:
        if line == "":
            continue
        fields = line.split(",")
        if not sums:
            for field in fields:
                value = int(field)
                mins.append(value)
                maxs.append(value)
                sums.append(value)
            continue
        for i, field in enumerate(fields):
            value = int(field)
            if value < mins[i]:
                mins[i] = value
            if value > maxs[i]:
                maxs[i] = value
            sums[i] += value
    return [(mins[i], maxs[i], sums[i]) for i in range(len(sums))]
