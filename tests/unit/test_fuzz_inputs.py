"""Property-based fuzzing of everything that reads untrusted input.

The property, for every reader: random and mutated input either comes back as a result or is
refused with one of the project's own error types (`DocumentRejectedError` from the extractors,
`InputRejectedError` from INITIATION, an `AppError` subclass from the API); anything else (a
parser's `PdfReadError`, `KeyError`, `RecursionError`, `zlib.error`, `struct.error`, a pydantic
`ValidationError`...) escapes as an internal error and is a bug. Every call must also finish
quickly: a hang or an inflate-everything blow-up is a bug as well.

Readers covered: PDF and DOCX extraction (through `extract_document` and INITIATION's
`read_upload`), TEXT normalisation and the offline analyzer, the API's request models
through `parse_model` (and the second-level `inputData` validation `create_workflow` does), and
field apps' structured inspections.

Runs are deterministic (`derandomize=True`, no example database). For a longer local campaign,
scale the example counts, and with `FUZZ_RANDOM=1` draw new examples on every run:
`FUZZ_SCALE=20 FUZZ_RANDOM=1 pytest -p no:randomly tests/unit/test_fuzz_inputs.py`.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, currently_in_test_context, event, example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from chalicelib.api.errors import status_of
from chalicelib.aws.scanning import NoScanner
from chalicelib.core.errors import AppError, InputRejectedError, InvalidRequestError, OcrPendingError
from chalicelib.core.models import (
    CreateApiKeyRequest,
    CreateUploadRequest,
    CreateWorkflowRequest,
    InputMethod,
    ListWorkflowsQuery,
    OrchestratorPhase,
    PatchWorkflowRequest,
    WorkflowStatus,
)
from chalicelib.core.ports import NotFound
from chalicelib.extract import (
    DocumentKind,
    DocumentRejectedError,
    ExtractedDocument,
    ExtractLimits,
    RejectionCode,
    extract_document,
)
from tests import documents

PDF, DOCX = DocumentKind.PDF, DocumentKind.DOCX
T = TypeVar("T")

# Every single call (one example) must finish within this much CPU: generous for a slow CI machine,
# far below what a ReDoS or a decompression blow-up takes.
PER_CALL_SECONDS = 10.0
# Peak resident memory may grow by at most this much over a bomb test (ru_maxrss is in KiB).
BOMB_MAX_RSS_GROWTH_KIB = 150 * 1024
SCALE = max(1, int(os.environ.get("FUZZ_SCALE", "1")))
# The default limits, with a PDF CPU budget well inside PER_CALL_SECONDS (the default, 20 s, is
# sized for the INITIATION Lambda): a slow PDF must come back PDF_TOO_COMPLEX, not time out.
FUZZ_LIMITS = ExtractLimits(max_pdf_cpu_seconds=2)

FUZZ = settings(
    derandomize=os.environ.get("FUZZ_RANDOM") != "1",
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.filter_too_much,
    ],
)


def examples(count: int) -> settings:
    return settings(FUZZ, max_examples=count * SCALE)


def bounded(call: Callable[[], T], allowed: tuple[type[BaseException], ...]) -> T | BaseException:
    """`call()`'s result, or the allowed error it raised; any other exception propagates."""
    # CPU time, not wall time: a hang or a ReDoS burns the CPU, while a machine loaded by other
    # work only makes the wall clock run ahead (the suite's runs under load failed on it).
    start = time.thread_time()
    try:
        outcome: T | BaseException = call()
    except allowed as error:
        outcome = error
    elapsed = time.thread_time() - start
    assert elapsed < PER_CALL_SECONDS, f"took {elapsed:.1f} s of CPU"
    return outcome


