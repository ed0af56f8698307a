"""Scope of work: line items with action, material, quantity, unit and room.

A line item is a measured piece of work ("Removed and disposed of laminate 15.1 m2"), found in a
scope list under any scope-like heading, after an inline label ("To quote: ..."), or in a prose
sentence whose work verb governs the quantity. Quantities of damage ("carpet wet approx 6 m2"),
room sizes, flood-cut heights and waiting periods are not items: a wrong item is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.findings import (
    ScopeItem,
)
from chalicelib.analysis.offline.job import (
    SECTION_LABEL,
)
from chalicelib.analysis.offline.scope_duplicates import same_work, without_split_parts
from chalicelib.analysis.offline.scope_quantities import DAMAGE_WORDS, FIXTURES, Quantity, Verb, quantities
from chalicelib.analysis.offline.scope_tables import table_scope_items
from chalicelib.analysis.offline.scope_things import OWN_VERB_BREAK, item_material
from chalicelib.analysis.offline.scope_units import QUANTITY, trim_feet_as_lf
from chalicelib.analysis.offline.spaces import (
    room_mentions,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    SENTENCE_END,
    Line,
    clean_value,
    truncate,
)
from chalicelib.analysis.offline.work_verbs import SCOPE_VERB_STRICT, STRIP_VERB

MAX_DESCRIPTION = 200


_SCOPE_VERB = re.compile(
    r"(?:remove|removed|r ?& ?r|d ?& ?r|detach(?: (?:&|and) reset)?|flood ?cut|cut out|cut|tear ?out"
    r"|demo(?:lish|lition|ed)?"
    r"|dispose|discard|replace|install|apply|applied|spray|clean|hepa(?: vac(?:uum)?)?|wipe|seal|encapsulate"
    r"|extract(?:ion|ed)?|deodori[sz]e|thermal fog|fog|sand|refinish|lift|strip|mask|contain(?:ment)?"
    r"|erect|build|pack ?out|content manipulation|move|treat|anti-?microbial|drill|vent|block|bag|supply"
    r"|new|relay|refix|reset|patch|paint|regrout|overboard|dry[- ]?sponge|damp[- ]?wipe|degrease|launder"
    r"|dry[- ]?clean|wash|soda[- ]?blast|dry[- ]?ice[- ]?blast|scrub)\b",
    FLAGS,
)


# A short heading line: "Scope", "Scope of works:", "What we did", "Works 15/01", "To finish", "Strip-out".
_SCOPE_SECTION = re.compile(
    r"^[#*\s\d.)]*(?:[a-z&/()-]+ ){0,3}(?:scope|sow|remediation|recommend(?:ed|ations?)|mitigation|works?"
    r"|repairs?|reinstatement|rebuild|strip[- ]?out|demo(?:lition)?|tear[- ]?out|what we did|to finish"
    r"|(?:still )?to do|to quote|line items|actions? taken|protocol)"
    r"(?: (?:of|works?|performed|completed|done|required|recommended|plan|items?|to be (?:done|completed)"
    r"|on the day|on site|so far|(?:by|for) (?:us|others|the \w+)))*(?: ?\([^)]{0,60}\))?[^a-z]*$",
    FLAGS,
)


# An inline scope label: "Scope: a, b", "To quote: ...", "Reinstatement (builder to quote): ...".
_SCOPE_INLINE = re.compile(
    r"^[\s\-*#>]*(?:scope(?: of works?)?|sow|works? (?:performed|required|completed|done))\s?[:\-]\s?(?=\S)",
    FLAGS,
)


_SCOPE_LABEL = re.compile(
    r"^[\s\-*#>\d.)]{0,6}(?P<label>[\w&/'-]{1,20}(?: [\w&/'-]{1,20}){0,5} ?(?:\([^)]{0,40}\))?"
    r"(?: [\w/]{1,20}){0,3}):\s",
    FLAGS,
)


_LABEL_WORDS = re.compile(
    r"\b(?:scope|sow|works?|mitigation|remediation|reinstatement|rebuild|recommend\w*|repairs?|to do"
    r"|to quote|to finish|what we did|strip[- ]?out|demo\w*|estimate|completed|performed)\b",
    FLAGS,
)


# An item's lead: a bullet, or a number or letter that counts the items ("1. Remove carpet", "2) ...",
# "(b) Detach toilet", "iv. Seal slab"). A number is a lead only with its stop and a space after it:
# "1.5 m2 of carpet" and "2 x AM" start with a quantity.
_ITEM_LEAD = re.compile(
    r"[\s\-*#>\u2022\u2013]*(?:\(?(?:\d{1,2}|(?-i:[a-h]|[ivx]{1,4}))[.)](?=\s)\s*)?[\s\-*\u2022]*", FLAGS
)


_ITEM_BREAK = re.compile(r"[;,]")


_LEADER = re.compile(r"(?:\. ?){3,}|\u2026+")


# "Installed 3 x air movers and 1 LGR": an equipment placement, read by the equipment log instead.
_EQUIPMENT_PLACEMENT = re.compile(
    r"\b(?:air ?movers?|AMs?|blowers?|fans|dehu\w*|LGRs?|desiccants?|air ?scrubbers?|AFDs?|NAMs?"
    r"|negative air|hydroxyl|drying mats?)\b",
    FLAGS,
)


_NOT_AN_ITEM = re.compile(
    r"\b(?:not required|not needed|not necessary|no need|n/a|not our scope|not in scope"
    r"|by (?:the )?insured)\b"
    r"|^[\s\-*\u2022]*no [a-z]",  # "- no antimicrobial - cat 1": what was not done
    FLAGS,
)


# What a "sealed" or "painted" straight before it describes: "sealed concrete floor", "painted block".
_FINISHED = (
    r"concrete|slab|floors?|timber|brick|block|cmu|masonry|surface|tiles?|ply\w*|cork|boards?|wood|walls?"
)


# A run of work verbs; the action is what the whole run does ("removed and disposed of" removes).
_WORK_VERB = re.compile(
    r"\b(?:r ?& ?[rd]|d ?& ?r|remov(?:e[ds]?|ing)|dispos(?:e[ds]?|ing)(?: of)?|discard(?:ed|ing)?"
    r"|lift(?:ed|ing)?(?: up| out)?|took (?:up|off|away|down|out)|tak(?:e|ing) (?:up|off|away|down|out)"
    r"|pull(?:ed|ing)?(?: (?:back|up|out|off))?|strip(?:ped|ping)(?: out)?|strip out"
    # a bare "strip" after a word is a noun ("oak strip", "a strip of carpet"), not the verb
    # (nor before a place: "strip inside the roller door, approx 5 m2" is a strip of floor)
    rf"|{STRIP_VERB}"
    r"|tear(?:ing)? (?:out|off)"
    r"|tore (?:out|off)"
    r"|cut(?:ting)? (?:out|away|back)|flood[- ]?cut(?:ting)?|demo(?:lish(?:ed)?|'?d|ed)?|bag(?:ged)?"
    # a homeowner's words for it: "they binned the kitchen vinyl", "threw out the underlay"
    r"|binned|(?:threw|thrown|chucked) (?:out|away)"
    r"|extract(?:ed|ing)?|detach(?:ed)?|reset|re-?lay|re-?laid|re-?fix(?:ed)?|re-?stretch(?:ed)?"
    r"|replac(?:e[ds]?|ing)|install(?:ed|ing)?|supply|supplied|(?<!/)lay|(?<!/)laid|fit(?:ted)?|new"
    r"|clean(?:ed|ing)?|sanitis(?:e[ds]?)|saniti[sz](?:e[ds]?)|disinfect(?:ed)?|wash(?:ed)?(?: down)?"
    r"|hepa[- ]vac(?:uum)?(?:ed)?|appl(?:y|ied)|anti-?microbial|patched"
    # "a small patch about 1.2 m2", "the wet patch": a patch after an article or a state is the damage
    r"|(?<!\ba )(?<!\bthe )(?<!small )(?<!\bwet )(?<!damp )patch|paint|seal"
    # "sealed concrete", "painted block walls": a finish the material has, not work done to it
    rf"|(?:painted|sealed)(?!\s+(?:{_FINISHED}))"
    # smoke cleaning and odour work (S700): the verbs a fire estimate prices its lines with
    r"|dry[- ]?spong(?:e|ed|ing)|damp[- ]?wip(?:e|ed|ing)|wip(?:e|ed)(?: down)?|degreas(?:e|ed)"
    r"|launder(?:ed)?|scrub(?:bed)?|(?:soda|dry[- ]?ice)[- ]?blast(?:ed|ing)?|deodori[sz](?:e|ed)"
    r"|thermal(?:ly)?[- ]fog(?:ged)?"
    r"|prime[d]?"
    r"|sand(?:ed)?|recoat(?:ed)?|screen(?:ed)?|refinish(?:ed)?|regrout(?:ed)?|overboard(?:ed)?"
    r"|drill(?:ed)?|blocked|encapsulat(?:e[ds]?)|treat(?:ed)?|pack(?:ed|ing)?[- ]?out"
    r"|(?<=\w )out(?= in\b| \d))\b",
    FLAGS,
)


_DESCRIBED_BY = re.compile(r"\b(?:the|a|an|its|their)\s*$", FLAGS)


_VERB_JOIN = re.compile(r"^(?:\s*(?:and|&|\+|/|,)\s*(?:the )?)$", FLAGS)


# Ordered: the first that the verb run names is its action.
_ACTIONS = (
    (re.compile(r"detach\w*\W+(?:and\W+)?reset|\bd ?& ?r\b", FLAGS), "detach and reset"),
    (re.compile(r"\br ?& ?r\b|remov\w* and replac", FLAGS), "remove and replace"),
    (re.compile(r"flood[- ]?cut", FLAGS), "flood cut"),
    (re.compile(r"pack\w*[- ]?out", FLAGS), "pack out"),
    (re.compile(r"extract", FLAGS), "extract"),
    (
        re.compile(
            r"remov|\br ?& ?d\b|lift|took|tak(?:e|ing)|pull|strip|tear|tore|cut|demo|bag|discard|\bout\b"
            r"|binned|threw|thrown|chucked",
            FLAGS,
        ),
        "remove",
    ),
    (re.compile(r"dispos", FLAGS), "dispose"),
    (re.compile(r"replac", FLAGS), "replace"),
    (
        re.compile(r"supply|install|\bnew\b|\blay\b|\blaid\b|\bfit|re-?lay|re-?laid|refix|reset", FLAGS),
        "install",
    ),
    (re.compile(r"anti-?microbial", FLAGS), "apply antimicrobial"),
    (re.compile(r"clean|saniti|disinfect|wash|hepa|spong|wip|degreas|launder|scrub|blast", FLAGS), "clean"),
    (re.compile(r"deodori|fog", FLAGS), "deodorise"),
    (re.compile(r"sand|recoat|screen|refinish", FLAGS), "refinish"),
    (re.compile(r"patch", FLAGS), "patch"),
    (re.compile(r"paint|seal|prime", FLAGS), "paint"),
    (re.compile(r"regrout", FLAGS), "regrout"),
    (re.compile(r"overboard", FLAGS), "overboard"),
    (re.compile(r"drill", FLAGS), "drill"),
    (re.compile(r"block", FLAGS), "block"),
    (re.compile(r"detach", FLAGS), "detach"),
    (re.compile(r"encapsulat", FLAGS), "encapsulate"),
    (re.compile(r"appl|treat", FLAGS), "apply"),
)


# Prepositions that attach a room written after its quantity to it: "5 m2 in the hallway", also
# past the thing measured: "0.9 m2 of vinyl in the cupboard" (not the room named earlier in the line).
_ROOM_AFTER = re.compile(
    r"^[\s,]*(?:of (?:[a-z][\w\-]*\s){1,4})?(?:in|to|across|for|at|on|from|of)(?: the)?\s*$", FLAGS
)


# --- scope lines (also read by the room scan: a scope line describes work, not damage) ---------


# A work item wrapped onto the next line (a PDF's or an email's line width): the item's line stops
# mid-clause and the next starts with no bullet, in lower case or with its quantity ("- 10/15: pulled the
# toilet, removed carpet pad" / "20 sq ft at bath door"). A line that ends its sentence, or a next line
# that opens with a capital or a bullet, is an item of its own.
# A line opening with its quantity carries on only an item still waiting for one ("removed carpet pad"
# / "20 sq ft ..."); after "Seal slab 6 m2" a line "1.5 m2 of ply to be checked" is a note of its own.
_ENDS_ITEM = re.compile(r"[.;:!?)]\s*$")
_CONTINUES = re.compile(r"[a-z]", re.ASCII)
_QUANTITY_FIRST = re.compile(r"\d{1,5}(?:\.\d{1,2})? ?[a-z]", re.ASCII)
# ("Replace skirting 8 lm and" / "12 lm of architrave": a line that stops on a joining word goes on)
_JOINS_ON = re.compile(r"(?:\b(?:and|or|of|the|to|with|from|in|plus)|[&+,])\s*$", FLAGS)


def _continues(previous: Line | None, line: Line) -> bool:
    """Whether `line` carries on the work item `previous` began (see _CONTINUES)."""
    if previous is None or previous.number != line.number - 1 or not previous.text:
        return False
    if _ENDS_ITEM.search(previous.text) is not None:
        return False
    if _CONTINUES.match(line.text) is not None:
        return True
    if _QUANTITY_FIRST.match(line.text) is None:
        return False
    tail = re.split(r"[,;]", previous.text)[-1]
    return QUANTITY.search(tail) is None or _JOINS_ON.search(previous.text) is not None


def scope_line_numbers(lines: Sequence[Line]) -> frozenset[int]:
    """Work items: lines starting with a work verb, every line of a scope section, and the wrapped rest
    of an item's line."""
    numbers: set[int] = set()
    in_section = False
    previous: Line | None = None
    for line in lines:
        if not line.text:
            in_section = False
            continue
        wrapped = previous is not None and previous.number in numbers and _continues(previous, line)
        previous = line
        if wrapped:
            numbers.add(line.number)
            continue
        if _is_heading(line.text):
            in_section = True
            continue
        if _SCOPE_INLINE.match(line.text) or _scope_label_end(line.text):
            numbers.add(line.number)  # "Scope: remove laminate 14 m2, remove kickboards 4.2 lm"
            continue
        bullets = _ITEM_LEAD.match(line.text)
        start = bullets.end() if bullets else 0
        label = SECTION_LABEL.match(line.text)
        room_items = label is not None and _is_room(label)  # "Crib room: new vinyl 48 m2, ..."
        if in_section and start == 0 and label and not _SCOPE_VERB.match(line.text) and not room_items:
            in_section = False  # "Safety: ..." starts another section
        if in_section and (start > 0 or room_items or _SCOPE_VERB.match(line.text, start)):
            numbers.add(line.number)  # a bullet or a work verb in the scope section
        elif not in_section and SCOPE_VERB_STRICT.match(line.text, start):
            numbers.add(line.number)
    return frozenset(numbers)


