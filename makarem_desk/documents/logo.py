"""The association's logo as the papers print it, prepared once per process.

reportlab embeds a JPEG as it is but decodes and recompresses a PNG (and its alpha mask)
for every document, and it names every image by a digest of its decoded pixels, so even a
JPEG is decoded again by each document given a new ``ImageReader``. A logo is flattened on
white into a JPEG once, and its reader (pixels decoded once) serves every document.
"""

from __future__ import annotations

import io
from functools import cache, lru_cache
from typing import IO

from reportlab.lib.utils import ImageReader

from ..resources import resource_path

DEFAULT_LOGO = resource_path("images", "association-logo.png", must_exist=False)


class PrintableLogo(ImageReader):  # type: ignore[misc]  # reportlab ships no types
    """A JPEG logo whose pixels are decoded once; each document reads the file from a
    stream of its own (papers may be printed on several threads at once)."""

    def __init__(self, jpeg: bytes) -> None:
        super().__init__(io.BytesIO(jpeg))
        self.jpeg = jpeg
        self.getRGBData()

    def _jpeg_fh(self) -> IO[bytes]:
        return io.BytesIO(self.jpeg)


@lru_cache(maxsize=8)
def printable_logo(png: bytes) -> PrintableLogo | None:
    """The logo flattened on white as a JPEG (None: not an image Pillow reads)."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(png)) as img:
            img.load()
            rgba = img.convert("RGBA")
    except Exception:
        return None
    rgba.thumbnail((300, 300))  # 22 mm at ~350 dpi is plenty
    flat = Image.new("RGB", rgba.size, (255, 255, 255))
    flat.paste(rgba, mask=rgba.getchannel("A"))
    out = io.BytesIO()
    flat.save(out, "JPEG", quality=92, optimize=True)
    return PrintableLogo(out.getvalue())


@cache
def default_logo() -> PrintableLogo | None:
    """The logo shipped with the program, for an association that has set none."""
    return printable_logo(DEFAULT_LOGO.read_bytes()) if DEFAULT_LOGO.is_file() else None
