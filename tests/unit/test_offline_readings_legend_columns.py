"""A map's legend typed in two columns, and its points read on each visit a space apart."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_coded_runs import coded_run
from chalicelib.analysis.offline.reading_legend_columns import legend_column_lines
from chalicelib.analysis.offline.text import prepare_lines

pytestmark = pytest.mark.unit

_MAP = """Moisture map - 7 Fern Gully Rd, Lenah Valley TAS. First visit Tue 9/6/2026.
Burst pipe under the kitchen sink; kitchen and dining room wet, vinyl and plasterboard.
POINTS
 A kitchen wall behind sink, 200 AFF      B kitchen kickboard at dishwasher
 C dining room plasterboard 150 AFF       D dining room floor at doorway
 R dry standard: lounge plasterboard, far wall,
   away from the water
Meter: Protimeter in search mode (relative).
Tue 9/6: A 410 B 38 C 300 D 22 R 95
Thu 11/6: A 260 B 24 C 180 D 16 R 95
"""


def _found() -> set[tuple[str, float, date | None, bool]]:
    return {(r.location, r.value, r.taken_on, r.is_reference) for r in analyze_text(_MAP).moisture_readings}


def test_each_column_of_the_legend_is_a_point_and_its_visits_are_read_by_code() -> None:
    found = _found()
    assert ("Kitchen", 410.0, date(2026, 6, 9), False) in found
    assert ("Dining room", 300.0, date(2026, 6, 9), False) in found
    assert ("Kitchen", 24.0, date(2026, 6, 11), False) in found
    assert ("Dining room", 16.0, date(2026, 6, 11), False) in found


def test_an_indented_line_goes_on_the_last_point_of_the_line_above() -> None:
    assert any(value == 95.0 and reference for _, value, _, reference in _found())
    lines = legend_column_lines(prepare_lines(_MAP), _MAP)
    assert [line.text for line in lines if line.text.startswith("R ")] == [
        "R dry standard: lounge plasterboard, far wall, away from the water"
    ]


def test_a_legend_in_one_column_is_left_as_it_is() -> None:
    text = "A kitchen wall behind sink\nB kitchen kickboard\n"
    lines = prepare_lines(text)
    assert legend_column_lines(lines, text) == lines


def test_a_run_of_pairs_reads_only_known_codes() -> None:
    known = frozenset({"A", "B", "C"})
    assert coded_run("Mon 8/6: A 41 B 30 C 12", known) == [
        ("A", 41.0, None),
        ("B", 30.0, None),
        ("C", 12.0, None),
    ]
    assert coded_run("Mon 8/6: A 41 B 30 Z 12", known) is None  # (a code the legend never gave)
    assert coded_run("A 41 B 30", known) is None  # (two pairs are no visit's line)


def test_a_label_may_lead_the_first_line_and_an_indent_leads_the_next() -> None:
    text = (
        "Pts:  W1 wall behind basin 300 AFF   W2 wall 500 L of basin\n"
        "      K1 vanity side panel       K2 vanity kick\n"
        "      REF = bedroom wall plasterboard (unaffected)\n"
    )
    lines = legend_column_lines(prepare_lines(text), text)
    assert [line.text for line in lines if line.text] == [
        "Pts: W1 wall behind basin 300 AFF",
        "W2 wall 500 L of basin",
        "K1 vanity side panel",
        "K2 vanity kick",
        "REF = bedroom wall plasterboard (unaffected)",
    ]
