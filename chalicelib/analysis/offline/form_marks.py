"""The marks document extraction puts in the text (`chalicelib/extract`), read as a person reads
them: a source prefix ("[Header] ", "[Form field] ", ...) says where a line came from and is not
part of what it says, so `Label: value` lines read as they do in the body; a checkbox is ☒
(checked) or ☐ (not), and an unchecked option is no evidence ("Loss type: ☒ Water ☐ Fire" says
water, not fire). Applied to the text the rules match, never to the quote a finding cites.
"""

from __future__ import annotations

import re

CHECKED, UNCHECKED = "\u2612", "\u2610"
_SOURCE = re.compile(r"^(?:\[(?:Header|Footer|Footnote|Endnote|Text box|Form field)\] )+")
# An unchecked box and its label: up to the next box, or a separator between fields.
_UNCHECKED_OPTION = re.compile(rf"{UNCHECKED}[^{UNCHECKED}{CHECKED}|;\n]*")
_CHECKED_BOX = re.compile(rf"{CHECKED}\s*")


def unmarked(line: str) -> str:
    """`line` without its source prefix, unchecked options or checkbox glyphs."""
    if line.startswith("["):
        line = _SOURCE.sub("", line)
    if UNCHECKED in line or CHECKED in line:
        line = _CHECKED_BOX.sub("", _UNCHECKED_OPTION.sub("", line))
    return line