def _peak_memory_growth_mib(data: bytes, kind: DocumentKind, tmp_path: Path) -> tuple[str, int]:
    """Extract `data` in a fresh interpreter: its outcome, and how far the peak RSS rose (MiB).
    (In this process the peak is a high-water mark that earlier tests may already have raised.)"""
    upload = tmp_path / "upload.bin"
    upload.write_bytes(data)
    script = (
        "import resource, sys\n"
        "from chalicelib.extract import DocumentKind, DocumentRejectedError, extract_document\n"
        "import pypdf, docx, lxml.etree\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n"
        "    extract_document(data, DocumentKind(sys.argv[2])); outcome = 'read'\n"
        "except DocumentRejectedError as error:\n"
        "    outcome = str(error.code)\n"
        "print(outcome, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", script, str(upload), str(kind)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    outcome, growth = result.stdout.split()
    return outcome, int(growth)


# --- documents: the extractors' contract ---------------------------------------------------------


def extract_or_reject(data: bytes, kind: DocumentKind, limits: ExtractLimits = FUZZ_LIMITS) -> None:
    """`extract_document` either reads `data` in its documented shape or refuses it properly."""
    outcome = bounded(lambda: extract_document(data, kind, limits), (DocumentRejectedError,))
    if currently_in_test_context():  # --hypothesis-show-statistics shows the mix of outcomes
        event(str(getattr(outcome, "code", "read")))
    if isinstance(outcome, DocumentRejectedError):
        assert outcome.code in set(RejectionCode)
        assert outcome.message.strip()
        return
    assert isinstance(outcome, ExtractedDocument)
    assert outcome.kind is kind
    assert outcome.pages, "a document that is read has at least one page"
    text = outcome.text()
    assert "\r" not in text
    assert len(outcome.line_pages()) == text.count("\n") + 1
    if kind is DOCX:
        assert [page.page for page in outcome.pages] == [1]
    else:
        assert [page.page for page in outcome.pages] == list(range(1, len(outcome.pages) + 1))


class _Blobs:
    """Just what INITIATION's `read_upload` reads from the document store (no OCR job yet)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def get_json(self, key: str) -> Any:
        raise NotFound(key)

    def put_json(self, key: str, document: Any) -> None:
        pass

    def size_of(self, key: str, version_id: str | None = None) -> int:
        return len(self.data)

    def get_bytes(self, key: str, version_id: str | None = None) -> bytes:
        return self.data


def initiate_upload(data: bytes, method: InputMethod) -> None:
    """INITIATION on uploaded bytes: pages of text, an OCR job started for pages without usable
    text (`OcrPendingError`), or `InputRejectedError`."""
    from chalicelib.phases import reading

    ocr = SimpleNamespace(start_pdf=lambda key, version, pages: "job")
    ports = SimpleNamespace(blobs=_Blobs(data), scanner=NoScanner(), ocr=ocr)
    workflow = SimpleNamespace(user_id="fuzz", id="wf_" + "0" * 32, input_method=method)
    outcome = bounded(
        lambda: reading.read_upload(ports, workflow, "upload", None),  # type: ignore[arg-type]
        (InputRejectedError, OcrPendingError),
    )
    if isinstance(outcome, InputRejectedError):
        assert outcome.code and outcome.message
        return
    if isinstance(outcome, OcrPendingError):
        assert method is InputMethod.PDF
        return
    assert isinstance(outcome, reading.ReadInput)
    for page in outcome.pages:
        assert page.page >= 1 and isinstance(page.text, str)
    assert all(isinstance(warning, str) and warning for warning in outcome.warnings)


# --- byte-level mutation ---------------------------------------------------------------------------

Mutation = Callable[[st.DrawFn, bytearray], bytearray]
HEADER_BYTES = 16


def _position(draw: st.DrawFn, data: bytearray, *, end: bool = False) -> int:
    """An offset into `data`, past its first 16 bytes (the header) when it is that long: hypothesis
    favours small integers, and a damaged header only ever tests type sniffing."""
    last = len(data) if end else max(len(data) - 1, 0)
    return draw(st.integers(min(HEADER_BYTES, last), last))


def _overwrite(draw: st.DrawFn, data: bytearray) -> bytearray:
    for _ in range(draw(st.integers(1, 16))):
        if data:
            data[_position(draw, data)] = draw(st.integers(0, 255))
    return data


def _bit_flip(draw: st.DrawFn, data: bytearray) -> bytearray:
    if data:
        data[_position(draw, data)] ^= 1 << draw(st.integers(0, 7))
    return data


def _truncate(draw: st.DrawFn, data: bytearray) -> bytearray:
    return data[: draw(st.integers(0, len(data)))]


def _delete_slice(draw: st.DrawFn, data: bytearray) -> bytearray:
    start = _position(draw, data)
    del data[start : start + draw(st.integers(1, max(1, len(data) // 4)))]
    return data


def _duplicate_slice(draw: st.DrawFn, data: bytearray) -> bytearray:
    start = _position(draw, data)
    piece = data[start : start + draw(st.integers(1, max(1, len(data) // 4)))]
    at = _position(draw, data, end=True)
    return data[:at] + piece + data[at:]


def _insert_noise(draw: st.DrawFn, data: bytearray) -> bytearray:
    at = _position(draw, data, end=True)
    return data[:at] + draw(st.binary(min_size=1, max_size=64)) + data[at:]


BYTE_MUTATIONS: tuple[Mutation, ...] = (
    _overwrite,
    _bit_flip,
    _truncate,
    _delete_slice,
    _duplicate_slice,
    _insert_noise,
)


def _damage_token(tokens: tuple[bytes, ...]) -> Mutation:
    """Delete, repeat or garble one occurrence of a structural keyword."""

    def mutate(draw: st.DrawFn, data: bytearray) -> bytearray:
        present = [token for token in tokens if token in data]
        if not present:
            return data
        token = draw(st.sampled_from(present))
        starts = [match.start() for match in re.finditer(re.escape(token), data)]
        at = draw(st.sampled_from(starts))
        replacement = draw(
            st.one_of(
                st.just(b""),
                st.just(token * 2),
                st.binary(min_size=1, max_size=len(token) + 4),
                st.sampled_from(tokens),
            )
        )
        return data[:at] + replacement + data[at + len(token) :]

    return mutate


# --- PDF ------------------------------------------------------------------------------------------

PDF_TOKENS = (
    b"xref",
    b"trailer",
    b"startxref",
    b" obj",
    b"endobj",
    b"stream",
    b"endstream",
    b"/Length",
    b"/Count",
    b"/Kids",
    b"/Parent",
    b"/Root",
    b"/Size",
    b"/Pages",
    b"/Page",
    b"/Contents",
    b"/Resources",
    b"/Font",
    b"/Filter",
    b"/FlateDecode",
    b"/Encrypt",
    b"/MediaBox",
    b"<<",
    b">>",
    b"[",
    b"]",
    b" R",
    b"BT",
    b"ET",
    b"Tj",
    b"Tf",
)
HOSTILE_NUMBERS = (
    b"0",
    b"-1",
    b"-0",
    b"2147483647",
    b"2147483648",
    b"-2147483649",
    b"4294967296",
    b"9223372036854775808",
    b"99999999999999999999999999999999999999",
    b"1e308",
    b"1e999",
    b"3.4e38",
    b"-.0",
    b"0.0000000000000000001",
    b"NaN",
    b"inf",
    b"18446744073709551616",
)
_NUMBER = re.compile(rb"-?\d+(?:\.\d+)?")


def _hostile_number(draw: st.DrawFn, data: bytearray) -> bytearray:
    """A number anywhere (object headers, /Length, /Count, xref offsets...) made hostile."""
    matches = list(_NUMBER.finditer(data))
    if not matches:
        return data
    match = draw(st.sampled_from(matches))
    number = draw(
        st.one_of(st.sampled_from(HOSTILE_NUMBERS), st.integers(-(2**70), 2**70).map(b"%d".__mod__))
    )
    return data[: match.start()] + number + data[match.end() :]


def _damage_xref(draw: st.DrawFn, data: bytearray) -> bytearray:
    """The last cross-reference table's entries reordered, garbled or pointed anywhere."""
    start, end = data.rfind(b"xref"), data.rfind(b"trailer")
    if start < 0 or end <= start:
        return data
    lines = bytes(data[start:end]).split(b"\n")
    action = draw(st.integers(0, 2))
    if action == 0:
        lines = [lines[0], *draw(st.permutations(lines[1:]))]
    elif action == 1:
        index = draw(st.integers(0, len(lines) - 1))
        lines[index] = draw(st.binary(max_size=24))
    else:
        index = draw(st.integers(1, max(1, len(lines) - 1))) if len(lines) > 1 else 0
        lines[index] = b"%010d %05d n " % (draw(st.integers(0, 10**10 - 1)), draw(st.integers(0, 99999)))
    return data[:start] + b"\n".join(lines) + data[end:]


def _damage_trailer(draw: st.DrawFn, data: bytearray) -> bytearray:
    """The trailer dictionary replaced by a hostile one (missing or looping /Root, odd /Size)."""
    start = data.rfind(b"trailer")
    end = data.find(b"startxref", start)
    if start < 0 or end < 0:
        return data
    trailer = draw(
        st.sampled_from(
            (
                b"trailer\n<<>>\n",
                b"trailer\n<< /Size 0 >>\n",
                b"trailer\n<< /Size -5 /Root 1 0 R >>\n",
                b"trailer\n<< /Size 99999999999 /Root 99999 0 R >>\n",
                b"trailer\n<< /Size 3 /Root 2 0 R /Prev 0 >>\n",
                b"trailer\n<< /Size 3 /Root << /Pages << /Kids [] /Count 999999999 >> >> >>\n",
                b"trailer\n<< /Size 3 /Root 1 0 R /Encrypt 1 0 R >>\n",
                b"trailer\n<< /Size 3 /Root 1 0 R /Prev 999999999 /XRefStm 12 >>\n",
                b"trailer\n[ /Root 1 0 R ]\n",
            )
        )
    )
    return data[:start] + trailer + data[end:]


def _new_trailer(draw: st.DrawFn, data: bytearray) -> bytearray:
    """A fresh `startxref <n> %%EOF` after the damage, so the file reaches pypdf again."""
    return data + b"\nstartxref\n%d\n%%%%EOF\n" % draw(st.integers(0, 2 * len(data) + 10))


PDF_MUTATIONS: tuple[Mutation, ...] = (
    *BYTE_MUTATIONS,
    _damage_token(PDF_TOKENS),
    _hostile_number,
    _hostile_number,
    _damage_xref,
    _damage_trailer,
    _new_trailer,
)


@cache
def pdf_seed(name: str) -> bytes:
    if name == "report":
        return documents.make_pdf(documents.make_report_pages(2, 6))
    if name == "uncompressed":  # content streams in clear, so mutations hit the text operators
        from fpdf import FPDF

        pdf = FPDF()
        pdf.set_compression(False)
        pdf.set_creation_date(documents.FIXED_DATE)
        pdf.set_font("Helvetica", size=10)
        for text in ("Kitchen 12 x 14 ft, vinyl floor wet.", "Drywall 32%MC"):
            pdf.add_page()
            pdf.text(x=15, y=20, text=text)
        return bytes(pdf.output())
    if name == "owner-rc4":
        return documents.make_encrypted_pdf(["Kitchen 12 x 14 ft."], user_password=None, method="RC4")
    if name == "user-aes":
        return documents.make_encrypted_pdf(["Kitchen 12 x 14 ft."], method="AES_256")
    if name == "image-only":
        return documents.make_image_only_pdf(1)
    raise ValueError(name)


PDF_SEEDS = ("report", "uncompressed", "owner-rc4", "user-aes", "image-only")


@st.composite
def mutated_pdfs(draw: st.DrawFn) -> bytes:
    data = bytearray(pdf_seed(draw(st.sampled_from(PDF_SEEDS))))
    for _ in range(draw(st.integers(1, 4))):
        data = draw(st.sampled_from(PDF_MUTATIONS))(draw, data)
    return bytes(data)


@examples(150)
@given(st.binary(max_size=4096))
def test_random_bytes_declared_as_pdf_are_only_ever_refused(data: bytes) -> None:
    """Noise uploaded as a PDF: refused by type sniffing, never a crash."""
    extract_or_reject(data, PDF)


@examples(150)
@given(
    st.binary(max_size=2048),
    st.sampled_from((b"", b"\nstartxref\n0\n%%EOF\n", b"\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF")),
)
def test_pdf_header_followed_by_noise_is_only_ever_refused(body: bytes, tail: bytes) -> None:
    """`%PDF-` then noise (with and without a plausible trailer, so pypdf really parses it):
    pypdf's PdfReadError, struct/zlib errors and the like must all become PDF_CORRUPT."""
    with documents.quiet_pypdf():
        extract_or_reject(b"%PDF-1.7\n" + body + tail, PDF)


@examples(250)
@given(mutated_pdfs())
@example(documents.pdf_without_xref(pdf_seed("report")))
@example(documents.pdf_with_wrong_startxref(pdf_seed("report")))
def test_mutated_pdfs_are_read_or_refused_never_crash(data: bytes) -> None:
    """Real PDFs with flipped bytes, cuts, duplicated slices, damaged xref and trailer, and huge or
    negative numbers in object headers, /Length and /Count: read, or a DocumentRejectedError."""
    with documents.quiet_pypdf():
        extract_or_reject(data, PDF)


@examples(40)
@given(mutated_pdfs())
def test_initiation_turns_every_bad_pdf_into_input_rejected(data: bytes) -> None:
    """What INITIATION calls for a PDF upload: text pages or InputRejectedError, which the phase
    records on the workflow (anything else would fail it as an internal error)."""
    with documents.quiet_pypdf():
        initiate_upload(data, InputMethod.PDF)


def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF of `objects` (numbered from 1) with a correct xref table and trailer."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), extra, data)


@pytest.mark.parametrize(
    "objects",
    [
        # A page tree that fans out 50 x 50 x 50 = 125,000 pages from five small objects.
        pytest.param(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [%s] /Count 125000 >>" % (b"5 0 R " * 50),
                b"<< /Type /Page /Parent 6 0 R /MediaBox [0 0 612 792] >>",
                _stream(b"BT /F1 12 Tf (x) Tj ET"),
                b"<< /Type /Pages /Kids [%s] /Count 2500 >>" % (b"6 0 R " * 50),
                b"<< /Type /Pages /Kids [%s] /Count 50 >>" % (b"3 0 R " * 50),
            ],
            id="page-tree-fan-out",
        ),
        # A page tree that loops back on itself.
        pytest.param(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                _PAGE,
                _stream(b"BT (x) Tj ET"),
            ],
            id="page-tree-cycle",
        ),
        # Arrays nested 100,000 deep in a page's content stream and in an object.
        pytest.param(
            [
                b"<< /Type /Catalog /Pages 2 0 R /X %s%s >>" % (b"[" * 100_000, b"]" * 100_000),
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                _PAGE,
                _stream(b"[" * 100_000 + b" BT (x) Tj ET"),
            ],
            id="deep-nesting",
        ),
        # One 1 MB (inflated) content stream listed 2,000 times as the page's contents.
        pytest.param(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [%s] "
                b"/Resources << /Font << /F1 5 0 R >> >> >>" % (b"4 0 R " * 2_000),
                _stream(zlib.compress(b"BT /F1 12 Tf (a) Tj ET\n" * 45_000), b"/Filter /FlateDecode"),
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            ],
            id="content-array-repeats",
        ),
        # Object headers and lengths with numbers no integer type holds.
        pytest.param(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R 99999999999999999999 0 R] /Count 99999999999999999999 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1e999 -1e999] /Contents 4 0 R /Rotate 1e99 >>",
                b"<< /Length 99999999999999999999 >>\nstream\nBT (x) Tj ET\nendstream",
            ],
            id="huge-numbers",
        ),
    ],
)
def test_hostile_pdf_structures_are_refused_or_read_quickly_and_in_bounded_memory(
    objects: list[bytes],
) -> None:
    """PDF-specific bombs (page-tree fan-out and loops, deep nesting, huge numbers): no hang, no
    blow-up, no raw exception."""
    data = _pdf(objects)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with documents.quiet_pypdf():
        extract_or_reject(data, PDF)
    growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert growth < BOMB_MAX_RSS_GROWTH_KIB, f"peak memory grew by {growth // 1024} MiB"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _deflated(chunk: bytes, times: int) -> bytes:
    """`chunk * times`, deflated without ever holding it inflated."""
    compressor = zlib.compressobj(6)
    return b"".join([*(compressor.compress(chunk) for _ in range(times)), compressor.flush()])


