"""The local OCR engine (`make run`, tests): Tesseract's command line, PDF pages rasterised by
poppler's `pdftoppm`. Both come from Debian packages that the Makefile installs
(`make tesseract`, `make poppler`).

It keeps Textract's shape (`aws/textract.py`) so the state machine takes the same path: a PDF is a
job whose id carries what to read (the stored key, its version, the pages), read when it is first
polled, so the first poll after the state machine's Wait finds it done. An image is read at once.

Tesseract's TSV output gives each word with its confidence (0-100) and its block, paragraph and
line numbers: lines are rebuilt from those, each with its words' mean confidence.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from chalicelib.core.ports import OcrFailedError, OcrLine, OcrPage, OcrResult

JOB_PREFIX = "local-"
ENGINE = "tesseract"


class BlobReader(Protocol):
    def get_bytes(self, key: str, version_id: str | None = None) -> bytes: ...


class TesseractOcr:
    def __init__(
        self, blobs: BlobReader, *, dpi: int = 300, language: str = "eng", timeout_seconds: float = 60
    ) -> None:
        self._blobs = blobs
        self._dpi = dpi
        self._language = language
        self._timeout = timeout_seconds

    def read_image(self, image: bytes) -> OcrResult:
        with tempfile.TemporaryDirectory(prefix="ocr-") as folder:
            path = Path(folder) / "image"
            path.write_bytes(image)
            page = parse_tsv(self._tesseract(path), page=1)
        return OcrResult(engine=ENGINE, pages=(page,), pages_billed=1)

    def start_pdf(self, key: str, version_id: str | None, pages: Sequence[int]) -> str:
        request = {"key": key, "version": version_id, "pages": sorted(set(pages))}
        return JOB_PREFIX + base64.urlsafe_b64encode(json.dumps(request).encode()).decode()

    def pdf_result(self, job_id: str) -> OcrResult | None:
        try:
            request = json.loads(base64.urlsafe_b64decode(job_id.removeprefix(JOB_PREFIX)))
        except ValueError as error:
            raise OcrFailedError("The OCR job is unknown") from error
        data = self._blobs.get_bytes(request["key"], request["version"])
        read: list[OcrPage] = []
        with tempfile.TemporaryDirectory(prefix="ocr-") as folder:
            pdf = Path(folder) / "document.pdf"
            pdf.write_bytes(data)
            for number in request["pages"]:
                image = self.rasterise(pdf, number, Path(folder) / f"page-{number}")
                read.append(parse_tsv(self._tesseract(image), page=number))
        return OcrResult(engine=ENGINE, pages=tuple(read), pages_billed=len(read))

    def rasterise(self, pdf: Path, page: int, stem: Path) -> Path:
        """One page as a grey PNG at the engine's resolution (`pdftoppm -singlefile` writes
        `<stem>.png`)."""
        command = ["pdftoppm", "-r", str(self._dpi), "-gray", "-png", "-singlefile"]
        self._run([*command, "-f", str(page), "-l", str(page), str(pdf), str(stem)])
        return stem.with_suffix(".png")

    def _tesseract(self, image: Path) -> str:
        return self._run(["tesseract", str(image), "stdout", "-l", self._language, "--psm", "3", "tsv"])

    def _run(self, command: list[str]) -> str:
        # One thread per process: the Lambda-sized machine's cores are shared with other work.
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        try:
            done = subprocess.run(command, capture_output=True, timeout=self._timeout, check=False, env=env)
        except FileNotFoundError as missing:
            raise OcrFailedError(f"The local OCR engine is not installed ({command[0]})") from missing
        except subprocess.TimeoutExpired as slow:
            raise OcrFailedError("A page took too long to read") from slow
        if done.returncode != 0:
            raise OcrFailedError("A page's image could not be read")
        return done.stdout.decode("utf-8", "replace")


def parse_tsv(tsv: str, page: int) -> OcrPage:
    """Tesseract's TSV (level, page_num, block_num, par_num, line_num, word_num, left, top,
    width, height, conf, text) as lines in reading order, each with its mean word confidence."""
    lines: dict[tuple[str, str, str], list[tuple[str, float]]] = {}
    rows = tsv.splitlines()
    for row in rows[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue  # not a word (page, block, paragraph and line rows carry conf -1)
        word, confidence = cells[11].strip(), float(cells[10])
        if not word or confidence < 0:
            continue
        lines.setdefault((cells[2], cells[3], cells[4]), []).append((word, confidence))
    read = tuple(
        OcrLine(" ".join(w for w, _ in words), round(sum(c for _, c in words) / len(words), 1))
        for words in lines.values()
    )
    confidences = [c for words in lines.values() for _, c in words]
    mean = round(sum(confidences) / len(confidences), 1) if confidences else 0.0
    return OcrPage(page=page, lines=read, confidence=mean)
