"""How staff passwords are stored: Argon2id, with the parameters written into each hash.

The production cost: 64 MiB, 2 passes, 1 lane.  Measured on the 2-core build machine
(bench/backup_bench.py): ~0.105 s per hash when quiet, 0.13 s of CPU under load, against
0.14-0.18 s for RFC 9106's low-memory profile (t=3, 4 lanes; this build computes lanes one
after another).  A counter PC a half to a third as fast per core stays within 0.15-0.3 s,
and 64 MiB is what a guessing attacker must pay for every guess (about 3x the OWASP
minimum, m=19 MiB t=2).  Each hash
names its own parameters, so a hash made under older or other parameters still verifies
and is replaced by one under the current policy at the owner's next sign-in
(``needs_rehash``).  Hashes of the first releases (``scrypt$N$r$p$salt$digest``, scrypt at
N=2^14) are verified the same way and upgraded likewise.

The policy is a value handed to ``Database`` (``Database(url, passwords=...)``), never a
module global: tests that create many users pass a cheap policy explicitly.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from functools import lru_cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

ARGON2_PREFIX = "$argon2id$"
LEGACY_SCRYPT_PREFIX = "scrypt$"


@dataclass(frozen=True)
class PasswordPolicy:
    """Argon2id parameters: passes over memory, memory in KiB, lanes."""

    time_cost: int = 2
    memory_kib: int = 64 * 1024
    parallelism: int = 1

    def _hasher(self) -> PasswordHasher:
        return _hasher(self)

    def hash(self, password: str) -> str:
        return self._hasher().hash(password)

    def needs_rehash(self, stored: str) -> bool:
        """True when ``stored`` was made by another scheme or other parameters."""
        if not stored.startswith(ARGON2_PREFIX):
            return True
        try:
            return self._hasher().check_needs_rehash(stored)
        except (InvalidHashError, ValueError):
            return True

    def dummy_hash(self) -> str:
        """A hash under this policy to compare against when the user does not exist, so
        that a refused sign-in takes as long whether or not the name is known."""
        return _dummy_hash(self)


DEFAULT_POLICY = PasswordPolicy()


@lru_cache(maxsize=8)
def _hasher(policy: PasswordPolicy) -> PasswordHasher:
    return PasswordHasher(time_cost=policy.time_cost, memory_cost=policy.memory_kib,
                          parallelism=policy.parallelism, hash_len=32, salt_len=16,
                          type=Type.ID)


@lru_cache(maxsize=8)
def _dummy_hash(policy: PasswordPolicy) -> str:
    return _hasher(policy).hash("not-a-password")


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored``, whichever supported scheme made it."""
    if stored.startswith(ARGON2_PREFIX):
        try:
            # The hash carries its own parameters; the hasher's own are not used here.
            return bool(_hasher(DEFAULT_POLICY).verify(stored, password))
        except (VerificationError, InvalidHashError, ValueError):
            return False
    if stored.startswith(LEGACY_SCRYPT_PREFIX):
        return _verify_legacy_scrypt(password, stored)
    return False


def describe_hash(stored: str) -> str:
    """The scheme and parameters of a stored hash, never its salt or digest (for the audit)."""
    parts = stored.split("$")
    if stored.startswith(ARGON2_PREFIX) and len(parts) > 3:
        return f"argon2id {parts[3]}"
    if stored.startswith(LEGACY_SCRYPT_PREFIX) and len(parts) > 3:
        return f"scrypt n={parts[1]},r={parts[2]},p={parts[3]}"
    return "unknown"


def _verify_legacy_scrypt(password: str, stored: str) -> bool:
    try:
        _scheme, n_s, r_s, p_s, salt_b64, digest_b64 = stored.split("$")
        n, r, p = int(n_s), int(r_s), int(p_s)
        salt = base64.b64decode(salt_b64, validate=True)
        expected = base64.b64decode(digest_b64, validate=True)
        got = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                             dklen=len(expected), maxmem=128 * r * (n + p + 2) + 2**20)
    except (ValueError, TypeError, OverflowError, MemoryError):
        return False
    return hmac.compare_digest(got, expected)