def test_pdf_flate_bomb_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    """A 0.3 MB page content stream that inflates to 300 MB of text operators: pypdf's inflate
    limit refuses it (PDF_CORRUPT) without the process growing anywhere near that."""
    content = _deflated(b"BT /F1 12 Tf (a) Tj ET\n" * 45_000, 300)
    data = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(content), content),
            _FONT,
        ]
    )
    assert len(data) < 1024 * 1024
    outcome, growth = _peak_memory_growth_mib(data, PDF, tmp_path)
    assert outcome == RejectionCode.PDF_CORRUPT
    assert growth < 150, f"peak memory grew by {growth} MiB"


def _form_drawn_many_times(form_operators: int, drawings: int) -> list[bytes]:
    """One page that draws one form XObject (a figure with a label) `drawings` times."""
    form = b"BT /F1 12 Tf (Kitchen) Tj ET\n" + b"0 0 m 1 1 l S\n" * form_operators
    form_dictionary = b"/Filter /FlateDecode /Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources 7 0 R"
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >> >>",
        _stream(zlib.compress(b"/X Do\n" * drawings, 9), b"/Filter /FlateDecode"),
        _FONT,
        _stream(zlib.compress(form, 9), form_dictionary),
        b"<< /Font << /F1 5 0 R >> >>",
    ]


