"""What a user is shown of a failed sample's error: the lines that point at its own code.

The store keeps each error's text whole (up to the sandbox's limit: the last 4000
characters of a traceback). A summary shows an excerpt: whatever the harness said
before the traceback, the frames in the sample's own file with their source lines, and
the exception itself; the harness's and the standard library's frames are left out.
"""

from __future__ import annotations

# The files a sample's code is loaded from: the CPU sandbox's module, the GPU worker's.
SAMPLE_FILES = ("/tmp/solution.py", "codeeff_candidate.py")
TRACEBACK_HEADER = "Traceback (most recent call last):"
MAX_LINES = 12
MAX_CHARS = 1500


def excerpt(text: str) -> str:
    """The error's lines a user needs (see the module's docstring), at most MAX_LINES."""
    lines = text.strip().splitlines()
    starts = [i for i, line in enumerate(lines) if line.endswith(TRACEBACK_HEADER)]
    if not starts:
        return _clip(lines)
    start = starts[-1]  # the last traceback; text before its header is the harness's
    said = lines[start][: -len(TRACEBACK_HEADER)].rstrip()
    kept = lines[:start] + ([said] if said else [])
    frames = lines[start + 1 :]
    index, last_frame_end = 0, 0
    while index < len(frames):
        line = frames[index]
        if line.startswith("  File "):
            has_source = index + 1 < len(frames) and frames[index + 1].startswith("    ")
            end = index + 2 if has_source else index + 1
            while (
                end < len(frames)
                and frames[end].strip()
                and set(frames[end].strip())
                <= {
                    "^",
                    "~",
                }
            ):
                end += 1  # the carets under the failing expression
            if any(f'"{name}"' in line or f'/{name}"' in line for name in SAMPLE_FILES):
                kept += frames[index:end]
            index = last_frame_end = end
        else:
            index += 1
    kept += frames[last_frame_end:]  # the exception and its message
    return _clip(kept)


def _clip(lines: list[str]) -> str:
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES // 2], "[...]", *lines[-(MAX_LINES // 2) :]]
    text = "\n".join(lines)
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 6] + " [...]"
