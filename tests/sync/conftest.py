"""Fixtures of the sync tests (the helpers live in sync_support.py)."""

from sync_support import counter_and_committee, key_material  # noqa: F401
