"""The check every store contract test ends with: the memory double answers as the DynamoDB adapter."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from typing import Any, TypeVar

from chalicelib.core.ports import ConditionFailed, NotFound

Store = TypeVar("Store")


def assert_double_answers_as_adapter(
    stores: Mapping[str, Callable[[], AbstractContextManager[Store]]],
    transcript: Callable[[Store], dict[str, Any]],
) -> None:
    """The same calls (`transcript`) made on the memory double and on the DynamoDB adapter (moto)
    give the same answers, key by key; the failing key names the call that differs."""
    said: dict[str, dict[str, Any]] = {}
    for name, make in stores.items():
        with make() as store:
            said[name] = transcript(store)
    assert said["memory"].keys() == said["dynamodb"].keys()
    for key, expected in said["dynamodb"].items():
        assert said["memory"][key] == expected, key


def outcome(call: Callable[[], object]) -> str:
    """What a store said to a write: "done", or the refusal the port names (ConditionFailed, NotFound)."""
    try:
        call()
    except (ConditionFailed, NotFound) as refusal:
        return type(refusal).__name__
    return "done"
