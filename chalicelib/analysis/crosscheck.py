"""The cross-check: findings from Claude against the offline rules' own reading of the notes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from chalicelib.analysis.findings import (
    AtmosphericReading,
    Classification,
    EquipmentItem,
    EquipmentKind,
    FindingField,
    Findings,
    SourceSpan,
)
from chalicelib.analysis.offline.classification import STATED_PREFIX
from chalicelib.analysis.qa_issues import LABELS, QaIssue, Severity, issue
from chalicelib.analysis.standards import (
    ReferenceKey,
    Standards,
)

# --- the cross-check against the offline analyzer ---------------------------------------------
#
# The reference is a second reading of the same notes by rules that see less than a careful
# reader: a table they cannot parse, a class nobody wrote, a reading on a line they skip. What the
# rules did not find is their blind spot, not the findings' error: a value only the findings
# determined is at most "info", a reading the rules did not find (or cannot pair) is not compared,
# and a recommendation is compared only with one the rules calculated. A value both determined
# and read differently is a real disagreement, named with both readings; its severity is the
# rule's, except where the findings already record the conflict themselves (the grade the notes
# state, kept beside a worse judged one with the reason): then it is a warning.


def cross_check(findings: Findings, reference: Findings, standards: Standards) -> Iterator[QaIssue]:
    """Every disagreement with the rules' own reading of the same notes."""
    yield from _compare_grade(
        "CROSSCHECK_CATEGORY", "Category", FindingField.WATER_CATEGORY, "water_category", "error",
        findings.water_category, reference.water_category, standards,
    )  # fmt: skip
    yield from _compare_grade(
        "CROSSCHECK_CLASS", "Class", FindingField.WATER_CLASS, "water_class", "warning",
        findings.water_class, reference.water_class, standards,
    )  # fmt: skip
    yield from _compare_gpp(findings, reference, standards)
    yield from _compare_equipment(findings, reference, standards)


def _compare_grade(
    code: str,
    label: str,
    field: str,
    rule: ReferenceKey,
    severity: Severity,
    given: Classification | None,
    expected: Classification | None,
    standards: Standards,
) -> Iterator[QaIssue]:
    if given is not None and expected is not None and given.value != expected.value:
        reason = expected.justification or "stated in the notes"
        if _judged_above_stated(given, expected):
            # The notes state the rules' grade and the findings say why the evidence is worse:
            # the conflict is on record, in the safer direction; the adjuster confirms it.
            yield issue(
                standards,
                rule,
                code,
                "warning",
                field,
                f"{label} {given.value} is judged from the evidence against the {label} {given.stated}"
                f" the notes state (line {given.stated_source.line if given.stated_source else '?'});"
                f" the rules read {label} {expected.value} ({reason}). Confirm the source supports"
                f" {label} {given.value}.",
            )
            return
        yield issue(
            standards,
            rule,
            code,
            severity,
            field,
            f"{label} {given.value} is given; the rules read {label} {expected.value} from the notes"
            f" ({reason})",
        )
    elif given is None and expected is not None:
        yield issue(
            standards,
            rule,
            code,
            "warning",
            field,
            f"No {label.lower()} is given; the rules read {label} {expected.value}.",
        )
    elif given is not None and expected is None:
        yield issue(
            standards,
            rule,
            code,
            "info",
            field,
            f"{label} {given.value} is given; the rules could not determine it from the notes to confirm it.",
        )


def _judged_above_stated(given: Classification, expected: Classification) -> bool:
    """The findings keep the notes' own grade (the one the rules read), cite it, and judge worse."""
    # The rules echo a stated grade only when they found no evidence of their own: their
    # justification is then the statement itself (or nothing). A grade they judged stays an error.
    echoed = not expected.justification or expected.justification.startswith(STATED_PREFIX)
    return (
        given.stated is not None
        and given.stated_source is not None
        and given.stated == expected.value
        and given.value > given.stated
        and bool(given.justification.strip())
        and echoed
    )


