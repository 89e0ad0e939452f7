def count_motifs(text: str, patterns: list[str]) -> list[int]:
    # One search of the whole text per pattern: O(len(patterns) * len(text)).
    out = []
    for pattern in patterns:
        total = 0
        pos = text.find(pattern)
        while pos >= 0:
            total += 1
            pos = text.find(pattern, pos + 1)
        out.append(total)
    return out
