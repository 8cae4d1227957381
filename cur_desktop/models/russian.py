"""Russian grammar the texts need: the noun form after a number."""

from __future__ import annotations


def plural(n: int, one: str, few: str, many: str) -> str:
    """The Russian form for `n`: 1 обращение, 3 обращения, 5 обращений, 11 обращений."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many
