"""A consultant's report numbers its sections, and a return visit is one of them: "4. Re-check, 26th
January 2026 (after ...)". The readings under it are that visit's, as under a "Re-check" heading with
no number; a numbered section of another kind dates nothing."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text

_RECEIVED = date(2026, 12, 31)


def _report(section: str) -> str:
    return f"""Mould and moisture survey - 18 Banksia Tce, Wynnum QLD 4178
Inspected 3rd March 2026 at the request of the owner, Ms Okafor.

1. Findings
Laundry: the trough's tap was leaking into the cabinet; particleboard base swollen, growth on the
back wall of the cabinet. S520 Condition 3.

2. Moisture readings (Protimeter: pin mode WME)
Laundry cabinet base 38 WME; laundry skirting 27 WME; hallway skirting 13 WME.

{section}
Laundry cabinet base 21 WME, laundry skirting 16 WME.

5. Recommendations
Replace the cabinet base after drying.
"""


def _found(notes: str) -> list[tuple[float, date | None]]:
    return [(r.value, r.taken_on) for r in analyze_text(notes, received=_RECEIVED).moisture_readings]


def test_a_numbered_re_check_section_dates_the_readings_under_it() -> None:
    # Given a numbered section that is a return visit, with a bracketed note after its day
    notes = _report("4. Re-check, 17th March 2026 (the tap washer was renewed on the 10th)")
    # When the report is analysed
    found = _found(notes)
    # Then the readings under it are that visit's, and the first ones keep the inspection's day
    assert (21.0, date(2026, 3, 17)) in found
    assert (16.0, date(2026, 3, 17)) in found
    assert (38.0, date(2026, 3, 3)) in found


def test_a_numbered_follow_up_visit_written_another_way_dates_its_readings() -> None:
    # Given the return visit as "4) Follow-up, Friday 20 March 2026 (...)"
    notes = _report("4) Follow-up, Friday 20 March 2026 (owner present, cabinet doors off)")
    # When the report is analysed
    found = _found(notes)
    # Then its readings are read on its day
    assert (21.0, date(2026, 3, 20)) in found


def test_a_numbered_section_of_another_kind_dates_nothing() -> None:
    # Given a numbered section that only mentions a later day in passing
    notes = _report("4. Owner's comments, sent 20th March 2026")
    # When the report is analysed
    found = _found(notes)
    # Then the readings under it are not put on that day
    assert (21.0, date(2026, 3, 20)) not in found
