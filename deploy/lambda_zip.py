"""The Lambda deployment zip, built from manylinux wheels for the Lambda runtime only.

    python deploy/lambda_zip.py [--out build/package/deployment.zip]

`chalice package` vendors `requirements.txt` for the Python that runs it (3.11 here), looks only
for the wheel tags Chalice knows (not `manylinux_2_28`) and otherwise builds sdists on the build
host: Pillow came out compiled against this machine's libraries, and pillow-heif was left out of
the zip altogether. So `deploy/package.py` lets Chalice write the template and replaces its zip
with this one:

- pip resolves `requirements.txt` for CPython 3.12 on manylinux x86_64 (`--platform`,
  `--only-binary=:all:`): a requirement with no such wheel fails the build instead of compiling.
  The only exception is `PURE_SDISTS`, projects that publish nothing but an sdist of pure Python
  (psychrolib: one .py file); each is built into a wheel that must come out `py3-none-any`.
- What the runtime already provides (`RUNTIME_PROVIDED`: boto3, botocore, s3transfer) is left
  out, and so is anything only they need: the runtime's own copies serve them.
- Every `*.dist-info/WHEEL` must carry a manylinux (glibc <= 2.28) or `any` tag, and every file
  must belong to a wheel's RECORD: nothing compiled here can slip in.
- Everything is compiled to python3.12 bytecode (hash-based, unchecked): /var/task is
  read-only, so without it each cold start compiles every module it imports. This needs a
  python3.12 here (`PYTHON312`, else pyenv's, else PATH).
- The zip then gets Chalice's runtime module (`chalice/app.py`, `chalice/__init__.py`, as
  Chalice's own packager adds), `app.py`, `chalicelib/` and `vendor/` (if any), in a fixed
  order with fixed timestamps: the same sources give the same bytes, so CloudFormation sees
  no change when there is none.

The installed dependencies are kept under `build/lambda-deps/<hash>` (the hash of the
requirements and of these settings) and pip's own cache keeps the wheels: only a change of
`requirements.txt` pays for a new install.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements.txt"
CACHE = ROOT / "build" / "lambda-deps"

RUNTIME = "python3.12"  # every function's Runtime in the template (deploy/package.py sets it)
PYTHON_VERSION = "3.12"
# Lambda's python3.12 runs on Amazon Linux 2023 (glibc 2.34); manylinux_2_28 leaves room and
# covers every wheel we need. pip expands each tag to the older manylinux tags it implies.
PLATFORMS = ("manylinux2014_x86_64", "manylinux_2_28_x86_64")
MAX_GLIBC = (2, 28)
# In the runtime already (/var/runtime): our copy would only add megabytes and shadow theirs.
RUNTIME_PROVIDED = frozenset({"boto3", "botocore", "s3transfer"})
# Projects that publish only an sdist of pure Python; their wheel must come out py3-none-any.
PURE_SDISTS = frozenset({"psychrolib"})
# Lambda refuses a function whose code unzips to more than 250 MB; our own budget is lower, so
# the heaviest function (PROCESSING, with anthropic) keeps room to grow.
LAMBDA_UNZIPPED_LIMIT = 250 * 1024 * 1024
UNZIPPED_BUDGET = 200 * 1024 * 1024
LAMBDA_TASK_ROOT = "/var/task"  # where Lambda unpacks the zip
BYTECODE_SUFFIX = ".cpython-312.pyc"
# What `pip install --target` puts outside the packages (the scripts and data schemes).
NOT_IMPORTED = ("bin", "share")
# Bump when the layout of the cached install changes.
CACHE_FORMAT = "2"  # 2: with python3.12 bytecode

# What `python3.12` on Lambda (CPython, Linux x86_64) says to environment markers.
MARKER_ENVIRONMENT = {
    "implementation_name": "cpython",
    "implementation_version": f"{PYTHON_VERSION}.0",
    "os_name": "posix",
    "platform_machine": "x86_64",
    "platform_python_implementation": "CPython",
    "platform_system": "Linux",
    "python_full_version": f"{PYTHON_VERSION}.0",
    "python_version": PYTHON_VERSION,
    "sys_platform": "linux",
}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MANYLINUX = re.compile(r"^manylinux(?:1|2010|2014|_(?P<major>\d+)_(?P<minor>\d+))_x86_64$")
_LEGACY_GLIBC = {"manylinux1": (2, 5), "manylinux2010": (2, 12), "manylinux2014": (2, 17)}


@dataclass(frozen=True)
class PackageSize:
    zipped: int
    unzipped: int
    files: int

    def describe(self) -> str:
        mb = 1024 * 1024
        return (
            f"{self.zipped / mb:.1f} MB zipped, {self.unzipped / mb:.1f} MB unzipped ({self.files} files; "
            f"budget {UNZIPPED_BUDGET // mb} MB, Lambda's limit {LAMBDA_UNZIPPED_LIMIT // mb} MB)"
        )


# --- pip -----------------------------------------------------------------------------------


def _pip(*args: str) -> None:
    # The Python running this file (the venv's) runs pip; the target is 3.12 either way.
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args]
    subprocess.run(command, check=True, env={**os.environ, "PIP_NO_WARN_SCRIPT_LOCATION": "1"})


def _wheel_flags(wheelhouse: Path) -> list[str]:
    flags = ["--only-binary=:all:", "--implementation", "cp", "--python-version", PYTHON_VERSION]
    for platform in PLATFORMS:
        flags += ["--platform", platform]
    return [*flags, "--find-links", str(wheelhouse)]


def requirement_lines(path: Path) -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text().splitlines())
    return [line for line in lines if line and not line.startswith("-")]


def _build_pure_wheels(requirements: list[str], wheelhouse: Path) -> None:
    for line in requirements:
        if canonicalize_name(Requirement(line).name) not in PURE_SDISTS:
            continue
        _pip("wheel", "--no-deps", "--no-binary", ":all:", "-w", str(wheelhouse), line)
    for wheel in wheelhouse.glob("*.whl"):
        if not wheel.name.endswith(("-py3-none-any.whl", "-py2.py3-none-any.whl")):
            raise SystemExit(f"{wheel.name}: an sdist in PURE_SDISTS built a wheel that is not pure Python")


def _resolve(requirements: list[str], wheelhouse: Path, scratch: Path) -> list[str]:
    """`name==version` of every distribution to ship: pip's resolution for the target, less
    what the runtime provides and whatever only that needs."""
    report = scratch / "report.json"
    _pip(
        "install",
        "--dry-run",
        "--ignore-installed",
        "--report",
        str(report),
        "--target",
        str(scratch / "dry-run"),
        *_wheel_flags(wheelhouse),
        *requirements,
    )
    return shipped(json.loads(report.read_text())["install"])


def shipped(installs: list[dict[str, Any]]) -> list[str]:
    """Walk pip's report from the requested distributions, through each one's requirements that
    apply on the target (markers, extras), never into `RUNTIME_PROVIDED`."""
    by_name = {canonicalize_name(item["metadata"]["name"]): item for item in installs}
    extras: dict[str, set[str]] = {}
    pending: list[str] = []
    for name, item in by_name.items():
        if item.get("requested") and name not in RUNTIME_PROVIDED:
            extras[name] = set(item.get("requested_extras") or [])
            pending.append(name)
    while pending:
        name = pending.pop()
        active = {"", *extras[name]}
        for text in by_name[name]["metadata"].get("requires_dist") or []:
            requirement = Requirement(text)
            dependency = canonicalize_name(requirement.name)
            if dependency in RUNTIME_PROVIDED or not _applies(requirement.marker, active):
                continue
            if dependency not in by_name:
                raise SystemExit(f"{name} needs {requirement}, which pip did not resolve for the target")
            wanted = set(requirement.extras)
            if dependency not in extras or not wanted <= extras[dependency]:
                extras[dependency] = extras.get(dependency, set()) | wanted
                pending.append(dependency)
    metadata = [by_name[name]["metadata"] for name in extras]
    return sorted(f"{m['name']}=={m['version']}" for m in metadata)


def _applies(marker: Marker | None, extras: set[str]) -> bool:
    if marker is None:
        return True
    return any(marker.evaluate({**MARKER_ENVIRONMENT, "extra": extra}) for extra in extras)


def _cache_key(requirements: list[str]) -> str:
    settings = [CACHE_FORMAT, PYTHON_VERSION, *PLATFORMS, *sorted(RUNTIME_PROVIDED), *sorted(PURE_SDISTS)]
    return hashlib.sha256("\n".join([*settings, *requirements]).encode()).hexdigest()[:16]


def install_dependencies(requirements_file: Path = REQUIREMENTS, cache: Path = CACHE) -> Path:
    """The shipped dependencies, installed for the target under `cache` (reused when there)."""
    requirements = requirement_lines(requirements_file)
    target = cache / _cache_key(requirements)
    if target.is_dir():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as scratch_dir:
        scratch = Path(scratch_dir)
        wheelhouse = scratch / "wheelhouse"
        wheelhouse.mkdir()
        _build_pure_wheels(requirements, wheelhouse)
        pins = _resolve(requirements, wheelhouse, scratch)
        site = scratch / "site"
        _pip("install", "--no-deps", "--target", str(site), *_wheel_flags(wheelhouse), *pins)
        # Console scripts (with this machine's interpreter path) and data files (fontTools' man
        # page) land beside the packages: nothing on Lambda imports or runs them.
        for directory in NOT_IMPORTED:
            shutil.rmtree(site / directory, ignore_errors=True)
        check_wheels(site)
        compile_bytecode(site)
        try:
            site.rename(target)  # atomic: a concurrent build finds a complete install or none
        except OSError:
            # Another build (a second test worker, say) renamed the same install into place first:
            # it is the same requirements' install, so this one is dropped with the scratch.
            if not target.is_dir():
                raise
    for stale in cache.iterdir():  # installs of earlier requirements: only disk now
        if stale.is_dir() and stale != target and not stale.name.startswith("tmp"):
            shutil.rmtree(stale, ignore_errors=True)
    return target


def install_runtime_provided(requirements: list[str], target: Path) -> None:
    """Install `requirements` (boto3, say) for the target into `target`: what a test puts where
    Lambda's runtime keeps its own copies."""
    with tempfile.TemporaryDirectory() as wheelhouse:
        _pip("install", "--target", str(target), *_wheel_flags(Path(wheelhouse)), *requirements)