def _is_room(label: re.Match[str]) -> bool:
    """Whether a line's label ("Crib room:", "Office:") names a room, not another section."""
    name = label.group().rstrip(":").strip()
    return any(mention.start == 0 and mention.end == len(name) for mention in room_mentions(name))


def _is_heading(text: str) -> bool:
    return len(text) <= 60 and _SCOPE_SECTION.match(text) is not None


def _scope_label_end(text: str) -> int:
    """Where the items start after an inline scope label ("Still to do: ..."), or 0."""
    label = _SCOPE_LABEL.match(text)
    if label is None or not _LABEL_WORDS.search(label.group("label")):
        return 0
    return label.end()


# --- line items --------------------------------------------------------------------------------


def scope_items(
    lines: Sequence[Line], numbers: frozenset[int], rooms_by_line: dict[int, str]
) -> list[ScopeItem]:
    items: list[tuple[ScopeItem, bool]] = []
    by_measure: dict[tuple[float | None, str | None], list[int]] = {}
    table_rows = table_scope_items(lines, _description_action)
    previous: Line | None = None
    for line in lines:
        listed = line.number in numbers or line.number in table_rows
        before, previous = previous, line
        if not line.text or not (listed or QUANTITY.search(trim_feet_as_lf(line.text))):
            continue  # outside a scope list only a measured quantity can make an item
        row = table_rows.get(line.number)
        if row is None and before is not None and before.number in numbers and _continues(before, line):
            row = _wrapped_items(before, line, rooms_by_line)
        for item in row if row is not None else _line_items(line, listed, rooms_by_line.get(line.number)):
            same = by_measure.setdefault((item.quantity, item.unit), [])
            told = next((index for index in same if same_work(item, items[index][0])), None)
            if told is None:
                same.append(len(items))
                items.append((item, listed))
            elif listed and not items[told][1]:
                items[told] = (item, listed)  # the scope list's line is the better source
    return without_split_parts([item for item, _ in items])