def _pages_sharing_content(pages: int, content: bytes) -> list[bytes]:
    """`pages` pages (one object, listed `pages` times) that all show one content stream."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b"3 0 R " * pages, pages),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(zlib.compress(content, 9), b"/Filter /FlateDecode"),
        _FONT,
    ]


@pytest.mark.parametrize(
    "objects",
    [
        # 1 KB that took 23 s (and ~20 min with 5,000 drawings): each drawing re-parses the form.
        pytest.param(_form_drawn_many_times(10_000, 5_000), id="form-drawn-5000-times"),
        # 5 KB, one page of 300,000 text operators: seconds of pypdf per page.
        pytest.param(
            _pages_sharing_content(1, b"BT /F1 12 Tf\n" + b"(a) Tj\n" * 300_000 + b"ET\n"),
            id="operator-flood",
        ),
        # 500 small pages (each under the per-operator-check size) of 30,000 cheap operators.
        pytest.param(
            _pages_sharing_content(500, b"BT /F1 12 Tf (a) Tj\n" + b"0 0 Td\n" * 30_000 + b"ET\n"),
            id="many-slow-small-pages",
        ),
    ],
)
def test_pdf_too_slow_to_read_is_refused_as_too_complex_within_the_budget(objects: list[bytes]) -> None:
    """Regression: tiny PDFs that keep pypdf busy for minutes (the INITIATION Lambda times out
    at 30 s, and is retried) are refused as PDF_TOO_COMPLEX once `max_pdf_cpu_seconds` is spent."""
    data = _pdf(objects)
    budget = 1
    start = time.monotonic()
    with documents.quiet_pypdf(), pytest.raises(DocumentRejectedError) as caught:
        extract_document(data, PDF, ExtractLimits(max_pdf_cpu_seconds=budget))
    elapsed = time.monotonic() - start
    assert caught.value.code == RejectionCode.PDF_TOO_COMPLEX, repr(caught.value)
    # The CPU budget, however long a loaded machine stretches it: the kernel stops the child
    # anywhere, inside one content stream's parse too. (Read to the end, these files take from
    # 10 s to hours.)
    assert elapsed < budget + 15, f"refused after {elapsed:.1f}s"


def test_time_budget_leaves_ordinary_reports_alone() -> None:
    """Reading in a child process under a CPU budget does not change what is read."""
    with_form = _pdf(_form_drawn_many_times(10, 3))
    document = extract_document(with_form, PDF, ExtractLimits(max_pdf_cpu_seconds=5))
    assert document.text().split("\n") == ["Kitchen", "Kitchen", "Kitchen"]
    report = documents.make_report_pages(30, 40)
    assert [page.text for page in extract_document(documents.make_pdf(report), PDF).pages] == report


# --- DOCX -----------------------------------------------------------------------------------------

W_NS = documents.W_NS
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
DOCUMENT_XML = "word/document.xml"


@cache
def docx_seed() -> bytes:
    return documents.make_docx(
        ["Cause: burst flexi hose.", "Kitchen 12 x 14 ft."], [["Room", "MC"], ["Kitchen", "32%"]]
    )


@cache
def docx_members() -> dict[str, bytes]:
    return documents.read_members(docx_seed())


def document_xml(body: str, prolog: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"{prolog}"
        f'<w:document xmlns:w="{W_NS}" xmlns:mc="{MC_NS}">'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    ).encode()


def docx_with(replacements: dict[str, bytes], *, stored: bool = False) -> bytes:
    """The seed .docx with some parts replaced; `stored` (no compression) keeps a large, repetitive
    part under the compression-ratio limit, so it reaches the XML parser instead of DOCX_ZIP_BOMB."""
    members = {**docx_members(), **replacements}
    if not stored:
        return documents.write_members(members)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 3, 3, 9, 30, 0)), data)
    return buffer.getvalue()


# Tags the body walker treats specially, plus ordinary ones it descends through.
WORD_TAGS = (
    "w:p",
    "w:r",
    "w:t",
    "w:tab",
    "w:br",
    "w:cr",
    "w:noBreakHyphen",
    "w:tbl",
    "w:tr",
    "w:tc",
    "w:sdt",
    "w:sdtContent",
    "w:sdtPr",
    "w:customXml",
    "w:smartTag",
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:pPr",
    "w:rPr",
    "w:txbxContent",
    "w:hyperlink",
    "w:fldSimple",
    "w:body",
    "w:document",
    "mc:AlternateContent",
    "mc:Choice",
    "mc:Fallback",
    "x",
)
# Text that is legal in XML (escaped when rendered), including non-BMP and odd spaces.
xml_text = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff")
    | st.sampled_from("\t\n\r "),
    max_size=40,
)


def _element(tag: str, children: list[str]) -> str:
    return f"<{tag}>{''.join(children)}</{tag}>"


xml_nodes = st.recursive(
    xml_text.map(escape)
    | st.sampled_from(("<w:br/>", "<w:tab/>", "<!-- c -->", "<?pi x?>", "<![CDATA[<x>]]>")),
    lambda children: st.builds(_element, st.sampled_from(WORD_TAGS), st.lists(children, max_size=5)),
    max_leaves=40,
)
MALFORMED_XML = st.one_of(
    st.binary(max_size=512),
    st.text(max_size=200).map(lambda text: text.encode("utf-8", "surrogatepass")),
    xml_nodes.map(lambda body: document_xml(body)[: len(document_xml(body)) // 2]),
    st.sampled_from(
        (
            b"",
            b"<w:document/>",
            b"<?xml version='1.0' encoding='UTF-16'?><w:document/>",
            b"<?xml version='1.0' encoding='x-unknown'?><a/>",
            b"\xef\xbb\xbf\xff\xfe<a/>",
            ("<a>" + "&#0;" + "</a>").encode(),
            b"<w:document xmlns:w='urn:x'><w:body/></w:document>",
        )
    ),
)
PART_NAMES = (
    "[Content_Types].xml",
    "_rels/.rels",
    DOCUMENT_XML,
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "word/settings.xml",
    "word/numbering.xml",
    "docProps/core.xml",
    "docProps/app.xml",
)


@st.composite
def random_zips(draw: st.DrawFn) -> bytes:
    """A well-formed ZIP of random members, some with a Word package's part names."""
    buffer = io.BytesIO()
    names = st.one_of(st.sampled_from(PART_NAMES), st.text(min_size=1, max_size=30))
    content = st.one_of(
        st.binary(max_size=256),
        MALFORMED_XML,
        st.sampled_from(PART_NAMES).map(lambda name: docx_members().get(name, b"")),
    )
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in draw(st.dictionaries(names, content, max_size=8)).items():
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 3, 9, 30, 0))
            info.compress_type = draw(st.sampled_from((zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)))
            archive.writestr(info, data)
    return buffer.getvalue()


