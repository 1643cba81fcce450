"""Country names for the nationality list, read from ``resources/countries/countries.csv``
(ISO 3166-1 alpha-2 with English and Arabic names; source and licence in SOURCE.txt).

The stored value stays the two-letter code; the names are only what the counter sees.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from typing import NamedTuple

from .resources import resource_path

# Most applicants are Saudi, so Saudi Arabia heads the list.
FIRST = ("SA",)
# Alef with hamza or madda sorts with plain alef, as in a printed Arabic index.
_SORT = str.maketrans("أإآ", "ااا")


class Country(NamedTuple):
    code: str
    en: str
    ar: str

    def name(self, language: str) -> str:
        return self.ar if language == "ar" else self.en


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country, in file order (by code)."""
    with resource_path("countries", "countries.csv").open(encoding="utf-8", newline="") as f:
        return tuple(Country(r["code"], r["en"], r["ar"]) for r in csv.DictReader(f))


def for_language(language: str) -> list[Country]:
    """Saudi Arabia first, then the others sorted by their name in ``language``."""
    rest = sorted((c for c in countries() if c.code not in FIRST),
                  key=lambda c: c.name(language).translate(_SORT))
    by_code = {c.code: c for c in countries()}
    return [by_code[code] for code in FIRST] + rest
