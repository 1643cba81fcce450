"""Writing a batch file so that it appears whole or not at all, and the named points at
which a test may kill the export to prove it.

``MAKAREM_TEST_KILL_AT=<point>`` ends the process on the spot (``os._exit``: no cleanup,
no ``finally``, as a power cut or a kill -9 would) when the export reaches that point.
It is read at each point, so an installation never sets it by accident and a test can
set it for one child process only.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..sqlite_files import fsync_dir

ENV_KILL_AT = "MAKAREM_TEST_KILL_AT"
KILLED_EXIT = 86
# In the order an export passes them.  The batch streams into its ``.partial`` file (no
# importer takes that name, the next export removes it), so the SHA-256 it is recorded
# with is known only once that file is whole: it is recorded as pending before the file
# gets its final name, the name that makes it a batch.
KILL_POINTS = (
    "partial_written",   # the .partial file is on disk with a blank signature
    "partial_signed",    # ... and now with its signature
    "pending_recorded",  # the database holds the batch as pending, with range and SHA-256
    "renamed",           # the final name exists
    "dir_synced",        # the folder entry is on disk
    "sent_recorded",     # the database records the batch as sent
)

Checkpoint = Callable[[str], None]


def checkpoint(point: str) -> None:
    if os.environ.get(ENV_KILL_AT) == point:
        os._exit(KILLED_EXIT)


def file_sha256(path: Path) -> str | None:
    """The file's SHA-256, or None when it cannot be read (absent, removed drive...)."""
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def write_atomically(path: Path, header: bytes, signature: bytes, ciphertext: bytes,
                     point: Checkpoint = checkpoint) -> None:
    """The batch appears under ``path`` complete and on disk, or not at all: a body already
    whole and signed, written the way ``write_streamed`` writes one."""
    def body(fh: BinaryIO) -> None:
        fh.write(ciphertext)

    write_streamed(path, header, len(signature), body, lambda _message: signature,
                   lambda _digest: None, point)


def _fresh_partial(path: Path) -> tuple[Path, int]:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    for stale in path.parent.glob(f".{path.name}.*.partial"):
        stale.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    return tmp, fd


def write_streamed(path: Path, header: bytes, signature_len: int,
                   write_body: Callable[[BinaryIO], None],
                   sign: Callable[[Iterator[bytes]], bytes],
                   on_sealed: Callable[[str], None],
                   point: Checkpoint = checkpoint) -> str:
    """The batch appears under ``path`` complete and on disk, or not at all.

    ``write_body`` writes the body after the header and a blank signature, so that until
    its very last write the temporary file cannot pass for a batch even if someone copies
    it (the importer also refuses any ``*.partial`` name, and the next export removes
    leftovers); ``sign`` gets the signed message (header and body) read back from the
    disk; ``on_sealed`` gets the whole file's SHA-256 before the file takes its final
    name.  Returns that SHA-256."""
    tmp, fd = _fresh_partial(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(header)
            fh.write(bytes(signature_len))
            write_body(fh)
            fh.flush()
            os.fsync(fh.fileno())
            point("partial_written")
            signature = sign(_message(tmp, header, len(header) + signature_len))
            fh.seek(len(header))
            fh.write(signature)
            fh.flush()
            os.fsync(fh.fileno())
        point("partial_signed")
        digest = file_sha256(tmp)
        if digest is None:
            raise OSError(f"cannot read back {tmp}")
        on_sealed(digest)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    point("renamed")
    fsync_dir(path.parent)
    point("dir_synced")
    return digest


def _message(path: Path, header: bytes, body_at: int) -> Iterator[bytes]:
    yield header
    with path.open("rb") as fh:
        fh.seek(body_at)
        yield from iter(lambda: fh.read(1 << 20), b"")