def _wrapped_items(before: Line, line: Line, rooms_by_line: dict[int, str]) -> list[ScopeItem]:
    """The items a wrapped line completes: the two lines read as one item line, less what the first
    line gave alone (each item once, cited to the line its quantity is on)."""
    room = rooms_by_line.get(before.number)
    joined = Line(line.number, f"{before.quote} {line.quote}", f"{before.text} {line.text}")
    told = [(item.quantity, item.unit, item.action) for item in _line_items(before, True, room)]
    items: list[ScopeItem] = []
    for item in _line_items(joined, True, rooms_by_line.get(line.number) or room):
        key = (item.quantity, item.unit, item.action)
        if key in told:
            told.remove(key)
        elif item.quantity is not None:
            items.append(item.model_copy(update={"source": line.span()}))
    return items


def _line_items(line: Line, listed: bool, line_room: str | None) -> list[ScopeItem]:
    # An estimate's dot leaders ("Seal ceiling ........ 40 SF") join an item to its quantity; they
    # are no sentence end. Blanked in place so every offset still points into the line.
    text = trim_feet_as_lf(_LEADER.sub(lambda leader: " " * len(leader.group()), line.text))
    label_end = _SCOPE_INLINE.match(text)
    start = label_end.end() if label_end else _scope_label_end(text)
    if not start:
        bullets = _ITEM_LEAD.match(text)
        start = bullets.end() if bullets else 0
    rooms = [(mention.start, mention.end, mention.name) for mention in room_mentions(text)]
    items: list[ScopeItem] = []
    claimed: set[int] = set()  # rooms written right after an item's quantity: that item's
    for clause_start, clause_end in _clauses(text, start):
        clause = text[clause_start:clause_end]
        if _NOT_AN_ITEM.search(clause):
            continue  # "Soda blast not required" is a decision, not a line item
        verbs = _verbs(text, clause_start, clause_end)
        found = quantities(text, clause_start, clause_end, verbs, listed)
        for index, quantity in enumerate(found):
            segment_start = found[index - 1].end if index else clause_start
            verb = _governing_verb(text, verbs, quantity, clause_start, clause_end)
            placement = _EQUIPMENT_PLACEMENT.search(clause) and quantity.unit not in ("days", "hrs")
            if verb is None and (not listed or placement):  # equipment days are a billed line; units are not
                continue  # in prose only a work verb makes a quantity a piece of work
            room = _room_for(text, rooms, quantity, segment_start, clause_start, claimed) or line_room
            material = item_material(text, verb, quantity, segment_start, clause_end, rooms)
            if material is None and index and items and (verb is None or verb.end <= found[index - 1].start):
                material = items[-1].material  # "carpet 27 m2 rumpus and 14 m2 granny flat": the same
            items.append(
                ScopeItem(
                    description=_item_words(text, clause, found, index, verb, segment_start),
                    action=verb.action if verb else None,
                    material=material,
                    room=room,
                    quantity=quantity.value,
                    unit=quantity.unit,
                    source=line.span(),
                )
            )
    if listed and not items:
        items = _unmeasured_items(line, start, line_room)
    return items


