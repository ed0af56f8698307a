"""The deployment zip builds from wheels alone and runs on a clean python3.12.

`deploy/lambda_zip.py` builds the zip (the same call `deploy/package.py` makes; its install is
cached under build/). The zip is unpacked as Lambda unpacks it into /var/task and imported by
python3.12 in isolated mode with no site: nothing of this machine's site-packages can be found,
only the zip, the standard library, and boto3 from its own directory (Lambda's runtime brings
boto3). Every compiled extension must come from a manylinux wheel and load nothing from this
machine but the C library family, libstdc++/libgcc and zlib (which CPython itself links).

python3.12: `PYTHON312` (the Makefile finds it), else pyenv's, else `python3.12` on PATH.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "deploy"))
import lambda_zip  # noqa: E402

# What the manylinux policies let a wheel take from the system, and what CPython links itself.
SYSTEM_LIBRARIES = re.compile(
    r"^(linux-vdso|ld-linux-x86-64|libc|libm|libmvec|libdl|librt|libpthread|libresolv|libutil|libnsl"
    r"|libcrypt|libgcc_s|libstdc\+\+|libz)\.so"
)
RUNTIME_CACHE = ROOT / "build" / "lambda-runtime"

PROBE = r"""
import sys
task, runtime = sys.argv[1], sys.argv[2]
sys.path[:0] = [task, runtime]  # /var/task, then the runtime's own boto3 (/var/runtime)
import importlib, io, json, os, sysconfig

assert sys.version_info[:2] == (3, 12), sys.version
assert sys.flags.isolated and sys.flags.no_site
os.environ["AUTH_MODE"] = "cognito"
os.environ["POWERTOOLS_TRACE_DISABLED"] = "true"

import app  # the API Lambda's handler module
modules = [
    "chalicelib.phases.initiation", "chalicelib.phases.processing", "chalicelib.phases.qa",
    "chalicelib.phases.output", "chalicelib.phases.failure", "chalicelib.phases.review",
    "chalicelib.analysis.claude", "chalicelib.wiring",
    "pypdf", "docx", "fpdf", "PIL.Image", "pillow_heif", "anthropic", "pydantic_core", "lxml.etree",
    "jwt", "cryptography.hazmat.primitives.asymmetric.rsa", "aws_lambda_powertools", "aws_xray_sdk.core",
    "boto3", "zoneinfo",
]
for name in modules:
    importlib.import_module(name)

