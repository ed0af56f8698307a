"""Whether extracted text is text: a PDF whose fonts do not map glyphs to characters extracts as
glyph names (`/g3/g135`), `(cid:NN)` codes, replacement characters, or letters that are no
words ("Wkh zdwhu ohdn", random symbols from a shifted font map). Analysing that would give a
report of nothing, or worse, of accidental matches; such a page needs reading from its image
(OCR) instead.

`unreadable_reason(text)` says why a text is garbage, or None when it reads as text. Three tests,
each with a wide margin, since refusing a real report costs more than letting odd text through
(the analyzer then finds nothing and QA says so):

1. codes: glyph names, `(cid:NN)`, U+FFFD, private-use and unassigned characters cover over
   `MAX_CODE_SHARE` of the non-space characters;
2. mixed scripts: no script (Latin, Cyrillic, Greek, CJK, ...) holds `MIN_SCRIPT_SHARE` of the
   letters, or over `MAX_MIXED_WORD_SHARE` of the words mix scripts inside the word;
3. Latin letter soup, judged only on `MIN_WORDS` words or more: under `MIN_COMMON_WORD_SHARE` of
   them are common words (function words of the languages notes come in, and the trade's own),
   and either over `MAX_VOWELLESS_SHARE` of the longer words have no vowel or there are
   `MIN_WORDS_WITHOUT_VOWEL_TEST` words or more (a shifted font map: "Wkh zdwhu ohdn").
"""

from __future__ import annotations

import re
import unicodedata

MAX_CODE_SHARE = 0.3
MIN_SCRIPT_SHARE = 0.6
MAX_MIXED_WORD_SHARE = 0.3
MIN_WORDS = 20
MIN_COMMON_WORD_SHARE = 0.03  # real notes: 14% at the least, over 186 pages of the corpus
MAX_VOWELLESS_SHARE = 0.25
MIN_WORDS_WITHOUT_VOWEL_TEST = 40
MIN_CHARACTERS = 5  # fewer non-space characters than this is judged by the codes test only

# Glyph names as pypdf writes them for unmapped glyphs (/g3, /G12, /glyph7, /uniE001, /C0042),
# and pdfminer's (cid:12).
_CODES = re.compile(r"(?:/(?:[A-Za-z]{1,6}\d[\dA-Fa-f]*|uni[\dA-Fa-f]{4,6}))+|\(cid:\d+\)|cid:\d+")
_WORD = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ")
# A small list of words any page of English (and a few other languages') notes uses.
_COMMON_WORDS = """
a an the and or of to in on at by for from with without is are was were be been has have had not
no it its this that as per into over under after before all any each wet dry water damage room
floor wall walls ceiling carpet kitchen bathroom bedroom hall hallway moisture reading readings
meter drying dried air mover movers dehumidifier dehu category class date claim insured loss
cause leak pipe roof mould mold fire smoke smoke job site report notes day days ft sq m mm cm
inspection area areas affected room rooms north south east west el la los las de del y en con
por para que un una le les des et du au est il der die das und ist mit von zu het een van op il
di che per
"""
_COMMON = frozenset(_COMMON_WORDS.split())
# Letter groups that write one language together (Japanese mixes kana and Han; Korean may too).
_SCRIPT_GROUPS = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "CJK": "CJK"}


def unreadable_reason(text: str) -> str | None:
    """Why `text` is garbage rather than text (for logs), or None when it reads as text."""
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return None
    coded = sum(len(match) for match in _CODES.findall(text))
    coded += sum(1 for ch in visible if ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cn", "Cs"))
    if coded / len(visible) > MAX_CODE_SHARE:
        return f"{coded} of {len(visible)} characters are glyph codes or replacement characters"
    if len(visible) < MIN_CHARACTERS:
        return None
    words = _WORD.findall(_CODES.sub(" ", text))
    letters = [ch for word in words for ch in word]
    if len(letters) < MIN_CHARACTERS:
        return None
    scripts: dict[str, int] = {}
    for ch in letters:
        script = _script(ch)
        scripts[script] = scripts.get(script, 0) + 1
    main, most = max(scripts.items(), key=lambda item: item[1])
    if most / len(letters) < MIN_SCRIPT_SHARE:
        return f"letters of many scripts, none over {MIN_SCRIPT_SHARE:.0%}: {sorted(scripts)}"
    long_words = [word for word in words if len(word) > 1]
    mixed = sum(1 for word in long_words if len({_script(ch) for ch in word}) > 1)
    if long_words and len(long_words) >= MIN_WORDS / 2 and mixed / len(long_words) > MAX_MIXED_WORD_SHARE:
        return f"{mixed} of {len(long_words)} words mix scripts"
    if main == "LATIN" and len(words) >= MIN_WORDS:
        return _latin_soup(words)
    return None


def _latin_soup(words: list[str]) -> str | None:
    lowered = [word.lower() for word in words]
    common = sum(1 for word in lowered if word in _COMMON)
    longer = [word for word in lowered if len(word) >= 4]
    vowelless = sum(1 for word in longer if not _VOWELS.intersection(word))
    unpronounceable = bool(longer) and vowelless / len(longer) > MAX_VOWELLESS_SHARE
    if common / len(words) < MIN_COMMON_WORD_SHARE and (
        unpronounceable or len(words) >= MIN_WORDS_WITHOUT_VOWEL_TEST
    ):
        return f"{common} of {len(words)} words are common words; {vowelless} of {len(longer)} have no vowel"
    return None


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    return _SCRIPT_GROUPS.get(first, first or "UNKNOWN")