def _item_words(
    text: str, clause: str, found: Sequence[Quantity], index: int, verb: Verb | None, segment_start: int
) -> str:
    """The item as written: its clause, or, where the clause holds several measured items, its own part
    from its verb (or the item before it) to its quantity ("removed and bagged the skirting, 20 lm")."""
    if len(found) < 2:
        return truncate(clean_value(clause) or clause, MAX_DESCRIPTION)
    start = verb.start if verb is not None and verb.start >= segment_start else segment_start
    end = found[index].end + (1 if text[found[index].end : found[index].end + 1] == ")" else 0)
    words = re.sub(r"^(?:and|then|&)\s+", "", text[start:end].strip(" ,;"), flags=re.IGNORECASE)
    return truncate(clean_value(words) or words or clause, MAX_DESCRIPTION)


def _unmeasured_items(line: Line, start: int, line_room: str | None) -> list[ScopeItem]:
    """A listed line with no quantity: one item per part that starts with a work verb."""
    items = []
    for chunk in _chunks(line.text[start:]):
        description = clean_value(chunk)
        if (
            description is None
            or _NOT_AN_ITEM.search(chunk)
            or _EQUIPMENT_PLACEMENT.search(chunk)
            or (DAMAGE_WORDS.search(chunk) and not _SCOPE_VERB.search(chunk))
        ):
            continue
        verbs = _verbs(chunk, 0, len(chunk))
        # (not work someone else does: "Replace cylinder (plumber, by others)")
        single = _ONE_FIXTURE.match(chunk, verbs[0].end) if verbs and not _BY_OTHERS.search(chunk) else None
        items.append(
            ScopeItem(
                description=truncate(description, MAX_DESCRIPTION),
                action=_run_action(chunk, verbs[0]) if verbs else None,
                room=line_room,
                material=single.group("object").lower() if single else None,
                quantity=1.0 if single else None,
                unit="ea" if single else None,
                source=line.span(),
            )
        )
    return items


