"""What the report templates' routes answer, for the OpenAPI document (`openapi.py` reads these
beside `operations.OPERATIONS`), with the envelopes they wrap templates in."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from chalicelib.api.envelopes import _Envelope
from chalicelib.api.operations import Answer, Operation
from chalicelib.core.template_models import (
    ReportTemplate,
    ShareTemplateRequest,
    TemplateBody,
    TemplateHead,
    UnshareTemplateQuery,
)


class TemplateList(_Envelope):
    templates: list[TemplateHead] = Field(
        description="The built-ins, then the account's own and those shared"
    )


class TemplateVersion(_Envelope):
    template: ReportTemplate


class TemplateDetail(_Envelope):
    template: TemplateHead
    versions: list[ReportTemplate] = Field(description="Every version, newest first; none ever changes")


class TemplateHeadResponse(_Envelope):
    template: TemplateHead


_NOT_FOUND: dict[int, tuple[str, ...]] = {404: ("TEMPLATE_NOT_FOUND",)}
_CHANGE_ERRORS: dict[int, tuple[str, ...]] = {
    403: ("TEMPLATE_ADMIN_REQUIRED", "TEMPLATE_READ_ONLY"),
    404: ("TEMPLATE_NOT_FOUND",),
    409: ("TEMPLATE_BUILT_IN", "TEMPLATE_RETIRED"),
}
_EXAMPLE: dict[str, Any] = {
    "name": "Water, insurer panel A",
    "lossTypes": ["water"],
    "sections": [
        {"kind": "summary", "title": "Overview"},
        {"kind": "loss"},
        {"kind": "classification"},
        {"kind": "affected-areas"},
        {"kind": "moisture-readings"},
        {"kind": "photos"},
        {"kind": "scope-of-work"},
        {"kind": "qa"},
        {"kind": "text", "title": "Terms", "text": "Payment within 30 days of the signed report."},
    ],
    "requiredFields": [
        {
            "path": "parties.adjuster",
            "code": "ADJUSTER_MISSING",
            "severity": "error",
            "message": "Name the insurer's adjuster: panel A rejects reports without one.",
        }
    ],
    "qaRules": {"off": ["VISIT_GAP"], "thresholds": {"maxDaysBetweenVisits": 2}},
    "branding": {"companyName": "Banksia Restorations", "primaryColour": "#0B5D3B"},
}
_BODY_DESCRIPTION = (
    "`sections`: the report's sections in order, each a `kind` the renderers draw (`summary`, `loss`, "
    "`classification`, `affected-areas`, `moisture-readings`, `drying-log`, `atmospheric-readings`, "
    "`equipment`, `photos`, `scope-of-work`, `safety-hazards`, `documentation-checklist` (the "
    "reviewer's DRAFT only), `qa`, "
    "`undetermined`, `sources`) with an optional `title`, or `text` with a `title` and its words; "
    "`loss`, `qa` and `photos` are always there. `requiredFields`: camelCase paths into the findings "
    "QA must find, each with the code, message and severity it raises (an error sends the workflow "
    "to review). `qaRules`: QA's own rules `off` or at another `severity`, and `thresholds`. "
    "`scope.catalogue`: the codes the scope's line items take. `branding`: company name and colours "
    "(unset: the settings' company and the house style). A signed-in owner or manager only."
)

TEMPLATE_OPERATIONS: dict[str, Operation] = {
    op.operation_id: op
    for op in (
        Operation(
            operation_id="listTemplates",
            summary="List the report templates the caller's account may use",
            description="The built-ins (water IICRC S500, mould S520, fire and smoke S700), then the "
            "account's own and those other accounts shared with it; retired ones say so.",
            tag="Templates",
            answer=Answer(200, "The templates", (TemplateList,)),
        ),
        Operation(
            operation_id="createTemplate",
            summary="Create a report template for the caller's account (its version 1)",
            description=_BODY_DESCRIPTION,
            tag="Templates",
            body=TemplateBody,
            body_examples={"custom": {"summary": "A water template for one insurer", "value": _EXAMPLE}},
            answer=Answer(201, "The template's first version", (TemplateVersion,)),
            errors={403: ("TEMPLATE_ADMIN_REQUIRED",)},
        ),
        Operation(
            operation_id="getTemplate",
            summary="A template and every version of it",
            tag="Templates",
            answer=Answer(200, "The template and its versions, newest first", (TemplateDetail,)),
            errors=_NOT_FOUND,
        ),
        Operation(
            operation_id="createTemplateVersion",
            summary="Make the template's next version",
            description="The whole template, as for creating one. Earlier versions never change: "
            "workflows that use them keep them. " + _BODY_DESCRIPTION,
            tag="Templates",
            body=TemplateBody,
            body_examples={"version": {"summary": "The same template, revised", "value": _EXAMPLE}},
            answer=Answer(201, "The new version", (TemplateVersion,)),
            errors={**_CHANGE_ERRORS, 409: (*_CHANGE_ERRORS[409], "VERSION_CONFLICT")},
        ),
        Operation(
            operation_id="retireTemplate",
            summary="Retire a template: new workflows may no longer choose it",
            description="Workflows that use it keep their version. A signed-in owner or manager only.",
            tag="Templates",
            answer=Answer(200, "The template", (TemplateHeadResponse,)),
            errors=_CHANGE_ERRORS,
        ),
        Operation(
            operation_id="shareTemplate",
            summary="Share a template with another account, read-only",
            description="Its members may then read it and choose it for their workflows; only its own "
            "account changes it. A signed-in owner or manager only.",
            tag="Templates",
            body=ShareTemplateRequest,
            answer=Answer(200, "The template", (TemplateHeadResponse,)),
            errors={**_CHANGE_ERRORS, 400: ("INVALID_SHARE",)},
        ),
        Operation(
            operation_id="unshareTemplate",
            summary="Stop sharing a template with another account",
            description="Its members no longer list, read or choose it; their workflows that use it "
            "keep their version. Idempotent: un-sharing again, or with an account it was never "
            "shared with, answers the template as it is. A signed-in owner or manager only; anyone "
            "whose account may not see the template gets 404.",
            tag="Templates",
            query=UnshareTemplateQuery,
            answer=Answer(200, "The template", (TemplateHeadResponse,)),
            errors={**_CHANGE_ERRORS, 400: ("INVALID_SHARE",)},
        ),
    )
}
