"""A numbered row read flat from a PDF table ("1 Toddlers' area partition plasterboard 640 210")
is in the place its words name after the point number, even one the room vocabulary does not know;
a hyphenated room ("craft-work room") keeps its whole name."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text

pytestmark = pytest.mark.unit

_NOTES = """Scout hall, 4 Pine Rd, Ballarat VIC. Attended 2026-10-02.
A frozen pipe split over the toddlers' area. Category 1.

Toddlers' area: 30 x 20 ft, carpet wet. Craft-work room (next to the toddlers' area): carpet wet.

Readings (Protimeter, relative scale):
Point Area Material 2026-10-02 2026-10-05
1 Toddlers' area partition plasterboard 640 210
2 Toddlers' area carpet edge 480 150
3 Craft-work room wall plasterboard 320 120
Batts were removed on day 1.
"""


def test_a_numbered_rows_place_follows_its_point_number() -> None:
    places = {r.value: r.location for r in analyze_text(_NOTES).moisture_readings}
    assert places[640.0] == "Toddlers' area"
    assert places[150.0] == "Toddlers' area"
    assert places[320.0] == "Craft-work room"
    assert places[120.0] == "Craft-work room"


# --- a row's code joined by a hyphen, and the scale its mode word reads on ------------------------

_HYPHENED = """Insured: R Mahoney. Address: {address}
Visit: {first}, 10:30.
Water from the unit above. {rooms} wet.

2. Readings ({meter})
{head}
{rows}
"""


@pytest.mark.parametrize(
    ("address", "first", "rooms", "meter", "head", "rows", "expected"),
    [
        (  # a unit's code, a hyphen, the point's number; pins the meter line says read WME
            "4 Gum St, Perth WA 6000",
            "10/03/2026",
            "Lounge and study",
            "Delmhorst: pins on plaster and timber in WME, search mode on ceilings, REL",
            "Point Location Material 10/03 12/03 15/03",
            "U2-1 Unit 2 lounge wall plaster (pins) 31 22 16\n"
            "U2-2 Unit 2 study wall plaster (pins) 28 19 15\n"
            "U2-3 Unit 2 lounge ceiling plasterboard (search) 410 250 180",
            {
                (31.0, "Lounge", "WME"),
                (28.0, "Study", "WME"),
                (19.0, "Study", "WME"),
                (410.0, "Lounge", "REL"),
            },
        ),
        (  # letters only before the hyphen, two digits after, other header words, "pins = WME"
            "9 Kauri Rd, Hamilton 3204, New Zealand",
            "4/5/2026",
            "Laundry and hallway",
            "Protimeter, pins = WME",
            "Code Place Material 4/5 6/5 9/5",
            "KT-10 Laundry skirting (pins) 30 24 17\nKT-11 Hallway skirting (pins) 26 20 15",
            {(30.0, "Laundry", "WME"), (17.0, "Laundry", "WME"), (26.0, "Hallway", "WME")},
        ),
        (  # the near miss: a meter line that says nothing of its pins leaves them the trade's %MC
            "9 Kauri Rd, Hamilton 3204, New Zealand",
            "4/5/2026",
            "Laundry and hallway",
            "Protimeter",
            "Code Place Material 4/5 6/5 9/5",
            "KT-10 Laundry skirting (pins) 30 24 17\nKT-11 Hallway skirting (pins) 26 20 15",
            {(30.0, "Laundry", "%MC"), (26.0, "Hallway", "%MC")},
        ),
    ],
)
def test_a_hyphen_joined_row_code_is_one_point_on_the_scale_its_mode_reads(
    address: str,
    first: str,
    rooms: str,
    meter: str,
    head: str,
    rows: str,
    expected: set[tuple[float, str, str]],
) -> None:
    text = _HYPHENED.format(address=address, first=first, rooms=rooms, meter=meter, head=head, rows=rows)
    found = {(r.value, r.location, r.unit) for r in analyze_text(text).moisture_readings}
    assert expected <= found
    # (each row its own point: no row takes the room of the first row its code's letters began)
    assert not {(v, room) for v, room, _ in found} & {(28.0, "Lounge"), (26.0, "Laundry")}


@pytest.mark.parametrize("code", ["DS1", "MP4", "STD2"])
def test_a_row_coded_by_two_or_three_letters_and_a_number_reads_as_its_point(code: str) -> None:
    text = (
        "Insured: R Mahoney. Address: 4 Gum St, Perth WA 6000\n"
        "Visit: 10/03/2026, 10:30.\n"
        "Water from the unit above. Hallway wet; the lounge is the dry standard.\n\n"
        "Points\n"
        f"H1 hallway wall plaster - search\n{code} lounge wall plaster (dry standard) - search\n\n"
        "Readings (REL)\n"
        "Point 10/03 12/03 15/03\n"
        "H1 410 300 220\n"
        f"{code} 180 - 185\n"
    )
    found = {(r.value, r.location, r.is_reference) for r in analyze_text(text).moisture_readings}
    assert {(180.0, "Lounge", True), (185.0, "Lounge", True), (410.0, "Hallway", False)} <= found


@pytest.mark.parametrize("shorthand", ["BR2", "WC1"])
def test_a_rooms_shorthand_opening_a_part_is_the_room_not_a_point(shorthand: str) -> None:
    text = (
        "Attended 15/11/2026, 4 Gum St, Perth WA 6000. Burst pipe; hall and bedroom 2 wet.\n"
        f"Readings: hall drywall 38%, {shorthand} drywall by the door 31%.\n"
    )
    assert all(r.point != shorthand for r in analyze_text(text).moisture_readings)
