def opening_sightings(recording: str, call_sign: str) -> list[int]:
    """A radio operator scans a long recording for a call sign. Every prefix
    ("opening") of the call sign is interesting on its own: for each
    k = 1 .. len(call_sign), count the start positions i of the recording with
    recording[i:i + k] == call_sign[:k] (occurrences may overlap).

    Return a list of len(call_sign) counts, the k-th entry (index k - 1) for
    the opening of length k.

    Bounds: 0 <= len(recording) <= 60_000; 1 <= len(call_sign) <= 18_000;
    both strings consist of lowercase ASCII letters only.

    >>> opening_sightings("abababa", "abac")
    [4, 3, 3, 0]
    >>> opening_sightings("", "xy")
    [0, 0]
    """