def _compare_gpp(findings: Findings, reference: Findings, standards: Standards) -> Iterator[QaIssue]:
    # Both analyzers cite lines, so readings pair by line; on a line with several readings, by the
    # same temperature and RH, else by order when both found the same number there. A reading the
    # rules did not find (or cannot pair) is not compared: that is their blind spot.
    expected: dict[int, list[AtmosphericReading]] = defaultdict(list)
    for reading in reference.atmospheric_readings:
        if reading.gpp is not None and reading.source.line is not None:
            expected[reading.source.line].append(reading)
    given: dict[int, list[tuple[int, AtmosphericReading]]] = defaultdict(list)
    for index, reading in enumerate(findings.atmospheric_readings):
        if reading.gpp is not None and reading.source.line is not None:
            given[reading.source.line].append((index, reading))
    tolerance = standards.atmospheric.gpp_tolerance
    for line, readings in given.items():
        candidates = expected.get(line, [])
        same_count = len(candidates) == len(readings)
        for position, (index, reading) in enumerate(readings):
            other = next((c for c in candidates if _same_air(c, reading)), None)
            if other is None and same_count:
                other = candidates[position]
            if other is None or other.gpp is None or abs(other.gpp - (reading.gpp or 0)) <= tolerance:
                continue
            yield issue(
                standards,
                "psychrometrics",
                "CROSSCHECK_GPP",
                "warning",
                f"atmosphericReadings[{index}].gpp",
                f"{reading.gpp:g} GPP is given for line {line}; the rules read {other.gpp:g} GPP there.",
            )


def _same_air(one: AtmosphericReading, other: AtmosphericReading) -> bool:
    if one.temperature_f is None or one.relative_humidity is None:
        return False
    if other.temperature_f is None or other.relative_humidity is None:
        return False
    return (
        abs(one.temperature_f - other.temperature_f) < 0.5
        and abs(one.relative_humidity - other.relative_humidity) < 0.5
    )


def _compare_equipment(findings: Findings, reference: Findings, standards: Standards) -> Iterator[QaIssue]:
    expected = {item.kind: item for item in reference.equipment}
    for index, item in enumerate(findings.equipment):
        other = expected.get(item.kind)
        if other is None:
            continue
        rule: ReferenceKey = "air_movers" if item.kind is EquipmentKind.AIR_MOVER else "dehumidifiers"
        label = LABELS[item.kind]
        # A recommendation is compared only with one the rules calculated (their `quantity`
        # without inputs is the stated count repeated), and within the range the rules allow.
        if item.inputs and other.inputs and not _within_rules(item.quantity, other):
            yield issue(
                standards,
                rule,
                "CROSSCHECK_EQUIPMENT",
                "warning",
                f"{FindingField.EQUIPMENT}[{index}].quantity",
                f"{label}: {item.quantity} recommended; the rules calculate {_rules_quantity(other)}.",
            )
        given, wanted = item.stated_quantity, other.stated_quantity
        if given is not None and wanted is not None and given != wanted:
            # Both read a count placed from the notes: a real disagreement, named with both lines.
            yield issue(
                standards,
                rule,
                "CROSSCHECK_EQUIPMENT",
                "warning",
                f"{FindingField.EQUIPMENT}[{index}].statedQuantity",
                f"{label}: {given} placed{_at(item.source)}; the rules count {wanted}{_at(other.source)}."
                " Check which the notes support.",
            )


def _at(span: SourceSpan | None) -> str:
    return f" (line {span.line})" if span is not None else ""


def _within_rules(quantity: int, calculated: EquipmentItem) -> bool:
    least, most = calculated.inputs.get("least"), calculated.inputs.get("most")
    if least is not None and most is not None:
        return least <= quantity <= most
    return quantity == calculated.quantity


def _rules_quantity(calculated: EquipmentItem) -> str:
    least, most = calculated.inputs.get("least"), calculated.inputs.get("most")
    if least is not None and most is not None and least != most:
        return f"{calculated.quantity} (range {least:g}-{most:g})"
    return str(calculated.quantity)
