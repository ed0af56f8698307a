"""Extraction and OCR speed next to poppler's `pdftotext` and Tesseract's own command line, and
OCR word accuracy on generated scans of known text, in one run.

Files (generated, tests/scans.py and tests/documents.py): a text PDF of the inspection sheet
(N pages), a scan of it (N pages of the sheet drawn, skewed, speckled and blurred, no text
layer), a smudged scan (small, faint, blurred), and a phone photo of the sheet (JPEG).

- text PDF: pages/s of `extract_document` and of `pdftotext` (one process per file);
- scans: pages/s of our whole read path (extraction finds no text layer -> the local OCR
  adapter: `pdftoppm` one page at a time, `tesseract ... tsv`, lines with confidences) and of the
  plain command line a script would run (`pdftoppm` once for all pages, `tesseract page.png
  stdout` per page, text only); `pdftotext` on the scan, to show it finds no words;
- word accuracy (share of the sheet's words read back, in order) of both, per file, and the
  engine's mean confidence; the Textract list price per page (core/ocr_pricing.py).

The command line runs as installed (Tesseract's OpenMP threads, one per core) and again with
OMP_THREAD_LIMIT=1, as the adapter runs it (a Lambda-sized machine, cores shared). Each speed is
the median of --runs runs (default 1: OCR is slow; 2 cores are shared).

    .venv/bin/python bench/ocr.py [--pages 3] [--dpi 300] [--runs 1]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chalicelib.aws.ocr_local import TesseractOcr  # noqa: E402
from chalicelib.core.ocr_pricing import PRICES_SOURCE, PRICES_TAKEN, USD_PER_PAGE  # noqa: E402
from chalicelib.extract import DocumentKind, NeedsOcrError, extract_document  # noqa: E402
from chalicelib.extract.images import Limits, check_photo  # noqa: E402
from tests import scans  # noqa: E402
from tests.documents import make_pdf  # noqa: E402

INSTALL = "make poppler tesseract"


class _File:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def get_bytes(self, key: str, version_id: str | None = None) -> bytes:
        return self.data


def median_seconds(action: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def ours_on_scan(data: bytes, dpi: int) -> list[list[str]]:
    """INITIATION's path: extraction refuses for want of text, the local OCR adapter reads."""
    try:
        extract_document(data, DocumentKind.PDF)
        raise AssertionError("the scan has a text layer")
    except NeedsOcrError as scanned:
        pages = scanned.pages
    engine = TesseractOcr(_File(data), dpi=dpi)
    result = engine.pdf_result(engine.start_pdf("bench", None, pages))
    assert result is not None
    return [[line.text for line in page.lines] for page in result.pages]


def cli_on_scan(path: Path, dpi: int, folder: Path, env: dict[str, str] | None = None) -> list[list[str]]:
    """What a shell script would run: pdftoppm once, then tesseract per page image, text out."""
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(path), str(folder / "p")], check=True)
    read = []
    for image in sorted(folder.glob("p-*.png")):
        done = subprocess.run(["tesseract", str(image), "stdout"], check=True, capture_output=True, env=env)
        read.append(done.stdout.decode().splitlines())
        image.unlink()
    return read


def cli_on_image(path: Path) -> list[str]:
    done = subprocess.run(["tesseract", str(path), "stdout"], check=True, capture_output=True)
    return done.stdout.decode().splitlines()


def pdftotext_words(path: Path) -> int:
    done = subprocess.run(["pdftotext", "-q", str(path), "-"], check=True, capture_output=True)
    return len(done.stdout.split())


def scan_row(name: str, data: bytes, path: Path, folder: Path, dpi: int, runs: int, n: int) -> str:
    """One scanned file: our path, the plain command line (as installed, then one thread)."""
    sheet = scans.INSPECTION_SHEET
    read_ours: list[list[list[str]]] = []
    read_cli: list[list[list[str]]] = []
    ours = median_seconds(lambda: read_ours.append(ours_on_scan(data, dpi)), runs)
    cli = median_seconds(lambda: read_cli.append(cli_on_scan(path, dpi, folder)), runs)
    single = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    cli_single = median_seconds(lambda: cli_on_scan(path, dpi, folder, single), runs)
    acc_ours = statistics.mean(scans.word_accuracy(sheet, page) for page in read_ours[-1])
    acc_cli = statistics.mean(scans.word_accuracy(sheet, page) for page in read_cli[-1])
    return (
        f"  {name:<8} {n / ours:9.2f} {n / cli:8.2f} {cli / ours:9.2f}"
        f" {acc_ours:9.3f} {acc_cli:8.3f} {n / cli_single:17.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    if not (shutil.which("tesseract") and shutil.which("pdftoppm") and shutil.which("pdftotext")):
        sys.exit(f"tesseract, pdftoppm and pdftotext are needed: `{INSTALL}`")
    n = args.pages
    sheet = scans.INSPECTION_SHEET
    text_pdf = make_pdf(["\n".join(sheet)] * n)
    scan = scans.scan_pdf([scans.render_page(sheet, seed=seed) for seed in range(n)])
    smudged = scans.scan_pdf([scans.smudged_page(sheet, seed=seed) for seed in range(n)])
    photo = check_photo(scans.photo_jpeg(sheet), Limits(50_000_000, 4000, 92)).report_jpeg

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = {}
        for name, data in (("text", text_pdf), ("scan", scan), ("smudged", smudged)):
            paths[name] = folder / f"{name}.pdf"
            paths[name].write_bytes(data)
        (folder / "photo.jpg").write_bytes(photo)

        print(f"Text PDF, {n} pages")
        ours = n / median_seconds(lambda: extract_document(text_pdf, DocumentKind.PDF), max(args.runs, 3))
        theirs = n / median_seconds(lambda: pdftotext_words(paths["text"]), max(args.runs, 3))
        print(f"  extract_document {ours:8.1f} p/s   pdftotext {theirs:8.1f} p/s", end="")
        print(f"   ours/pdftotext {ours / theirs:.2f}")

        print(f"Scanned PDFs, {n} pages, OCR at {args.dpi} dpi (pdftotext finds "
              f"{pdftotext_words(paths['scan'])} words on the scan)")  # fmt: skip
        print(
            f"  {'file':<8} {'ours p/s':>9} {'CLI p/s':>8} {'ours/CLI':>9} {'ours acc':>9} {'CLI acc':>8}"
            f" {'CLI 1-thread p/s':>17}"
        )
        for name, data in (("scan", scan), ("smudged", smudged)):
            print(scan_row(name, data, paths[name], folder, args.dpi, args.runs, n))

        engine = TesseractOcr(_File(b""))
        start = time.perf_counter()
        result = engine.read_image(photo)
        seconds_ours = time.perf_counter() - start
        start = time.perf_counter()
        cli_lines = cli_on_image(folder / "photo.jpg")
        seconds_cli = time.perf_counter() - start
        lines = [line.text for line in result.pages[0].lines]
        print(
            f"  {'photo':<8} {1 / seconds_ours:9.2f} {1 / seconds_cli:8.2f} {seconds_cli / seconds_ours:9.2f}"
            f" {scans.word_accuracy(sheet, lines):9.3f} {scans.word_accuracy(sheet, cli_lines):8.3f}"
            f"   (confidence {result.pages[0].confidence:.0f}%)"
        )
    price = USD_PER_PAGE["textract"]
    print(
        f"Textract DetectDocumentText: ${price:.4f}/page, ${price * 1000:.2f} per 1,000 pages "
        f"(taken {PRICES_TAKEN}; {PRICES_SOURCE})"
    )


if __name__ == "__main__":
    main()
