"""The photo check on the bytes received: formats an iPhone and a camera send, and refusals."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from chalicelib.extract.images import Limits, PhotoRejectedError, check_photo, sha256_of

pytestmark = pytest.mark.unit

_LIMITS = Limits(max_pixels=40_000_000, max_side=1600, quality=80)


def _heic(width: int, height: int) -> bytes:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(buffer, format="HEIF")
    return buffer.getvalue()


def test_an_iphone_heic_photo_is_received_and_copied_as_jpeg() -> None:
    # Given a HEIC photo, as iPhones take them
    data = _heic(640, 480)
    checked = check_photo(data, _LIMITS)
    # Then it is a HEIF photo of its size, hashed as received, with a JPEG report copy
    assert (checked.format, checked.width, checked.height) == ("HEIF", 640, 480)
    assert checked.sha256 == sha256_of(data)
    copy = Image.open(io.BytesIO(checked.report_jpeg))
    assert copy.format == "JPEG" and copy.size == (640, 480)


def test_a_pdf_renamed_as_a_photo_is_refused() -> None:
    # Given bytes that are not an image at all
    with pytest.raises(PhotoRejectedError) as refused:
        check_photo(b"%PDF-1.7\n1 0 obj<<>>endobj\n", _LIMITS)
    # Then they are refused with the not-an-image code
    assert refused.value.code == "PHOTO_NOT_AN_IMAGE"
