"""Signed, encrypted batches between the counters and the research committee (POL-H5).

Layers: ``keys`` (this installation's identity), ``trust`` (peers' public keys),
``container`` (the file format), ``records`` (rows <-> JSON), ``export``/``importer``/
``merge`` (the work), ``service`` (what the CLI and the interface call), ``committee``
(decisions).
"""

from .committee import CommitteeService, PendingApplication
from .errors import BatchHeld, BatchRefused, SyncError
from .export import ExportResult
from .importer import ImportResult
from .keys import KeyStore, PrivateIdentity, PublicIdentity, default_keys_dir
from .service import BatchView, ConflictView, SyncService

__all__ = [
    "BatchHeld",
    "BatchRefused",
    "BatchView",
    "CommitteeService",
    "ConflictView",
    "ExportResult",
    "ImportResult",
    "KeyStore",
    "PendingApplication",
    "PrivateIdentity",
    "PublicIdentity",
    "SyncError",
    "SyncService",
    "default_keys_dir",
]
