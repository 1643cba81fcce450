"""Makes the application icon (makarem-desk.ico for the Windows executables and the
installer, makarem-desk.png for the window) from the desk's own mark, the green roundel of
resources/images/draw_logo.py.  Run: python resources/icons/make_icon.py"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "images"))

from draw_logo import draw  # noqa: E402

ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]

if __name__ == "__main__":
    mark = draw()
    mark.save(HERE / "makarem-desk.ico", sizes=ICO_SIZES)
    mark.save(HERE / "makarem-desk.png", optimize=True)
