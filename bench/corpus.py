"""The development corpus (samples/corpus/): its cases, their documents, and how findings score
against what each case's writer expected.

A case's expected facts (`<stem>.truth.json`) are written in the writer's own terms, not in the
Findings shape, so scoring has to match things up: a predicted room matches an expected area when
its name is the area's name or one of the phrases the text uses for it; a material, a unit or a
hazard is compared after naming it one way. The format is in samples/corpus/README.md.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "samples" / "corpus"
Json = dict[str, Any]
SQFT_PER_M2 = 10.7639
FT_PER_M = 3.28084
# The day the corpus's notes count as received (`analyze_text(received=...)`, as the pipeline passes
# a workflow's creation day): its cases were written in November and December 2026, and a fixed day
# keeps the year of a weekday written with no year ("Tuesday 10 November") the same whatever day
# the eval runs.
CORPUS_RECEIVED = date(2026, 12, 31)


# --- cases -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    stem: str
    text: str
    truth: Json

    @property
    def style(self) -> str:
        return str(self.truth["style"])

    @property
    def format(self) -> str:
        return str(self.truth.get("format", "text"))


def load_cases(corpus: Path = CORPUS) -> list[Case]:
    cases = []
    for truth_path in sorted(corpus.glob("*.truth.json")):
        stem = truth_path.name[: -len(".truth.json")]
        text = (corpus / f"{stem}.txt").read_text(encoding="utf-8")
        cases.append(Case(stem, text, json.loads(truth_path.read_text(encoding="utf-8"))))
    return cases


# --- documents: a docx or pdf case goes through the real extractor ----------------------------

_TABLE_RULE = re.compile(r"^\|[\s:|-]*\|$")


def _blocks(text: str) -> Iterator[str | list[list[str]]]:
    """Paragraph lines, and tables (runs of `| a | b |` lines) as rows of cells."""
    table: list[list[str]] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            if not _TABLE_RULE.match(stripped):
                table.append([cell.strip() for cell in stripped[1:-1].split("|")])
            continue
        if table:
            yield table
            table = []
        yield line
    if table:
        yield table


def make_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for block in _blocks(text):
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        grid = document.add_table(rows=len(block), cols=max(len(row) for row in block))
        grid.style = "Table Grid"
        for row, cells in zip(grid.rows, block, strict=True):
            for cell, value in zip(row.cells, cells, strict=False):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(text: str) -> bytes:
    from fpdf import FPDF

    from chalicelib.report.pdf_report import font_files

    pdf = FPDF(format="A4", unit="mm")
    for style, path in font_files().items():
        pdf.add_font("FiraSans", style, str(path))
    pdf.set_font("FiraSans", "", 10)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    for block in _blocks(text):
        if isinstance(block, str):
            pdf.multi_cell(0, 5, block or " ", new_x="LMARGIN", new_y="NEXT")
            continue
        width = max(len(row) for row in block)
        with pdf.table(first_row_as_headings=False, line_height=5) as table:
            for cells in block:
                row = table.row()
                for value in [*cells, *[""] * (width - len(cells))]:
                    row.cell(value)
        pdf.ln(2)
    return bytes(pdf.output())


def case_input(case: Case) -> tuple[str, list[int] | None]:
    """The text the analyzer reads for a case, and each line's page (PDF) or None."""
    if case.format == "text":
        return case.text, None
    from chalicelib.extract import DocumentKind, extract_document

    if case.format == "docx":
        document = extract_document(make_docx(case.text), DocumentKind.DOCX)
    else:
        document = extract_document(make_pdf(case.text), DocumentKind.PDF)
    return document.text(), document.line_pages() if document.has_page_numbers else None


# --- naming things one way --------------------------------------------------------------------