# --- checks --------------------------------------------------------------------------------


def wheel_tags(site: Path) -> dict[str, list[str]]:
    """dist-info directory -> the `Tag:` lines of its WHEEL file."""
    tags = {}
    for wheel in sorted(site.glob("*.dist-info/WHEEL")):
        lines = wheel.read_text().splitlines()
        tags[wheel.parent.name] = [line.split(":", 1)[1].strip() for line in lines if line.startswith("Tag:")]
    return tags


def tag_fits_lambda(tag: str) -> bool:
    """`cp312-cp312-manylinux_2_28_x86_64`, `cp311-abi3-manylinux2014_x86_64`, `py3-none-any`."""
    python, abi, platform = tag.split("-")
    if platform == "any":
        return abi == "none"
    match = _MANYLINUX.match(platform)
    if match is None:
        return False
    legacy = _LEGACY_GLIBC.get(platform.removesuffix("_x86_64"))
    glibc = legacy or (int(match["major"]), int(match["minor"]))
    if glibc > MAX_GLIBC:
        return False
    if abi == "abi3":
        return python.startswith("cp3") and int(python[3:]) <= 12
    return python == "cp312" and abi == "cp312"


def recorded_files(site: Path) -> set[str]:
    """Every path some wheel's RECORD lists, relative to `site`."""
    files: set[str] = set()
    for record in site.glob("*.dist-info/RECORD"):
        for line in record.read_text().splitlines():
            path = line.rsplit(",", 2)[0]
            if path:
                files.add(os.path.normpath(path))
    return files


