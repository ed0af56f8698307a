"""PDF rendering: today's renderer (before #17 item 9, kept in bench/baseline_pdf_report.py)
against the tuned fpdf2 renderer and two alternatives (ReportLab, Typst; bench/render_alternatives.py),
on the same report documents; then a whole TEXT workflow's CPU before and after PDF and Word
moved from OUTPUT to the first download.

Every figure is CPU time (`time.process_time`: CPU of every thread, not wall, since others share
the machine), the median of --runs renders after a warm-up (fonts loaded, imports done), and is
printed as a ratio against today's renderer in the same run. Each run renders a report with
another title and workflow id: Typst memoizes layout across compiles, and a service renders a
report once, so the same document twice would flatter it.

    .venv/bin/python bench/render.py [--runs 5] [--skip-alternatives]
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
SECRET = "bench-render-signing-key-" + "0" * 40
os.environ.update(AUTH_MODE="dev", DEV_AUTH_SECRET=SECRET)
os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")  # the phases' INFO lines are not the result

import baseline_pdf_report  # noqa: E402

from chalicelib.analysis import analyze_text, check_findings  # noqa: E402
from chalicelib.analysis.findings import Findings  # noqa: E402
from chalicelib.report import pdf_fonts  # noqa: E402
from chalicelib.report.render import Report, render_docx, render_pdf  # noqa: E402
from tests.unit.test_report_insurer_job import NOTES as TYPICAL_NOTES  # noqa: E402

Render = Callable[[Report], bytes]


@functools.cache
def _photo_bench() -> Any:
    """bench/photos.py, for its generator of phone-like report copies."""
    spec = importlib.util.spec_from_file_location("bench_photos", ROOT / "bench" / "photos.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reports(
    findings: Findings, runs: int, copies: list[tuple[bytes, int, int]], photos: int
) -> list[Report]:
    """One report per run (and one for the warm-up), alike but for their title and id."""
    qa = check_findings(findings)
    made = []
    for run in range(runs + 1):
        shown, images = _photo_bench().photo_set(photos, copies)
        report = Report(
            workflow_id=f"wf_{run:032x}",
            title=f"27 Wattle Grove \u2014 dishwasher leak (run {run})",
            generated_at="2026-11-16T01:00:00Z",
            findings=findings,
            qa=qa,
            photos=shown,
        )
        made.append(report.with_images(images))
    return made


def _measure(render: Render, reports: list[Report]) -> tuple[float, int]:
    """Median CPU seconds of a render, and the file's size."""
    render(reports[0])  # warm-up
    times, size = [], 0
    for report in reports[1:]:
        started = time.process_time()
        data = render(report)
        times.append(time.process_time() - started)
        size = len(data)
    return statistics.median(times), size


def _renderers(alternatives: bool) -> dict[str, Render]:
    chosen: dict[str, Render] = {
        "today (fpdf2, before)": baseline_pdf_report.render_pdf,
        "tuned fpdf2": render_pdf,
    }
    if alternatives:
        from render_alternatives import render_reportlab, render_typst

        chosen["reportlab 5.1"] = render_reportlab
        chosen["typst 0.15 (wheel)"] = render_typst
    chosen["word (python-docx)"] = render_docx
    return chosen


def _table(title: str, rows: dict[str, tuple[float, int]]) -> None:
    base_cpu, base_size = rows["today (fpdf2, before)"]
    print(f"\n{title}")
    print(f"  {'renderer':<24} {'cpu ms':>8} {'x today':>8} {'KiB':>8} {'x today':>8}")
    for name, (cpu, size) in rows.items():
        print(
            f"  {name:<24} {cpu * 1000:>8.1f} {cpu / base_cpu:>8.2f}"
            f" {size / 1024:>8.1f} {size / base_size:>8.2f}"
        )


def fonts() -> None:
    """The one-time cost the tuned renderer pays in a new container (imports done first)."""
    import fontTools.subset  # noqa: F401 - imported by fpdf2's output, not part of the fonts' cost
    from fpdf import FPDF

    started = time.process_time()
    pdf_fonts.install_fonts(FPDF())
    once = time.process_time() - started
    print(f"fonts: loaded once per container in {once * 1000:.0f} ms CPU, then reused by every report")