def _zip_field(signature: bytes, fields: tuple[tuple[int, int], ...]) -> Mutation:
    """Overwrite one fixed-offset field (offset, width) of a ZIP record with a hostile value."""

    def mutate(draw: st.DrawFn, data: bytearray) -> bytearray:
        starts = [match.start() for match in re.finditer(re.escape(signature), data)]
        if not starts:
            return data
        at = draw(st.sampled_from(starts))
        offset, width = draw(st.sampled_from(fields))
        top = 256**width - 1
        value = draw(st.one_of(st.sampled_from((0, 1, top, top // 2, top - 1)), st.integers(0, top)))
        data[at + offset : at + offset + width] = value.to_bytes(width, "little")
        return data

    return mutate


ZIP_MUTATIONS: tuple[Mutation, ...] = (
    *BYTE_MUTATIONS,
    _damage_token(
        (b"PK\x01\x02", b"PK\x03\x04", b"PK\x05\x06", b"word/document.xml", b"[Content_Types].xml")
    ),
    # Central directory: flags, method, CRC, sizes, name/extra lengths, local header offset.
    _zip_field(b"PK\x01\x02", ((8, 2), (10, 2), (16, 4), (20, 4), (24, 4), (28, 2), (30, 2), (42, 4))),
    # Local headers: flags, method, CRC, sizes, name/extra lengths.
    _zip_field(b"PK\x03\x04", ((6, 2), (8, 2), (14, 4), (18, 4), (22, 4), (26, 2), (28, 2))),
    # End of central directory: entry counts, directory size and offset, comment length.
    _zip_field(b"PK\x05\x06", ((8, 2), (10, 2), (12, 4), (16, 4), (20, 2))),
)


@st.composite
def mutated_docx_bytes(draw: st.DrawFn) -> bytes:
    data = bytearray(docx_seed())
    for _ in range(draw(st.integers(1, 4))):
        data = draw(st.sampled_from(ZIP_MUTATIONS))(draw, data)
    return bytes(data)


@st.composite
def restructured_docx(draw: st.DrawFn) -> bytes:
    """A well-zipped Word package whose parts were replaced, damaged, dropped or added."""
    members = dict(docx_members())
    for _ in range(draw(st.integers(1, 3))):
        action = draw(st.integers(0, 5))
        if action <= 1:
            members[DOCUMENT_XML] = document_xml(draw(xml_nodes))
        elif action == 2:
            members[draw(st.sampled_from(sorted(members) or [DOCUMENT_XML]))] = draw(MALFORMED_XML)
        elif action == 3 and members:
            del members[draw(st.sampled_from(sorted(members)))]
        elif action == 4:
            members[draw(st.sampled_from(PART_NAMES) | st.text(min_size=1, max_size=20))] = draw(
                st.binary(max_size=128)
            )
        else:
            name = draw(st.sampled_from(("_rels/.rels", "word/_rels/document.xml.rels")))
            target = draw(
                st.sampled_from(
                    ("", "/", "../../../../etc/passwd", "http://example.invalid/x", "word/missing.xml", "%00")
                )
                | st.text(max_size=20)
            )
            attribute = f'Target="{escape(target, {chr(34): "&quot;"})}"'.encode()
            literal = attribute.replace(b"\\", b"\\\\")  # a replacement template: no escapes
            members[name] = re.sub(rb'Target="[^"]*"', literal, members.get(name, b""))
    return documents.write_members(members)


@examples(100)
@given(st.binary(max_size=4096) | st.binary(max_size=2048).map(b"PK\x03\x04".__add__))
def test_random_bytes_declared_as_word_are_only_ever_refused(data: bytes) -> None:
    """Noise (bare, and behind a ZIP signature) uploaded as a Word document."""
    extract_or_reject(data, DOCX)


@examples(150)
@given(random_zips())
def test_random_zip_archives_are_read_or_refused_never_crash(data: bytes) -> None:
    """Readable ZIPs with random members, some named like a Word package's parts."""
    extract_or_reject(data, DOCX)


@examples(200)
@given(mutated_docx_bytes())
def test_damaged_docx_bytes_are_read_or_refused_never_crash(data: bytes) -> None:
    """A real .docx with flipped bytes, cuts, duplicated slices, and hostile ZIP header fields
    (declared sizes, offsets, compression methods, encryption flags)."""
    extract_or_reject(data, DOCX)


@examples(120)
@given(restructured_docx())
@example(docx_with({DOCUMENT_XML: document_xml('<w:p><w:r><w:t xml:space="preserve"> </w:t></w:r></w:p>')}))
def test_restructured_docx_parts_are_read_or_refused_never_crash(data: bytes) -> None:
    """document.xml replaced by random Word-ish XML or by malformed bytes, parts missing,
    relationships pointing nowhere (or outside the package)."""
    extract_or_reject(data, DOCX)


@examples(30)
@given(mutated_docx_bytes() | restructured_docx())
def test_initiation_turns_every_bad_docx_into_input_rejected(data: bytes) -> None:
    """What INITIATION calls for a Word upload: text pages or InputRejectedError."""
    initiate_upload(data, InputMethod.WORD)


_LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY lol0 "lololololololololololololololololololololol">'
    + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    + "]>"
)
_QUADRATIC = '<!DOCTYPE w:document [<!ENTITY big "' + "x" * 100_000 + '">]>'


def _nested(open_tags: str, close_tags: str, depth: int, inner: str) -> str:
    return open_tags * depth + inner + close_tags * depth


_RUN = "<w:r><w:t>Kitchen 12 x 14 ft.</w:t></w:r>"


@pytest.mark.parametrize(
    ("prolog", "body"),
    [
        pytest.param(
            _LAUGHS, f"<w:p><w:r><w:t>a &lol9; b</w:t></w:r></w:p><w:p>{_RUN}</w:p>", id="billion-laughs"
        ),
        pytest.param(
            _QUADRATIC, "<w:p><w:r><w:t>" + "&big;" * 20_000 + "</w:t></w:r></w:p>", id="quadratic-blowup"
        ),
        pytest.param(
            '<!DOCTYPE w:document [<!ENTITY % p SYSTEM "http://example.invalid/x.dtd"> %p;]>',
            f"<w:p>{_RUN}</w:p>",
            id="external-parameter-entity",
        ),
        pytest.param(
            "",
            _nested("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", 5_000, f"<w:p>{_RUN}</w:p>"),
            id="deep-sdt",
        ),
        pytest.param(
            "",
            _nested("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", 120, f"<w:p>{_RUN}</w:p>"),
            id="sdt-120",
        ),
        pytest.param("", "<w:p>" + _nested("<w:ins>", "</w:ins>", 20_000, _RUN) + "</w:p>", id="deep-runs"),
        pytest.param("", "<w:p>" + _nested("<w:ins>", "</w:ins>", 250, _RUN) + "</w:p>", id="runs-250"),
        pytest.param(
            "",
            _nested("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", 3_000, f"<w:p>{_RUN}</w:p>"),
            id="deep-tables",
        ),
        pytest.param(
            "",
            _nested("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", 80, f"<w:p>{_RUN}</w:p>"),
            id="tables-80",
        ),
        pytest.param("", _nested("<x>", "</x>", 100_000, f"<w:p>{_RUN}</w:p>"), id="deep-unknown"),
        pytest.param("", f"<w:p>{_RUN * 200_000}</w:p>", id="wide-paragraph"),
    ],
)
def test_xml_bombs_and_deep_nesting_are_refused_or_read_quickly_in_bounded_memory(
    prolog: str, body: str
) -> None:
    """Entity expansion (billion laughs, quadratic blow-up, external DTDs) is never performed,
    and nesting deeper than the interpreter's recursion limit neither hangs nor escapes as a
    RecursionError."""
    data = docx_with({DOCUMENT_XML: document_xml(body, prolog)}, stored=True)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    extract_or_reject(data, DOCX)
    growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert growth < BOMB_MAX_RSS_GROWTH_KIB, f"peak memory grew by {growth // 1024} MiB"


def test_external_entities_are_never_read(tmp_path: Path) -> None:
    """XXE: a SYSTEM entity naming a local file must not pull the file into the report text."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    data = docx_with(
        {DOCUMENT_XML: document_xml(f"<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p><w:p>{_RUN}</w:p>", prolog)}
    )
    document = extract_document(data, DOCX)
    assert "TOP-SECRET-MARKER" not in document.text()
    assert document.text() == "Kitchen 12 x 14 ft."


def test_internal_entities_are_not_expanded() -> None:
    """Pins python-docx's parser (`resolve_entities=False`), which the bomb tests rely on: an
    entity is left as a reference, never replaced by its text."""
    prolog = '<!DOCTYPE w:document [<!ENTITY e "EXPANDED">]>'
    body = f"<w:p><w:r><w:t>before &e; after</w:t></w:r></w:p><w:p>{_RUN}</w:p>"
    document = extract_document(docx_with({DOCUMENT_XML: document_xml(body, prolog)}), DOCX)
    assert "EXPANDED" not in document.text()
    assert document.text().endswith("Kitchen 12 x 14 ft.")


def _with_declared_sizes(data: bytes, name: bytes, size: int) -> bytes:
    """`data` with `name`'s uncompressed size overwritten in its local and central headers."""
    raw = bytearray(data)
    for signature, field in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        for match in re.finditer(re.escape(signature), raw):
            name_length_at = match.start() + (26 if signature == b"PK\x03\x04" else 28)
            name_length = int.from_bytes(raw[name_length_at : name_length_at + 2], "little")
            name_at = match.start() + (30 if signature == b"PK\x03\x04" else 46)
            if raw[name_at : name_at + name_length] == name:
                raw[match.start() + field : match.start() + field + 4] = size.to_bytes(4, "little")
    return bytes(raw)


@pytest.mark.parametrize(
    ("declared", "code"),
    [
        (0xFFFF_FFFF, RejectionCode.DOCX_ZIP_BOMB),  # 4 GiB declared: refused from the directory
        (10, RejectionCode.DOCX_CORRUPT),  # 60 MB inflated but 10 bytes declared: a bad CRC, no blow-up
        (0, RejectionCode.DOCX_CORRUPT),
    ],
)
def test_declared_zip_sizes_bound_what_is_inflated(declared: int, code: RejectionCode) -> None:
    """A member whose declared size lies (far larger, or far smaller than what it inflates to)."""
    filler = "<w:p><w:r><w:t>" + " " * 60_000_000 + "</w:t></w:r></w:p>"
    honest = (
        docx_with({DOCUMENT_XML: document_xml(f"<w:p>{_RUN}</w:p>{filler}")})
        if declared < 100
        else docx_seed()
    )
    data = _with_declared_sizes(honest, DOCUMENT_XML.encode(), declared)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    outcome = bounded(lambda: extract_document(data, DOCX), (DocumentRejectedError,))
    growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert isinstance(outcome, DocumentRejectedError) and outcome.code == code, outcome
    assert growth < BOMB_MAX_RSS_GROWTH_KIB, f"peak memory grew by {growth // 1024} MiB"


def _empty_paragraphs(count: int, seed: int = 5) -> bytes:
    """`count` empty paragraphs with one random whitespace byte after each: about 7 bytes of XML a
    paragraph that deflate only ~40:1, under the compression-ratio limit."""
    gaps = random.Random(seed).randbytes(count).translate(bytes(b" \n"[byte & 1] for byte in range(256)))
    xml = bytearray(7 * count)
    for offset, byte in enumerate(b"<w:p/>"):
        xml[offset::7] = bytes([byte]) * count
    xml[6::7] = gaps
    return document_xml(xml.decode())


def test_tiny_docx_that_inflates_to_millions_of_elements_is_refused_before_python_docx(
    tmp_path: Path,
) -> None:
    """Regression: a 0.5 MB upload of 2.1 million empty paragraphs passed the ZIP checks (ratio
    ~40:1) and python-docx built all of it in memory (~80 bytes an element; 2.3 MB of upload grew
    the process by 380 MiB, where the INITIATION Lambda has 512 MB) before DOCX_NO_TEXT. Now the
    XML is counted first, in constant memory, and refused as DOCX_TOO_COMPLEX."""
    data = docx_with({DOCUMENT_XML: _empty_paragraphs(2_100_000)})
    assert len(data) < 1024 * 1024
    outcome, growth = _peak_memory_growth_mib(data, DOCX, tmp_path)
    assert outcome == RejectionCode.DOCX_TOO_COMPLEX
    assert growth < 40, f"peak memory grew by {growth} MiB"


@pytest.mark.parametrize(
    ("limits", "detail"),
    [
        (ExtractLimits(max_docx_xml_elements=5_000), "elements"),
        (ExtractLimits(max_docx_xml_bytes=100_000), "bytes"),
    ],
)
def test_docx_xml_over_the_limits_is_too_complex(limits: ExtractLimits, detail: str) -> None:
    """Both XML limits, elements (comments and processing instructions count) and bytes."""
    body = "<!-- c --><?pi x?>" * 1_000 + "<w:p><w:r><w:t>Kitchen 12 x 14 ft.</w:t></w:r></w:p>" * 2_000
    data = docx_with({DOCUMENT_XML: document_xml(body)})
    with pytest.raises(DocumentRejectedError) as caught:
        extract_document(data, DOCX, limits)
    assert caught.value.code == RejectionCode.DOCX_TOO_COMPLEX
    assert detail in (caught.value.detail or "")
    assert len(extract_document(data, DOCX).text().split("\n")) == 2_000  # the default limits read it


def test_long_reports_are_within_the_docx_xml_limits() -> None:
    """The limits leave room for real reports: 40,000 formatted paragraphs (Word writes properties
    on every paragraph and run) and a 2,000-row table: about 390,000 elements."""
    run = '<w:r><w:rPr><w:rFonts w:ascii="Arial"/><w:sz w:val="20"/></w:rPr><w:t>{}</w:t></w:r>'
    paragraph = '<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>' + run + "</w:p>"
    cell = '<w:tc><w:tcPr><w:tcW w:w="2000"/></w:tcPr>' + paragraph + "</w:tc>"
    paragraphs = "".join(
        paragraph.format(f"Line {number}: Kitchen drywall 32%MC") for number in range(40_000)
    )
    rows = "".join(
        "<w:tr>" + "".join(cell.format(text) for text in (f"R{row}", "Kitchen", "32%MC")) + "</w:tr>"
        for row in range(2_000)
    )
    data = docx_with({DOCUMENT_XML: document_xml(f"{paragraphs}<w:tbl>{rows}</w:tbl>")})
    document = extract_document(data, DOCX)
    assert len(document.text().split("\n")) == 42_000


@examples(40)
@given(random_zips() | mutated_docx_bytes() | restructured_docx())
def test_zips_declared_as_pdf_are_a_type_mismatch_or_unsupported(data: bytes) -> None:
    """A (damaged) Word package uploaded as a PDF: `is_word_package` must not crash either."""
    with pytest.raises(DocumentRejectedError) as caught:
        bounded(lambda: extract_document(data, PDF, FUZZ_LIMITS), ())
    assert caught.value.code in {
        RejectionCode.TYPE_MISMATCH,
        RejectionCode.UNSUPPORTED_FILE_TYPE,
        RejectionCode.EMPTY_FILE,
        RejectionCode.PDF_CORRUPT,
        RejectionCode.PDF_NO_TEXT,
    }


# --- TEXT -----------------------------------------------------------------------------------------

ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates, NUL and controls included
NOTE_WORDS = (
    "Kitchen",
    "Hallway",
    "Bedroom 2",
    "12 x 14 ft",
    "3.5 x 1.2 m",
    "12'6\" x 10'",
    "drywall",
    "carpet",
    "32%MC",
    "40 %MC",
    "WME 18",
    "RH 65%",
    "GPP 78",
    "72°F",
    "22 °C",
    "Cause:",
    "burst flexi hose",
    "sewage backflow",
    "Category 3",
    "Class 2",
    "mould",
    "asbestos",
    "built 1962",
    "Date of loss: 03/04/2024",
    "Inspected 2024-03-05",
    "Claim #",
    "Safety:",
    "dehumidifier x2",
    "air mover",
    "Day 3",
    ":",
    "-",
    ",",
    ".",
    "/",
    "%",
    "0",
    "9999999999999999999999",
    "1e308",
    "-",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "\u2028",
    "\x00",
    "\r",
    "\t",
    "\ud800",
)
LINE_BREAKS = ("\n", "\r\n", "\r", "\u2028", "\x85", "\x0b", "\n\n\n")
inspection_notes = st.lists(
    st.lists(st.sampled_from(NOTE_WORDS) | st.text(ANY_CHARACTER, max_size=8), max_size=12).map(" ".join),
    max_size=30,
).flatmap(lambda lines: st.sampled_from(LINE_BREAKS).map(lambda br: br.join(lines)))
long_lines = st.builds(
    lambda piece, count, tail: piece * count + tail,
    st.sampled_from((*NOTE_WORDS, "1", "1.", "1 x ", "a", " ", "%", "12%MC ", "(", "x" * 7)),
    st.integers(1_000, 6_000),
    st.text(ANY_CHARACTER, max_size=5),
)
any_text = st.text(ANY_CHARACTER, max_size=2000) | inspection_notes | long_lines


def analyze(text: str) -> None:
    """The offline analyzer, as PROCESSING runs it: findings that serialise for S3."""
    from chalicelib.analysis import analyze_text

    findings = bounded(lambda: analyze_text(text), ())
    assert not isinstance(findings, BaseException)
    json.dumps(findings.model_dump(mode="json"))


@examples(100)
@given(any_text)
def test_text_input_is_normalised_and_analysed_without_raising(text: str) -> None:
    """TEXT as it travels: INITIATION's normalize_text, then the offline analyzer on the result
    (NUL, controls, odd line breaks, very long lines of repeated tokens: no crash, no ReDoS)."""
    from chalicelib.phases.initiation import normalize_text

    normalized = bounded(lambda: normalize_text(text), ())
    assert isinstance(normalized, str)
    assert "\r" not in normalized
    assert all(ch in "\n\t" or unicodedata.category(ch) != "Cc" for ch in normalized)
    analyze(normalized)


@examples(60)
@given(any_text)
def test_offline_analyzer_takes_raw_unnormalised_text(text: str) -> None:
    """The analyzer's own promise ("never raises on odd input"), on text nobody normalised:
    QA re-runs it on stored text, and lone surrogates or CR line breaks must not break it."""
    analyze(text)


@examples(80)
@given(any_text)
def test_text_request_path_accepts_or_refuses_with_app_errors(text: str) -> None:
    """POST /workflows with inputMethod TEXT: the body model, then inputData.text and the size cap.
    A string that cannot be stored as UTF-8 (lone surrogates) must be refused here, as a 400."""
    from chalicelib.core import workflows

    def create() -> str:
        request = parse(CreateWorkflowRequest, {"inputMethod": "TEXT", "inputData": {"text": text}})
        return workflows.inspection_input(request)[1]

    outcome = bounded(create, (AppError,))
    if isinstance(outcome, str):
        outcome.encode("utf-8")  # what the blob store does with it


# --- request models -------------------------------------------------------------------------------

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-(2**70), 2**70),
    st.floats(),  # NaN and infinities too: Python's json.loads accepts them
    st.text(ANY_CHARACTER, max_size=30),
    st.sampled_from(("", " ", "TEXT", "PDF", "WORD", "API", "active", "PENDING", "QA", "0", "1e3", "wf_")),
)


def _json_containers(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)


json_values = st.recursive(
    json_scalars,
    _json_containers,
    max_leaves=25,
)


def _strings(*lengths: int) -> st.SearchStrategy[str]:
    return st.sampled_from(lengths).map(lambda n: "x" * n) | st.text(ANY_CHARACTER, max_size=40)


# Plausible values for each field (by wire name), mixed with anything JSON.
FIELD_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "inputMethod": st.sampled_from([*InputMethod, "text", "Word", ""]),
    "title": _strings(0, 1, 200, 201),
    "inputData": st.fixed_dictionaries(
        {},
        optional={
            "text": _strings(0, 1, 200_001),
            "fileName": _strings(0, 1, 255, 256),
            "contentType": st.sampled_from(("application/pdf", "text/plain", "")),
            "size": st.sampled_from((-1, 0, 1, 2**63, 1.5, "10", True)),
            "source": st.sampled_from(("snake-case-export", "nope", "")),
            "notes": _strings(1, 50_001),
            "rooms": json_values,
        },
    ),
    "fileName": _strings(0, 1, 255, 256),
    "contentType": _strings(0, 1, 255, 256),
    "size": st.sampled_from((-1, 0, 1, 2**63, 10**30, 1.0, 1.5, "10", "1e3", True, float("nan"))),
    "name": _strings(0, 1, 100, 101),
    "progress": st.fixed_dictionaries(
        {},
        optional={
            "currentPhase": st.sampled_from([*OrchestratorPhase, "qa", ""]),
            "completedPhases": st.lists(st.sampled_from([*OrchestratorPhase, "X"]), max_size=6),
            "progressPercentage": st.sampled_from((-1, 0, 100, 101, 50.0, 50.5, "50", True)),
            "estimatedTime": _strings(0, 50, 51),
        },
    ),
    "status": st.sampled_from([*WorkflowStatus, "active", "ACTIVE", ""]),
    "limit": st.sampled_from((0, 1, 100, 101, "10", "1e1", "ten", " 5 ", 2**64)),
    "nextToken": _strings(0, 512, 513),
}
REQUEST_MODELS: tuple[type[BaseModel], ...] = (
    CreateWorkflowRequest,
    CreateUploadRequest,
    CreateApiKeyRequest,
    PatchWorkflowRequest,
    ListWorkflowsQuery,
)


