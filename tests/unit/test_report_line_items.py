"""Scope lines coded from the line-item catalogue: the shipped default, a user's own from their
settings (validated; a bad one changes nothing), and the codes in the JSON and the CSV."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from chalicelib.analysis.findings import ScopeItem, SourceSpan
from chalicelib.core import user_settings
from chalicelib.core.models import LineItemCatalogue, UserSettingsRequest
from chalicelib.report.blocks import Table
from chalicelib.report.line_items import DEFAULT_CATALOGUE_PATH, default_catalogue, line_items, unit_name
from chalicelib.report.scope_section import scope_section
from tests.memory_ports import MemoryPorts


def _item(description: str, action: str | None, material: str | None, unit: str = "m2") -> ScopeItem:
    return ScopeItem(
        description=description,
        action=action,
        material=material,
        quantity=6,
        unit=unit,
        source=SourceSpan(line=21, text=description, page=2),
    )


OURS = {
    "system": "Our estimator",
    "entries": [
        {"action": "remove", "material": "underlay", "category": "WTR", "selector": "PADR"},
        {"action": "*", "material": "*", "category": "GEN", "selector": "MISC"},
    ],
}


def test_the_shipped_catalogue_is_valid_and_maps_the_common_lines() -> None:
    # Given the default file, read as any user's catalogue would be
    catalogue = LineItemCatalogue.model_validate(
        json.loads(DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8"))
    )
    assert catalogue == default_catalogue()
    # When scope lines are coded with it
    items = line_items(
        [
            _item("Remove and dispose of wet carpet underlay 6 m2", "remove", "carpet underlay"),
            _item("Remove skirting boards kitchen 7.8 lm", "remove", "skirting boards", "lm"),
            _item("Detach and reset dishwasher 1 ea", "detach and reset", "dishwasher", "ea"),
            _item("Monitoring and moisture mapping 3 hours", None, "Monitoring and moisture mapping", "hrs"),
            _item("Paint the fence", "paint", "fence"),
        ]
    )
    # Then the first matching entry gives each its codes, in order of specificity
    assert [(i.category, i.selector, i.mapped) for i in items] == [
        ("WATER", "PAD-RMV", True),
        ("FINISH", "BASE-RMV", True),
        ("APPLIANCE", "DW-DR", True),
        ("WATER", "MONITOR-HR", True),
        (None, None, False),  # nothing matches painting: no code is guessed
    ]
    # And units are named as an estimate names them; the source is the line (and page)
    assert [i.unit for i in items] == ["m\u00b2", "lm", "each", "hours", "m\u00b2"]
    assert (items[0].number, items[0].source, items[0].line, items[0].page) == (1, "p. 2, line 21", 21, 2)
    assert unit_name("sq ft") == "ft\u00b2" and unit_name("bags") == "bags"


def test_a_users_catalogue_replaces_the_default() -> None:
    items = line_items(
        [_item("Remove underlay", "remove", "underlay"), _item("Paint the fence", "paint", "fence")],
        LineItemCatalogue.model_validate(OURS),
    )
    assert [(i.category, i.selector) for i in items] == [("WTR", "PADR"), ("GEN", "MISC")]


@pytest.mark.parametrize(
    "bad",
    [
        {"system": "x", "entries": []},  # nothing to map with
        {
            "system": "x",
            "entries": [{"action": "remove", "material": "*", "category": "=HYPERLINK(1)", "selector": "A"}],
        },
        {"system": "x", "entries": [{"action": "remove", "material": "*", "category": "A"}]},  # no selector
        {"system": "x", "entries": [{"action": "", "material": "*", "category": "A", "selector": "B"}]},
        {
            "system": "x",
            "entries": [{"action": "a", "material": "*", "category": "A", "selector": "B", "x": 1}],
        },
        {"entries": [{"action": "a", "material": "*", "category": "A", "selector": "B"}]},  # no system
    ],
)
def test_a_bad_catalogue_is_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        UserSettingsRequest.model_validate({"lineItemCatalogue": bad})


def test_settings_change_only_what_is_sent() -> None:
    # Given a user who asked for review
    ports = MemoryPorts()
    user_settings.update(ports, "u1", UserSettingsRequest.model_validate({"reviewRequired": True}))
    # When they set a catalogue, then reset it to the default
    saved = user_settings.update(ports, "u1", UserSettingsRequest.model_validate({"lineItemCatalogue": OURS}))
    # Then review stays asked for, and the catalogue is theirs, then the default again
    assert saved.review_required is True
    assert user_settings.line_item_catalogue(ports, "u1") == LineItemCatalogue.model_validate(OURS)
    user_settings.update(ports, "u1", UserSettingsRequest.model_validate({"lineItemCatalogue": None}))
    assert user_settings.line_item_catalogue(ports, "u1") is None
    assert user_settings.read(ports, "u1").review_required is True
    # And an empty body, or a null review flag, is refused
    for body in ({}, {"reviewRequired": None}):
        with pytest.raises(ValidationError):
            UserSettingsRequest.model_validate(body)


def test_a_line_the_catalogue_cannot_code_shows_no_code_not_a_word_of_ours() -> None:
    # Given a scope with one line the default catalogue codes and one it has no entry for
    items = line_items(
        [
            _item("Remove and dispose of wet carpet underlay 6 m2", "remove", "carpet underlay"),
            _item("Seal the ceiling with stain-block 6 m2", "paint", "ceiling"),
        ]
    )
    # When the report's scope section is built
    rows = scope_section(items).blocks[1]
    # Then the coded line carries its code and the other a dash the insurer reads as "none",
    # never an internal word like "unmapped"
    assert isinstance(rows, Table)
    assert [row[6] for row in rows.rows] == ["WATER PAD-RMV", "\u2014"]
