"""The same work told twice, in the day's log and in the claim's summary, is one line item."""

from __future__ import annotations

from chalicelib.analysis import analyze_text


def _items(text: str) -> list[tuple[str | None, float | None, str | None]]:
    return [(item.action, item.quantity, item.unit) for item in analyze_text(text).scope_of_work]


def test_work_logged_and_then_summarised_is_listed_once() -> None:
    # Given skirting pulled in the log and then billed to pull and refit in the summary
    notes = (
        "Laundry: vinyl wet, water under the cabinets.\n"
        "12/03: removed the kickboards on the laundry cabinets (3 LF) to vent the void.\n"
        "Claim items: remove and refit kickboards 3 LF; 1 air mover x 2 days.\n"
    )
    # Then the kickboards are one item
    assert [item for item in _items(notes) if item[1:] == (3.0, "lf")] == [("remove", 3.0, "lf")]


def test_different_work_on_the_same_measure_stays_two_items() -> None:
    # Given the same measure taken up, then laid new
    notes = (
        "Hallway: carpet and underlay wet.\nScope: remove underlay 9 m2; supply and lay new underlay 9 m2.\n"
    )
    assert len([item for item in _items(notes) if item[1:] == (9.0, "m2")]) == 2
    # Nor are two materials with one measure the same work
    notes = "Scope: remove ceiling tiles 4 m2.\n12/03: removed carpet tiles 4 m2 in the corridor.\n"
    assert len([item for item in _items(notes) if item[1:] == (4.0, "m2")]) == 2


def test_a_logs_parts_of_a_summarised_total_are_not_billed_again() -> None:
    # Given underlay pulled room by room in the log and billed as one total
    notes = (
        "We lifted the wet underlay (3 m2 hall, 1.5 m2 study) and bagged it.\n"
        "Scope for the claim: remove and dispose underlay 4.5 m2, lay new underlay 4.5 m2.\n"
    )
    # Then the total stands and its parts go
    assert sorted(item[1] or 0.0 for item in _items(notes) if item[2] == "m2") == [4.5, 4.5]
    # But parts taken up and a total laid new are different work
    notes = (
        "We removed and disposed of the underlay, 3 m2 in the hall and 1.5 m2 in the study.\n"
        "Still to do: supply and lay new underlay, 4.5 m2 across the hall and study.\n"
    )
    assert sorted(item[1] or 0.0 for item in _items(notes) if item[2] == "m2") == [1.5, 3.0, 4.5]
