"""A failed part told with what happened to it a few words on: "the hot valve spindle cracked",
"the nut on the basin trap had worked loose", "the oven's thermostat shorted"."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text


@pytest.mark.parametrize(
    "line",
    [
        "Loss: laundry tap set - the hot valve spindle cracked mid-morning and sprayed the wall.",
        "The compression nut on the basin trap had worked loose and the cupboard base was soaked.",
        "The push-fit coupling under the vanity blew off while the owners were out.",
        "The oven's thermostat shorted and the cabinet beside it caught.",
    ],
)
def test_a_failed_part_told_a_few_words_on_is_the_cause(line: str) -> None:
    text = f"Job 4410 - 12 Wattle Rd, Orange NSW 2800\n{line}\nCarpet and underlay wet in the hall.\n"
    assert analyze_text(text).cause_of_loss is not None


def test_a_part_said_not_to_have_failed_is_no_cause() -> None:
    text = (
        "Job 4411 - 12 Wattle Rd, Orange NSW 2800\n"
        "The basin trap was not cracked and the valve was not leaking; source still unknown.\n"
    )
    assert analyze_text(text).cause_of_loss is None


@pytest.mark.parametrize(
    ("line", "cause"),
    [
        (
            '- call-centre note says "stormwater, cat 1" - NO. sewer main surcharged via the floor waste.',
            "sewer main surcharged via the floor waste",
        ),
        (
            'Work order says "dishwasher leak" - wrong, the flexi hose to the sink mixer burst.',
            "the flexi hose to the sink mixer burst",
        ),
    ],
)
def test_a_quote_the_writer_refutes_is_left_out_of_the_cause(line: str, cause: str) -> None:
    # Given someone else's word for the loss, quoted and refuted, then the writer's own account
    text = f"Job 4411 - 3 Banksia Ct, Dubbo NSW 2830\n{line}\nKitchen vinyl and skirting wet.\n"
    found = analyze_text(text).cause_of_loss
    # Then the report's cause is the writer's account, without the quote it set aside
    assert found is not None and found == cause


def test_a_quote_the_writer_does_not_refute_stays_in_its_sentence() -> None:
    text = 'Job 4412\nThe card says "toilet overflow" and the bowl overflowed onto the floor.\nBath wet.\n'
    found = analyze_text(text).cause_of_loss
    assert found is not None and found.startswith("The card says")


@pytest.mark.parametrize(
    "line",
    [
        "Tuesday night a tea light on the bookcase set fire to the paper blind beside it.",
        "The drill battery on the bench went into thermal runaway while charging.",
    ],
)
def test_a_fire_told_by_what_set_it_alight_is_the_cause(line: str) -> None:
    text = f"Job 4412 - 12 Wattle Rd, Orange NSW 2800\n{line}\nSoot on the lounge ceiling and walls.\n"
    assert analyze_text(text).cause_of_loss is not None


def test_a_fire_safety_note_naming_no_ignition_is_no_cause() -> None:
    text = (
        "Job 4413 - 12 Wattle Rd, Orange NSW 2800\n"
        "Told the owner never to leave candles burning; smoke alarm tested.\nWalls clean.\n"
    )
    assert analyze_text(text).cause_of_loss is None


def test_a_fire_told_as_the_part_that_caught_is_the_cause() -> None:
    text = (
        "Job 4414 - 12 Wattle Rd, Orange NSW 2800\nThe range hood filter above the fryer caught.\n"
        "Soot on the ceiling.\n"
    )
    assert analyze_text(text).cause_of_loss is not None


def test_a_leak_that_was_caught_is_no_fire() -> None:
    text = "Job 4415 - 12 Wattle Rd, Orange NSW 2800\nLuckily the drip was caught.\nCeiling dry.\n"
    assert analyze_text(text).cause_of_loss is None


@pytest.mark.parametrize(
    ("line", "told"),
    [
        # a fitting that let go, by its own name, with words between it and the room
        ("The braided flexi to the ensuite basin cold tap had let go at its crimp.", "had let go"),
        ("A push-fit joiner under the laundry trough gave way on the Sunday night.", "gave way"),
        ("Hose to the fridge ice maker blew off the back of the unit.", "blew off"),
    ],
)
def test_a_fitting_that_let_go_is_the_cause(line: str, told: str) -> None:
    text = f"Job 4412 - 3 Banksia Ct, Bunbury WA 6230\n{line}\nVinyl in the kitchen wet.\n"
    cause = analyze_text(text).cause_of_loss
    assert cause is not None and told in cause


@pytest.mark.parametrize(
    "question",
    [
        "The tenant wondered whether it counted as grey water because it ran past the laundry.",
        "Owner asked if it was sewage from the basin, since the floor smelt.",
    ],
)
def test_a_question_about_the_water_is_no_cause_and_the_writers_own_account_is(question: str) -> None:
    # Given a question about the water's grade before the writer's own account of what failed
    text = (
        "Job 4413 - 3 Banksia Ct, Bunbury WA 6230\n"
        f"{question} Not so: clean mains water.\n"
        "The braided flexi on the kitchen mixer had let go overnight.\n"
    )
    cause = analyze_text(text).cause_of_loss
    # Then the cause is the fitting, never the question
    assert cause is not None and "let go" in cause


def test_a_question_alone_leaves_the_cause_undetermined() -> None:
    # the near miss: a question and nothing that failed
    text = "Job 4414 - 3 Banksia Ct, Bunbury WA 6230\nOwner asked if it was grey water from the basin.\n"
    assert analyze_text(text).cause_of_loss is None


@pytest.mark.parametrize(
    ("line", "told"),
    [
        # a hose or pipe told, then what it did a few words on, after the writer's lead-in
        (
            "Short version for the file: on Sunday night the pipe behind our laundry tub split.",
            "on Sunday night the pipe behind our laundry tub split",
        ),
        ("The flexi feeding the bathroom vanity cold tap burst at about 3 am.", "burst at about 3 am"),
    ],
)
def test_a_hose_or_pipe_that_burst_a_few_words_on_is_the_cause(line: str, told: str) -> None:
    text = f"Job 4415 - 3 Banksia Ct, Bunbury WA 6230\n{line}\nVinyl in the laundry wet.\n"
    cause = analyze_text(text).cause_of_loss
    assert cause is not None and cause.endswith(told) and ":" not in cause


def test_a_pipe_said_not_to_have_burst_is_no_cause() -> None:
    # the near miss: the same words with the writer's denial between them
    text = "Job 4416 - 3 Banksia Ct, Bunbury WA 6230\nThe pipe behind the tub was not split; unknown.\n"
    assert analyze_text(text).cause_of_loss is None


def test_an_e_mails_subject_only_names_the_matter_and_the_body_tells_the_cause() -> None:
    # Given an owner's e-mail whose subject names the leak and whose body tells what failed
    text = (
        "From: A. Owner\n"
        "Subject: Claim 8812 - water damage due to a laundry leak, 4 Reed St, Mandurah WA 6210\n"
        "\n"
        "Hi, on Tuesday the hose on the back of our washing machine split and flooded the laundry.\n"
    )
    cause = analyze_text(text).cause_of_loss
    # Then the cause is the body's account, not the subject line
    assert cause is not None and "split" in cause and "Subject" not in cause


def test_an_e_mails_subject_is_the_cause_when_the_body_tells_none() -> None:
    text = "From: A. Owner\nSubject: Burst pipe under the kitchen sink\n\nPhotos attached, call me.\n"
    cause = analyze_text(text).cause_of_loss
    assert cause is not None and "Burst pipe" in cause


def test_a_colon_in_an_aside_is_no_lead_in() -> None:
    # the near miss: a colon inside brackets belongs to the aside, the sentence's start stays
    text = (
        "Job 4417 - 3 Banksia Ct, Bunbury WA 6230\n"
        "On Friday the washer in unit 6 (tenant: Ms Ola Brandt) was running when its drain hose popped off.\n"
    )
    cause = analyze_text(text).cause_of_loss
    assert cause is not None and cause.startswith("On Friday the washer in unit 6")