def _wire_names(model: type[BaseModel]) -> list[str]:
    return [name for field, info in model.model_fields.items() for name in (info.alias or field, field)]


@st.composite
def request_bodies(draw: st.DrawFn, model: type[BaseModel]) -> dict[str, Any]:
    """A body with the model's real field names (camelCase and snake_case) and random values."""
    names = draw(st.lists(st.sampled_from(_wire_names(model)), max_size=6, unique=True))
    body = {name: draw(FIELD_VALUES.get(name, json_values) | json_values) for name in names}
    if draw(st.booleans()):
        body[draw(st.text(max_size=10))] = draw(json_values)
    return body


def parse(model: type[BaseModel], data: Any) -> Any:
    from chalicelib.api.http import parse_model

    return parse_model(model, data)


def parse_or_refuse(model: type[BaseModel], data: Any) -> BaseModel | None:
    """`parse_model`: the model, or an InvalidRequestError whose body the API can send."""
    outcome = bounded(lambda: parse(model, data), (InvalidRequestError,))
    if isinstance(outcome, InvalidRequestError):
        assert status_of(outcome) == 400
        json.dumps(outcome.to_body())  # error_response sends exactly this
        return None
    assert isinstance(outcome, model)
    json.dumps(outcome.model_dump(mode="json"))
    return outcome


