import re
from collections import Counter


def word_frequencies(text: str, k: int) -> list[tuple[str, int]]:
    # The usual idiom: lowercase, find the words with a regular expression,
    # count them with Counter, sort every distinct word with a tuple key.
    counts = Counter(re.findall(r"[a-z]+", text.lower()))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:k]
