"""Count the DynamoDB item writes the local stack makes, by table and key family.

Every write moto applies, whichever API it came in by (PutItem, UpdateItem, DeleteItem,
BatchWriteItem, each Put/Update/Delete of a TransactWriteItems, a PartiQL INSERT), ends in one
of the backend's `put_item`, `update_item` or `delete_item`: one call is one item written, as
DynamoDB bills it. Tests and `bench/fanout.py` use this to show what an update costs.

    with count_item_writes() as writes:
        ...
    writes.total(), writes.by_table(), writes.families()  # {(table, "WF"): 12, ...}
    writes.counts  # by partition: {(table, "WF#wf_1"): 12, ...}
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from moto.dynamodb.models import DynamoDBBackend

_lock = threading.Lock()
_meters: list[ItemWrites] = []
_installed = False


class ItemWrites:
    """Item writes seen while it was active: (table, partition key) -> count."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()

    def add(self, table: str, partition: str) -> None:
        with _lock:
            self.counts[(table, partition)] += 1

    def families(self) -> dict[tuple[str, str], int]:
        """(table, key family) -> count: `WF#abc` is family `WF`."""
        found: Counter[tuple[str, str]] = Counter()
        for (table, partition), count in self.counts.items():
            found[(table, partition.split("#", 1)[0])] += count
        return dict(found)

    def total(self) -> int:
        return sum(self.counts.values())

    def by_table(self) -> dict[str, int]:
        tables: Counter[str] = Counter()
        for (table, _), count in self.counts.items():
            tables[table] += count
        return dict(tables)


def _partition(key_or_item: Any) -> str:
    """The item's partition key (`pk`, in DynamoDB JSON)."""
    pk = key_or_item.get("pk") if isinstance(key_or_item, dict) else None
    return str(pk.get("S", "")) if isinstance(pk, dict) else ""


def _counted(method: Callable[..., Any]) -> Callable[..., Any]:
    def counted(self: DynamoDBBackend, *args: Any, **kwargs: Any) -> Any:
        result = method(self, *args, **kwargs)  # a failed condition raises: nothing was written
        table = args[0] if args else kwargs.get("table_name", "")
        item = args[1] if len(args) > 1 else kwargs.get("item_attrs", kwargs.get("key"))
        with _lock:
            meters = list(_meters)
        for meter in meters:
            meter.add(str(table), _partition(item))
        return result

    return counted


def _install() -> None:
    global _installed
    with _lock:
        if _installed:
            return
        for name in ("put_item", "update_item", "delete_item"):
            setattr(DynamoDBBackend, name, _counted(getattr(DynamoDBBackend, name)))
        _installed = True


@contextmanager
def count_item_writes() -> Iterator[ItemWrites]:
    """Count the item writes made (by any thread) until the block ends."""
    _install()
    meter = ItemWrites()
    with _lock:
        _meters.append(meter)
    try:
        yield meter
    finally:
        with _lock:
            _meters.remove(meter)
