def tag_balance(markup: str) -> dict[str, int] | None:
    """markup is text mixed with tags of a tiny markup language. A tag is
    "<name>" (opening), "</name>" (closing) or "<name/>" (self-closing), where
    name is one or more lowercase ASCII letters and nothing else, not even a
    space, appears between "<" and ">". An opening tag and the closing tag
    that ends it delimit an element; a self-closing tag is an element on its
    own. Everything outside tags is text, made of any characters other than
    "<" and ">".

    markup is malformed when any of these holds: a "<" does not start a tag
    as above; a ">" does not end one; a closing tag appears while no element
    is open, or its name differs from that of the innermost open element; an
    element is still open at the end of markup.

    The depth of an element is 1 plus the number of elements open where it
    starts (so top-level elements have depth 1). Return a dict mapping every
    tag name used in markup to the greatest depth among its elements ({} when
    there is no tag), or None (without raising) when markup is malformed.

    Bounds: len(markup) <= 18_100_000, with at most 84_001 "<" characters.

    >>> tag_balance("<p>hi <b>you</b><br/><p>x</p></p><b/>")
    {'p': 2, 'b': 2, 'br': 2}
    >>> tag_balance("<a><b></a></b>") is None
    True
    """
