"""Signed, encrypted batches between the counters and the research committee (POL-H5).

Layers: ``keys`` (this installation's identity), ``trust`` (peers' public keys),
``container`` (the file format and its limits), ``records`` (rows <-> JSON),
``export``/``files``/``selection`` (making a batch), ``importer``/``merge``/``decisions``
(taking one in), ``ownership`` (who may change what), ``service`` (what the CLI and the
interface call), ``committee`` (decisions).
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
