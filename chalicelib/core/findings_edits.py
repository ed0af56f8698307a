"""Editing the findings during review: JSON Merge Patch (RFC 7396) or JSON Patch (RFC 6902),
guarded by `If-Match`, validated by the findings model, checked by QA again on every edit.

The findings' entity tag is a hash of their JSON, so it changes exactly when they do. An edit is
stored under its own key (`findings-<etag>.json`, its QA result beside it) before the workflow
record points at it, in a write conditional on the tag the editor read: of two editors racing,
one wins and the other gets `409`, and nobody ever reads half an edit. A fact the reviewer added
or changed cites the reviewer (`source.enteredBy`), not a line of the notes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from types import UnionType
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from chalicelib.analysis import Findings, QaResult, check_findings
from chalicelib.analysis.findings import SourceSpan
from chalicelib.analysis.photo_rules import with_photos_now
from chalicelib.core import templates
from chalicelib.core.documents import WorkFile, findings_key_of, qa_key_of, work_key
from chalicelib.core.errors import (
    ConflictError,
    InvalidRequestError,
    PreconditionRequiredError,
    UnsupportedMediaTypeError,
    VersionConflictError,
)
from chalicelib.core.models import Workflow, WorkflowStatus, iso, utc_now
from chalicelib.core.photos import evidence
from chalicelib.core.ports import ConditionFailed, NotFound, Ports
from chalicelib.core.review import severity_counts

MERGE_PATCH = "application/merge-patch+json"
JSON_PATCH = "application/json-patch+json"
# Keys the analyzer sets and a reviewer may not change.
SERVER_KEYS = ("analyzer", "analyzerVersion")
# Keys that hold a fact's source: in an object beside the fact, or beside a top-level field
# (`damageType` and `damageTypeEvidence`).
SOURCE_KEYS = ("source", "statedSource")
EVIDENCE_SUFFIX = "Evidence"
# An audit entry lists at most this many changes, each value cut to this many characters.
MAX_AUDITED_CHANGES = 50
MAX_AUDITED_VALUE = 300


@dataclass(frozen=True)
class FindingsView:
    findings: dict[str, Any]
    qa: dict[str, Any]
    etag: str


@dataclass(frozen=True)
class Edit:
    workflow: Workflow
    view: FindingsView
    changes: list[dict[str, Any]]


def etag_of(findings: dict[str, Any]) -> str:
    canonical = json.dumps(findings, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


def read(ports: Ports, workflow: Workflow) -> FindingsView:
    """The workflow's findings as they stand (edited or as analysed) and their QA result, its
    photo rules judged against the photos received by now (a reviewer adding the photos QA asked
    for sees those warnings answered, as the DRAFT they render shows them)."""
    try:
        findings = ports.blobs.get_json(findings_key_of(workflow))
        qa = ports.blobs.get_json(qa_key_of(workflow))
    except NotFound:
        raise ConflictError(
            "The findings are ready once the workflow has been through QA", code="FINDINGS_NOT_READY"
        ) from None
    now = with_photos_now(
        QaResult.model_validate(qa),
        Findings.model_validate(findings),
        evidence(ports, workflow.id),
        templates.qa_settings(ports, workflow),
    )
    return FindingsView(findings=findings, qa=now.model_dump(mode="json"), etag=etag_of(findings))


# --- patches ------------------------------------------------------------------------------------


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396: objects merge member by member, `null` removes a member, anything else replaces."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def apply_patch(document: dict[str, Any], body: Any, content_type: str) -> dict[str, Any]:
    """`document` with the patch applied; InvalidRequestError, or 409 for a failed `test`."""
    import jsonpatch  # deferred: only this route patches

    kind = content_type.split(";", 1)[0].strip().lower()
    if kind == "application/json":
        kind = JSON_PATCH if isinstance(body, list) else MERGE_PATCH
    if kind == MERGE_PATCH:
        if not isinstance(body, dict):
            raise InvalidRequestError("A merge patch is a JSON object", code="INVALID_PATCH")
        patched = merge_patch(document, body)
    elif kind == JSON_PATCH:
        if not isinstance(body, list):
            raise InvalidRequestError("A JSON Patch is an array of operations", code="INVALID_PATCH")
        try:
            patched = jsonpatch.apply_patch(document, body)
        except jsonpatch.JsonPatchTestFailed as exc:
            raise ConflictError(f"A test operation failed: {exc}", code="PATCH_TEST_FAILED") from None
        except (jsonpatch.JsonPatchException, jsonpatch.JsonPointerException, TypeError) as exc:
            raise InvalidRequestError(f"The patch cannot be applied: {exc}", code="INVALID_PATCH") from None
    else:
        raise UnsupportedMediaTypeError(
            f"Send the patch as {MERGE_PATCH} or {JSON_PATCH}", code="UNSUPPORTED_PATCH_TYPE"
        )
    if not isinstance(patched, dict):
        raise InvalidRequestError("The patched findings must stay an object", code="INVALID_PATCH")
    return patched


# --- what changed, and who entered it ---------------------------------------------------------------


def changes_between(before: Any, after: Any, path: str = "") -> Iterator[dict[str, Any]]:
    """Every leaf that differs, as `{path, before, after}` (JSON Pointer paths), sources left out."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after)):
            if key in SOURCE_KEYS or key.endswith(EVIDENCE_SUFFIX):
                continue
            yield from changes_between(before.get(key), after.get(key), f"{path}/{key}")
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            yield from changes_between(old, new, f"{path}/{index}")
    elif before != after:
        yield {"path": path or "/", "before": before, "after": after}