from PIL import Image
import pillow_heif
pillow_heif.register_heif_opener()
round_trips = {}
for fmt in ("JPEG", "HEIF", "PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buffer, fmt)
    buffer.seek(0)
    image = Image.open(buffer)
    image.load()
    round_trips[fmt] = [image.format, list(image.size), list(image.convert("RGB").getpixel((5, 5)))]

# Each phase's own work, on this interpreter: analyse, check, render PDF and Word, read them back.
from chalicelib.analysis import analyze_text, check_findings
from chalicelib.report import Report
from chalicelib.report.docx_report import render_docx
from chalicelib.report.pdf_report import render_pdf
from chalicelib.extract import DocumentKind, extract_document
from zoneinfo import ZoneInfo
notes = ("Cause: burst supply line under the kitchen sink.\n"
         "Kitchen 12x14 ft, vinyl floor wet.\nSubfloor 32%MC.")
findings = analyze_text(notes)
report = Report(workflow_id="wf-1", title="14 Banksia St", generated_at="2026-11-20T01:02:03Z",
                findings=findings, qa=check_findings(findings))
pdf, word = render_pdf(report), render_docx(report)
ZoneInfo("Australia/Perth")

# Every module imported from the zip has python3.12 bytecode there (Lambda's /var/task is
# read-only: without it each cold start compiles from source), hash-based and unchecked.
import importlib.util
without_bytecode = []
for name, module in list(sys.modules.items()):
    source = getattr(module, "__file__", None) or ""
    if not (source.startswith(task) and source.endswith(".py")):
        continue
    cached = importlib.util.cache_from_source(source)
    header = open(cached, "rb").read(8) if os.path.exists(cached) else b""
    if header[:4] != importlib.util.MAGIC_NUMBER or int.from_bytes(header[4:8], "little") != 0b01:
        without_bytecode.append(name)

stdlib = sysconfig.get_paths()["stdlib"]
outside = sorted(
    f"{name}: {module.__file__}" for name, module in list(sys.modules.items())
    if getattr(module, "__file__", None)
    and not module.__file__.startswith((task, runtime, stdlib))
)
print(json.dumps({
    "roundTrips": round_trips,
    "pdfText": extract_document(pdf, DocumentKind.PDF).text(),
    "docxText": extract_document(word, DocumentKind.DOCX).text(),
    "outside": outside,
    "withoutBytecode": sorted(without_bytecode),
    "modulesFromZip": sum(1 for m in list(sys.modules.values())
                          if (getattr(m, "__file__", None) or "").startswith(task)),
    "sysPath": sys.path,
}))
"""


def python312() -> str:
    candidates = [
        os.environ.get("PYTHON312", ""),
        *sorted(str(p) for p in Path("/root/.pyenv/versions").glob("3.12*/bin/python3.12")),
        shutil.which("python3.12") or "",
    ]
    for candidate in filter(None, candidates):
        probe = [candidate, "-c", "import sys; print(sys.version_info[:2])"]
        version = subprocess.run(probe, capture_output=True, check=False)
        if version.returncode == 0 and version.stdout.strip() == b"(3, 12)":
            return candidate
    pytest.fail("python3.12 not found: set PYTHON312 (the Makefile says where it looks)")


@pytest.fixture(scope="module")
def task_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip built as `make package` builds it, unpacked as Lambda unpacks it."""
    scratch = tmp_path_factory.mktemp("lambda")
    package = scratch / "deployment.zip"
    lambda_zip.build(package)
    task = scratch / "task"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(task)
    return task


@pytest.fixture(scope="module")
def runtime_dir() -> Path:
    """boto3 as the Lambda runtime provides it, in a directory of its own (cached)."""
    dev_pins = lambda_zip.requirement_lines(ROOT / "requirements-dev.txt")
    pin = next(line for line in dev_pins if line.startswith("boto3=="))
    target = RUNTIME_CACHE / pin.replace("==", "-")
    if not target.is_dir():
        partial = target.with_suffix(".partial")
        shutil.rmtree(partial, ignore_errors=True)
        lambda_zip.install_runtime_provided([pin], partial)
        partial.rename(target)
    return target


def test_every_distribution_in_the_zip_is_a_manylinux_or_pure_wheel(task_dir: Path) -> None:
    tags = {
        wheel.parent.name: [line[4:].strip() for line in wheel.read_text().splitlines() if line[:4] == "Tag:"]
        for wheel in task_dir.glob("*.dist-info/WHEEL")
    }
    assert len(tags) >= 20, sorted(tags)
    for dist, found in tags.items():
        assert found, f"{dist} has no Tag"
        for tag in found:
            python, abi, platform = tag.split("-")
            if platform == "any":
                assert abi == "none", (dist, tag)
                continue
            assert re.fullmatch(r"manylinux(1|2010|2014|_2_\d+)_x86_64", platform), (dist, tag)
            # Built for CPython 3.12, or for the stable ABI of an older 3.x (cryptography's cp311-abi3).
            assert (python, abi) == ("cp312", "cp312") or abi == "abi3", (dist, tag)
    # The runtime provides these: shipping them would shadow its copies.
    assert not [dist for dist in tags if dist.split("-")[0].lower() in ("boto3", "botocore", "s3transfer")]
    names = {dist.split("-")[0].lower() for dist in tags}
    assert {"pillow", "pillow_heif", "pydantic_core", "lxml", "aws_xray_sdk", "psychrolib"} <= names


def test_every_compiled_extension_came_from_a_wheel_and_needs_no_host_library(task_dir: Path) -> None:
    recorded = lambda_zip.recorded_files(task_dir)
    shared = [p for p in task_dir.rglob("*.so*") if p.is_file()]
    assert len(shared) > 20
    for library in shared:
        relative = str(library.relative_to(task_dir))
        assert relative in recorded, f"{relative} is in no wheel's RECORD (built on this machine?)"
        ldd = subprocess.run(["ldd", str(library)], capture_output=True, text=True, check=True).stdout
        for line in ldd.splitlines():
            name, _, where = line.strip().partition(" => ")
            assert "not found" not in where, f"{relative}: {line}"
            path = where.split(" (")[0].strip()
            if not path or path.startswith(str(task_dir)):
                continue
            assert SYSTEM_LIBRARIES.match(name), f"{relative} loads {name} from this machine ({path})"
    # The extensions are CPython 3.12's (or the stable ABI's), never this venv's 3.11.
    assert not [p for p in shared if "cpython-311" in p.name]


def test_the_zip_holds_the_app_and_chalices_runtime_module(task_dir: Path) -> None:
    for required in ("app.py", "chalice/app.py", "chalice/__init__.py", "chalicelib/wiring.py"):
        assert (task_dir / required).is_file(), required
    assert not (task_dir / "bin").exists()
    # Bytecode for python3.12 only (never this venv's 3.11 copies of chalicelib/)
    compiled = [p.name for p in task_dir.rglob("*.pyc")]
    assert compiled and all(name.endswith(".cpython-312.pyc") for name in compiled)
    assert (task_dir / "chalicelib" / "__pycache__" / "wiring.cpython-312.pyc").is_file()
    assert (task_dir / "chalicelib" / "analysis" / "prompt.md").is_file()  # data files too


def test_the_package_imports_and_works_on_a_clean_python312(task_dir: Path, runtime_dir: Path) -> None:
    completed = subprocess.run(
        [python312(), "-I", "-S", "-c", PROBE, str(task_dir), str(runtime_dir)],
        capture_output=True,
        text=True,
        cwd=task_dir,
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(task_dir)},
        timeout=180,
    )
    assert completed.returncode == 0, completed.stderr[-4000:]
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    assert result["outside"] == [], "modules loaded from outside the zip, boto3's dir and the stdlib"
    assert result["modulesFromZip"] > 500 and result["withoutBytecode"] == []
    assert not [p for p in result["sysPath"] if "site-packages" in p]
    assert result["roundTrips"]["JPEG"] == ["JPEG", [64, 48], pytest.approx([200, 30, 30], abs=8)]
    assert result["roundTrips"]["HEIF"][:2] == ["HEIF", [64, 48]]
    assert result["roundTrips"]["HEIF"][2] == pytest.approx([200, 30, 30], abs=12)
    assert "Kitchen" in result["pdfText"] and "Kitchen" in result["docxText"]


def test_package_py_s_hook_replaces_chalices_zip_and_puts_every_function_on_python312(tmp_path: Path) -> None:
    # Given what `chalice package` (run by Python 3.11) leaves: a template on python3.11, its zip
    chalice_zip = tmp_path / "deployment.zip"
    with zipfile.ZipFile(chalice_zip, "w") as archive:
        archive.writestr("app.py", "# Chalice's copy")
    function = {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.11"}}
    template = {"Resources": {"ApiHandler": function, "PhaseQa": json.loads(json.dumps(function))}}
    (tmp_path / "sam.json").write_text(json.dumps(template))

    size = lambda_zip.replace_chalice_zip(tmp_path)

    written = json.loads((tmp_path / "sam.json").read_text())
    assert {r["Properties"]["Runtime"] for r in written["Resources"].values()} == {"python3.12"}
    with zipfile.ZipFile(chalice_zip) as archive:
        names = archive.namelist()
    assert "pydantic_core/__init__.py" in names and "chalicelib/observability.py" in names
    assert size.files == len(names) and 0 < size.zipped < size.unzipped < lambda_zip.UNZIPPED_BUDGET