# "Remove and dispose the vanity", "Replace drain hose (by plumber)", "Detach light fixture": work on one
# fitting, priced each, though no count is written. Only a single fitting's name, alone as the object.
_BY_OTHERS = re.compile(r"\bby others\b|\bby (?:the )?(?:plumber|electrician|owner|insured|builder)\b", FLAGS)
_ONE_FIXTURE = re.compile(
    rf"\s*(?:(?:and|&)\s+\w+\s+)?(?:the |a |an |one |1 )?(?P<object>(?:[\w-]+ ){{0,3}}?(?:{FIXTURES}))"
    r"\s*(?:$|\(|-\s|\u2013|\.)",
    FLAGS,
)


def _chunks(text: str) -> list[str]:
    """ "a, b, c" as items: each part that starts with a work verb (a part without one continues
    the item before it)."""
    chunks: list[str] = []
    for part in _ITEM_BREAK.split(text):
        part = part.strip()
        if chunks and not _SCOPE_VERB.match(part):
            chunks[-1] = f"{chunks[-1]}, {part}"
        elif part:
            chunks.append(part)
    return chunks


def _clauses(text: str, start: int) -> list[tuple[int, int]]:
    """Sentences, cut at semicolons: a verb governs quantities in its own clause only."""
    bounds: list[tuple[int, int]] = []
    cursor = start
    ends = [match.end() for match in SENTENCE_END.finditer(text, start)]
    for end in [*ends, len(text)]:
        piece_start = cursor
        for semicolon in re.finditer(";", text[cursor:end]):
            bounds.append((piece_start, cursor + semicolon.start()))
            piece_start = cursor + semicolon.end()
        bounds.append((piece_start, end))
        cursor = end
    return [(s, e) for s, e in bounds if text[s:e].strip()]


