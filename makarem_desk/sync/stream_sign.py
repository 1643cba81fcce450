"""Ed25519 signatures over a message read in pieces, identical to the one-shot signature.

A batch's signature covers its header line and its whole ciphertext, hundreds of MB for a
first export of a large registry.  ``cryptography`` signs only a message held whole in
memory; Ed25519 itself (RFC 8032, 5.1.6) needs just two passes over the message, each a
running SHA-512, so the exporter feeds the first pass while it writes the ciphertext and
reads the file back for the second.  The signature is byte for byte the one
``Ed25519PrivateKey.sign`` gives (Ed25519 is deterministic), so every importer, old or
new, verifies it as before.  Only the two scalar multiplications are done here, in plain
integers: a few milliseconds per batch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

_P = 2**255 - 19
_L = 2**252 + 27742317777372353535851937790883648493
_D = -121665 * pow(121666, _P - 2, _P) % _P

Point = tuple[int, int, int, int]  # extended coordinates (X, Y, Z, T)


def _add(p: Point, q: Point) -> Point:
    a = (p[1] - p[0]) * (q[1] - q[0]) % _P
    b = (p[1] + p[0]) * (q[1] + q[0]) % _P
    c = 2 * p[3] * q[3] * _D % _P
    d = 2 * p[2] * q[2] % _P
    e, f, g, h = b - a, d - c, d + c, b + a
    return (e * f % _P, g * h % _P, f * g % _P, e * h % _P)


def _mul(s: int, p: Point) -> Point:
    q: Point = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            q = _add(q, p)
        p = _add(p, p)
        s >>= 1
    return q


def _compress(p: Point) -> bytes:
    zinv = pow(p[2], _P - 2, _P)
    x, y = p[0] * zinv % _P, p[1] * zinv % _P
    return int.to_bytes(y | ((x & 1) << 255), 32, "little")


def _base() -> Point:
    y = 4 * pow(5, _P - 2, _P) % _P
    x2 = (y * y - 1) * pow(_D * y * y + 1, _P - 2, _P)
    x = pow(x2, (_P + 3) // 8, _P)
    if (x * x - x2) % _P != 0:
        x = x * pow(2, (_P - 1) // 4, _P) % _P
    if x & 1:
        x = _P - x
    return (x, y, 1, x * y % _P)


_G = _base()


class StreamSigner:
    """``update`` with the message's pieces in order (first pass), then ``finish`` with
    the same pieces again (second pass)."""

    def __init__(self, seed: bytes, public: bytes):
        h = hashlib.sha512(seed).digest()
        a = int.from_bytes(h[:32], "little")
        a &= (1 << 254) - 8
        a |= 1 << 254
        self._a = a
        self._public = public
        self._first = hashlib.sha512(h[32:])

    def update(self, piece: bytes | memoryview) -> None:
        self._first.update(piece)

    def finish(self, pieces: Iterable[bytes]) -> bytes:
        r = int.from_bytes(self._first.digest(), "little") % _L
        big_r = _compress(_mul(r, _G))
        second = hashlib.sha512(big_r + self._public)
        for piece in pieces:
            second.update(piece)
        k = int.from_bytes(second.digest(), "little") % _L
        return big_r + int.to_bytes((r + k * self._a) % _L, 32, "little")