def typical(runs: int, alternatives: bool) -> None:
    findings = analyze_text(TYPICAL_NOTES)
    reports = _reports(findings, runs, [], 0)
    rows = {name: _measure(render, reports) for name, render in _renderers(alternatives).items()}
    _table("typical report (tests/unit/test_report_insurer_job.py, 6 pages)", rows)


def samples(runs: int, alternatives: bool) -> None:
    """Every sample through the offline analyzer: summed over the corpus, then the worst ratio."""
    renderers = {k: v for k, v in _renderers(alternatives).items() if not k.startswith("word")}
    totals = dict.fromkeys(renderers, 0.0)
    sizes = dict.fromkeys(renderers, 0)
    worst = dict.fromkeys(renderers, 0.0)
    for path in sorted((ROOT / "samples").glob("*.txt")):
        reports = _reports(analyze_text(path.read_text()), runs, [], 0)
        measured = {name: _measure(render, reports) for name, render in renderers.items()}
        base = measured["today (fpdf2, before)"][0]
        for name, (cpu, size) in measured.items():
            totals[name] += cpu
            sizes[name] += size
            worst[name] = max(worst[name], cpu / base)
    print(f"\nsamples/*.txt ({len(list((ROOT / 'samples').glob('*.txt')))} reports), summed")
    print(f"  {'renderer':<24} {'cpu ms':>8} {'x today':>8} {'worst x':>8} {'KiB':>8} {'x today':>8}")
    base_cpu, base_size = totals["today (fpdf2, before)"], sizes["today (fpdf2, before)"]
    for name in renderers:
        print(
            f"  {name:<24} {totals[name] * 1000:>8.1f} {totals[name] / base_cpu:>8.2f} {worst[name]:>8.2f}"
            f" {sizes[name] / 1024:>8.1f} {sizes[name] / base_size:>8.2f}"
        )


def with_photos(runs: int, alternatives: bool) -> None:
    copies = [_photo_bench()._report_copy(seed) for seed in range(50)]
    findings = analyze_text(TYPICAL_NOTES)
    for count in (0, 10, 50):
        reports = _reports(findings, runs, copies, count)
        rows = {name: _measure(render, reports) for name, render in _renderers(alternatives).items()}
        _table(f"typical report with {count} photos (1600 px report copies, q80)", rows)


def workflow(runs: int) -> None:
    """A TEXT workflow's four phases on in-memory ports, in this process."""
    from chalicelib.core import workflows
    from chalicelib.core.models import CreateWorkflowRequest
    from chalicelib.phases import initiation, output, processing, qa
    from tests.memory_ports import MemoryPorts, load

    def once(before: bool) -> tuple[float, float]:
        ports = MemoryPorts()
        request = CreateWorkflowRequest.model_validate(
            {"inputMethod": "TEXT", "inputData": {"text": TYPICAL_NOTES}}
        )
        started = time.process_time()
        workflow_id = str(workflows.create_workflow(ports, "bench", request)["workflowId"])
        event = {"workflowId": workflow_id, "userId": "bench", "attempt": 1}
        if before:
            with _OldOutput():
                for phase in (initiation, processing, qa, output):
                    phase.handle(ports, event)
        else:
            for phase in (initiation, processing, qa, output):
                phase.handle(ports, event)
        pipeline = time.process_time() - started
        if not before:  # then someone downloads both files
            workflows.get_report(ports, load(ports, "bench", workflow_id), "pdf")
            workflows.get_report(ports, load(ports, "bench", workflow_id), "docx")
        return pipeline, time.process_time() - started

    once(True), once(False)  # warm-up
    before = [once(True) for _ in range(runs)]
    after = [once(False) for _ in range(runs)]
    b = statistics.median(p for p, _ in before)
    a, a_downloads = statistics.median(p for p, _ in after), statistics.median(t for _, t in after)
    print("\nwhole TEXT workflow (INITIATION -> OUTPUT on in-memory ports, typical notes)")
    print(f"  before: OUTPUT renders all five formats     {b:.3f} CPU-s  1.00")
    print(f"  after:  OUTPUT renders JSON, Markdown, CSV  {a:.3f} CPU-s  {a / b:.2f}")
    print(f"  after, and both files then downloaded      {a_downloads:.3f} CPU-s  {a_downloads / b:.2f}")


