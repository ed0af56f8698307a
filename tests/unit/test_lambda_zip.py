"""deploy/lambda_zip.py's decisions, on made-up inputs: which wheel tags Lambda can load, and
which of pip's resolved distributions are shipped."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "deploy"))
import lambda_zip


@pytest.mark.parametrize(
    ("tag", "fits"),
    [
        ("cp312-cp312-manylinux_2_28_x86_64", True),
        ("cp312-cp312-manylinux2014_x86_64", True),
        ("cp312-cp312-manylinux1_x86_64", True),
        ("cp311-abi3-manylinux_2_17_x86_64", True),
        ("py3-none-any", True),
        ("py2-none-any", True),
        ("cp312-cp312-linux_x86_64", False),  # built on some machine: its libraries, not Lambda's
        ("cp312-cp312-manylinux_2_34_x86_64", False),  # newer glibc than we allow
        ("cp311-cp311-manylinux2014_x86_64", False),  # another Python's extension
        ("cp312-cp312-manylinux_2_28_aarch64", False),
        ("cp313-abi3-manylinux_2_17_x86_64", False),
        ("cp312-cp312-musllinux_1_2_x86_64", False),
    ],
)
def test_wheel_tags_lambda_can_load(tag: str, fits: bool) -> None:
    assert lambda_zip.tag_fits_lambda(tag) is fits


def _dist(
    name: str, version: str, requires: list[str], requested: bool = False, **extra: Any
) -> dict[str, Any]:
    return {
        "metadata": {"name": name, "version": version, "requires_dist": requires},
        "requested": requested,
        **extra,
    }


def test_what_the_runtime_provides_and_what_only_it_needs_are_not_shipped() -> None:
    report = [
        _dist("aws-xray-sdk", "2.15.0", ["botocore>=1.11.3", "wrapt"], requested=True),
        _dist("PyJWT", "2.15.1", ['cryptography; extra == "crypto"'], True, requested_extras=["crypto"]),
        _dist("anthropic", "2.13.0", ['typing-extensions; python_version < "3.11"', "jiter"], requested=True),
        _dist("botocore", "1.44.18", ["python-dateutil", "jmespath", "urllib3"]),
        _dist("python-dateutil", "2.9.0", ["six"]),
        _dist("six", "1.17.0", []),
        _dist("jmespath", "1.1.0", []),
        _dist("urllib3", "2.8.0", []),
        _dist("wrapt", "2.5.2", []),
        _dist("cryptography", "50.0.2", ["cffi"]),
        _dist("cffi", "2.1.1", []),
        _dist("jiter", "0.19.0", []),
        _dist("typing-extensions", "4.16.0", []),
    ]
    assert lambda_zip.shipped(report) == [
        "PyJWT==2.15.1",
        "anthropic==2.13.0",
        "aws-xray-sdk==2.15.0",
        "cffi==2.1.1",
        "cryptography==50.0.2",
        "jiter==0.19.0",
        "wrapt==2.5.2",
    ]


def test_a_requirement_pip_did_not_resolve_fails_the_build() -> None:
    report = [_dist("fpdf2", "2.8.9", ["fonttools>=4"], requested=True)]
    with pytest.raises(SystemExit, match="fonttools"):
        lambda_zip.shipped(report)


def test_a_build_that_loses_the_race_to_install_the_same_dependencies_takes_the_winners(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a build whose install is put into place by a concurrent build while it works
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("pydantic==2.11.0\n")
    cache = tmp_path / "cache"
    target = cache / lambda_zip._cache_key(lambda_zip.requirement_lines(requirements))

    def pip(*args: str) -> None:
        site = Path(args[args.index("--target") + 1])
        (site / "pkg").mkdir(parents=True)
        (target / "pkg").mkdir(parents=True)  # the other build finished first

    monkeypatch.setattr(lambda_zip, "_build_pure_wheels", lambda *_: None)
    monkeypatch.setattr(lambda_zip, "_resolve", lambda *_: ["pydantic==2.11.0"])
    monkeypatch.setattr(lambda_zip, "_wheel_flags", lambda *_: [])
    monkeypatch.setattr(lambda_zip, "_pip", pip)
    monkeypatch.setattr(lambda_zip, "check_wheels", lambda *_: None)
    monkeypatch.setattr(lambda_zip, "compile_bytecode", lambda *_: None)

    # When it moves its own into place
    found = lambda_zip.install_dependencies(requirements, cache)

    # Then it uses the winner's, and leaves no scratch behind
    assert found == target and (target / "pkg").is_dir()
    assert [p.name for p in cache.iterdir()] == [target.name]
