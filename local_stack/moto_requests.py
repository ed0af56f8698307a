"""moto's handling of a request made cheaper without changing what it does with it.

Profiled (ADR 0025, third addendum of 2026-12-06: the DynamoDB requests of 40 TEXT POSTs replayed
into the stack's moto app in one thread, cProfile): a POST's TransactWriteItems cost 2.25 ms of
CPU, the largest of its DynamoDB requests. A third of that was moto's handler parsing each
analytics aggregate's `ADD #a0 :a0, #a1 :a1, ...` with its tokenizer and recursive-descent
parser, only to list the `#names` the expression uses; a sixth was parsing the JSON body against
the operation's input shape; and every request of every service listed its handler class's
methods with `inspect.getmembers` (about 0.1 ms) to see whether the action is one of them.

- **The handler's update expressions are parsed once per text.** `moto.dynamodb.responses`
  (TransactWriteItems' and UpdateItem's validation) uses `UpdateExpressionParser.make(text)` only
  to read the tree (`find_clauses`: which names and values it uses); the tree depends on the text
  alone, so here it is kept per text (an LRU of 1,024) and read again. A text moto cannot parse is
  parsed, and refused, every time, as before. The backend's own parse (models, which rewrites
  its tree while it applies the update) is untouched.
- **A JSON body is converted by a function compiled once per input shape.** moto's `JSONParser`
  walks the botocore shape for every value (`getattr` for a handler, every member of a
  structure looked up: ten for each DynamoDB `AttributeValue`); the compiled converter does the
  same conversions (base64 for blobs, moto's timestamp parser, `float`/`int`, members kept in the
  shape's order, None members left out) from what the value holds. Whatever it cannot convert
  (a value of the wrong type, bad base64), and any shape with a kind it does not know, is moto's
  walk over the same JSON, which answers or raises as it always did.
- **Whether the action is a method of the handler is looked up, not listed.** moto lists every
  function of the class (`inspect.getmembers(cls, inspect.isfunction)`) and asks whether the
  action's name is among them; `inspect.isfunction(getattr(cls, name, None))` is the same
  question for that one name (a metaclass's functions come back bound, as in the listing).

`install()` patches (idempotent); `restore()` puts moto's own back (the unit test compares both).
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections.abc import Callable
from typing import Any

from moto.core import parse as moto_parse
from moto.core import responses as core_responses
from moto.dynamodb import responses as dynamodb_responses

Converter = Callable[[Any], Any]
# The names moto's modules call these by (module globals, so patched where they are looked up).
UPDATE_PARSER = "UpdateExpressionParser"  # moto.dynamodb.responses
METHOD_NAMES = "method_names_from_class"  # moto.core.responses

_lock = threading.Lock()
_originals: dict[str, Any] = {}


def install() -> None:
    """Patch moto's request handling (idempotent)."""
    with _lock:
        if _originals:
            return
        _originals.update(
            update_parser=vars(dynamodb_responses)[UPDATE_PARSER],
            json_parser=moto_parse.PROTOCOL_PARSERS["json"],
            method_names=vars(core_responses)[METHOD_NAMES],
        )
        _patch(_ParsedOnce, CompiledJSONParser, _Methods)


def restore() -> None:
    """moto's own request handling again (tests)."""
    with _lock:
        if not _originals:
            return
        _patch(_originals["update_parser"], _originals["json_parser"], _originals["method_names"])
        _originals.clear()


def _patch(update_parser: Any, json_parser: Any, method_names: Any) -> None:
    setattr(dynamodb_responses, UPDATE_PARSER, update_parser)
    moto_parse.PROTOCOL_PARSERS["json"] = json_parser
    setattr(core_responses, METHOD_NAMES, method_names)


def is_installed() -> bool:
    return bool(_originals)


# --- update expressions ------------------------------------------------------------------------

_MOTO_UPDATE_PARSER: Any = vars(dynamodb_responses)[UPDATE_PARSER]  # (imported before any patch)


@functools.lru_cache(maxsize=1024)
def parse_update_expression(text: str) -> Any:
    """moto's syntax tree of `text`, made once (an exception is not kept: it is raised again)."""
    return _MOTO_UPDATE_PARSER.make(text)


class _ParsedOnce:
    """moto's `UpdateExpressionParser` as its DynamoDB handler uses it: `make` only."""

    @staticmethod
    def make(text: str) -> Any:
        return parse_update_expression(text)


# --- the handler's methods -----------------------------------------------------------------------


class _Methods:
    """`name in _Methods(cls)`: whether `inspect.getmembers(cls, inspect.isfunction)` lists it."""

    __slots__ = ("_cls",)

    def __init__(self, cls: object) -> None:
        self._cls = cls

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and inspect.isfunction(getattr(self._cls, name, None))


# --- JSON bodies -------------------------------------------------------------------------------


class _Unknown(Exception):
    """A shape this module does not convert: moto's walk converts it."""