@examples(60)
@given(st.sampled_from(REQUEST_MODELS), json_values)
def test_any_json_value_is_a_model_or_invalid_request(model: type[BaseModel], data: Any) -> None:
    """Any JSON body (arrays, scalars, nested junk) for any request model: a 400, never a raw
    ValidationError or TypeError answered as a 500."""
    parse_or_refuse(model, data)


@examples(60)
@given(st.data())
@pytest.mark.parametrize("model", REQUEST_MODELS, ids=lambda model: model.__name__)
def test_bodies_with_real_field_names_are_a_model_or_invalid_request(
    model: type[BaseModel], data: st.DataObject
) -> None:
    """Each model's own field names with boundary, wrongly typed and random values."""
    parse_or_refuse(model, data.draw(request_bodies(model)))


@examples(60)
@given(
    st.dictionaries(
        st.sampled_from(_wire_names(ListWorkflowsQuery)) | st.text(max_size=10),
        st.text(ANY_CHARACTER, max_size=20),
    )
)
def test_any_query_string_is_a_query_or_invalid_request(params: dict[str, str]) -> None:
    """GET /workflows: query parameters are always strings; any of them parse or are a 400."""
    parse_or_refuse(ListWorkflowsQuery, params)


@examples(120)
@given(request_bodies(CreateWorkflowRequest))
def test_create_workflow_input_data_is_checked_with_app_errors_only(body: dict[str, Any]) -> None:
    """POST /workflows past the body model: the per-method inputData checks create_workflow runs
    (TEXT notes and size cap, API inspection, PDF/WORD upload description) raise AppErrors only."""
    from chalicelib.core import uploads, workflows

    request = parse_or_refuse(CreateWorkflowRequest, body)
    if not isinstance(request, CreateWorkflowRequest):
        return

    def second_level() -> object:
        if request.input_method in (InputMethod.PDF, InputMethod.WORD):
            return uploads.upload_request(request)
        return workflows.inspection_input(request)

    outcome = bounded(second_level, (AppError,))
    if isinstance(outcome, AppError):
        json.dumps(outcome.to_body())


