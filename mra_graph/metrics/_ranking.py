"""Ranks that treat ties fairly."""
from __future__ import annotations

import pandas as pd


def competition_ranks(table: pd.DataFrame, keys: list[str]) -> list[int]:
    """1, 2, 2, 4...: for a table already sorted, rows equal on every key share the rank of the first of them.

    Examples
    --------
    >>> import pandas as pd
    >>> competition_ranks(pd.DataFrame({"n": [5, 3, 3, 1]}), ["n"])
    [1, 2, 2, 4]
    """
    ranks: list[int] = []
    previous = None
    for position, values in enumerate(zip(*(table[k] for k in keys)), start=1):
        ranks.append(ranks[-1] if values == previous else position)
        previous = values
    return ranks
