"""The signature drawn on screen is checked as an image when it is captured.

A PNG that only *starts* like one (a truncated upload, a damaged draft, a script's
placeholder) used to be stored as signed and failed months later when the declaration
was printed or reprinted, with the applicant long gone. Decoding it at capture (Pillow's
``verify`` for the chunk checksums, then ``load`` for the pixel data) refuses it while
the applicant is still at the counter and can sign again.
"""

from __future__ import annotations

import io
import warnings

from ..errors import UserError

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_SIGNATURE_BYTES = 2_000_000
# The pad's image is its ink box at twice the screen size: a few thousand pixels wide at
# most. The cap keeps a small file from decompressing into gigabytes ("PNG bomb").
MAX_SIGNATURE_SIDE = 10_000
MAX_SIGNATURE_PIXELS = 20_000_000


def _refused(why: str) -> UserError:
    return UserError(f"The signature image cannot be used ({why}); ask the applicant to "
                     "sign again.",
                     message_ar="تعذّرت قراءة صورة التوقيع؛ اطلب من المستفيد التوقيع مرة أخرى.")


def check_signature_png(png: bytes) -> None:
    """Raise a ``UserError`` unless ``png`` is a whole, decodable PNG of a sane size."""
    if len(png) > MAX_SIGNATURE_BYTES:
        raise UserError("The signature image is too large.",
                        message_ar="صورة التوقيع كبيرة جدًا.")
    if not png.startswith(PNG_MAGIC):
        raise UserError("The signature is not a PNG image; sign again.",
                        message_ar="التوقيع غير صالح؛ أعد التوقيع.")
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(png), formats=["PNG"]) as im:
                width, height = im.size
                if not (0 < width <= MAX_SIGNATURE_SIDE and 0 < height <= MAX_SIGNATURE_SIDE
                        and width * height <= MAX_SIGNATURE_PIXELS):
                    raise _refused(f"{width}×{height} pixels")
                im.verify()  # chunk CRCs and structure; the image cannot be used after it
            with Image.open(io.BytesIO(png), formats=["PNG"]) as im:
                im.load()  # the pixel data itself: a truncated IDAT fails here
    except UserError:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError,
            Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _refused(str(exc) or type(exc).__name__) from exc
