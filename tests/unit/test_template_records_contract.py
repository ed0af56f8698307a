"""The memory double of the report-template store answers as the DynamoDB adapter does: the same
calls made on each (moto's DynamoDB behind the adapter) give the same versions, heads, listings and
refusals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from chalicelib.aws.template_records import DynamoTemplateRecords
from chalicelib.core.ports import TemplateRecords
from chalicelib.core.template_models import ReportTemplate, TemplateHead
from chalicelib.core.templates import built_in_versions
from tests.aws_answers import workflows_table
from tests.memory_accounts import MemoryTemplateRecords
from tests.store_contract import assert_double_answers_as_adapter, outcome

pytestmark = pytest.mark.unit

START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@contextmanager
def _memory() -> Iterator[TemplateRecords]:
    yield MemoryTemplateRecords()


@contextmanager
def _dynamodb() -> Iterator[TemplateRecords]:
    with workflows_table() as table:
        yield DynamoTemplateRecords(table)


STORES: dict[str, Callable[[], AbstractContextManager[TemplateRecords]]] = {
    "memory": _memory,
    "dynamodb": _dynamodb,
}


def _version(
    template_id: str, version: int, org_id: str | None, name: str
) -> tuple[ReportTemplate, TemplateHead]:
    base = next(iter(built_in_versions().values()))
    made = START + timedelta(hours=version)
    template = base.model_copy(
        update={
            "id": template_id,
            "version": version,
            "built_in": org_id is None,
            "org_id": org_id,
            "name": name,
            "created_by": "alice" if org_id else None,
            "created_at": made,
        }
    )
    head = TemplateHead(
        id=template_id,
        name=name,
        loss_types=template.loss_types,
        latest_version=version,
        built_in=org_id is None,
        org_id=org_id,
        updated_at=made,
    )
    return template, head


def _transcript(store: TemplateRecords) -> dict[str, Any]:
    said: dict[str, Any] = {}
    own, other = "tpl_" + "b" * 32, "tpl_" + "a" * 32
    store.add_version(*_version(own, 1, "org_alpha", "Water, first cut"))
    store.add_version(*_version(own, 2, "org_alpha", "Water, with drying log"))
    store.add_version(*_version(other, 1, "org_alpha", "Mould"))
    said["same version again"] = outcome(lambda: store.add_version(*_version(own, 2, "org_alpha", "Racer")))
    # A racer's older head arriving late never moves the head back.
    template, stale_head = _version(own, 1, "org_alpha", "Water, first cut")
    store.add_version(template.model_copy(update={"version": 3}), stale_head)
    said["head"] = store.get_head(own)
    said["latest"] = (store.latest_version(own), store.latest_version("tpl_" + "c" * 32))
    said["version 1"] = store.get_version(own, 1)
    said["missing version"] = store.get_version(own, 9)
    said["missing head"] = store.get_head("tpl_" + "c" * 32)
    store.share(own, "org_beta")
    store.share(own, "org_beta")  # sharing twice changes nothing
    store.share(own, "org_gamma")
    said["shared"] = store.get_head(own)
    said["beta lists"] = [head.id for head in store.list_for_org("org_beta")]
    said["alpha lists"] = [head.id for head in store.list_for_org("org_alpha")]
    said["unshared"] = (store.unshare(own, "org_beta"), store.unshare(own, "org_beta"))
    said["never shared"] = store.unshare(own, "org_delta")
    said["beta lists after"] = [head.id for head in store.list_for_org("org_beta")]
    store.retire(other)
    said["retired"] = store.get_head(other)
    said["retire a missing template"] = outcome(lambda: store.retire("tpl_" + "c" * 32))
    said["share a missing template"] = outcome(lambda: store.share("tpl_" + "c" * 32, "org_beta"))
    return said


@pytest.mark.parametrize("name", sorted(STORES))
def test_store_answers_as_the_port_promises(name: str) -> None:
    with STORES[name]() as store:
        said = _transcript(store)

    assert said["same version again"] == "ConditionFailed"
    assert said["head"].latest_version == 2 and said["head"].name == "Water, with drying log"
    assert said["latest"] == (3, 0)
    assert said["version 1"].name == "Water, first cut" and said["version 1"].created_by == "alice"
    assert said["missing version"] is None and said["missing head"] is None
    assert said["shared"].shared_with == ["org_beta", "org_gamma"]
    assert said["beta lists"] == ["tpl_" + "b" * 32]
    assert said["alpha lists"] == ["tpl_" + "a" * 32, "tpl_" + "b" * 32]
    assert said["unshared"] == (True, False)
    assert said["never shared"] is False
    assert said["beta lists after"] == []
    assert said["retired"].retired is True
    assert said["retire a missing template"] == "ConditionFailed"
    assert said["share a missing template"] == "ConditionFailed"


def test_memory_double_answers_as_the_dynamodb_adapter() -> None:
    assert_double_answers_as_adapter(STORES, _transcript)
