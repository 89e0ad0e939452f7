def record_totals(records: str, rates: dict[str, int]) -> list[tuple[str, int]]:
    """records holds one record per line, lines separated by "\\n" (no empty
    line, no trailing newline; "" holds no record). A line reads
    "name,amount,currency": name is 1 to 12 lowercase ASCII letters; amount is
    an optional "-", then 1 to 8 decimal digits, then optionally "." and one
    or two digits (an amount in units of its currency, so "12.5" is 1250
    cents); currency is three uppercase ASCII letters and a key of rates.

    rates[currency] is the value of one unit of that currency in millionths
    of a unit of the base currency (1_000_000 is par). A record's exact value
    in base cents is (amount in cents) * rates[currency] / 1_000_000.

    For every name, add the exact values of all its records and round the
    exact sum once to a whole number of base cents, halves to the even
    neighbour (2.5 -> 2, 3.5 -> 4, -2.5 -> -2). Return the (name, total)
    pairs sorted by name, one per name that occurs in records.

    Bounds: at most 25_000 records; 1 <= rates[c] <= 100_000_000; at most
    12 currencies in rates.

    >>> record_totals("bo,1.5,EUR\\nal,-2,USD\\nbo,0.01,USD",
    ...               {"USD": 1_000_000, "EUR": 1_100_000})
    [('al', -200), ('bo', 166)]
    >>> record_totals("", {"USD": 1_000_000})
    []
    """