_WORDS = re.compile(r"[a-z0-9]+")
_STOP = frozenset({"the", "a", "an", "of", "in", "on", "at", "to", "and", "area", "room", "floor", "s"})
_ROOM_WORDS = {
    "bed": "bedroom",
    "br": "bedroom",
    "bdrm": "bedroom",
    "hall": "hallway",
    "bath": "bathroom",
    "wc": "toilet",
    "lounge": "lounge",
    "kit": "kitchen",
    "kitch": "kitchen",
    "rm": "room",
}
_MATERIALS = (
    (
        "drywall",
        ("drywall", "plasterboard", "gyprock", "sheetrock", "gypsum", "wallboard", "gib", "wall lining"),
    ),
    # before the pad: a "cushion vinyl" (or "cushioned vinyl", "cushion floor") is a vinyl sheet
    # with its own foam backing, the floor finish, not a carpet's cushion
    ("vinyl", ("cushion vinyl", "cushioned vinyl", "cushion floor", "cushion flooring")),
    ("pad", ("pad", "underpad", "underlay", "underlayment", "cushion", "underfelt", "u/lay")),
    # before carpet: "carpet tack strip" and "carpet gripper" are the strip, not the carpet
    ("tack strip", ("tack strip", "tackless strip", "smooth edge", "carpet gripper", "gripper")),
    ("carpet", ("carpet", "carpets", "rug", "cpt", "carpet tile", "carpet tiles")),
    ("baseboard", ("baseboard", "baseboards", "skirting", "skirtings", "skirts", "cove base", "base trim")),
    ("insulation", ("insulation", "batts", "batt", "pink batts", "glasswool")),
    (
        "cabinetry",
        (
            "cabinet",
            "cabinets",
            "cabinetry",
            "kickboard",
            "kickboards",
            "kick",
            "toe kick",
            "toe kicks",
            "plinth",
            "plinths",
            "vanity",
            "joinery",
            "base cupboard",
            "base cupboards",
            "base unit",
            "base units",
            "kitchen unit",
            "kitchen units",
            "cupboard",
            "cupboards",
            "carcass",
            "carcasses",
            "mdf",
        ),
    ),
    (
        "subfloor",
        (
            "subfloor",
            "sub floor",
            "sub-floor",
            "particleboard",
            "chipboard",
            "osb",
            "yellow tongue",
            "plywood",
            "ply",
            "p-board",
        ),
    ),
    (
        "hardwood",
        (
            "hardwood",
            "timber floor",
            "floorboard",
            "floorboards",
            "floor boards",
            "wood floor",
            "oak",
            "maple",
            "jarrah",
            "blackwood",
            # Australian hardwood species a floor is named by: each is a hardwood
            "spotted gum",
            "blackbutt",
            "ironbark",
            "tallowwood",
            "karri",
            "merbau",
            "boards",
        ),
    ),
    ("concrete", ("concrete", "slab", "screed")),
    # before laminate and tile: a "laminate benchtop" or "tiled counter" is the top, not the floor
    (
        "benchtop",
        (
            "benchtop",
            "benchtops",
            "bench top",
            "countertop",
            "countertops",
            "counter top",
            "counter",
            "counters",
            "worktop",
            "worktops",
        ),
    ),
    ("laminate", ("laminate",)),
    ("cork", ("cork",)),  # "cork tiles" are cork, not ceramic
    (
        "vinyl",
        ("vinyl", "lino", "linoleum", "lvp", "lvt", "vct", "vinyl plank", "hybrid plank", "hybrid flooring"),
    ),
    ("tile", ("tile", "tiles", "tiled", "ceramic", "grout", "quarry tile")),
    (
        "framing",
        (
            "framing",
            "studs",
            "stud",
            "bottom plate",
            "sole plate",
            "frame",
            "timber frame",
            "joist",
            "joists",
            "rim joist",
            "floor joists",
            "plate",
            "plates",
            "bearer",
            "bearers",
        ),
    ),
    ("plaster", ("plaster", "lath")),
    ("masonry", ("brick", "block", "masonry", "besser", "cmu")),
    # Named by what it is made of where the notes say so (above); else by what it is: the truth
    # writes "ceiling lining" or "ceilings" where the analyzer says "ceiling", one material
    ("fibro", ("fibro", "fibre cement", "fiber cement", "villaboard")),
    ("ceiling", ("ceiling", "ceilings", "ceiling lining")),
    ("frp", ("frp",)),
    ("cornice", ("cornice", "cornices", "crown moulding", "crown molding")),
    ("door jamb", ("door jamb", "door jambs", "jamb", "jambs", "door lining", "door linings")),
    ("window sill", ("window sill", "window stool", "sill")),
    ("wardrobe", ("wardrobe", "robe")),
    ("door", ("door", "doors")),  # after the jamb: a "door jamb" is the jamb
    ("shelving", ("shelf", "shelves", "shelving")),
    ("sheathing", ("sheathing",)),
    ("trusses", ("truss", "trusses")),
    ("blinds", ("blind", "blinds")),
    # One material under several names (spelling, plural, or a maker's word for the same thing)
    ("range hood", ("range hood", "range hoods", "rangehood", "rangehoods")),
    ("rafters", ("rafter", "rafters")),
    ("vapour barrier", ("vapour barrier", "vapor barrier", "vapour retarder", "vapor retarder")),
    ("curtains", ("curtain", "curtains", "drape", "drapes", "drapery", "draperies")),
    ("light fixture", ("light fixture", "light fixtures", "light fitting", "light fittings")),
    ("roof sheeting", ("roof sheeting", "roof sheet", "roof sheets")),
    ("architrave", ("architrave", "architraves")),
    ("panelling", ("panelling", "paneling", "wainscot", "wainscoting", "wainscotting")),
    ("wall", ("wall", "walls")),
)
_UNITS = {
    "m2": ("m2", "m²", "sqm", "sq m", "square metres", "square meters", "m^2"),
    "sqft": ("sqft", "sq ft", "sf", "sq. ft", "sq.ft", "square feet", "ft2", "ft²"),
    "lm": ("lm", "lin m", "linear metres", "linear meters", "l/m"),
    "lf": ("lf", "lin ft", "linear feet", "linear ft"),
    "ea": ("ea", "each", "no", "no.", "item", "items", "unit", "units"),
}


