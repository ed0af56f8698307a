"""Numeric dates that could be day-first or month-first, read the way that keeps them near."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis import analyze_text


def test_an_ambiguous_visit_date_reads_the_way_that_keeps_it_beside_a_known_one() -> None:
    # Given notes from a province with no settled date order: a visit written with the month's
    # name, then a visit written 11/06 (6 November, or 11 June: only one is near the first)
    findings = analyze_text(
        "Site: 40 Larch Rd, Kelowna BC V1Y 2K4\n"
        "Nov 5, 2026 - first visit\n"
        "Readings: kitchen drywall 40%\n"
        "\n"
        "11/06 10:00\n"
        "Readings: kitchen drywall 22%\n"
    )
    # When the readings are dated
    dates = [reading.taken_on for reading in findings.moisture_readings]
    # Then the second visit is the next day, not seven months before
    assert dates == [date(2026, 11, 5), date(2026, 11, 6)]


def test_an_ambiguous_date_far_from_any_known_one_stays_undetermined() -> None:
    # Given the same order problem with no date nearby to settle it
    findings = analyze_text("Site: 40 Larch Rd, Kelowna BC V1Y 2K4\nDate of loss: 04/05/2026\n")
    # Then the date of loss is left undetermined rather than guessed
    assert findings.job.date_of_loss is None
