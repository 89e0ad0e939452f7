def word_frequencies(text: str, k: int) -> list[tuple[str, int]]:
    # Character by character: letters are appended to the current word, any
    # other character ends it and the word is counted in a dict.
    counts = {}
    word = ""
    for ch in text:
        if "a" <= ch <= "z" or "A" <= ch <= "Z":
            word += ch.lower()
        elif word:
            counts[word] = counts.get(word, 0) + 1
            word = ""
    if word:
        counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:k]
