"""Printed documents: the data-accuracy declaration, the receipt slip, decision letters.

reportlab with arabic-reshaper and python-bidi (see ``layout``); the wording comes from
editable templates (``wording``).
"""

from __future__ import annotations