def _verbs(text: str, start: int, end: int) -> list[Verb]:
    """Runs of work verbs in a clause ("removed and disposed of"), each with its action."""
    runs: list[tuple[int, int]] = []
    for match in _WORK_VERB.finditer(text, start, end):
        if runs and _VERB_JOIN.match(text[runs[-1][1] : match.start()]):
            runs[-1] = (runs[-1][0], match.end())
        else:
            runs.append((match.start(), match.end()))
    return [Verb(_action(text[s:e]), s, e) for s, e in runs]


def _action(run: str) -> str:
    return next((action for pattern, action in _ACTIONS if pattern.search(run)), run.lower())


def _description_action(text: str) -> str | None:
    verbs = _verbs(text, 0, len(text))
    return _run_action(text, verbs[0]) if verbs else None


def _run_action(text: str, verb: Verb) -> str:
    return _action(text[verb.start : verb.end])


def _governing_verb(
    text: str, verbs: Sequence[Verb], quantity: Quantity, clause_start: int, clause_end: int
) -> Verb | None:
    """The last verb run before the quantity; else a run right after it with no comma between
    ("tiles 4.4 m2 cleaned + disinfected", "approx 600 SF extracted")."""
    before = [verb for verb in verbs if verb.end <= quantity.start]
    after = [
        verb
        for verb in verbs
        if verb.start >= quantity.end
        and "," not in text[quantity.end : verb.start]
        # "1.2 m2 of the painted ceiling": a participle after "the" describes, it does no work
        and not _DESCRIBED_BY.search(text, quantity.end, verb.start)
    ]
    # ("14 m2 of batts removed, 18 m2 of carpet tiles lifted in the office": a list of "quantity, thing,
    # verb" items; each item's own verb, not the one that ended the item before it)
    own = after and not OWN_VERB_BREAK.search(text, quantity.end, after[0].start)
    if before and not (own and "," in text[before[-1].end : quantity.start]):
        return before[-1]
    return after[0] if after else None


def _room_for(
    text: str,
    rooms: Sequence[tuple[int, int, str]],
    quantity: Quantity,
    segment_start: int,
    clause_start: int,
    claimed: set[int],
) -> str | None:
    """A room right after the quantity ("5 m2 in the hallway"), else the nearest before it that no
    earlier quantity took as its own ("4 m2 of underlay in the spare room and 0.9 m2 of vinyl in
    the cupboard": the spare room is the underlay's, so the vinyl's room is not determined)."""
    for start, _, name in rooms:
        if start >= quantity.end and (
            _ROOM_AFTER.match(text[quantity.end : start]) or not text[quantity.end : start].strip()
        ):
            claimed.add(start)
            return name
    for lower in (segment_start, clause_start):
        named = [
            name
            for start, end, name in rooms
            if lower <= start and end <= quantity.start and start not in claimed
        ]
        if named:
            return named[-1]
    return None