class _OldOutput:
    """OUTPUT as it was, while the context lasts: every format, with today's PDF renderer."""

    def __enter__(self) -> None:
        from chalicelib.report import files

        self.saved = files.EAGER_FORMATS, files.RENDERERS["pdf"]
        files.EAGER_FORMATS, files.RENDERERS["pdf"] = tuple(files.RENDERERS), baseline_pdf_report.render_pdf

    def __exit__(self, *_: object) -> None:
        from chalicelib.report import files

        files.EAGER_FORMATS, files.RENDERERS["pdf"] = self.saved


def stack_workflow(runs: int) -> None:
    """A TEXT workflow on the local stack (moto, the ASL interpreter, the HTTP API and the phase
    Lambdas, all in this process): the whole process's CPU from the POST to COMPLETED, polling
    the record once a second, and the four phase Lambdas' own CPU (the thread time of each
    handler, its boto3 calls included; moto's side of them is not) - what AWS would bill."""
    import urllib3

    from chalicelib.api.auth import issue_dev_token
    from chalicelib.phases import initiation, output, processing, qa, runner
    from local_stack.stack import LocalStack, StackConfig

    phase_cpu: list[float] = []

    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.thread_time()
        try:
            return runner.run_phase(*args, **kwargs)
        finally:
            phase_cpu.append(time.thread_time() - started)

    modules = (initiation, processing, qa, output)
    for module in modules:
        module.run_phase = timed  # type: ignore[attr-defined]
    stack = LocalStack(StackConfig(api_port=0, aws_port=0, websocket_port=0, dev_auth_secret=SECRET))
    stack.start()
    http = urllib3.PoolManager()
    headers = {
        "Authorization": f"Bearer {issue_dev_token('bench', SECRET)}",
        "Content-Type": "application/json",
    }
    base = f"{stack.api_url}/api/orchestrator/workflows"

    def once() -> tuple[float, float]:
        phase_cpu.clear()
        started = time.process_time()
        body = json.dumps({"inputMethod": "TEXT", "inputData": {"text": TYPICAL_NOTES}})
        workflow_id = json.loads(http.request("POST", base, body=body, headers=headers).data)["workflowId"]
        for _ in range(600):
            reply = json.loads(http.request("GET", f"{base}/{workflow_id}", headers=headers).data)
            if reply["workflow"]["status"] in ("COMPLETED", "FAILED", "NEEDS_REVIEW"):
                break
            time.sleep(1.0)
        assert reply["workflow"]["status"] == "COMPLETED", reply
        return time.process_time() - started, sum(phase_cpu)

    try:
        with _OldOutput():
            once()
            before = [once() for _ in range(runs)]
        once()
        after = [once() for _ in range(runs)]
    finally:
        stack.stop()
        for module in modules:
            module.run_phase = runner.run_phase  # type: ignore[attr-defined]
    b, a = (statistics.median(p for p, _ in before), statistics.median(p for p, _ in after))
    bl, al = (statistics.median(t for _, t in before), statistics.median(t for _, t in after))
    print("\nwhole TEXT workflow on the local stack (CPU-s, median of {runs})".replace("{runs}", str(runs)))
    print(f"  {'':<42} {'process':>8} {'x':>5} {'phases':>8} {'x':>5}")
    print(f"  {'before: OUTPUT renders all five formats':<42} {b:>8.3f} {1:>5.2f} {bl:>8.3f} {1:>5.2f}")
    print(
        f"  {'after:  OUTPUT renders JSON, Markdown, CSV':<42} {a:>8.3f} {a / b:>5.2f}"
        f" {al:>8.3f} {al / bl:>5.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-alternatives", action="store_true")
    parser.add_argument("--skip-photos", action="store_true")
    parser.add_argument("--skip-stack", action="store_true")
    args = parser.parse_args()
    alternatives = not args.skip_alternatives
    fonts()
    typical(args.runs, alternatives)
    samples(max(3, args.runs // 2), alternatives)
    if not args.skip_photos:
        with_photos(max(3, args.runs // 2), alternatives)
    workflow(args.runs)
    if not args.skip_stack:
        stack_workflow(max(3, args.runs // 2))


if __name__ == "__main__":
    main()
