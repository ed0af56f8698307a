"""Generated scans and photos of known text, for the OCR tests and `bench/ocr.py`.

A page is the text drawn with Pillow in Fira Sans (the report's own font package, so no system
font is assumed) on A4 at 150 dpi, then made to look scanned: a small rotation (skew), speckle
noise, a slight blur; a scanned PDF wraps such images as pages, with no text layer. A "photo"
is the same page on a grey, unevenly lit background, rotated a little more, saved as a JPEG.
Everything is seeded: the same call gives the same bytes.
"""

from __future__ import annotations

import io
import random
from typing import TYPE_CHECKING

from chalicelib.report.pdf_fonts import font_files

if TYPE_CHECKING:
    from PIL.Image import Image

DPI = 150
A4_PX = (1240, 1754)  # 210 x 297 mm at 150 dpi

# An inspection sheet as a contractor fills it in; the facts the tests look for are marked.
INSPECTION_SHEET = [
    "INSPECTION SHEET - AquaDry Restorations Pty Ltd",
    "Claim no: SGI-7734219",  # the claim number
    "Insured: Mr K. Walsh",
    "Site: 27 Banksia Cres, Mount Gravatt QLD 4122",
    "Date of loss 18/06/2024   Attended 19/06/2024",
    "",
    "Loss: washing machine drain hose came out of the standpipe,",
    "grey water ran out of the laundry into the hallway.",
    "Cat 2 - washing machine discharge (grey water).",  # the category
    "",
    "Laundry 2.4 x 1.9 m, tiled floor. Plasterboard wet to 300mm.",  # a room
    "Hallway 6.5 x 1.2 m, carpet and underlay wet.",
    "",
    "Readings (Protimeter, WME)",
    "- Laundry plasterboard behind tub 38 WME",  # a reading
    "- Hallway carpet 45 WME",
    "Placed 4 air movers, 1 LGR dehumidifier.",
]

# A second page with nothing the tests look for, for a smudged scan of it.
NOTES_PAGE = [
    "Notes continued from page 1",
    "Owner to confirm access for the second visit.",
    "Keys left with the neighbour at number 29.",
    "Check the skirting again on Friday.",
    "Photos taken of the laundry and the hallway.",
]


def render_page(
    lines: list[str],
    *,
    font_px: int = 30,
    skew_degrees: float = 0.8,
    noise: float = 0.001,
    blur: float = 0.5,
    seed: int = 7,
) -> Image:
    """The text as a scanned A4 page (greyscale)."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    font = ImageFont.truetype(str(font_files()[""]), font_px)
    page = Image.new("L", A4_PX, 255)
    draw = ImageDraw.Draw(page)
    top = 120
    for line in lines:
        draw.text((110, top), line, fill=20, font=font)
        top += int(font_px * 1.6)
    page = page.rotate(skew_degrees, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
    if blur:
        page = page.filter(ImageFilter.GaussianBlur(blur))
    return _speckled(page, noise, seed)


def _speckled(page: Image, fraction: float, seed: int) -> Image:
    """Salt-and-pepper noise on `fraction` of the pixels, as a cheap scanner leaves."""
    if fraction <= 0:
        return page
    rng = random.Random(seed)
    pixels = bytearray(page.tobytes())
    for _ in range(int(len(pixels) * fraction)):
        pixels[rng.randrange(len(pixels))] = rng.choice((0, 255, rng.randrange(256)))
    page.frombytes(bytes(pixels))  # in place
    return page


def scan_pdf(pages: list[Image]) -> bytes:
    """Images wrapped as a PDF, one per page, with no text layer (what a scanner writes)."""
    out = io.BytesIO()
    first, *rest = [page.convert("L") for page in pages]
    first.save(out, format="PDF", resolution=DPI, save_all=True, append_images=rest)
    return out.getvalue()


def photo_jpeg(lines: list[str], *, seed: int = 11) -> bytes:
    """A phone photo of the sheet: on a darker, unevenly lit desk, turned 2 degrees, JPEG."""
    from PIL import Image, ImageFilter

    sheet = render_page(lines, skew_degrees=0, noise=0.0, blur=0).convert("RGB")
    width, height = sheet.size
    desk = Image.linear_gradient("L").resize((width + 200, height + 200)).point(lambda v: 70 + v // 3)
    photo = desk.convert("RGB")
    photo.paste(sheet, (100, 100))
    shade = Image.linear_gradient("L").rotate(90).resize(photo.size).point(lambda v: 215 + v // 6)
    photo = Image.composite(photo, Image.new("RGB", photo.size, (0, 0, 0)), shade)
    photo = photo.rotate(2.0, resample=Image.Resampling.BICUBIC, fillcolor=(60, 60, 60), expand=True)
    photo = photo.filter(ImageFilter.GaussianBlur(0.7))
    out = io.BytesIO()
    photo.save(out, format="JPEG", quality=80)
    return out.getvalue()


def smudged_page(lines: list[str], *, seed: int = 5) -> Image:
    """A page a poor scan left hard to read: small, faint, blurred text."""
    from PIL import ImageEnhance

    page = render_page(lines, font_px=18, skew_degrees=2.0, noise=0.002, blur=1.5, seed=seed)
    return ImageEnhance.Contrast(page).enhance(0.4)


# What OCR leaves around words (stray marks read from specks) is not part of them.
_PUNCTUATION = ".,:;()|-~_'\"\u2018\u2019\u201c\u201d\u2014"


def words(text: str) -> list[str]:
    return [w.strip(_PUNCTUATION).lower() for w in text.split() if w.strip(_PUNCTUATION)]


def word_accuracy(truth: list[str], read: list[str]) -> float:
    """Share of the true words OCR gave back, in order: the longest common subsequence of the
    two word lists over the true word count (1.0: every word, none out of place)."""
    a, b = words("\n".join(truth)), words("\n".join(read))
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1] / len(a) if a else 1.0
