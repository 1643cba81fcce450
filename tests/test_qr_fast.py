"""The declaration's code drawn without segno's general encoder is segno's code."""

from __future__ import annotations

import random
import string

import segno

from makarem_desk.documents import qr


def _segno(payload: str) -> tuple[tuple[bool, ...], ...]:
    code = segno.make_qr(payload, error="m", boost_error=False, mask=0)
    return tuple(tuple(bool(cell) for cell in row) for row in code.matrix)


def test_the_fast_path_draws_segno_s_code_for_every_length_it_takes() -> None:
    rng = random.Random(14)
    alphabet = string.ascii_letters + string.digits + "|-_.:/ "
    payloads = [qr.payload_for(f"RYD{i % 9 + 1}-2026-{i:06d}", f"{rng.getrandbits(256):064x}")
                for i in range(60)]
    for length in range(qr._FAST_MIN_BYTES, qr._FAST_MAX_BYTES + 1):
        payloads += ["".join(rng.choice(alphabet) for _ in range(length)) for _ in range(6)]
    fast = 0
    for payload in payloads:
        data = payload.encode()
        assert qr._FAST_MIN_BYTES <= len(data) <= qr._FAST_MAX_BYTES
        assert segno.make_qr(payload, error="m", boost_error=False, mask=0).version == 4
        assert qr._version_4_m(data) == _segno(payload), payload
        fast += 1
    assert fast == len(payloads) > 150


def test_other_lengths_still_use_segno() -> None:
    for payload in ("MKD1|RYD1-2026-000123|R|0123456789abcdef", "x" * 42, "y" * 63,
                    qr.payload_for("RYD1-2026-000123", "ab" * 32)):
        assert qr._matrix.__wrapped__(payload) == _segno(payload)  # type: ignore[attr-defined]
    qr._matrix.cache_clear()
