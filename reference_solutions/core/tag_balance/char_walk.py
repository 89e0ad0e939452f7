def tag_balance(markup: str) -> dict[str, int] | None:
    # A state machine fed one character at a time.
    best: dict[str, int] = {}
    stack: list[str] = []
    in_tag = False
    name = ""
    closing = False
    self_closing = False
    for ch in markup:
        if not in_tag:
            if ch == "<":
                in_tag, name, closing, self_closing = True, "", False, False
            elif ch == ">":
                return None
        elif ch == ">":
            if name == "":
                return None
            if closing:
                if self_closing or not stack or stack.pop() != name:
                    return None
            else:
                depth = len(stack) + 1
                if best.get(name, 0) < depth:
                    best[name] = depth
                if not self_closing:
                    stack.append(name)
            in_tag = False
        elif self_closing:
            return None  # something after the "/" of a self-closing tag
        elif "a" <= ch <= "z":
            name += ch
        elif ch == "/":
            if name == "" and not closing:
                closing = True
            elif name != "":
                self_closing = True
            else:
                return None
        else:
            return None
    if in_tag or stack:
        return None
    return best
