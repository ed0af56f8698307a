"""Hard-wrapped documents put back into sentences (chalicelib/analysis/offline/text.py)."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline.text import prepare_lines, unwrap_paragraphs

_STORY = (
    "Job story - storm tide, Fannie Bay\n"
    "The tropical low that sat off the coast in mid-February pushed a storm tide up the beach and at\n"
    "about 11 pm on Saturday 14 February 2026 water came over the front wall and under the door of\n"
    "the downstairs enclosure. It sat at roughly 120 mm deep for a couple of hours and drained out by\n"
    "the stormwater grate before 3 am, leaving sand and a film of grey silt over the slab. Owners rang\n"
    "us at 6:10 am on Sunday 15 February and we were on site just before 9. Readings on the first day\n"
    "showed the plasterboard of the rumpus ranged from 62 to 78 on the reference scale, and in the\n"
    "guest bedroom it read 71 by the door.\n"
    "- the rumpus room, 6.0 x 4.5 m, carpet and underlay on slab, plasterboard on timber studs;\n"
    "- the laundry, 2.4 x 1.8 m, floor tiles on slab and plasterboard walls.\n"
)


def test_a_sentence_a_wrap_broke_is_one_line_again_keeping_its_first_line_number() -> None:
    lines = unwrap_paragraphs(prepare_lines(_STORY))
    loss = next(line for line in lines if "storm tide up the beach" in line.text)
    # Then the wrapped sentence reads whole, cited at the line where it starts
    assert "beach and at about 11 pm on Saturday 14 February 2026 water came over" in loss.text
    assert loss.number == 2
    reading = next(line for line in lines if "guest bedroom it" in line.text)
    assert "and in the guest bedroom it read 71 by the door." in reading.text
    # and list items stay items of their own
    assert any(line.text.startswith("- the laundry") for line in lines)


def test_a_pdf_tables_rows_and_a_short_document_are_left_as_they_are() -> None:
    table = (
        "Kitchen (cook line and prep) 30 x 16 ft about 300 SF of floor quarry tile and grout, FRP\n"
        "Dish station 12 x 10 ft entire floor quarry tile, FRP over drywall over the block wall here\n"
        "Dry storage 16 x 10 ft entire floor sealed concrete, drywall, cardboard-packed stock on pallets\n"
        "Back hallway 35 x 5 ft back 28 ft, about 140 SF VCT, rubber cove base, drywall and trim too\n"
        "Dry storage drywall N wall, 2 in. above cove 72 48 29 16 and some notes about the point\n"
        "Dry storage drywall E wall, 2 in. above cove 58 36 21 14 and some notes about the point\n"
    )
    assert [line.text for line in unwrap_paragraphs(prepare_lines(table))] == [
        line.text for line in prepare_lines(table)
    ]
    short = "Kitchen laminate wet and lifting along the dishwasher run and the\nsink cabinet kickboard.\n"
    assert len(unwrap_paragraphs(prepare_lines(short))) == len(prepare_lines(short))


def test_a_year_set_off_by_dashes_is_prose_not_a_row_of_numbers() -> None:
    # Given an e-mail whose wrap falls just after a year set off by dashes
    mail = "\n".join(
        [
            "Morning Tess, here is what the tech told us on Tuesday when he came out to the house.",
            "He asked how old the place was and we said it was put up - 2003 - and he said there is no",
            "asbestos risk in a house that age, so they could cut the wet plasterboard without testing.",
            "He also looked in the roof space and found the insulation there was dry and could stay put.",
            "The dining room and the front bedroom were dry; only the hall and the laundry got wet.",
            "He left two fans and a dehumidifier running and said he would be back on Thursday morning.",
        ]
    )
    lines = unwrap_paragraphs(prepare_lines(mail))
    # Then the sentence the wrap broke reads whole
    assert any("there is no asbestos risk in a house that age" in line.text for line in lines)


_FILE_NOTES = (
    "FILE NOTES - claim 55120\n"
    "12/03/26 09:10 - Instruction received. The owner says the dishwasher door seal let go overnight.\n"
    "Called the owner back straight away. The drying contractor she rang herself, Dune Dry, attended\n"
    "Wed 11/3 at 8:15 am and set up two air movers and a dehumidifier in the kitchen that morning.\n"
    "12/03/26 14:40 - Rang the contractor. Kitchen vinyl and the kick boards wet; nothing else hit.\n"
    "The contractor sent photos of the kick boards, swollen along the bottom edge by about 20 mm.\n"
    "Reserve to be set once the estimate is in and the drying contractor confirms the dry readings.\n"
    "No further action needed from us until the drying is done and the final readings come through\n"
    "Thu 13/3 - contractor update: all dry.\n"
)


def test_a_day_the_wrap_parted_from_its_event_verb_goes_back_on_its_sentence() -> None:
    lines = unwrap_paragraphs(prepare_lines(_FILE_NOTES))
    assert any("Dune Dry, attended Wed 11/3 at 8:15 am" in line.text for line in lines)
    # a dated entry after a line that ends on no event verb stays an entry of its own
    assert any(line.text.startswith("Thu 13/3 - contractor update") for line in lines)


# A bracketed area opening a line goes on with the sentence the wrap broke (the wet extent said
# after what is wet); a numbered point in brackets starts an item of its own.
_FILLER = "The owner rang on the Monday morning and said the carpet had been wet since the weekend.\n" * 6
_BRACKETED_AREAS = [
    ("and the tiles in the ensuite were covered", "(6 m2) and the grout was dark."),
    ("and the den carpet was wet right through", "(120 sf), pad soaked as well."),
    ("and the decking was wet under the eaves", "(14 sq ft). Boards not cupped."),
]


@pytest.mark.parametrize(("first", "second"), _BRACKETED_AREAS)
def test_a_bracketed_area_goes_on_with_the_wrapped_sentence(first: str, second: str) -> None:
    lead = "We found water had run along the whole of the passage skirting from the laundry"
    lines = unwrap_paragraphs(prepare_lines(f"{_FILLER}{lead} {first}\n{second}\n"))
    assert any(first in line.text and second in line.text for line in lines)


def test_a_numbered_point_in_brackets_starts_its_own_item() -> None:
    lead = "We found water had run along the whole of the passage skirting from the laundry"
    text = f"{_FILLER}{lead} and we read these four points\n(1) laundry floor by the tub.\n"
    lines = unwrap_paragraphs(prepare_lines(text))
    assert any(line.text.startswith("(1) laundry floor") for line in lines)