# --- field apps -------------------------------------------------------------------------------------


def _inspection_fields() -> dict[str, list[str]]:
    from chalicelib.fieldapps.inspection import FieldInspection, Job, Photo, Reading, Room, mapping_profiles

    ours = {
        "root": _wire_names(FieldInspection),
        "job": _wire_names(Job),
        "rooms": _wire_names(Room),
        "readings": _wire_names(Reading),
        "photos": _wire_names(Photo),
    }
    for profile in mapping_profiles().values():
        for section, names in profile.items():
            ours.setdefault(section, []).extend(names)
    return ours


FIELD_NAMES = _inspection_fields()
field_values = st.one_of(
    json_values,
    _strings(0, 1, 200, 201, 2001),
    st.sampled_from(
        (
            0,
            -1,
            0.0001,
            1000,
            1000.5,
            10_000,
            10_001,
            1e308,
            float("inf"),
            float("nan"),
            "2024-03-03",
            "2024-02-30",
            "0001-01-01",
            "9999-12-31T23:59:59Z",
            "2024-03-03T09:30:00+25:00",
            10**20,
            "%MC",
        )
    ),
)


def _record(section: str) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(
        st.sampled_from(FIELD_NAMES[section]) | st.text(max_size=8), field_values, max_size=6
    )


inspection_payloads = st.one_of(
    st.dictionaries(st.text(max_size=10), json_values, max_size=5),
    st.fixed_dictionaries(
        {},
        optional={
            "source": st.sampled_from(("snake-case-export", "unknown", "", "constructor", "__class__"))
            | json_values,
            "job": _record("job") | json_values,
            "job_info": _record("job"),
            "rooms": st.lists(_record("rooms") | json_values, max_size=4) | json_values,
            "room_list": st.lists(_record("rooms"), max_size=4),
            "readings": st.lists(_record("readings"), max_size=4) | json_values,
            "moisture_readings": st.lists(_record("readings"), max_size=4),
            "photos": st.lists(_record("photos"), max_size=3),
            "photo_list": st.lists(_record("photos"), max_size=3),
            "notes": _strings(1, 50_001) | json_values,
            "field_notes": _strings(1),
        },
    ),
)


@examples(150)
@given(inspection_payloads)
def test_field_app_payloads_are_an_inspection_or_invalid_request(payload: dict[str, Any]) -> None:
    """A field app's inputData (our names, or a mapping profile's): a valid inspection whose text
    and JSON can be stored, or an InvalidRequestError; never a raw exception."""
    from chalicelib.fieldapps import FieldInspection, inspection_from_payload, inspection_text

    outcome = bounded(lambda: inspection_from_payload(payload), (InvalidRequestError,))
    if isinstance(outcome, InvalidRequestError):
        json.dumps(outcome.to_body())
        return
    assert isinstance(outcome, FieldInspection)
    inspection_text(outcome).encode("utf-8")
    json.dumps(outcome.model_dump(mode="json", exclude_none=True))
