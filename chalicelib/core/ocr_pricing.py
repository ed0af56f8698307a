"""What OCR costs per page: Amazon Textract's list price for DetectDocumentText (and its
asynchronous form, StartDocumentTextDetection, billed the same per page).

Source: https://aws.amazon.com/textract/pricing/ ("Detect Document Text API"), US East (N.
Virginia). Taken 2026-12-05 from the author's knowledge of that page, NOT fetched from it (no
network here): check it before quoting a figure. Textract bills every page of a PDF it is given,
which is why `OcrResult.pages_billed` and not the pages kept is priced. The local engine
(Tesseract) costs nothing beyond the Lambda time already counted by `bench/cost.py`.
"""

from __future__ import annotations

PRICES_TAKEN = "2026-12-05"
PRICES_SOURCE = "https://aws.amazon.com/textract/pricing/ (from knowledge, not fetched)"

# USD per page, per engine: Textract $1.50 per 1,000 pages for the first million pages a month
# ($0.60 per 1,000 after that: the volume tier is not modelled, the first tier is the dearer one).
USD_PER_PAGE: dict[str, float] = {
    "textract": 1.50 / 1000,
    "tesseract": 0.0,
}


def cost_usd(engine: str, pages_billed: int) -> float:
    """The list price of `pages_billed` pages on `engine` (unknown engines priced as Textract)."""
    return round(USD_PER_PAGE.get(engine, USD_PER_PAGE["textract"]) * pages_billed, 6)
