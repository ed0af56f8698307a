"""Text that can always be encoded: lone surrogates repaired or replaced.

A Python `str` can hold UTF-16 surrogates (U+D800-U+DFFF) that no UTF-8 encoder accepts: pypdf
produces them from a broken font map, and `json.loads` from a `"\\ud800"` escape. One reached a
store as `UnicodeEncodeError`. `repair_unicode` joins a high+low pair into the character it
encodes and turns a lone one into U+FFFD, the replacement character; extraction calls it on
every page, and the blob stores call `utf8` on everything they write, so nothing downstream can
hit an encoding error whatever path the text took.
"""

from __future__ import annotations

import json
import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")


def repair_unicode(text: str) -> str:
    """`text` with surrogate pairs joined and lone surrogates replaced by U+FFFD."""
    if _SURROGATE.search(text) is None:  # the common case costs one scan
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def utf8(text: str) -> bytes:
    """`text` as UTF-8, repaired first: never raises `UnicodeEncodeError`."""
    return repair_unicode(text).encode("utf-8")


def json_text(document: Any, **options: Any) -> str:
    """`json.dumps(document, **options)` with any lone surrogate in its strings replaced: as
    written by default (ASCII), a lone surrogate becomes a `\\udXXX` escape that reads back as
    the same unencodable character. The output is unchanged for every other document."""
    text = json.dumps(document, **options)
    if "\\ud" not in text:  # no surrogate escape at all (the common case)
        return text
    raw = json.dumps(document, **{**options, "ensure_ascii": False})
    return json.dumps(json.loads(repair_unicode(raw)), **options)
