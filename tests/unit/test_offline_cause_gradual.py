"""A slow leak or wet air as a mould inspector states the cause: a seal or trap that had been
weeping, failed waterproofing, a fan discharging into the roof space."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text


@pytest.mark.parametrize(
    "line",
    [
        "The basin waste and the toilet seal had both been weeping behind the cabinet for months.",
        "On opening the cabinet the compression nut was loose and had been dripping onto the base.",
        "The cold tap body in the wall was found cracked and weeping into the cavity.",
        "Our finding: the tiled shower's waterproofing has failed along the hob.",
        "Flood test at the corner showed it: waterproofing under the niche has failed.",
        "The laundry exhaust fan vents straight into the roof space; there is no duct.",
    ],
)
def test_a_slow_leak_or_wet_air_told_by_a_mould_inspector_is_the_cause(line: str) -> None:
    # Given a mould assessment whose only cause is told in the inspector's words
    text = f"Mould assessment, 3 Tern Close, Ballarat VIC 3350\n{line}\nCondition 3 growth on the wall.\n"
    # Then the cause is read
    assert analyze_text(text).cause_of_loss is not None


def test_a_mould_assessment_naming_no_source_has_no_cause() -> None:
    # Given an assessment that finds growth but names nothing that leaked
    text = "Mould assessment, 3 Tern Close, Ballarat VIC 3350\nCondition 2 in the robe; source not found.\n"
    # Then no cause is read
    assert analyze_text(text).cause_of_loss is None


def test_waterproofing_said_sound_is_no_cause() -> None:
    text = (
        "Mould assessment, 3 Tern Close, Ballarat VIC 3350\n"
        "The waterproofing was not failed on test; source not found.\nCondition 2 in the robe.\n"
    )
    assert analyze_text(text).cause_of_loss is None
