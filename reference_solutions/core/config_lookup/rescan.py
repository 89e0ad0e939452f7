def lookup_settings(text: str, queries: list[tuple[str, str]]) -> list[str | None]:
    # Every query reads the whole text again, keeping the last matching assignment.
    out = []
    for section, key in queries:
        wanted = key.lower()
        current = ""
        found = None
        for raw in text.split("\n"):
            line = raw.strip()
            if not line or line[0] in ";#":
                continue
            if line[0] == "[" and line[-1] == "]":
                current = line[1:-1].strip()
                continue
            if current != section:
                continue
            name, _, value = line.partition("=")
            if name.strip().lower() == wanted:
                found = value.strip()
        out.append(found)
    return out
