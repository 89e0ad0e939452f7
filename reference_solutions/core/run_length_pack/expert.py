from itertools import accumulate, compress, count, islice

# A byte of the XOR below: 0 -> "." (same character as the previous one), any other
# byte -> "|" (a run starts here).
_MARK = b"." + b"|" * 255

_LIMIT = 1024
_DIGITS = {size: str(size + 1) for size in range(_LIMIT)}  # run length - 1 -> its text


def run_length_pack(text: str) -> str:
    # No Python loop over characters. The text, read as one big int, XORed with
    # itself shifted by one byte is non-zero exactly at the first byte of every
    # run (the first byte of the text included, as no character is NUL);
    # marking those bytes and splitting there gives every run's length minus
    # one. Only per-run work is left, at C speed: the run starts (accumulate),
    # their characters, the lengths' decimal texts from a table, one join.
    n = len(text)
    if not n:
        return ""
    whole = int.from_bytes(text.encode("ascii"), "big")
    marks = (whole ^ (whole >> 8)).to_bytes(n, "big").translate(_MARK)
    sizes = list(map(len, marks.split(b"|")))
    del sizes[0]  # the empty piece before the first run's mark
    starts = islice(accumulate(map((1).__add__, sizes), initial=0), len(sizes))
    chars = list(map(text.__getitem__, starts))
    digits = list(map(_DIGITS.get, sizes))
    if max(sizes) >= _LIMIT:  # the few runs longer than the table
        for index in compress(count(), map(_LIMIT.__le__, sizes)):
            digits[index] = str(sizes[index] + 1)
    out = [""] * (2 * len(sizes))
    out[0::2] = chars
    out[1::2] = digits
    return "".join(out)
