"""The error excerpt a summary shows: the sample's own frames and the exception."""

from __future__ import annotations

from codeeff.tracebacks import MAX_LINES, excerpt

CPU_TRACE = """Traceback (most recent call last):
  File "/codeeff/worker.py", line 244, in answer
    result = function(*args)
             ^^^^^^^^^^^^^^^
  File "/tmp/solution.py", line 4, in f
    return helper(n) // 0
           ~~~~~~~~~~^^~~
  File "/usr/lib/python3.11/functools.py", line 10, in wrapper
    return g()
  File "/tmp/solution.py", line 2, in helper
    return n + undefined
               ^^^^^^^^^
NameError: name 'undefined' is not defined"""

GPU_TRACE = """candidate failed: division by zero
Traceback (most recent call last):
  File "/opt/codeeff/gpu/worker.py", line 300, in call
    out = function(*args)
  File "/tmp/x/codeeff_candidate.py", line 7, in solution
    scale = 1 / 0
ZeroDivisionError: division by zero"""


def test_only_the_samples_frames_and_the_exception_are_kept():
    text = excerpt(CPU_TRACE)
    assert "worker.py" not in text and "functools" not in text
    assert 'File "/tmp/solution.py", line 4, in f' in text
    assert "return helper(n) // 0" in text and "line 2, in helper" in text
    assert text.endswith("NameError: name 'undefined' is not defined")


def test_what_the_harness_said_first_stays():
    text = excerpt(GPU_TRACE)
    assert text.startswith("candidate failed: division by zero")
    assert 'codeeff_candidate.py", line 7' in text and "scale = 1 / 0" in text
    assert "gpu/worker.py" not in text and text.endswith("ZeroDivisionError: division by zero")


def test_a_header_after_the_harnesss_words_is_found():
    text = excerpt("level edge case 0: " + CPU_TRACE)
    assert text.splitlines()[0] == "level edge case 0:" and "worker.py" not in text
    assert text.endswith("NameError: name 'undefined' is not defined")


def test_plain_messages_and_long_texts_are_bounded():
    assert excerpt("wrong answer") == "wrong answer"
    assert excerpt("") == ""
    long = "\n".join(f"line {i}" for i in range(100))
    text = excerpt(long)
    assert len(text.splitlines()) == MAX_LINES + 1 and "line 99" in text and "[...]" in text
    assert len(excerpt("x" * 10_000)) <= 1500