def squash(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def room_words(text: str | None) -> frozenset[str]:
    words = [_ROOM_WORDS.get(w, w) for w in _WORDS.findall(squash(text))]
    # a lone "a" closing a name is its letter ("Corridor A", "Unit A"), not an article
    lettered = len(words) > 1 and words[-1] == "a"
    return frozenset(w for i, w in enumerate(words) if w not in _STOP or (lettered and i == len(words) - 1))


def material_key(text: str | None) -> str:
    name = squash(text)
    for key, names in _MATERIALS:
        if any(re.search(rf"\b{re.escape(n)}\b", name) for n in names):
            return key
    return name


def unit_key(text: str | None) -> str:
    unit = squash(text).rstrip(".")
    for key, names in _UNITS.items():
        if unit in names:
            return key
    return unit


# --- scores -----------------------------------------------------------------------------------


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def scalar(expected: Any, predicted: Any) -> Score:
    if expected is None:
        return Score(fp=int(predicted is not None))
    if predicted is None:
        return Score(fn=1)
    return Score(tp=1) if expected == predicted else Score(fp=1, fn=1)


def text_match(expected: str | None, predicted: str | None) -> Score:
    """A job fact as written: equal once squashed, or one holding the other (a label's tail)."""
    if expected is None:
        return Score(fp=int(predicted is not None))
    if predicted is None:
        return Score(fn=1)
    a, b = squash(expected).strip(" .,;:"), squash(predicted).strip(" .,;:")
    return Score(tp=1) if a == b or (len(b) >= 4 and (a in b or b in a)) else Score(fp=1, fn=1)


def multiset(expected: Iterable[Any], predicted: Iterable[Any]) -> Score:
    wanted, found = Counter(expected), Counter(predicted)
    hits = sum((wanted & found).values())
    return Score(tp=hits, fp=sum(found.values()) - hits, fn=sum(wanted.values()) - hits)


def _names(area: Json) -> list[frozenset[str]]:
    return [room_words(n) for n in [area["name"], *area.get("aliases", [])] if room_words(n)]


def area_matches(area: Json, room: str | None) -> bool:
    """A predicted room is an expected area when their words agree, one side's holding the other's
    (so "Bedroom 3 carpet" is "Bedroom 3", but "Bedroom 2" is not "Bedroom 3")."""
    words = room_words(room)
    if not words:
        return False
    return any(words == name or name < words or words < name for name in _names(area))


def match_areas(expected: list[Json], predicted: list[Json]) -> dict[int, int]:
    """expected index -> predicted index, one to one, the closest names first."""
    pairs = []
    for i, area in enumerate(expected):
        for j, found in enumerate(predicted):
            if area_matches(area, found.get("room")):
                exact = any(room_words(found.get("room")) == name for name in _names(area))
                pairs.append((0 if exact else 1, i, j))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(pairs):
        if i not in matched and j not in used:
            matched[i] = j
            used.add(j)
    return matched


def _sqft(measure: Json | None) -> float | None:
    if not measure or measure.get("value") is None:
        return None
    return float(measure["value"]) * (SQFT_PER_M2 if measure.get("unit") == "m2" else 1.0)


def _floor_sqft(dimensions: Json | None) -> float | None:
    if not dimensions:
        return None
    factor = FT_PER_M if dimensions.get("unit") == "m" else 1.0
    return float(dimensions["length"]) * float(dimensions["width"]) * factor * factor


def _close(expected: float | None, predicted: float | None, tolerance: float) -> Score:
    if expected is None:
        return Score()
    if predicted is None:
        return Score(fn=1)
    return Score(tp=1) if abs(predicted - expected) <= tolerance * expected else Score(fp=1, fn=1)


def _reading_unit_ok(expected: str, predicted: str) -> bool:
    generic = {"%", "REL"}
    return (
        expected == predicted
        or expected in generic
        or predicted in generic
        or {expected, predicted}
        == {
            "%",
            "%MC",
        }
    )


@dataclass
class CaseResult:
    case: Case
    scores: dict[str, Score] = field(default_factory=dict)
    violations: list[str] = field(default_factory=list)
    qa_errors: list[str] = field(default_factory=list)
    predicted: Json = field(default_factory=dict)


def _grade(truth: Json | None) -> Any:
    return None if truth is None else truth.get("value")


def _readings_score(truth: Json, predicted: Json, matched: dict[int, int]) -> Score:
    areas = truth.get("areas", [])
    by_name = {area["name"]: area for area in areas}
    remaining = list(predicted.get("moistureReadings", []))
    score = Score()
    for reading in truth.get("readings", []):
        value = float(reading["value"])
        area = by_name.get(reading.get("area"))

        def fits(
            found: Json, reading: Json = reading, value: float = value, area: Json | None = area
        ) -> bool:
            if abs(float(found["value"]) - value) > 0.051:
                return False
            if not _reading_unit_ok(reading["unit"], found.get("unit", "%")):
                return False
            if reading.get("date") and found.get("takenOn") and reading["date"] != found["takenOn"]:
                return False
            if reading.get("isReference"):
                return bool(found.get("isReference")) or (
                    area is not None and area_matches(area, found["location"])
                )
            return area is None or area_matches(area, found.get("location"))

        hit = next((i for i, found in enumerate(remaining) if fits(found)), None)
        if hit is None:
            score.fn += 1
        else:
            remaining.pop(hit)
            score.tp += 1
    score.fp += len(remaining)
    return score


def _materials(truth_area: Json) -> list[str]:
    return sorted({material_key(m) for m in truth_area.get("materials", [])})


def _scope_key(item: Json) -> tuple[float, str]:
    return (round(float(item["quantity"]), 1), unit_key(item.get("unit")))


def _equipment(predicted: Json) -> list[tuple[str, int]]:
    totals: Counter[str] = Counter()
    for item in predicted.get("equipment", []):
        stated = item.get("statedQuantity")
        if stated is not None:
            totals[item["kind"]] = max(totals[item["kind"]], int(stated))
    return sorted(totals.items())


def _date_of_loss(predicted: Json) -> str | None:
    return ((predicted.get("job") or {}).get("dateOfLoss") or {}).get("value")


_FT_PER_UNIT = {"m": FT_PER_M, "cm": FT_PER_M / 100, "mm": FT_PER_M / 1000, "in": 1 / 12, "ft": 1.0}


def _expected_sides(truth: Json, areas: list[Json]) -> dict[int, list[float]]:
    """Per predicted area matched to an expected one, the expected room's sides in feet."""
    expected = truth.get("areas", [])
    out: dict[int, list[float]] = {}
    for i, j in match_areas(expected, areas).items():
        dimensions = expected[i].get("dimensions")
        if dimensions and dimensions.get("length") and dimensions.get("width"):
            factor = _FT_PER_UNIT.get(str(dimensions.get("unit")).lower(), 1.0)
            out[j] = sorted([float(dimensions["length"]) * factor, float(dimensions["width"]) * factor])
    return out


def _violations(truth: Json, predicted: Json) -> list[str]:
    out: list[str] = []
    areas = predicted.get("affectedAreas", [])
    expected_materials = {material_key(m) for a in truth.get("areas", []) for m in a.get("materials", [])}
    for trap in truth.get("traps", []):
        kind = trap["kind"]
        if kind == "not_area":
            # (a predicted room named exactly as an expected area is that area, another room than the
            # trap's: "Hall cupboard" is no "Hallway", though its words hold the trap's)
            expected_names = {name for a in truth.get("areas", []) for name in _names(a)}
            bad = [
                a["room"]
                for a in areas
                if room_words(trap["text"])
                and room_words(trap["text"]) <= room_words(a["room"])
                and (
                    room_words(a["room"]) not in expected_names
                    or room_words(a["room"]) == room_words(trap["text"])
                )
            ]
            # a trap phrase that is also an expected area's exact name is about another use of it
            if bad and not any(room_words(trap["text"]) in _names(a) for a in truth.get("areas", [])):
                out.append(f"not_area {trap['text']!r}: predicted {bad}")
        elif kind == "not_material":
            key = material_key(trap["material"])
            if key not in expected_materials and any(
                key in {material_key(m) for m in a.get("materials", [])} for a in areas
            ):
                out.append(f"not_material {trap['material']!r}")
        elif kind == "not_hazard":
            if trap["hazard"] in {h.get("kind") for h in predicted.get("safetyHazards", [])} and trap[
                "hazard"
            ] not in truth.get("hazards", []):
                out.append(f"not_hazard {trap['hazard']!r}")
        elif kind == "not_reference":
            # A reference reading of the trap's value, read from the trap's line (or, when the
            # truth's own dry standards never take that value, from anywhere)
            value = float(trap["value"])
            truth_has = any(
                r.get("isReference") and abs(float(r["value"]) - value) < 0.051
                for r in truth.get("readings", [])
            )
            if any(
                r.get("isReference")
                and abs(float(r["value"]) - value) < 0.051
                and (not truth_has or trap["line"] in ((r.get("source") or {}).get("text") or ""))
                for r in predicted.get("moistureReadings", [])
            ):
                out.append(f"not_reference {trap['value']}")
        elif kind in {"not_category", "not_class"}:
            name = "waterCategory" if kind == "not_category" else "waterClass"
            if _grade(predicted.get(name)) == trap["value"]:
                out.append(f"{kind} {trap['value']}")
        elif kind == "not_dimension":
            # A size that is not a room's (a cut, a hole, a cabinet): two sides, or one ("a 750 mm
            # vanity"), in the unit written
            factor = _FT_PER_UNIT.get(str(trap["unit"]).lower(), 1.0)
            sides = sorted(float(trap[k]) * factor for k in ("length", "width") if trap.get(k) is not None)
            size = "x".join(str(trap[k]) for k in ("length", "width") if trap.get(k) is not None)
            expected_sides = _expected_sides(truth, areas)
            for index, area in enumerate(areas):
                if not (area.get("lengthFt") and area.get("widthFt")):
                    continue
                found = sorted([area["lengthFt"], area["widthFt"]])
                if expected_sides.get(index) is not None and all(
                    abs(a - b) <= 0.06 * max(b, 1) for a, b in zip(found, expected_sides[index], strict=True)
                ):
                    continue  # the room's own size, which shares a side with the trap's ("4.2 x 3.6 m")
                close = [any(abs(a - b) <= 0.06 * max(b, 1) for a in found) for b in sides]
                matched = (
                    all(abs(a - b) <= 0.06 * max(b, 1) for a, b in zip(found, sides, strict=True))
                    if len(sides) == 2
                    else all(close)
                )
                if matched:
                    out.append(f"not_dimension {size} {trap['unit']} on {area['room']!r}")
        elif kind == "not_date_of_loss" and _date_of_loss(predicted) == trap["date"]:
            out.append(f"not_date_of_loss {trap['date']}")
    return out


def score_case(case: Case, predicted: Json) -> CaseResult:
    truth = case.truth
    result = CaseResult(case, predicted=predicted)
    s = result.scores
    s["damageType"] = scalar(truth["damageType"], predicted.get("damageType"))
    s["cause"] = (
        (Score(tp=1) if predicted.get("causeOfLoss") else Score(fn=1))
        if truth.get("causeStated")
        else Score(fp=int(bool(predicted.get("causeOfLoss"))))
    )
    for name in ("waterCategory", "waterClass", "mouldCondition"):
        expected = truth.get(name)
        if expected is None and name == "mouldCondition" and truth["damageType"] != "mould":
            expected = {"value": None}
        if expected is not None:
            s[name] = scalar(expected.get("value"), _grade(predicted.get(name)))
    job, found_job = truth.get("job") or {}, predicted.get("job") or {}
    for name in ("claimNumber", "insured", "address"):
        s[f"job.{name}"] = text_match(job.get(name), (found_job.get(name) or {}).get("value"))
    for name in ("dateOfLoss", "inspectionDate"):
        s[f"job.{name}"] = scalar(job.get(name), (found_job.get(name) or {}).get("value"))

    expected_areas, found_areas = truth.get("areas", []), predicted.get("affectedAreas", [])
    matched = match_areas(expected_areas, found_areas)
    s["areas"] = Score(
        tp=len(matched), fp=len(found_areas) - len(matched), fn=len(expected_areas) - len(matched)
    )
    size, wet, materials = Score(), Score(), Score()
    for i, area in enumerate(expected_areas):
        found = found_areas[matched[i]] if i in matched else {}
        size.add(_close(_floor_sqft(area.get("dimensions")), found.get("floorAreaSqft"), 0.06))
        # "how much of it is wet": the wet floor, or for water from above the wet ceiling
        wet.add(
            _close(_sqft(area.get("wetArea")), found.get("wetFloorSqft") or found.get("wetCeilingSqft"), 0.1)
        )
        found_materials = sorted({material_key(m) for m in found.get("materials", [])})
        materials.add(multiset(_materials(area), found_materials))
    for j, found in enumerate(found_areas):
        if j not in matched.values():
            materials.fp += len({material_key(m) for m in found.get("materials", [])})
    s["area size"], s["wet extent"], s["materials"] = size, wet, materials
    s["readings"] = _readings_score(truth, predicted, matched)
    s["hazards"] = multiset(
        set(truth.get("hazards", [])), {h.get("kind") for h in predicted.get("safetyHazards", [])}
    )
    s["scope"] = multiset(
        [_scope_key(i) for i in truth.get("scope", []) if i.get("quantity") is not None],
        [_scope_key(i) for i in predicted.get("scopeOfWork", []) if i.get("quantity") is not None],
    )
    s["equipment"] = multiset(
        [(i["kind"], i["maxOnSite"]) for i in truth.get("equipment", [])], _equipment(predicted)
    )
    result.violations = _violations(truth, predicted)
    return result


def paraphrase_disagreements(results: list[CaseResult]) -> dict[str, list[str]]:
    """Per paraphrase set, which key facts its tellings did not agree on."""
    sets: dict[str, list[CaseResult]] = {}
    for result in results:
        name = result.case.truth.get("paraphraseSet")
        if name:
            sets.setdefault(name, []).append(result)
    out: dict[str, list[str]] = {}
    for name, members in sorted(sets.items()):
        facts: dict[str, set[str]] = {"category": set(), "class": set(), "areas": set(), "readings": set()}
        for r in members:
            p = r.predicted
            facts["category"].add(repr(_grade(p.get("waterCategory"))))
            facts["class"].add(repr(_grade(p.get("waterClass"))))
            expected = r.case.truth.get("areas", [])
            m = match_areas(expected, p.get("affectedAreas", []))
            names = sorted(expected[i]["name"] for i in m) + sorted(
                "?" for j in range(len(p.get("affectedAreas", []))) if j not in m.values()
            )
            facts["areas"].add(repr(names))
            facts["readings"].add(repr(sorted(float(x["value"]) for x in p.get("moistureReadings", []))))
        out[name] = [k for k, v in facts.items() if len(v) > 1]
    return out


def _fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.2f}"


def print_table(title: str, scores: dict[str, Score]) -> None:
    """A field per row: precision, recall and the counts behind them."""
    print(f"\n{title}")
    print(f"  {'field':<24} {'prec':>6} {'recall':>6}    tp  fp  fn")
    for name, score in scores.items():
        counts = f"{score.tp:4d} {score.fp:3d} {score.fn:3d}"
        print(f"  {name:<24} {_fmt(score.precision)} {_fmt(score.recall)}  {counts}")
