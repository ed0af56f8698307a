"""A company logo, checked from its bytes and re-encoded before any report embeds it.

Only PNG and JPEG: both PDF (fpdf2) and Word embed them as they are. The header is read first
(Pillow's `open` is lazy), so a logo declaring a huge canvas is refused before its pixels are
inflated; the copy kept is re-encoded from the pixels, so no metadata, ICC profile or trailing
bytes of the upload reach a report. Pillow is imported inside the function.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

MAX_SIDE = 2000
MIN_SIDE = 16
_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


class LogoRejectedError(Exception):
    """The bytes are not a logo we will keep; the message says why, in the user's terms."""


@dataclass(frozen=True)
class CheckedLogo:
    data: bytes  # re-encoded
    content_type: str
    extension: str
    sha256: str
    width: int
    height: int


def check_logo(data: bytes) -> CheckedLogo:
    from PIL import Image, UnidentifiedImageError

    declared = next((kind for magic, kind in _SIGNATURES.items() if data.startswith(magic)), None)
    if declared is None:
        raise LogoRejectedError("The logo must be a PNG or JPEG image")
    try:
        with Image.open(io.BytesIO(data), formats=[declared]) as image:
            width, height = image.size
            if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
                raise LogoRejectedError(
                    f"The logo must be between {MIN_SIDE} and {MAX_SIDE} pixels on each side"
                    f" (it is {width} x {height})"
                )
            image.load()
            copy = _reencoded(image, declared)
    except LogoRejectedError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        raise LogoRejectedError("The logo could not be read as an image") from error
    extension = "png" if declared == "PNG" else "jpg"
    return CheckedLogo(
        data=copy,
        content_type=f"image/{'png' if declared == 'PNG' else 'jpeg'}",
        extension=extension,
        sha256=hashlib.sha256(copy).hexdigest(),
        width=width,
        height=height,
    )


def _reencoded(image: object, kind: str) -> bytes:
    from PIL import Image

    assert isinstance(image, Image.Image)
    out = io.BytesIO()
    if kind == "PNG":
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P", "PA") else "RGB"
        image.convert(mode).save(out, format="PNG", optimize=True)
    else:
        image.convert("RGB").save(out, format="JPEG", quality=90)
    return out.getvalue()
