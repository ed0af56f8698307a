"""Report rendering: the findings and their QA as documents an insurer can read."""

from __future__ import annotations

from chalicelib.report.render import Report, render_json, render_markdown

__all__ = ["Report", "render_json", "render_markdown"]
