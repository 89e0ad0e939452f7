def lookup_settings(text: str, queries: list[tuple[str, str]]) -> list[str | None]:
    # One pass over the lines into a dict of dicts (later assignments overwrite),
    # then one look-up per query. Each line is split at its first "=" before
    # anything else, so that an assignment, the common case, costs one partition,
    # two strips, one lower-casing and a store.
    sections: dict[str, dict[str, str]] = {"": {}}
    current = sections[""]
    for raw in text.split("\n"):
        key, sep, value = raw.partition("=")
        if sep:
            key = key.strip()
            if key[0] in ";#[":
                if key[0] != "[":
                    continue  # a comment
                line = raw.strip()
                if line[-1] == "]":  # a header holding "="
                    name = line[1:-1].strip()
                    current = sections.get(name)
                    if current is None:
                        current = sections[name] = {}
                    continue
            current[key.lower()] = value.strip()
        else:  # a header, a comment or a blank line
            line = raw.strip()
            if line and line[0] == "[" and line[-1] == "]":
                name = line[1:-1].strip()
                current = sections.get(name)
                if current is None:
                    current = sections[name] = {}
    empty: dict[str, str] = {}
    get = sections.get
    return [get(section, empty).get(key.lower()) for section, key in queries]
