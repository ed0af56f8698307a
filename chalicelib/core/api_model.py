"""The base models of every API contract: camelCase on the wire, snake_case in Python.

Apart from `models` so that contracts in their own modules (`company_models`) can share them
without importing `models`, which imports those contracts in turn.
"""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator
from pydantic.alias_generators import to_camel


class ApiModel(BaseModel):
    """camelCase JSON, snake_case Python."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        # Each contract's validator is built when first used, not at import: a Lambda's cold start
        # pays only for the contracts its requests touch
        defer_build=True,
    )


class RequestModel(ApiModel):
    """Request bodies: an unknown field is a client bug worth telling about."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="before")
    @classmethod
    def _booleans_are_not_numbers(cls, value: Any, info: ValidationInfo) -> Any:
        # Pydantic's lax mode reads `"size": true` as 1: a client sending a boolean where a number
        # belongs has a bug worth telling about, not a one-byte upload.
        if isinstance(value, bool) and info.field_name is not None:
            annotation = cls.model_fields[info.field_name].annotation
            kinds = set(get_args(annotation)) | {annotation}
            if bool not in kinds and kinds & {int, float}:
                raise ValueError("must be a number, not true or false")
        return value
