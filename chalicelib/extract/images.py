"""Photos, checked from their bytes: what they are, when and where EXIF says they were taken, and
the copy the report embeds.

Pillow (and pillow-heif, for HEIC) are imported inside the functions: only the upload Lambda and
OUTPUT need them, and `import app` must stay cheap. Nothing is decoded before its declared size
is checked: Pillow reads the header on `open`, so a PNG declaring 100,000 x 100,000 pixels is
refused with `PHOTO_TOO_MANY_PIXELS` before a byte of its pixels is inflated.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL.Image import Image

# The formats a photo may be, as Pillow names them; anything else is not a photo to us.
FORMATS = ("JPEG", "PNG", "HEIF")
_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825
_DATETIME_ORIGINAL = 36867
_OFFSET_TIME_ORIGINAL = 36881
_DATETIME = 306


class PhotoRejectedError(Exception):
    """The bytes are not a photo we will keep; `code` says which refusal it is."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Limits:
    max_pixels: int
    max_side: int  # longest side of the report copy
    quality: int  # JPEG quality of the report copy


@dataclass(frozen=True)
class CheckedPhoto:
    sha256: str
    size: int
    format: str
    width: int
    height: int
    exif_taken_at: str | None
    gps: tuple[float, float] | None
    report_jpeg: bytes  # re-encoded: no EXIF, no GPS, no ICC or XMP; oriented as EXIF said


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@cache
def _register_heif() -> bool:
    """HEIC support when pillow-heif is installed (a wheel for Lambda's x86_64 and arm64)."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True


def check_photo(data: bytes, limits: Limits) -> CheckedPhoto:
    """Check the bytes and make the report copy; PhotoRejectedError with its code otherwise."""
    from PIL import Image, UnidentifiedImageError

    _register_heif()
    digest = sha256_of(data)
    if not data:
        raise PhotoRejectedError("PHOTO_EMPTY", "The photo upload was empty")
    # Pillow's own bomb check is a second line: ours below refuses first, with our limit.
    Image.MAX_IMAGE_PIXELS = limits.max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=FORMATS)
            width, height = image.size
            if width * height > limits.max_pixels:
                raise _too_many_pixels(width, height, limits)
            exif = image.getexif()
            taken_at, gps = _exif_time(exif), _exif_gps(exif)
            report_jpeg = _report_copy(image, limits)
    except PhotoRejectedError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise PhotoRejectedError(
            "PHOTO_TOO_MANY_PIXELS",
            f"The image declares more than {limits.max_pixels:,} pixels and was not decoded",
        ) from error
    except UnidentifiedImageError as error:
        raise PhotoRejectedError(
            "PHOTO_NOT_AN_IMAGE", "The file is not a JPEG, PNG or HEIC image, whatever its name says"
        ) from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        # Pillow reports truncated or damaged image data as OSError/SyntaxError/ValueError.
        raise PhotoRejectedError("PHOTO_CORRUPT", "The image is damaged or truncated") from error
    return CheckedPhoto(
        sha256=digest,
        size=len(data),
        format=str(image.format),
        width=width,
        height=height,
        exif_taken_at=taken_at,
        gps=gps,
        report_jpeg=report_jpeg,
    )


def _too_many_pixels(width: int, height: int, limits: Limits) -> PhotoRejectedError:
    return PhotoRejectedError(
        "PHOTO_TOO_MANY_PIXELS",
        f"The image declares {width} x {height} pixels, over the {limits.max_pixels:,}-pixel limit;"
        " it was not decoded",
    )


def _report_copy(image: Image, limits: Limits) -> bytes:
    """A JPEG no larger than `max_side`, upright, with no metadata at all.

    Re-encoding from pixels is what strips EXIF (GPS included), XMP and ICC: nothing of the
    original file's metadata can ride along. JPEG's draft mode decodes at 1/2-1/8 scale when the
    target is that much smaller, which keeps a 48 MP photo's memory and time down."""
    from PIL import ImageOps

    if image.format == "JPEG":
        image.draft("RGB", (limits.max_side, limits.max_side))
    image.load()
    upright = ImageOps.exif_transpose(image)
    if upright.mode not in ("RGB", "L"):
        upright = _flattened(upright)
    upright.thumbnail((limits.max_side, limits.max_side))
    buffer = io.BytesIO()
    upright.save(buffer, format="JPEG", quality=limits.quality, optimize=True)
    return buffer.getvalue()


def _flattened(image: Image) -> Image:
    """Transparency onto white (a screenshot's alpha would turn black in JPEG)."""
    from PIL import Image as PilImage

    rgba = image.convert("RGBA")
    background = PilImage.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def _exif_time(exif: Any) -> str | None:
    """DateTimeOriginal ("2026:11:20 14:03:11"), with its offset when the camera wrote one."""
    sub = exif.get_ifd(_EXIF_IFD)
    taken = sub.get(_DATETIME_ORIGINAL) or exif.get(_DATETIME)
    if not isinstance(taken, str) or not taken.strip():
        return None
    offset = sub.get(_OFFSET_TIME_ORIGINAL)
    text = taken.strip().strip("\x00")
    return f"{text} {offset.strip()}" if isinstance(offset, str) and offset.strip() else text


def _exif_gps(exif: Any) -> tuple[float, float] | None:
    gps = exif.get_ifd(_GPS_IFD)
    try:
        latitude = _degrees(gps[2], gps.get(1, "N"))
        longitude = _degrees(gps[4], gps.get(3, "E"))
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError):
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return round(latitude, 7), round(longitude, 7)


def _degrees(value: Any, reference: Any) -> float:
    degrees, minutes, seconds = (float(part) for part in value)
    result = degrees + minutes / 60 + seconds / 3600
    return -result if str(reference).strip().upper() in ("S", "W") else result
