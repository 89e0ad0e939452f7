def run_length_pack(text: str) -> str:
    # Character by character, counting the current run and appending each
    # finished run to the result with +=.
    if not text:
        return ""
    out = ""
    current = text[0]
    length = 0
    for ch in text:
        if ch == current:
            length += 1
        else:
            out += current + str(length)
            current = ch
            length = 1
    out += current + str(length)
    return out
