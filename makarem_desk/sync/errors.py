"""Errors raised while exchanging batches; all are things a person can act on."""

from __future__ import annotations

from ..errors import UserError


class SyncError(UserError):
    """A batch or key problem: shown as it is, the database is left unchanged."""


class BatchRefused(SyncError):
    """The batch is not accepted (tampered, untrusted, wrong recipient, replayed...)."""


class BatchHeld(SyncError):
    """The batch is genuine but an earlier batch from the same site has not arrived."""

    def __init__(self, message: str, *, missing: list[int], message_ar: str | None = None):
        super().__init__(message, message_ar=message_ar)
        self.missing = missing
