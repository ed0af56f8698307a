"""A sentence of drying goals or targets: its numbers are thresholds, never readings; its plain
"material N unit or less" clauses are the job's goals. A reading beside it is still read."""

from __future__ import annotations

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_goals import goal_span, goals_in
from chalicelib.analysis.offline.readings import OWN_SCALE

_NOTES = """Job 3310, 4 Banksia Way. Attended 11/06/2026. Laundry skirting and vanity kick wet.
Readings (Protimeter, %WME): laundry skirting 29, vanity kick 33.
Drying targets: skirting 17 %WME or less; kickboards under 18 %WME; walls within 5 of the hall.
Our drying goal is the slab below 4%. Vanity kick re-read 12/06/2026 at 24.
"""


def test_goal_sentences_give_goals_not_readings() -> None:
    found = {reading.value for reading in analyze_text(_NOTES).moisture_readings}
    assert {29.0, 33.0, 24.0} <= found
    assert not found & {17.0, 18.0, 5.0, 4.0}


def test_the_goal_sentence_is_found_and_its_plain_clauses_kept() -> None:
    line = "Targets - framing 15 %MC or under, sheathing below 19%. The stud read 22 %MC."
    span = goal_span(line)
    assert span is not None and line[span[0] : span[1]].endswith("19%.")
    goals = goals_in(line[span[0] : span[1]])
    assert [(goal.material_key, goal.unit, goal.value) for goal in goals] == [("framing", "%MC", 15.0)]


def test_at_goal_and_goal_met_lead_no_goal_sentence() -> None:
    assert goal_span("Bath wall at goal on Friday, 14 on the ME5.") is None
    assert goal_span("Goal met in the hall: 12 %MC.") is None


_PLAN = """Mould assessment, 6 Kauri Rd, Titirangi. Inspected 20/05/2026.
Bathroom: growth behind the vanity, framing damp.
Readings (Protimeter, WME): bathroom bottom plate 27.
Remediation plan
1. Remove the vanity and the GIB behind it to 1.2 m.
2. Dry the framing to 16 WME or under, then clearance testing before relining.
3. HEPA-clean the studs; dry with 1 dehumidifier to 15 %MC or below.
"""


def test_a_drying_target_in_a_plan_is_a_goal_not_a_reading() -> None:
    found = {reading.value for reading in analyze_text(_PLAN).moisture_readings}
    assert 27.0 in found
    assert not found & {16.0, 15.0, 1.0}


def test_a_threshold_outside_a_goal_sentence_is_no_reading() -> None:
    # Given thresholds told in passing: one on a line wrapped from a goal, one as a house's normal,
    # and a visit that says every point is at or below a goal
    notes = (
        "Job 5521, 9 Kowhai Rd. Attended 03/08/2026. Hallway skirting and plasterboard wet.\n"
        "Readings (Protimeter, %WME): hallway skirting 31, plasterboard 27. Aim for plasterboard\n"
        "12 or less, skirting 16 or lower, before reinstating.\n"
        "Timber at 17% or under is usual in this house over winter.\n"
        "05/08/2026: hallway skirting 19; all other points at or below the 12 goal.\n"
    )
    found = {reading.value for reading in analyze_text(notes).moisture_readings}
    # Then only the values read are readings
    assert {31.0, 27.0, 19.0} <= found
    assert not found & {12.0, 16.0, 17.0}


def test_a_goal_clause_naming_the_meters_mode_is_a_goal_on_that_scale() -> None:
    goals = goals_in("Goal: within 4 of the ref on timber; search back under 120 on the lining.")
    assert [(goal.material_key, goal.unit, goal.value) for goal in goals] == [(None, "REL", 120.0)]
    # ("pins" alone: jobs say their pins read %MC or WME, so the sentence settles no scale; the goal is
    # on the skirting's own, which the job's readings of it settle, or on none)
    assert [(goal.material_key, goal.unit) for goal in goals_in("Goal: pins under 16 on the skirting.")] == [
        ("baseboard", OWN_SCALE)
    ]


import pytest  # noqa: E402


@pytest.mark.parametrize(
    "rule",
    [
        "Timber over 20 %MC can grow mould; the goal is 15.",
        "Anything greater than 18% will encourage decay in the bearers.",
        "Framing above 19% supports fungal growth.",
    ],
)
def test_a_rule_of_thumb_about_growth_is_no_reading(rule: str) -> None:
    notes = (
        "Attended 03/08/2026. Hallway skirting wet.\n"
        "Readings (Protimeter, %MC): hallway skirting 31, bearer 24.\n"
        f"{rule}\n"
    )
    found = {reading.value for reading in analyze_text(notes).moisture_readings}
    assert {31.0, 24.0} <= found
    assert not found & {18.0, 19.0, 20.0}


def test_a_reading_said_to_be_over_a_growth_level_is_still_read() -> None:
    # (the near miss: a value read, then compared with the level that supports growth)
    notes = (
        "Attended 03/08/2026. Hallway wet.\n"
        "Readings (%MC): hallway bearer 26, well over the 19% that supports growth.\n"
    )
    found = {reading.value for reading in analyze_text(notes).moisture_readings}
    assert 26.0 in found


@pytest.mark.parametrize(
    "line",
    [
        "12/03 C1 20, C2 17. C2 at goal (ref + 4 = 18 WME).",
        "12/03 C1 20, C2 17. Target is std+3 = 15 %MC on the framing.",
    ],
)
def test_a_standard_plus_its_margin_is_a_threshold_not_a_reading(line: str) -> None:
    text = (
        "Attended 10/03/2026, 4 Gum St, Perth WA 6000. Salon ceiling wet.\nMeter: pins, WME.\n" + line + "\n"
    )
    values = {r.value for r in analyze_text(text).moisture_readings}
    assert 18.0 not in values and 15.0 not in values
