"""OUTPUT's cost of photos: render CPU time and file size of the report with 0, 10 and 50
photos, as ratios against the 0-photo report in the same run.

The photos are what OUTPUT embeds: report copies made by `check_photo` from generated 4 MP
phone-like JPEGs (noise, so they compress as real photos do, not as flat colour), longest side
1600 px, JPEG quality 80. Rendering is timed with `time.process_time` (CPU, not wall: others
share the machine), the median of several runs per format, after a warm-up.

    .venv/bin/python bench/photos.py [--runs 3]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from chalicelib.analysis import analyze_text, check_findings  # noqa: E402
from chalicelib.extract.images import Limits, check_photo  # noqa: E402
from chalicelib.report.photos import ReportPhoto  # noqa: E402
from chalicelib.report.render import Report, render_docx, render_json, render_markdown, render_pdf  # noqa: E402

NOTES = (ROOT / "samples/water_cat1_aged_hardwood.txt").read_text()
ROOMS = ("Kitchen", "Laundry", "Hallway", "Bedroom 1", "Bathroom")
RENDERERS: dict[str, Callable[[Report], str | bytes]] = {
    "pdf": render_pdf,
    "docx": render_docx,
    "md": render_markdown,
    "json": render_json,
}


def _report_copy(seed: int) -> tuple[bytes, int, int]:
    """A 2400 x 1800 noisy photo, through the receipt's own re-encoding."""
    noise = Image.effect_noise((2400, 1800), 40 + seed % 20).convert("RGB")
    tint = Image.new("RGB", noise.size, (90 + seed * 7 % 120, 110, 70))
    photo = Image.blend(noise, tint, 0.5)
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=90)
    checked = check_photo(buffer.getvalue(), Limits(50_000_000, 1600, 80))
    return checked.report_jpeg, checked.width, checked.height


def photo_set(count: int, copies: list[tuple[bytes, int, int]]) -> tuple[list[ReportPhoto], dict[str, bytes]]:
    """`count` photos spread over the rooms, and their report copies' bytes by id."""
    photos, images = [], {}
    for n in range(count):
        image, width, height = copies[n % len(copies)]
        photo_id = f"ph_{n:032x}"
        photos.append(
            ReportPhoto(
                id=photo_id,
                room=ROOMS[n % len(ROOMS)],
                caption=f"Photo {n + 1}: wall and floor before removal",
                taken_at="2026-11-20 09:14 (EXIF)",
                sha256=f"{n:064x}",
                width=width,
                height=height,
            )
        )
        images[photo_id] = image
    return photos, images


def _report(count: int, copies: list[tuple[bytes, int, int]]) -> Report:
    findings = analyze_text(NOTES)
    photos, images = photo_set(count, copies)
    report = Report(
        workflow_id="wf_" + "0" * 32,
        title="Bench",
        generated_at="2026-12-05T00:00:00Z",
        findings=findings,
        qa=check_findings(findings),
        photos=photos,
    )
    return report.with_images(images)


def _measure(render: Callable[[Report], str | bytes], report: Report, runs: int) -> tuple[float, int]:
    render(report)  # warm-up: fonts, imports
    times, size = [], 0
    for _ in range(runs):
        started = time.process_time()
        output = render(report)
        times.append(time.process_time() - started)
        size = len(output.encode() if isinstance(output, str) else output)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    # One distinct image per photo: PDF and Word store identical images once, which would hide the cost.
    copies = [_report_copy(seed) for seed in range(50)]
    print(
        f"report copies: {statistics.mean(len(c[0]) for c in copies) / 1024:.0f} KiB average (1600 px, q80)"
    )
    print(f"{'format':<6} {'photos':>6} {'cpu ms':>9} {'x 0':>7} {'size KiB':>10} {'x 0':>8}")
    for name, render in RENDERERS.items():
        base_time, base_size = _measure(render, _report(0, copies), args.runs)
        for count in (0, 10, 50):
            cpu, size = (
                (base_time, base_size) if count == 0 else _measure(render, _report(count, copies), args.runs)
            )
            print(
                f"{name:<6} {count:>6} {cpu * 1000:>9.1f} {cpu / base_time:>7.2f}"
                f" {size / 1024:>10.1f} {size / base_size:>8.2f}"
            )


if __name__ == "__main__":
    main()
