"""PostgreSQL's text form of an array (``{"a","b"}``), for COPY and for array parameters.

Every element is quoted, its backslashes and double quotes escaped, so that any text
stays one element: commas, braces, spaces, an empty string, the word NULL.
"""

from __future__ import annotations

from collections.abc import Iterable


def array_items(items: Iterable[str]) -> str:
    """The elements of the text form, without its braces (parts of one array join with
    a comma)."""
    return ",".join('"' + e.replace("\\", "\\\\").replace('"', '\\"') + '"' for e in items)


def array_text(items: Iterable[str]) -> str:
    return "{" + array_items(items) + "}"
