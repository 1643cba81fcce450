"""The batch file: a zip of JSON lines, age-encrypted, then signed with Ed25519.

Outer file (``*.mkb``)::

    makarem-batch/1 site=RYD1 to=COM1 seq=3 kind=records\\n   one ASCII header line
    <64 bytes>                                      Ed25519 signature of header line + ciphertext
    <age ciphertext>                                binary age v1 file, to the recipients

The header repeats, in clear, only what a person needs to file the batch (site code and
number); it is covered by the signature and must agree with the encrypted manifest.
Inside, the zip holds ``manifest.json`` and the members it lists with their SHA-256.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, cast

import pyrage

from .errors import BatchRefused

FORMAT = "makarem-batch/1"
SIGNATURE_LEN = 64
MANIFEST = "manifest.json"
_HEADER_RE = re.compile(
    rb"^makarem-batch/1 site=([A-Za-z0-9_-]{1,32}) to=([A-Za-z0-9_-]{1,32}) seq=([0-9]{1,9}) "
    rb"kind=(records|decisions)\n$"
)
MAX_HEADER = 200


@dataclass(frozen=True)
class Envelope:
    site_id: str
    destination: str
    sequence: int
    kind: str
    header: bytes
    signature: bytes
    ciphertext: bytes

    @property
    def signed_message(self) -> bytes:
        return self.header + self.ciphertext


def header_line(site_id: str, destination: str, sequence: int, kind: str) -> bytes:
    return f"{FORMAT} site={site_id} to={destination} seq={sequence} kind={kind}\n".encode("ascii")


def seal(header: bytes, ciphertext: bytes, signature: bytes) -> bytes:
    assert len(signature) == SIGNATURE_LEN
    return header + signature + ciphertext


def open_envelope(data: bytes) -> Envelope:
    """Split an outer file; refuses anything that is not shaped like a batch."""
    end = data.find(b"\n", 0, MAX_HEADER)
    m = _HEADER_RE.match(data[: end + 1]) if end >= 0 else None
    if m is None:
        raise BatchRefused(
            "This file is not a Makarem Desk batch (its first line is wrong).",
            message_ar="هذا الملف ليس دفعة مزامنة من مكتب مكارم.",
        )
    header = data[: end + 1]
    rest = data[end + 1 :]
    if len(rest) < SIGNATURE_LEN + 22 or not rest[SIGNATURE_LEN:].startswith(b"age-encryption.org/v1\n"):
        raise BatchRefused(
            "The batch file is truncated or damaged.",
            message_ar="ملف الدفعة مقطوع أو تالف.",
        )
    return Envelope(
        site_id=m.group(1).decode("ascii"),
        destination=m.group(2).decode("ascii"),
        sequence=int(m.group(3)),
        kind=m.group(4).decode("ascii"),
        header=header,
        signature=rest[:SIGNATURE_LEN],
        ciphertext=rest[SIGNATURE_LEN:],
    )


def encrypt(plaintext: bytes, recipients: list[pyrage.x25519.Recipient]) -> bytes:
    ciphertext: bytes = pyrage.encrypt(plaintext, recipients)
    return ciphertext


# -- the inner zip --------------------------------------------------------------------


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_zip(manifest: dict[str, Any], members: dict[str, bytes]) -> bytes:
    """Members are stored (no compression) when already compressed (PDF, PNG, XLSX)."""
    manifest = dict(manifest)
    manifest["members"] = {name: {"sha256": sha256_hex(b), "size": len(b)}
                           for name, b in sorted(members.items())}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(_info(MANIFEST), json.dumps(manifest, ensure_ascii=False, indent=1),
                    compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
        for name, data in sorted(members.items()):
            packed = name.endswith((".jsonl", ".json"))
            zf.writestr(_info(name), data,
                        compress_type=zipfile.ZIP_DEFLATED if packed else zipfile.ZIP_STORED,
                        compresslevel=1 if packed else None)
    return buf.getvalue()


class _Sink:
    """What ``zipfile`` writes into, emptied after each piece.  It cannot seek, so the
    zip records each member's size and CRC after its data (a data descriptor, which every
    zip reader, ours of any version included, reads from the central directory)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass

    def drain(self) -> bytes:
        out = b"".join(self.parts)
        self.parts.clear()
        self.size = 0
        return out


