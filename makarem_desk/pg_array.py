"""PostgreSQL's text form of an array (``{"a","b"}``), for array parameters sent as one text.

Every element is quoted, its backslashes and double quotes escaped, so that any text
stays one element: commas, braces, spaces, an empty string, the word NULL.
"""

from __future__ import annotations

from collections.abc import Iterable


def array_text(items: Iterable[str]) -> str:
    quoted = ('"' + e.replace("\\", "\\\\").replace('"', '\\"') + '"' for e in items)
    return "{" + ",".join(quoted) + "}"
