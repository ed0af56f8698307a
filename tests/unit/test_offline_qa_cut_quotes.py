"""QA rereads the evidence a grade cites; a quote the cited span cut short is still a quote."""

from __future__ import annotations

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.water_sources import QUOTED, classify_water_source
from chalicelib.analysis.qa import check_findings

_PADDING = (
    "The meter room supply feeds the wet riser, no additives or glycol in the loop, and the fitter "
    "confirmed the valve set was flushed at the last annual service before winter started. "
)


def _errors(text: str) -> list[str]:
    return [issue.code for issue in check_findings(analyze_text(text)).issues if issue.severity == "error"]


def test_a_stated_category_is_not_held_for_a_dirtier_source_quoted_past_the_cut() -> None:
    # Given a long line stating Category 1, whose overruled opinion is quoted where the span is cut
    text = (
        "Claim GH-20331 - 4 Tamar St, Launceston TAS 7250\n"
        "Loss 02/12/2026: fire sprinkler head in the foyer ceiling froze and split. Attended 02/12/2026.\n"
        f"Category 1 - clean mains sprinkler water. {_PADDING}The tenant's agent wrote "
        '"Category 3 sewage-grade black water from an old fire line" in her e-mail; that is not so.\n'
        "Foyer 6 x 4 m: carpet tiles wet over 10 m2.\n"
    )
    # Then QA does not call the writer's Category 1 inconsistent with the agent's quoted source
    assert "CATEGORY_INCONSISTENT_WITH_CAUSE" not in _errors(text)


def test_a_quote_cut_by_an_ellipsis_is_quoted_up_to_the_cut() -> None:
    # Given spans cut in the middle of a quote, with straight and curly quotes
    straight = 'the super said "raw sewage from the stack, cat 3 for sure and\u2026'
    curly = "the neighbour wrote \u201cblack water off the sewer main\u2026"
    # Then the rest of each span is quoted, so the source is someone else's view
    assert QUOTED.search(straight) and QUOTED.search(curly)
    assert classify_water_source(straight, own_only=True) is None
    assert classify_water_source(curly, own_only=True) is None
    # And a closed quote followed by the writer's own words still leaves those words unquoted
    assert classify_water_source('the super said "clean" but sewage came up the floor waste', own_only=True)