def check_wheels(site: Path) -> None:
    tags = wheel_tags(site)
    wrong = {dist: found for dist, found in tags.items() if not found or not all(map(tag_fits_lambda, found))}
    if wrong:
        raise SystemExit(f"Not Lambda-compatible wheels (manylinux x86_64 cp312/abi3, or any): {wrong}")
    recorded = recorded_files(site)
    stray = sorted(p for p in _files_under(site) if p not in recorded and "__pycache__" not in p)
    if stray:
        raise SystemExit(f"Files no wheel installed (built on this machine?): {stray[:10]}")


# --- the zip -------------------------------------------------------------------------------


def _files_under(directory: Path, bytecode: bool = False) -> Iterator[str]:
    """Every file under `directory`; with `bytecode`, the target's `__pycache__/*.cpython-312.pyc`
    too (never another interpreter's)."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if bytecode or d != "__pycache__")
        in_cache = os.path.basename(root) == "__pycache__"
        for name in sorted(files):
            if in_cache and not name.endswith(BYTECODE_SUFFIX):
                continue
            if name.endswith(".pyc") and not in_cache:
                continue
            yield os.path.relpath(os.path.join(root, name), directory)


def find_python312() -> str:
    """`PYTHON312`, else pyenv's build, else `python3.12` on PATH: the interpreter that compiles
    the zip's bytecode (its magic number must be the runtime's)."""
    candidates = [
        os.environ.get("PYTHON312", ""),
        *sorted(str(p) for p in Path.home().glob(".pyenv/versions/3.12*/bin/python3.12")),
        shutil.which("python3.12") or "",
    ]
    probe = "import sys; print(sys.version_info[:2] == (3, 12))"
    for candidate in filter(None, candidates):
        result = subprocess.run([candidate, "-c", probe], capture_output=True, text=True, check=False)
        if result.returncode == 0 and result.stdout.strip() == "True":
            return candidate
    raise SystemExit(
        "python3.12 not found: it compiles the zip's bytecode. Set PYTHON312=/path/to/python3.12"
    )


def compile_bytecode(directory: Path) -> None:
    """Compile every module under `directory` for python3.12, as it will sit in /var/task.

    Lambda's /var/task is read-only: without these, every cold start compiles each module it
    imports from source (importing `app` took 0.5 s instead of 0.15 s on python3.12 here).
    Hash-based and unchecked: the zip's fixed timestamps cannot vouch for a source, and nothing
    in a deployed zip changes. Tracebacks name /var/task paths."""
    python = find_python312()
    command = [python, "-m", "compileall", "-q", "-j", "0", "--invalidation-mode", "unchecked-hash"]
    # Exit status ignored: a file no import reaches may not compile (a template, a py2 test);
    # one that is imported fails there as it would from source. The count below catches a
    # compile that did nothing.
    subprocess.run([*command, "-s", str(directory), "-p", LAMBDA_TASK_ROOT, str(directory)], check=False)
    if not any(directory.rglob(f"*{BYTECODE_SUFFIX}")):
        raise SystemExit(f"{python} compiled nothing under {directory}")


def app_files(project: Path = ROOT) -> Iterator[tuple[Path, str]]:
    """What Chalice's own packager adds beside the dependencies: its runtime module, app.py,
    chalicelib/ and vendor/ (vendor/'s contents at the top, as Chalice puts them)."""
    from chalice import app as chalice_app

    yield Path(inspect.getfile(chalice_app)), "chalice/app.py"
    yield Path(inspect.getfile(chalice_app)).with_name("__init__.py"), "chalice/__init__.py"
    yield project / "app.py", "app.py"
    for relative in _files_under(project / "chalicelib"):
        yield project / "chalicelib" / relative, f"chalicelib/{relative}"
    vendor = project / "vendor"
    if vendor.is_dir():
        for relative in _files_under(vendor):
            yield vendor / relative, relative


def _stage_app(project: Path, staged: Path) -> None:
    """The app's files laid out as in the zip, with their bytecode."""
    for source, name in app_files(project):
        target = staged / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    compile_bytecode(staged)


def _entries(site: Path, staged_app: Path) -> list[tuple[Path, str]]:
    entries = [(site / relative, relative) for relative in _files_under(site, bytecode=True)]
    entries += [(staged_app / relative, relative) for relative in _files_under(staged_app, bytecode=True)]
    names = [name for _, name in entries]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise SystemExit(f"The app and its dependencies both ship {duplicates}")
    return sorted(entries, key=lambda entry: entry[1])


def write_zip(entries: Iterable[tuple[Path, str]], out: Path) -> PackageSize:
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".partial")
    unzipped = files = 0
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for source, name in entries:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.external_attr = 0o644 << 16  # readable by Lambda's sandbox user, whatever umask
            info.compress_type = zipfile.ZIP_DEFLATED
            data = source.read_bytes()
            archive.writestr(info, data)
            unzipped += len(data)
            files += 1
    partial.replace(out)
    return PackageSize(zipped=out.stat().st_size, unzipped=unzipped, files=files)