def _without_sources(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_sources(v) for k, v in value.items() if k not in SOURCE_KEYS}
    if isinstance(value, list):
        return [_without_sources(v) for v in value]
    return value


def _models_in(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The pydantic model a field holds (in a list, or optional), and whether it is a list."""
    origin = get_origin(annotation)
    if origin is list:
        model, _ = _models_in(get_args(annotation)[0])
        return model, True
    if origin in (Union, UnionType):
        for arg in get_args(annotation):
            model, many = _models_in(arg)
            if model is not None:
                return model, many
        return None, False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    return None, False


def mark_entered(model: type[BaseModel], before: Any, after: Any, entry: dict[str, Any]) -> Any:
    """`after` (JSON of `model`), with every fact the reviewer added or changed citing `entry`.

    A fact is an object whose model has a source (`source`, a classification's `evidence`), or a
    top-level field with an `...Evidence` beside it. What the reviewer left as it was keeps its
    line; what they added or changed is theirs.
    """
    if not isinstance(after, dict):
        return after
    old: dict[str, Any] = before if isinstance(before, dict) else {}
    marked = dict(after)
    spans: list[str] = []
    for name, info in model.model_fields.items():
        key = info.alias or name
        inner, many = _models_in(info.annotation)
        if inner is SourceSpan:
            spans.append(key)
            continue
        if inner is None or key not in marked:
            continue
        if many and isinstance(marked[key], list):
            previous = old.get(key)
            olds: list[Any] = previous if isinstance(previous, list) else []
            marked[key] = [
                mark_entered(inner, olds[i] if i < len(olds) else None, item, entry)
                for i, item in enumerate(marked[key])
            ]
        elif not many:
            marked[key] = mark_entered(inner, old.get(key), marked[key], entry)
    changed = _without_sources(_without_evidence(after)) != _without_sources(_without_evidence(old))
    for key in spans:
        if key == "source" and (changed or key not in marked):
            marked[key] = dict(entry)
        elif key == "evidence" and changed:
            marked[key] = [dict(entry)]
        elif key.endswith(EVIDENCE_SUFFIX):
            fact = key.removesuffix(EVIDENCE_SUFFIX)
            if marked.get(fact) is not None and marked.get(fact) != old.get(fact):
                marked[key] = dict(entry)
    return marked


def _without_evidence(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if not k.endswith(EVIDENCE_SUFFIX) and k != "evidence"}
    return value


def _audited(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def cut(value: Any) -> Any:
        text = json.dumps(value, ensure_ascii=False)
        return value if len(text) <= MAX_AUDITED_VALUE else text[: MAX_AUDITED_VALUE - 1] + "\u2026"

    return [
        {**c, "before": cut(c["before"]), "after": cut(c["after"])} for c in changes[:MAX_AUDITED_CHANGES]
    ]


# --- the edit -------------------------------------------------------------------------------------


def parse_if_match(value: str | None) -> str:
    if value is None or not value.strip():
        raise PreconditionRequiredError(
            "Send If-Match with the findings' ETag (from GET .../findings)", code="IF_MATCH_REQUIRED"
        )
    return value.strip().removeprefix("W/").strip('"')


def edit(
    ports: Ports, workflow: Workflow, editor: str, body: Any, content_type: str, if_match: str | None
) -> Edit:
    """Apply a reviewer's patch to the findings of a workflow in review, and check them again."""
    expected = parse_if_match(if_match)
    if workflow.status is not WorkflowStatus.NEEDS_REVIEW:
        raise ConflictError(
            f"The findings can be edited while the workflow is in review; it is {workflow.status.value}",
            code="NOT_IN_REVIEW",
        )
    current = read(ports, workflow)
    if current.etag != expected:
        raise VersionConflictError("The findings changed since they were read; read them again")
    patched = apply_patch(current.findings, body, content_type)
    for key in SERVER_KEYS:
        if key in current.findings:
            patched[key] = current.findings[key]
    entry = {"text": f"Entered on review, {iso(utc_now())[:10]}", "enteredBy": editor}
    patched = mark_entered(Findings, current.findings, patched, entry)
    try:
        findings = Findings.model_validate(patched)
    except ValidationError as exc:
        raise InvalidRequestError(
            "The edited findings are not valid",
            code="INVALID_FINDINGS",
            details=exc.errors(include_url=False, include_context=False, include_input=False),
        ) from None
    document = findings.model_dump(mode="json", by_alias=True)
    changes = list(changes_between(current.findings, document))
    if not changes:
        return Edit(workflow, current, [])
    qa = check_findings(
        findings,
        reference=_reference(ports, workflow),
        photos=evidence(ports, workflow.id),
        template=templates.qa_settings(ports, workflow),
    )
    qa_document = qa.model_copy(update={"checked_at": iso(utc_now())}).model_dump(mode="json")
    etag = etag_of(document)
    findings_key = work_key(workflow.user_id, workflow.id, f"findings-{etag}.json")
    qa_key = work_key(workflow.user_id, workflow.id, f"qa-{etag}.json")
    # The documents first: the record never points at what is not there.
    ports.blobs.put_json(findings_key, document)
    ports.blobs.put_json(qa_key, qa_document)
    errors, warnings = severity_counts(qa_document)
    fields = sorted({c["path"].split("/")[1] for c in changes if c["path"] != "/"})

    def to_edited(record: Workflow) -> None:
        if record.status is not WorkflowStatus.NEEDS_REVIEW or record.review is None:
            raise ConflictError("The workflow is no longer in review", code="NOT_IN_REVIEW")
        # Until the first edit the record has no tag: the findings are the analysed ones, read above.
        if (record.findings_etag or current.etag) != expected:
            raise VersionConflictError("The findings changed since they were read; read them again")
        record.findings_key, record.qa_key, record.findings_etag = findings_key, qa_key, etag
        record.review = record.review.model_copy(
            update={
                "edits": record.review.edits + 1,
                "edited_fields": fields,
                "qa_errors": errors,
                "qa_warnings": warnings,
            }
        )

    try:
        updated = ports.workflows.update(workflow.id, to_edited, read=workflow)
    except ConditionFailed as exc:
        raise VersionConflictError("The findings changed since they were read; read them again") from exc
    from chalicelib.report.files import render_report_files  # deferred: the renderers

    # The draft the reviewer downloads shows the findings as they now stand.
    render_report_files(ports, updated, draft=True)
    return Edit(updated, FindingsView(document, qa_document, etag), _audited(changes))


def _reference(ports: Ports, workflow: Workflow) -> Findings | None:
    """The offline analyzer's findings QA cross-checks Claude's with, when QA made them."""
    try:
        return Findings.model_validate(
            ports.blobs.get_json(work_key(workflow.user_id, workflow.id, WorkFile.REFERENCE))
        )
    except NotFound:
        return None
