def count_motifs(text: str, patterns: list[str]) -> list[int]:
    # Every pattern compared at every position of the text.
    out = []
    for pattern in patterns:
        m = len(pattern)
        total = 0
        for i in range(len(text) - m + 1):
            if text[i : i + m] == pattern:
                total += 1
        out.append(total)
    return out