def build(out: Path, project: Path = ROOT, cache: Path = CACHE) -> PackageSize:
    """Write the deployment zip to `out`; fail when it is over the budget."""
    site = install_dependencies(project / "requirements.txt", cache)
    with tempfile.TemporaryDirectory() as scratch:
        staged_app = Path(scratch)
        _stage_app(project, staged_app)
        size = write_zip(_entries(site, staged_app), out)
    if size.unzipped > UNZIPPED_BUDGET:
        raise SystemExit(f"{out}: {size.describe()}: over the budget")
    return size


@contextmanager
def chalice_project(project: Path = ROOT) -> Iterator[Path]:
    """The project as `chalice package` should see it: the same app and config, with no
    requirements, so Chalice builds nothing on this machine (its zip is replaced anyway)."""
    with tempfile.TemporaryDirectory() as scratch:
        staged = Path(scratch)
        for name in ("app.py", "chalicelib"):
            (staged / name).symlink_to(project / name)
        # A real .chalice/ of links: Chalice's own deployments cache stays in the scratch dir.
        (staged / ".chalice").mkdir()
        for config in (project / ".chalice").iterdir():
            if config.is_file():
                (staged / ".chalice" / config.name).symlink_to(config)
        (staged / "requirements.txt").write_text("")
        yield staged


def replace_chalice_zip(out: Path, project: Path = ROOT) -> PackageSize:
    """After `chalice package` wrote `out`: our zip in place of Chalice's, and every function
    of `out/sam.json` on `RUNTIME` (Chalice writes the version of the Python that ran it)."""
    size = build(out / "deployment.zip", project)
    sam_file = out / "sam.json"
    template = json.loads(sam_file.read_text())
    for resource in template["Resources"].values():
        if resource.get("Type") in ("AWS::Serverless::Function", "AWS::Lambda::Function"):
            resource["Properties"]["Runtime"] = RUNTIME
    sam_file.write_text(json.dumps(template, indent=2) + "\n")
    return size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "package" / "deployment.zip")
    args = parser.parse_args(argv)
    size = build(args.out.resolve())
    print(f"wrote {args.out}: {size.describe()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
