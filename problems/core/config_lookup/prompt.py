def lookup_settings(text: str, queries: list[tuple[str, str]]) -> list[str | None]:
    """`text` is a settings file: lines separated by "\\n", made of printable
    ASCII characters (no tabs). Read it line by line, each line first
    stripped of leading and trailing spaces:

    - an empty line, or one starting with ";" or "#", is ignored;
    - a line starting with "[" and ending with "]" is a section header: the
      section name is the text between the brackets, stripped of spaces. The
      lines after it, up to the next header, belong to that section. Names
      are case-sensitive; several headers may name the same section;
    - any other line is an assignment: it holds a "=" with at least one
      non-space character before it. The key is the text before the first
      "=", stripped of spaces; the value is the text after it, stripped of
      spaces (it may be empty and may contain "=", ";", "#", "[" or "]").
      Keys are case-insensitive. Assignments before the first header belong
      to the section named "" (the empty string).

    A later assignment to the same key of the same section replaces the
    earlier one. For each query (section, key), in order, return the value
    last assigned to that key (compared case-insensitively) in the section of
    exactly that name, or None if there is none.

    Bounds: text has at most 32_000 lines of at most 80 characters each;
    0 <= len(queries) <= 16_000.

    >>> text = "top = 1\\n[Net]\\n  Host = a=b \\n; host = c\\n[net]\\nhost=d\\n[Net]\\nHOST = e"
    >>> lookup_settings(text, [("Net", "host"), ("net", "Host"), ("", "TOP"), ("x", "top")])
    ['e', 'd', '1', None]
    """
