"""The local OCR engine (Tesseract's command line, PDF pages rasterised by pdftoppm; both installed
by `make tesseract` / `make poppler`) on generated scans of known text: the job id carries the
request, the first poll reads the pages asked for, words come back in lines with confidences."""

from __future__ import annotations

from chalicelib.aws.ocr_local import TesseractOcr, parse_tsv
from chalicelib.extract.images import Limits, check_photo
from tests import scans
from tests.scans import word_accuracy

TSV = "\n".join(
    [
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
        "1\t1\t0\t0\t0\t0\t0\t0\t1240\t1754\t-1\t",
        "4\t1\t1\t1\t1\t0\t110\t120\t400\t30\t-1\t",
        "5\t1\t1\t1\t1\t1\t110\t120\t80\t30\t96.5\tClaim",
        "5\t1\t1\t1\t1\t2\t200\t120\t40\t30\t90.5\tno:",
        "5\t1\t1\t1\t2\t1\t110\t170\t80\t30\t40.0\tLaundry",
        "5\t1\t1\t1\t2\t2\t200\t170\t10\t30\t95.0\t ",
    ]
)


class _Blob:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.reads: list[tuple[str, str | None]] = []

    def get_bytes(self, key: str, version_id: str | None = None) -> bytes:
        self.reads.append((key, version_id))
        return self.data


def test_tsv_words_become_lines_with_their_mean_confidence() -> None:
    page = parse_tsv(TSV, page=3)
    assert page.page == 3
    assert [(line.text, line.confidence) for line in page.lines] == [("Claim no:", 93.5), ("Laundry", 40.0)]
    assert page.confidence == 75.7  # over the words, blanks and -1 rows left out


def test_a_scanned_pdf_is_read_on_the_first_poll_with_its_pages_numbered() -> None:
    # Given a two-page scan (no text layer): a clean sheet and a smudged one
    pages = [scans.render_page(scans.INSPECTION_SHEET), scans.smudged_page(scans.NOTES_PAGE)]
    blob = _Blob(scans.scan_pdf(pages))
    ocr = TesseractOcr(blob, dpi=200)
    # When a job for page 1 only is started and polled
    job = ocr.start_pdf("uploads/alice/wf_1/scan.pdf", "v3", [1])
    result = ocr.pdf_result(job)
    # Then the stored version was read, page 1 only, and its words match the sheet's
    assert blob.reads == [("uploads/alice/wf_1/scan.pdf", "v3")]
    assert result is not None and [page.page for page in result.pages] == [1]
    lines = [line.text for line in result.pages[0].lines]
    assert word_accuracy(scans.INSPECTION_SHEET, lines) > 0.9, lines
    assert any("SGI-7734219" in line for line in lines)
    assert result.pages[0].confidence > 80


def test_a_smudged_page_reads_with_low_confidence() -> None:
    ocr = TesseractOcr(_Blob(scans.scan_pdf([scans.smudged_page(scans.NOTES_PAGE)])))
    result = ocr.pdf_result(ocr.start_pdf("k", None, [1]))
    assert result is not None
    assert result.pages[0].lines and result.pages[0].confidence < 80


def test_a_photo_of_the_sheet_is_read() -> None:
    photo = check_photo(scans.photo_jpeg(scans.INSPECTION_SHEET), Limits(50_000_000, 4000, 92))
    result = TesseractOcr(_Blob(b"")).read_image(photo.report_jpeg)
    lines = [line.text for line in result.pages[0].lines]
    assert word_accuracy(scans.INSPECTION_SHEET, lines) > 0.9, lines
