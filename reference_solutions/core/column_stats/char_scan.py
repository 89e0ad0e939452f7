def column_stats(text: str) -> list[tuple[int, int, int]]:
    # A hand-written scanner: walk the text one character at a time, build
    # each number digit by digit, and update the running stats of its column
    # when a comma or a line end closes the field.
    mins: list[int] = []
    maxs: list[int] = []
    sums: list[int] = []
    in_header = True
    column = 0
    number = 0
    negative = False
    started = False
    for ch in text + "\n":
        if in_header:
            if ch == "\n":
                in_header = False
            continue
        if ch == "," or ch == "\n":
            if not started:
                continue  # the empty line after a final "\n"
            value = -number if negative else number
            if column >= len(sums):
                mins.append(value)
                maxs.append(value)
                sums.append(value)
            else:
                if value < mins[column]:
                    mins[column] = value
                if value > maxs[column]:
                    maxs[column] = value
                sums[column] += value
            number = 0
            negative = False
            started = False
            column = 0 if ch == "\n" else column + 1
        elif ch == "-":
            negative = True
            started = True
        else:
            number = number * 10 + int(ch)
            started = True
    return [(mins[c], maxs[c], sums[c]) for c in range(len(sums))]
