import re

_TAG = re.compile(r"<(/?[a-z]+/?)>")


def tag_balance(markup: str) -> dict[str, int] | None:
    # One C-level pass finds every well-shaped tag. Each match holds exactly
    # one "<" and one ">", so the text between matches is clean iff the
    # number of matches equals both bracket counts. Only the tags (never the
    # characters of the text) then go through the Python loop.
    tags = _TAG.findall(markup)
    if len(tags) != markup.count("<") or len(tags) != markup.count(">"):
        return None
    best: dict[str, int] = {}
    get = best.get
    stack: list[str] = []
    push = stack.append
    pop = stack.pop
    depth = 0
    for tag in tags:
        if tag[0] == "/":
            if not depth or tag[-1] == "/" or pop() != tag[1:]:
                return None
            depth -= 1
        elif tag[-1] == "/":
            name = tag[:-1]
            if get(name, 0) <= depth:
                best[name] = depth + 1
        else:
            push(tag)
            depth += 1
            if get(tag, 0) < depth:
                best[tag] = depth
    return None if depth else best
