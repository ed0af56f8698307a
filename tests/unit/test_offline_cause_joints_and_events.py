"""The cause told by the part that let go, each with its near miss: a line named by what it carries
that split, a tail pulled out of its fitting, a slow drip at a joint, an "Event:" label that names
the loss; and laminate that cupped, which is no bound water for the class."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text


def _cause(text: str) -> str | None:
    return analyze_text(text).cause_of_loss


# A part of the plumbing that let go, told with the words between it and its failure.
_PARTS = [
    (
        "Site: 9 Mill Rd, Oamaru 9400\nLoss: copper feed line to the espresso machine under the front"
        " counter split at 16:10 on Tue 09/02/2027; staff isolated it.\nAttended 10/02/2027. Cafe floor"
        " boards wet.\n",
        "feed line",
    ),
    (
        "Site: 9 Mill Rd, Oamaru 9400\nAround 5 am the poly feed line to the stock trough in the paddock"
        " shed split along a seam.\nAttended 10/02/2027. Shed floor boards wet.\n",
        "feed line",
    ),
    (
        "Claim 55-2201, 8 Ash Grove, Leeds LS6 2QJ\nCircumstances. Around 10 pm the braided tail to the"
        " kitchen mixer pulled out of its crimp fitting and sprayed under the sink.\n"
        "Visit 14/02/2027. Kitchen units wet.\n",
        "pulled out of its crimp fitting",
    ),
    (
        "Claim 55-2202, 3 Elm Row, York YO1 7HH\nThe flexi to the dishwasher pulled free of its connector"
        " at about 8 pm and sprayed the kitchen.\nVisit 14/02/2027. Kitchen units wet.\n",
        "pulled free of its connector",
    ),
    (
        "Mould survey - 31 Birch Lane, Boulder CO 80302\nBackground (from the owner)\n"
        "* Slow drip at the basin waste slip joint, found 01/02/2027 by the owner; fixed 01/03/2027.\n"
        "Observations\n* Growth on the vanity back panel. Visit 02/15/2027.\n",
        "drip at the basin waste slip joint",
    ),
    (
        "Crawlspace mold survey - 8 Pine Ct, Fort Collins CO 80521\nOwner's account\n"
        "- steady drip from the dishwasher supply olive under the island, found 01/20/2027 by her plumber.\n"
        "Findings\n- Visible growth on two joists. Visit 02/15/2027.\n",
        "drip from the dishwasher supply olive",
    ),
]


@pytest.mark.parametrize(("text", "words"), _PARTS)
def test_a_part_that_let_go_is_the_cause(text: str, words: str) -> None:
    # Given notes that tell a line, a tail or a joint that failed, words between the part and its failure
    # When the cause is read
    # Then the sentence naming the part is the cause
    cause = _cause(text)
    assert cause is not None and words in cause


def test_a_joint_checked_dry_is_no_drip() -> None:
    # Given a joint looked at for a drip and found dry, and no water told anywhere
    text = (
        "Inspection - 31 Birch Lane, Boulder CO 80302\nVisit 02/15/2027. Looked for a drip at the"
        " vanity trap joint: it was dry and tight. Nothing else to note.\n"
    )
    # When the cause is read
    # Then nothing is made up
    assert _cause(text) is None


def test_an_event_label_names_the_loss() -> None:
    # Given an "Event:" field that names a fire
    text = (
        "Site notes - 12 Kirk Wynd, Dundee DD1 4JB\nEvent: kettle fire on the bench, Sat 14/11/2027"
        " about 7 am. Put out with a blanket.\nAttended 15/11/2027. Soot on the kitchen ceiling.\n"
    )
    # When the cause is read
    # Then the field's value is the cause
    cause = _cause(text)
    assert cause is not None and "kettle fire" in cause


def test_an_event_label_that_names_no_loss_is_no_cause() -> None:
    # Given an "Event:" field that names only a meeting
    text = (
        "Site notes - 12 Kirk Wynd, Dundee DD1 4JB\nEvent: site meeting with the owner and the agent.\n"
        "Attended 15/11/2027.\n"
    )
    # When the cause is read
    # Then the meeting is not a cause
    assert _cause(text) is None


def _class(text: str) -> int | None:
    grade = analyze_text(text).water_class
    return grade.value if grade else None


_LAMINATE = [
    (
        "Claim 88-2, 9 Reed St, Busselton WA 6280\nWasher overflow. Class 2 per contractor, and I agree.\n"
        "Laundry 2.0 x 1.8 m: hybrid vinyl planks crowned along the joints.\n"
        "Hallway 6 x 1.1 m: carpet and underlay, skirting wicking.\n",
        2,
    ),
    (
        "Claim 31-7, 40 Quay Rd, Napier 4110\nDishwasher inlet hose split under the bench.\n"
        "Kitchen 3.8 x 3.1 m: laminate boards cupped along every joint.\n"
        "Lounge 5 x 4 m: carpet and underlay, gib wicking at the kitchen wall.\nClass 2.\n",
        None,
    ),
]


@pytest.mark.parametrize(("text", "expected"), _LAMINATE)
def test_laminate_that_cupped_is_no_bound_water(text: str, expected: int | None) -> None:
    # Given a stated Class 2, with laminate or hybrid boards cupped or crowned among the damage
    # When the class is read
    # Then the cupping does not make it Class 4 (the stated class, or none when nothing else decides)
    assert _class(text) == expected


def test_hardwood_that_cupped_is_still_bound_water() -> None:
    # Given solid oak strip flooring cupped over a slab, with nothing light wet
    text = (
        "Claim 88-3, 2 Lake Rd, Perth WA 6000\nHot water unit let go in the hall cupboard.\n"
        "Hall 5.0 x 1.2 m: solid oak strip flooring cupped badly over the slab.\n"
    )
    # When the class is read
    # Then bound water in the hardwood makes it Class 4
    assert _class(text) == 4
