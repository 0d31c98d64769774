"""newsgraph's icon: three actors, two of them met (the Explorer's mark), as SVG and as ICO.

Browsers ask for ``/favicon.ico`` on every page that names no icon (GraphiQL, /healthz opened in
a tab), and log a 404 when there is none. The ICO is drawn here from the same shapes as the
SVG, so the package carries no binary file and needs no image library: a 32x32 RGBA raster,
anti-aliased by 4x4 supersampling, stored as a PNG inside the ICO (which every browser reads).
"""

from __future__ import annotations

import functools
import itertools
import math
import struct
import zlib

__all__ = ["FAVICON_SVG", "favicon_ico"]

_BACKGROUND = (0x1B, 0x23, 0x30)
_LINE = (0x8D, 0x97, 0xA8)
# (centre x, centre y, colour), joined by the line in this order: the Explorer's colours.
_DOTS = (
    (9.0, 22.0, (0x3F, 0x5E, 0xFB)),
    (16.0, 10.0, (0xF5, 0xB4, 0x00)),
    (23.0, 22.0, (0x0F, 0x9F, 0x77)),
)
_DOT_RADIUS = 4.0
_LINE_HALF_WIDTH = 1.0
_CORNER = 7.0
_SIZE = 32

FAVICON_SVG = (
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'>"
    f"<rect width='32' height='32' rx='{_CORNER:g}' fill='#1b2330'/>"
    "<path d='M9 22 16 10l7 12' stroke='#8d97a8' stroke-width='2' fill='none'/>"
    + "".join(
        f"<circle cx='{x:g}' cy='{y:g}' r='{_DOT_RADIUS:g}' fill='#{r:02x}{g:02x}{b:02x}'/>"
        for x, y, (r, g, b) in _DOTS
    )
    + "</svg>"
)


def _in_rounded_square(x: float, y: float) -> bool:
    # Distance from the inner square the corners are rounded around.
    dx = max(_CORNER - x, 0.0, x - (_SIZE - _CORNER))
    dy = max(_CORNER - y, 0.0, y - (_SIZE - _CORNER))
    return dx * dx + dy * dy <= _CORNER * _CORNER


def _near_segment(x: float, y: float, a: tuple[float, float], b: tuple[float, float]) -> bool:
    (ax, ay), (bx, by) = a, b
    length = (bx - ax) ** 2 + (by - ay) ** 2
    t = min(max(((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / length, 0.0), 1.0)
    return math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= _LINE_HALF_WIDTH


def _colour_at(x: float, y: float) -> tuple[int, int, int] | None:
    """The colour at a point, shapes painted in the SVG's order; None outside the icon."""
    for cx, cy, colour in _DOTS:
        if math.hypot(x - cx, y - cy) <= _DOT_RADIUS:
            return colour
    points = [(cx, cy) for cx, cy, _ in _DOTS]
    if any(_near_segment(x, y, a, b) for a, b in itertools.pairwise(points)):
        return _LINE
    return _BACKGROUND if _in_rounded_square(x, y) else None


def _raster(samples: int = 4) -> bytes:
    """RGBA rows of the icon, each pixel the average of ``samples``² points inside it."""
    rows = bytearray()
    step = 1.0 / samples
    for py in range(_SIZE):
        rows.append(0)  # PNG filter type: none
        for px in range(_SIZE):
            red = green = blue = covered = 0
            for sy in range(samples):
                for sx in range(samples):
                    colour = _colour_at(px + (sx + 0.5) * step, py + (sy + 0.5) * step)
                    if colour is not None:
                        red, green, blue = red + colour[0], green + colour[1], blue + colour[2]
                        covered += 1
            if covered:
                # Colour averaged over the covered points (straight alpha), alpha by coverage.
                rows += bytes(
                    (
                        red // covered,
                        green // covered,
                        blue // covered,
                        round(255 * covered / samples**2),
                    )
                )
            else:
                rows += b"\x00\x00\x00\x00"
    return bytes(rows)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def _png() -> bytes:
    header = struct.pack(">IIBBBBB", _SIZE, _SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(_raster(), 9))
        + _png_chunk(b"IEND", b"")
    )


@functools.cache
def favicon_ico() -> bytes:
    """The icon as an ICO file holding one 32x32 PNG (drawn once per process)."""
    png = _png()
    directory = struct.pack("<HHH", 0, 1, 1)  # reserved, type 1 (icon), one image
    entry = struct.pack("<BBBBHHII", _SIZE, _SIZE, 0, 0, 1, 32, len(png), 6 + 16)
    return directory + entry + png
