def run_length_pack(text: str) -> str:
    # The textbook scan with indices: from each run's start, step j forward
    # while text[j] repeats text[i], then append the run with +=.
    out = ""
    i = 0
    n = len(text)
    while i < n:
        j = i
        while j < n and text[j] == text[i]:
            j += 1
        out += text[i] + str(j - i)
        i = j
    return out