class CompiledJSONParser(moto_parse.JSONParser):
    """moto's JSON protocol parser, converting the body with a function compiled per shape."""

    def _parse_json_body(self, raw_body: Any, shape: Any) -> Any:
        parsed_json = self._parse_body_as_json(raw_body)  # type: ignore[no-untyped-call]
        if (
            self.MAP_TYPE is dict
            and self._blob_parser is moto_parse.default_blob_parser
            and self._timestamp_parser is moto_parse.default_timestamp_parser
        ):
            converter = converter_for(shape)
            if converter is not None:
                try:
                    return converter(parsed_json)
                except Exception:  # noqa: BLE001 - moto's walk raises what it raises, or answers
                    pass
        return self._parse_shape(shape, parsed_json)  # type: ignore[no-untyped-call]


_converters: dict[int, tuple[Any, Converter | None]] = {}  # id(shape) -> (shape, converter)


def converter_for(shape: Any) -> Converter | None:
    """The compiled converter of `shape` (None: a kind this module leaves to moto). Shapes are
    moto's cached service models' (one object per operation's input), so this stays small."""
    found = _converters.get(id(shape))
    if found is not None and found[0] is shape:
        return found[1]
    try:
        converter: Converter | None = _compile(shape, {})
    except _Unknown:
        converter = None
    with _lock:
        _converters[id(shape)] = (shape, converter)
    return converter


def _identity(value: Any) -> Any:
    return value


def _to_float(value: Any) -> Any:
    return float(value)


def _to_int(value: Any) -> Any:
    return int(value)


# moto's JSONParser's handler for each kind of shape -> the same conversion here; a kind not
# listed must have no handler of moto's (the value is kept as it is), else this declines it.
_SCALARS: dict[str, Converter] = {
    "blob": moto_parse.default_blob_parser,
    "timestamp": moto_parse.default_timestamp_parser,
    "float": _to_float,
    "double": _to_float,
    "integer": _to_int,
    "byte": _to_int,
    "short": _to_int,
    "long": _to_int,
}
_CONTAINERS = frozenset({"structure", "list", "map"})


def _compile(shape: Any, memo: dict[str, Converter]) -> Converter:
    kind = shape.type_name
    if kind in _SCALARS:
        return _SCALARS[kind]
    if kind not in _CONTAINERS:
        if hasattr(moto_parse.JSONParser, f"_parse_{kind}"):
            raise _Unknown(kind)  # moto converts this kind in a way not mirrored here
        return _identity
    if shape.name in memo:  # a recursive shape (AttributeValue holds AttributeValues)
        return memo[shape.name]
    if kind == "list":
        return _list(shape, memo)
    if kind == "map":
        return _map(shape, memo)
    if shape.is_document_type:
        return _identity
    structure = _Structure()
    memo[shape.name] = structure
    structure.fill(
        [
            (name, member.serialization.get("name", name), _compile(member, memo))
            for name, member in shape.members.items()
        ]
    )
    return structure


def _list(shape: Any, memo: dict[str, Converter]) -> Converter:
    cell: list[Converter] = []

    def convert(node: Any) -> Any:
        member = cell[0]
        return [member(item) for item in node]

    memo[shape.name] = convert
    cell.append(_compile(shape.member, memo))
    return convert


def _map(shape: Any, memo: dict[str, Converter]) -> Converter:
    cell: list[Converter] = []

    def convert(value: Any) -> Any:
        key, member = cell
        return {key(k): member(v) for k, v in value.items()}

    memo[shape.name] = convert
    cell.extend((_compile(shape.key, memo), _compile(shape.value, memo)))
    return convert


class _Structure:
    """moto's `_parse_structure`: each member the value holds (not None), in the shape's order,
    converted; a None value stays None. Reading the value's keys instead of asking for every
    member is what saves the time (a DynamoDB `AttributeValue` has ten members and holds one)."""

    __slots__ = ("by_json_name", "members")

    def fill(self, members: list[tuple[str, str, Converter]]) -> None:
        self.members = members
        by_json_name = {
            json_name: (order, name, convert) for order, (name, json_name, convert) in enumerate(members)
        }
        # two members under one JSON name: only the walk over the members is moto's
        self.by_json_name = by_json_name if len(by_json_name) == len(members) else None

    def __call__(self, value: Any) -> Any:
        if value is None:
            return None
        if type(value) is not dict:
            raise TypeError(type(value))  # moto's `value.get` on it: moto's to raise
        by_json_name = self.by_json_name
        if by_json_name is not None and len(value) == 1:  # an AttributeValue, most often
            for key, raw in value.items():
                entry = by_json_name.get(key)
                return {} if entry is None or raw is None else {entry[1]: entry[2](raw)}
        if by_json_name is None or len(value) >= len(self.members):
            parsed = {}
            for name, json_name, convert in self.members:
                raw = value.get(json_name)
                if raw is not None:
                    parsed[name] = convert(raw)
            return parsed
        found = sorted(
            by_json_name[key] + (raw,)
            for key, raw in value.items()
            if key in by_json_name and raw is not None
        )
        return {name: convert(raw) for _, name, convert, raw in found}