def stream_zip(manifest: dict[str, Any],
               members: Iterable[tuple[str, Iterable[bytes]]]) -> Iterator[bytes]:
    """The zip ``build_zip`` makes, as pieces of at most about 64 KiB, from members given
    as pieces: nothing is held whole.  The manifest, with each member's SHA-256 and size
    counted on the way, is written last (readers find it by name)."""
    sink = _Sink()
    listed: dict[str, dict[str, Any]] = {}
    with zipfile.ZipFile(cast(Any, sink), "w") as zf:
        for name, pieces in members:
            packed = name.endswith((".jsonl", ".json"))
            info = _info(name)
            info.compress_type = zipfile.ZIP_DEFLATED if packed else zipfile.ZIP_STORED
            info._compresslevel = 1 if packed else None  # type: ignore[attr-defined]
            digest, size = hashlib.sha256(), 0
            with zf.open(info, "w") as fh:
                for piece in pieces:
                    digest.update(piece)
                    size += len(piece)
                    fh.write(piece)
                    if sink.size >= 1 << 16:
                        yield sink.drain()
            listed[name] = {"sha256": digest.hexdigest(), "size": size}
            yield sink.drain()
        manifest = {**manifest, "members": dict(sorted(listed.items()))}
        zf.writestr(_info(MANIFEST), json.dumps(manifest, ensure_ascii=False, indent=1),
                    compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    yield sink.drain()


class PullReader:
    """Pieces from an iterator read as a file (what ``pyrage.encrypt_io`` reads).  An
    exception raised while making a piece (a cancel, a database error) is kept and
    re-raised by the caller as it was, whatever the encryption library makes of it."""

    def __init__(self, pieces: Iterator[bytes]):
        self._pieces = pieces
        self._buf = b""
        self._pos = 0
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        while n < 0 or len(self._buf) - self._pos < n:
            try:
                piece = next(self._pieces)
            except StopIteration:
                break
            except BaseException as exc:
                self.error = exc
                raise
            self._buf = self._buf[self._pos :] + piece
            self._pos = 0
        end = len(self._buf) if n < 0 else self._pos + n
        out = self._buf[self._pos : end]
        self._pos = min(end, len(self._buf))
        return out


class TeeWriter:
    """Writes to a file and hands each piece to ``also`` (the signature's first pass)."""

    def __init__(self, fh: BinaryIO, also: Callable[[bytes], None]):
        self.fh = fh
        self.also = also
        self.error: BaseException | None = None

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:
        try:
            self.fh.write(data)
        except BaseException as exc:  # a full disk: re-raised as it was by encrypt_stream
            self.error = exc
            raise
        self.also(data)
        return len(data)

    def flush(self) -> None:
        self.fh.flush()


def encrypt_stream(pieces: Iterator[bytes], out: TeeWriter,
                   recipients: list[pyrage.x25519.Recipient]) -> None:
    reader = PullReader(pieces)
    try:
        pyrage.encrypt_io(reader, out, recipients)
    except BaseException:
        for error in (reader.error, out.error):
            if error is not None:
                raise error from None
        raise
    for error in (reader.error, out.error):
        if error is not None:
            raise error


def _info(name: str) -> zipfile.ZipInfo:
    # A fixed timestamp: the same records give the same zip bytes.
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
    info.external_attr = 0o644 << 16
    return info


def content_digest(manifest: dict[str, Any]) -> str:
    """Fingerprint of a batch's records and files (not of its summary or its timestamps):
    a batch re-created from the same records has the same digest."""
    members = manifest.get("members", {})
    lines = [f"{n} {m['sha256']}" for n, m in sorted(members.items()) if n != "summary.xlsx"]
    return sha256_hex("\n".join(lines).encode("utf-8"))


# Hard limits on what a batch may unpack to, checked on the zip's directory and the
# manifest before a byte is decompressed: a batch of 100,000 records with their PDFs stays
# far below them, a zip bomb does not.
MAX_MEMBERS = 500_000
MAX_MEMBER_BYTES = 1 << 30  # 1 GiB, e.g. one table's records
MAX_TOTAL_BYTES = 4 << 30  # also the largest batch file read
MAX_MANIFEST_BYTES = 64 << 20
MAX_FILE_BYTES = MAX_TOTAL_BYTES + MAX_MANIFEST_BYTES + (64 << 20)  # with zip and age framing


def _too_big(what: str, size: int, limit: int) -> BatchRefused:
    return BatchRefused(
        f"{what} would unpack to {size:,} bytes, more than the {limit:,} a batch may hold; "
        "it was not opened (a damaged or malicious batch).",
        message_ar="حجم محتويات الدفعة يتجاوز الحد المسموح؛ لم تُفتح.",
    )


class Contents:
    """A verified, decrypted zip: the manifest and checked access to its members."""

    def __init__(self, plaintext: bytes):
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(plaintext))
            infos = self.zip.infolist()
            if len(infos) > MAX_MEMBERS + 1:
                raise BatchRefused(
                    f"The batch holds {len(infos):,} files, more than the {MAX_MEMBERS:,} a "
                    "batch may hold; it was not opened.",
                    message_ar="عدد الملفات في الدفعة يتجاوز الحد المسموح؛ لم تُفتح.",
                )
            names = [i.filename for i in infos]
            if len(set(names)) != len(names):
                raise BatchRefused("The batch names one file twice; it was not opened.",
                                   message_ar="تحتوي الدفعة ملفاً مكرراً؛ لم تُفتح.")
            head = self.zip.getinfo(MANIFEST)
            if head.file_size > MAX_MANIFEST_BYTES:
                raise _too_big("The batch's manifest", head.file_size, MAX_MANIFEST_BYTES)
            self.manifest: dict[str, Any] = json.loads(_read(self.zip, head, head.file_size))
            if not isinstance(self.manifest, dict):
                raise ValueError("the manifest is not a JSON object")
        except (zipfile.BadZipFile, KeyError, ValueError, RuntimeError, NotImplementedError,
                OSError) as exc:
            raise BatchRefused(
                "The decrypted batch is not readable (no valid manifest).",
                message_ar="محتوى الدفعة غير مقروء.",
            ) from exc
        self.members: dict[str, dict[str, Any]] = self.manifest.get("members") or {}
        if not isinstance(self.members, dict) or not all(
                isinstance(m, dict) for m in self.members.values()):
            raise BatchRefused("The batch's manifest lists its files wrongly.",
                               message_ar="قائمة محتويات الدفعة غير صحيحة.")
        others = set(names) - {MANIFEST}
        if others != set(self.members):
            extra = sorted(others ^ set(self.members))
            raise BatchRefused(
                f"The batch's members do not match its manifest: {', '.join(extra[:5])}",
                message_ar="محتويات الدفعة لا تطابق قائمة محتوياتها.",
            )
        self._check_sizes(infos)

    def _check_sizes(self, infos: list[zipfile.ZipInfo]) -> None:
        total = 0
        for info in infos:
            if info.filename == MANIFEST:
                continue
            listed = self.members[info.filename].get("size")
            if not isinstance(listed, int) or isinstance(listed, bool) or listed < 0:
                raise BatchRefused(f"The manifest gives no size for {info.filename}.",
                                   message_ar="قائمة المحتويات لا تذكر حجم أحد الملفات.")
            if info.file_size != listed:
                raise BatchRefused(
                    f"Member {info.filename} of the batch is {info.file_size:,} bytes unpacked, "
                    f"but its manifest says {listed:,}; it was not opened.",
                    message_ar="حجم أحد ملفات الدفعة لا يطابق قائمة محتوياتها؛ لم تُفتح.",
                )
            if listed > MAX_MEMBER_BYTES:
                raise _too_big(f"Member {info.filename}", listed, MAX_MEMBER_BYTES)
            total += listed
            if total > MAX_TOTAL_BYTES:
                raise _too_big("The batch", total, MAX_TOTAL_BYTES)

    def verify_all(self) -> None:
        """Every member's size and SHA-256, a piece at a time (nothing kept)."""
        for name in self.members:
            for _ in self.stream(name):
                pass

    def read(self, name: str) -> bytes:
        return b"".join(self.stream(name))

    def lines(self, name: str) -> Iterator[bytes]:
        """A JSON lines member line by line, never whole."""
        rest = b""
        for piece in self.stream(name):
            parts = (rest + piece).split(b"\n")
            rest = parts.pop()
            yield from parts
        if rest:
            yield rest

    def stream(self, name: str) -> Iterator[bytes]:
        """A member in pieces of at most 1 MiB, never more bytes than its manifest says;
        its SHA-256 is checked when the last piece has been read."""
        meta = self.members.get(name)
        if meta is None:
            raise BatchRefused(f"The batch refers to a missing member {name}.")
        digest = hashlib.sha256()
        try:
            limit, size = int(meta["size"]), 0
            with self.zip.open(self.zip.getinfo(name)) as fh:
                while piece := fh.read(min(1 << 20, limit + 1 - size)):
                    size += len(piece)
                    if size > limit:
                        raise ValueError(f"{name} is longer than {limit} bytes")
                    digest.update(piece)
                    yield piece
            if size != limit:
                raise ValueError(f"{name} is not {limit} bytes long")
        except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError,
                NotImplementedError, EOFError) as exc:
            raise BatchRefused(f"Member {name} of the batch is damaged.",
                               message_ar="أحد ملفات الدفعة تالف.") from exc
        if digest.hexdigest() != meta.get("sha256"):
            raise BatchRefused(
                f"Checksum mismatch for {name}: the batch was altered.",
                message_ar="المجموع الاختباري لا يطابق: تم تغيير الدفعة.",
            )


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, size: int) -> bytes:
    """A member's bytes, never more than ``size``: whatever its headers claim, reading
    stops there, and a member that is not exactly that long is damaged."""
    with zf.open(info) as fh:
        data = fh.read(size + 1)
    if len(data) != size:
        raise ValueError(f"{info.filename} is not {size} bytes long")
    return data
