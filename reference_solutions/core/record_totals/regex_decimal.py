import re
from decimal import ROUND_HALF_EVEN, Decimal, localcontext

_LINE = r"(?P<name>[a-z]+),(?P<amount>-?[0-9]+(?:\.[0-9]{1,2})?),(?P<currency>[A-Z]{3})"


def record_totals(records: str, rates: dict[str, int]) -> list[tuple[str, int]]:
    # Each line matched with a regular expression (looked up in re's cache by
    # pattern text on every call); each record converted to base cents as an
    # exact Decimal and added to its name's Decimal total.
    totals: dict[str, Decimal] = {}
    with localcontext() as context:
        context.prec = 60
        for line in records.splitlines():
            match = re.fullmatch(_LINE, line)
            name = match["name"]
            value = Decimal(match["amount"]) * 100 * rates[match["currency"]] / 1_000_000
            totals[name] = totals.get(name, Decimal(0)) + value
        return [
            (name, int(totals[name].quantize(Decimal(1), rounding=ROUND_HALF_EVEN)))
            for name in sorted(totals)
        ]
