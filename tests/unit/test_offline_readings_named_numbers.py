"""A room named by a word and its number ("treatment 1") gives no reading of that number."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_named_numbers import named_space_lead, names_numbered_area

pytestmark = pytest.mark.unit


def test_a_rooms_number_is_no_reading() -> None:
    assert names_numbered_area("D treatment 1, W wall at door 36 %", 1.0, ["Treatment room 1"])
    assert names_numbered_area("consult room 2 skirting 18", 2.0, ["Consult room 2"])
    # (the number with a scale after it is a reading; another room's number is none of its name's)
    assert not names_numbered_area("treatment 1 %", 1.0, ["Treatment room 1"])
    assert not names_numbered_area("D treatment 1, W wall 36 %", 36.0, ["Treatment room 1"])
    assert not names_numbered_area("bay 3 floor 3", 1.0, ["Treatment room 1"])


def test_a_maps_points_in_a_numbered_room_read_only_their_values() -> None:
    text = """Vet clinic, 9 Penola Rd, Mount Gambier SA. Attended 11/11/2026.
Washer hose burst: treatment room 1 wet along the west wall (vinyl, plasterboard).
Moisture map (Delmhorst, drywall scale %):
 A  treatment 1, W wall at door .......... 33 %
 B  treatment 1, W wall 1 m along ........ 21 %
"""
    values = sorted(r.value for r in analyze_text(text).moisture_readings)
    assert values == [21.0, 33.0]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("S1 Gallery 2 centre", "Gallery 2"),
        ("- W3 Ward 12B north wall @ 300 mm", "Ward 12B"),
        ("(4) Studio 3 pine skirting", "Studio 3"),
        ("Kiln 2 brick base", "Kiln 2"),
        # near misses: an address, a count that is no space, a name with nothing of a point after it
        ("Bay 3, 4410 Blackfoot Trail", None),
        ("Pump 2 ran all night", None),
        ("Gallery 2", None),
    ],
)
def test_a_space_by_its_name_and_number_opens_a_rows_words(label: str, expected: str | None) -> None:
    assert named_space_lead(label) == expected


def test_a_rows_point_then_its_space_alone_names_it_only_when_asked() -> None:
    assert named_space_lead("S-ref Gallery 1:", alone=True) == "Gallery 1"
    assert named_space_lead("Gallery 1 and the shop", alone=True) is None


def test_rows_in_spaces_the_vocabulary_does_not_know_are_not_the_room_before_them() -> None:
    text = """Storm water through the back wall, 3 Quay Rd, Nelson 7010. Attended 12/11/2026.
The office at the front is dry.
Readings (Protimeter, search mode, relative):
- K1 Kiln 2 brick base: 12/11 640, 14/11 480
- K2 Kiln 3 brick base: 12/11 590, 14/11 455
"""
    found = {(r.value, r.location, r.is_reference) for r in analyze_text(text).moisture_readings}
    assert {(640.0, "Kiln 2", False), (480.0, "Kiln 2", False), (590.0, "Kiln 3", False)} <= found
    assert not any(location == "Office" for _, location, _ in found)
