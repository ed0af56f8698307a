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
