"""Document extraction speed next to poppler's `pdftotext`, DOCX throughput, and peak memory.

On the same generated PDFs (1, 10 and 100 pages of inspection notes, 40 lines a page) prints
pages/second of `extract_document` (validation included) and of `pdftotext` (one process per
file, as a service shelling out to it would pay), and their ratio (ours / pdftotext: above 1 is
faster); then paragraphs/second for a DOCX, and the peak Python memory (tracemalloc) of
extracting the 100-page PDF. Each figure is the median of several runs, after a warm-up run.

    .venv/bin/python bench/extract.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chalicelib.extract import DocumentKind, extract_document  # noqa: E402
from tests.documents import make_docx, make_pdf, make_report_pages  # noqa: E402

PAGE_COUNTS = (1, 10, 100)
DOCX_PARAGRAPHS = 2000
INSTALL_POPPLER = "apt-get install -y poppler-utils"


def median_seconds(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up: imports, caches
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def pdftotext_seconds(pdftotext: str, path: Path, runs: int) -> float:
    def run() -> None:
        subprocess.run([pdftotext, "-q", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True)

    return median_seconds(run, runs)


def peak_memory(action: Callable[[], object]) -> int:
    action()  # imports outside the measurement
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    pdftotext = shutil.which("pdftotext")

    pdfs = {count: make_pdf(make_report_pages(count)) for count in PAGE_COUNTS}
    print(f"{'PDF':>9} {'KiB':>6} {'ours p/s':>10} {'pdftotext p/s':>14} {'ours/pdftotext':>15}")
    with tempfile.TemporaryDirectory() as folder:
        for count, data in pdfs.items():
            ours = count / median_seconds(partial(extract_document, data, DocumentKind.PDF), args.runs)
            if pdftotext is None:
                theirs_text, ratio_text = "missing", "-"
            else:
                path = Path(folder) / f"report-{count}.pdf"
                path.write_bytes(data)
                theirs = count / pdftotext_seconds(pdftotext, path, args.runs)
                theirs_text, ratio_text = f"{theirs:.0f}", f"{ours / theirs:.2f}"
            print(f"{count:>5} pp. {len(data) / 1024:6.0f} {ours:10.0f} {theirs_text:>14} {ratio_text:>15}")
    if pdftotext is None:
        print(f"pdftotext not found: install poppler-utils to compare (`{INSTALL_POPPLER}`).")

    lines = make_report_pages(1, DOCX_PARAGRAPHS)[0].split("\n")
    docx = make_docx(lines, [["Room", "Material", "Reading"], ["Kitchen", "Drywall", "32%MC"]], table_at=1)
    seconds = median_seconds(lambda: extract_document(docx, DocumentKind.DOCX), args.runs)
    rate = DOCX_PARAGRAPHS / seconds
    print(f"DOCX {DOCX_PARAGRAPHS} paragraphs + table ({len(docx) / 1024:.0f} KiB): {rate:,.0f} paragraphs/s")

    biggest = pdfs[max(PAGE_COUNTS)]
    peak = peak_memory(lambda: extract_document(biggest, DocumentKind.PDF))
    print(
        f"peak memory extracting the {max(PAGE_COUNTS)}-page PDF ({len(biggest) / 1024:.0f} KiB): "
        f"{peak / (1024 * 1024):.1f} MiB (tracemalloc), {peak / len(biggest):.0f}x the file"
    )


if __name__ == "__main__":
    main()
