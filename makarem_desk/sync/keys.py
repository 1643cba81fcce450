"""This installation's key pair and the public keys it hands to its peers.

One identity per installation: an Ed25519 key that signs the batches it sends and an
X25519 age identity that opens the batches sent to it.  Both private keys rest in one
file, sealed with the installation's passphrase: scrypt (N=2^17, r=8, p=1: about a third
of a second and 128 MiB, fixed so that a modest counter PC can always open it; age's own
passphrase mode calibrates up to 1 GiB) and ChaCha20-Poly1305, both from ``cryptography``.

- ``private-keys.json``  the sealed keys.  Opened, they are an age identity file (usable
  with ``age -d -i``) whose comment line ``# ed25519-pkcs8: <base64>`` holds the signing
  key in DER form (``... | base64 -d | openssl pkey -inform DER``); the README shows how.
- ``identity.json``      site code, role and the public halves (not secret)
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from .errors import SyncError
from .stream_sign import StreamSigner

ENV_KEYS_DIR = "MAKAREM_KEYS_DIR"
PUBLIC_FORMAT = "makarem-desk-public-keys/1"
ROLES = ("site", "committee")

PRIVATE_FILE = "private-keys.json"
PRIVATE_FORMAT = "makarem-desk-private-keys/1"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
IDENTITY_FILE = "identity.json"
_ED25519_TAG = "# ed25519-pkcs8: "


def default_keys_dir() -> Path:
    override = os.environ.get(ENV_KEYS_DIR)
    if override:
        return Path(override)
    from ..db import default_data_dir

    return default_data_dir() / "keys"


@dataclass(frozen=True)
class PublicIdentity:
    """What a peer needs to check our signatures and encrypt to us."""

    site_id: str
    role: str
    name: str
    ed25519_public: bytes  # 32 raw bytes
    age_recipient: str  # "age1..."

    @property
    def fingerprint(self) -> str:
        """Short, readable over the telephone: compare it before trusting a key file."""
        digest = hashlib.sha256(self.ed25519_public + self.age_recipient.encode()).hexdigest()
        return " ".join(digest[i : i + 4] for i in range(0, 24, 4)).upper()

    def verifier(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.ed25519_public)

    def verify(self, signature: bytes, message: bytes) -> bool:
        try:
            self.verifier().verify(signature, message)
        except InvalidSignature:
            return False
        return True

    def recipient(self) -> pyrage.x25519.Recipient:
        return pyrage.x25519.Recipient.from_str(self.age_recipient)

    def public_pem(self) -> str:
        return (
            self.verifier()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode("ascii")
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "format": PUBLIC_FORMAT,
            "site_id": self.site_id,
            "role": self.role,
            "name": self.name,
            "ed25519_public": base64.b64encode(self.ed25519_public).decode("ascii"),
            "ed25519_public_pem": self.public_pem(),
            "age_recipient": self.age_recipient,
            "fingerprint": self.fingerprint,
        }

    @classmethod
    def from_json(cls, data: Any) -> PublicIdentity:
        if not isinstance(data, dict) or data.get("format") != PUBLIC_FORMAT:
            raise SyncError("This is not a Makarem Desk public key file.",
                            message_ar="هذا الملف ليس ملف مفاتيح عامة لمكتب مكارم.")
        try:
            raw = base64.b64decode(data["ed25519_public"], validate=True)
            ident = cls(
                site_id=str(data["site_id"]),
                role=str(data["role"]),
                name=str(data.get("name", "")),
                ed25519_public=raw,
                age_recipient=str(data["age_recipient"]),
            )
            Ed25519PublicKey.from_public_bytes(raw)
            ident.recipient()
        except (KeyError, ValueError, TypeError, pyrage.RecipientError) as exc:
            raise SyncError(f"The public key file is damaged: {exc}",
                            message_ar="ملف المفاتيح العامة تالف.") from exc
        if ident.role not in ROLES or not ident.site_id:
            raise SyncError("The public key file names no valid site or role.",
                            message_ar="ملف المفاتيح العامة لا يحدد موقعاً أو دوراً صحيحاً.")
        return ident

    @classmethod
    def read(cls, path: Path) -> PublicIdentity:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise SyncError(f"Cannot read {path}: {exc.strerror}") from exc
        except ValueError as exc:
            raise SyncError(f"{path} is not a Makarem Desk public key file.",
                            message_ar="هذا الملف ليس ملف مفاتيح عامة لمكتب مكارم.") from exc
        return cls.from_json(data)


@dataclass(frozen=True)
class PrivateIdentity:
    """The unlocked private keys; kept in memory only while a batch is made or opened."""

    public: PublicIdentity
    signing_key: Ed25519PrivateKey
    age_identity: pyrage.x25519.Identity

    def sign(self, message: bytes) -> bytes:
        return self.signing_key.sign(message)

    def stream_signer(self) -> StreamSigner:
        """The same signature as ``sign``, over a message given in pieces."""
        seed = self.signing_key.private_bytes(serialization.Encoding.Raw,
                                              serialization.PrivateFormat.Raw,
                                              serialization.NoEncryption())
        return StreamSigner(seed, self.public.ed25519_public)

    def decrypt(self, ciphertext: bytes) -> bytes:
        plaintext: bytes = pyrage.decrypt(ciphertext, [self.age_identity])
        return plaintext


class KeyStore:
    """The ``keys/`` folder of an installation."""

    def __init__(self, directory: Path | None = None):
        self.dir = directory or default_keys_dir()

    def exists(self) -> bool:
        return (self.dir / IDENTITY_FILE).exists()

    def init(self, *, site_id: str, role: str, name: str, passphrase: str) -> PublicIdentity:
        if role not in ROLES:
            raise SyncError(f"Unknown role {role!r}; use one of {', '.join(ROLES)}.")
        if len(passphrase) < 8:
            raise SyncError("The passphrase must have at least 8 characters.",
                            message_ar="يجب ألا تقل عبارة المرور عن ثمانية أحرف.")
        if any((self.dir / f).exists() for f in (IDENTITY_FILE, PRIVATE_FILE)):
            raise SyncError(
                f"Keys already exist in {self.dir}; refusing to overwrite them "
                "(peers trust these keys).",
                message_ar="مفاتيح هذا الجهاز موجودة مسبقاً ولن تُستبدل.",
            )
        self.dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        signing = Ed25519PrivateKey.generate()
        age_id = pyrage.x25519.Identity.generate()
        public = PublicIdentity(
            site_id=site_id,
            role=role,
            name=name,
            ed25519_public=signing.public_key().public_bytes(
                serialization.Encoding.Raw, serialization.PublicFormat.Raw
            ),
            age_recipient=str(age_id.to_public()),
        )
        der = signing.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        secret = (
            f"# Makarem Desk private keys of {site_id} ({role}); created "
            f"{datetime.now(UTC).isoformat(timespec='seconds')}\n"
            f"{_ED25519_TAG}{base64.b64encode(der).decode('ascii')}\n"
            f"{age_id}\n"
        )
        sealed = _seal(secret.encode("ascii"), passphrase)
        # The identity file goes last: its presence is what "keys exist" means.
        _write_private(self.dir / PRIVATE_FILE, sealed)
        _write_private(
            self.dir / IDENTITY_FILE,
            json.dumps(public.to_json(), ensure_ascii=False, indent=2).encode("utf-8"),
        )
        return public

    def public(self) -> PublicIdentity:
        path = self.dir / IDENTITY_FILE
        if not path.exists():
            raise SyncError(
                f"This installation has no keys yet (looked in {self.dir}); "
                "run `makarem-desk keys init` first.",
                message_ar="لا توجد مفاتيح لهذا الجهاز بعد؛ أنشئها أولاً.",
            )
        return PublicIdentity.read(path)

    def unlock(self, passphrase: str) -> PrivateIdentity:
        public = self.public()
        try:
            sealed = (self.dir / PRIVATE_FILE).read_bytes()
        except OSError as exc:
            raise SyncError(f"The private key file is missing in {self.dir}: {exc.strerror}") from exc
        secret = _open(sealed, passphrase, self.dir).decode("ascii")
        der = next((line[len(_ED25519_TAG):] for line in secret.splitlines()
                    if line.startswith(_ED25519_TAG)), "")
        age_line = next((line for line in secret.splitlines()
                         if line.startswith("AGE-SECRET-KEY-")), "")
        try:
            key = serialization.load_der_private_key(base64.b64decode(der), None)
            age_id = pyrage.x25519.Identity.from_str(age_line.strip())
        except (ValueError, TypeError, pyrage.IdentityError) as exc:
            raise SyncError(f"The private key file in {self.dir} is damaged.") from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise SyncError("The private key file does not hold an Ed25519 signing key.")
        raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        if raw != public.ed25519_public or str(age_id.to_public()) != public.age_recipient:
            raise SyncError(f"The key files in {self.dir} do not belong together.")
        return PrivateIdentity(public=public, signing_key=key, age_identity=age_id)


def _seal(plaintext: bytes, passphrase: str) -> bytes:
    salt, nonce = os.urandom(16), os.urandom(12)
    key = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(
        passphrase.encode("utf-8"))
    ciphertext = ChaCha20Poly1305(key).encrypt(nonce, plaintext, PRIVATE_FORMAT.encode())
    b64 = base64.b64encode
    return json.dumps({
        "format": PRIVATE_FORMAT,
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                "salt": b64(salt).decode()},
        "cipher": {"name": "chacha20poly1305", "nonce": b64(nonce).decode(),
                   "aad": PRIVATE_FORMAT},
        "ciphertext": b64(ciphertext).decode(),
    }, indent=2).encode("ascii")


def _open(sealed: bytes, passphrase: str, where: Path) -> bytes:
    try:
        box = json.loads(sealed)
        kdf, cipher = box["kdf"], box["cipher"]
        if box.get("format") != PRIVATE_FORMAT or kdf["name"] != "scrypt":
            raise ValueError("unknown format")
        key = Scrypt(salt=base64.b64decode(kdf["salt"]), length=32, n=int(kdf["n"]),
                     r=int(kdf["r"]), p=int(kdf["p"])).derive(passphrase.encode("utf-8"))
        nonce = base64.b64decode(cipher["nonce"])
        ciphertext = base64.b64decode(box["ciphertext"])
    except (ValueError, KeyError, TypeError) as exc:
        raise SyncError(f"The private key file in {where} is damaged.") from exc
    try:
        return ChaCha20Poly1305(key).decrypt(nonce, ciphertext, PRIVATE_FORMAT.encode())
    except InvalidTag as exc:
        raise SyncError("Wrong passphrase for this installation's keys.",
                        message_ar="عبارة المرور غير صحيحة.") from exc


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
