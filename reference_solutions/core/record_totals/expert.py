def record_totals(records: str, rates: dict[str, int]) -> list[tuple[str, int]]:
    # One C-level split of the whole text into fields; amounts become cents
    # with int() on the digits (no float, no Decimal); each name accumulates
    # cents * rate exactly (millionths of a cent) in a dict; one integer
    # rounding per name at the end.
    if not records:
        return []
    fields = records.replace("\n", ",").split(",")
    totals: dict[str, int] = {}
    get = totals.get
    for name, amount, currency in zip(fields[0::3], fields[1::3], fields[2::3], strict=True):
        if "." in amount:
            if amount[-3] == ".":
                cents = int(amount.replace(".", ""))
            else:
                cents = int(amount.replace(".", "")) * 10
        else:
            cents = int(amount) * 100
        totals[name] = get(name, 0) + cents * rates[currency]
    out = []
    for name in sorted(totals):
        whole, rest = divmod(totals[name], 1_000_000)
        if rest > 500_000 or (rest == 500_000 and whole & 1):
            whole += 1
        out.append((name, whole))
    return out
