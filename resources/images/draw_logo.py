"""Draws the default association logo (association-logo.png): our own shapes, no artwork.

A green roundel with a stylised open hand of three petals and a small star — a neutral
mark used until the association uploads its own logo. Run: python draw_logo.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 256
GREEN = (15, 92, 77, 255)
GOLD = (196, 160, 74, 255)
WHITE = (255, 255, 255, 255)


def draw() -> Image.Image:
    scale = 4  # draw large, then downsample for smooth edges
    s = SIZE * scale
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((0, 0, s - 1, s - 1), fill=GREEN)
    d.ellipse((s * 0.05, s * 0.05, s * 0.95, s * 0.95), outline=GOLD, width=int(s * 0.02))
    cx = s / 2
    # three petals rising from a cupped base
    for dx, top in ((-0.17, 0.30), (0.0, 0.22), (0.17, 0.30)):
        x = cx + dx * s
        d.ellipse((x - s * 0.075, top * s, x + s * 0.075, 0.62 * s), fill=WHITE)
    d.chord((s * 0.22, s * 0.40, s * 0.78, s * 0.80), 0, 180, fill=WHITE)
    d.rectangle((s * 0.30, s * 0.58, s * 0.70, s * 0.60), fill=GREEN)
    # a small star above
    star = [(cx, s * 0.09), (cx + s * 0.03, s * 0.15), (cx + s * 0.08, s * 0.16),
            (cx + s * 0.045, s * 0.20), (cx + s * 0.055, s * 0.255), (cx, s * 0.225),
            (cx - s * 0.055, s * 0.255), (cx - s * 0.045, s * 0.20), (cx - s * 0.08, s * 0.16),
            (cx - s * 0.03, s * 0.15)]
    d.polygon(star, fill=GOLD)
    return img.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


if __name__ == "__main__":
    draw().save(Path(__file__).with_name("association-logo.png"), optimize=True)
