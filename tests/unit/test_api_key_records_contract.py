"""The memory double of the API-key store answers as the DynamoDB adapter does: the same calls
made on each (moto's DynamoDB behind the adapter) give the same keys, order, refusals and uses
recorded."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from chalicelib.aws.api_key_records import DynamoApiKeyRecords
from chalicelib.core.models import ApiKey
from chalicelib.core.ports import ApiKeyRecords, ConditionFailed
from tests.aws_answers import workflows_table
from tests.memory_accounts import MemoryApiKeyRecords
from tests.store_contract import assert_double_answers_as_adapter

pytestmark = pytest.mark.unit

START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@contextmanager
def _memory() -> Iterator[ApiKeyRecords]:
    yield MemoryApiKeyRecords()


@contextmanager
def _dynamodb() -> Iterator[ApiKeyRecords]:
    with workflows_table() as table:
        yield DynamoApiKeyRecords(table)


Store = Callable[[], AbstractContextManager[ApiKeyRecords]]
STORES: dict[str, Store] = {"memory": _memory, "dynamodb": _dynamodb}


def _key(n: int, *, user: str = "alice", seconds: int | None = None) -> ApiKey:
    return ApiKey(
        id=f"ak_{n:02d}",
        user_id=user,
        name=f"Field app {n}",
        prefix=f"ra_{n:02d}",
        created_at=START + timedelta(seconds=n if seconds is None else seconds),
    )


def _refused(action: Callable[[], Any]) -> bool:
    try:
        action()
    except ConditionFailed:
        return True
    return False


def _transcript(store: ApiKeyRecords) -> dict[str, Any]:
    said: dict[str, Any] = {}
    # Four of alice's keys (two made in the same millisecond, put in the other order) and bob's
    for n, seconds in ((0, None), (1, None), (3, 2), (2, 2)):
        store.put(_key(n, seconds=seconds), f"hash-{n}")
    store.put(_key(9, user="bob"), "hash-9")
    said["put again"] = _refused(lambda: store.put(_key(0), "other"))
    said["listed"] = [key.id for key in store.list_for_user("alice")]
    said["got"] = store.get("ak_01")
    said["missing"] = store.get("ak_77")
    # Revoking: only one's own live key
    said["revoke bob's"] = _refused(lambda: store.revoke("ak_09", "alice", "2026-11-21T00:00:00.000Z"))
    said["revoke missing"] = _refused(lambda: store.revoke("ak_77", "alice", "2026-11-21T00:00:00.000Z"))
    said["revoke"] = _refused(lambda: store.revoke("ak_01", "alice", "2026-11-21T00:00:00.000Z"))
    said["revoke twice"] = _refused(lambda: store.revoke("ak_01", "alice", "2026-11-22T00:00:00.000Z"))
    revoked = store.get("ak_01")
    said["revoked at"] = revoked[0].revoked_at if revoked else None
    # Uses: one recorded per interval
    said["touches"] = [
        store.touch("ak_00", "2026-11-21T10:00:00.000Z", "2026-11-21T09:00:00.000Z"),
        store.touch("ak_00", "2026-11-21T10:30:00.000Z", "2026-11-21T09:30:00.000Z"),
        store.touch("ak_00", "2026-11-21T11:30:00.000Z", "2026-11-21T10:30:00.000Z"),
        store.touch("ak_77", "2026-11-21T11:30:00.000Z", "2026-11-21T10:30:00.000Z"),
    ]
    used = store.get("ak_00")
    said["last used"] = used[0].last_used_at if used else None
    return said


@pytest.mark.parametrize("name", sorted(STORES))
def test_store_answers_as_the_port_promises(name: str) -> None:
    with STORES[name]() as store:
        said = _transcript(store)

    assert said["put again"] is True
    # newest first; two made in the same millisecond in one order, every time
    assert said["listed"] == ["ak_03", "ak_02", "ak_01", "ak_00"]
    assert said["got"] is not None and said["got"][1] == "hash-1" and said["missing"] is None
    assert (said["revoke bob's"], said["revoke missing"], said["revoke"], said["revoke twice"]) == (
        True,
        True,
        False,
        True,
    )
    assert said["revoked at"] == datetime(2026, 11, 21, tzinfo=UTC)
    assert said["touches"] == [True, False, True, False]
    assert said["last used"] == datetime(2026, 11, 21, 11, 30, tzinfo=UTC)


def test_memory_double_answers_as_the_dynamodb_adapter() -> None:
    assert_double_answers_as_adapter(STORES, _transcript)
