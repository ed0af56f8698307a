"""The company a user's reports name, set through `PUT /settings`, and its logo.

A request is checked whole before anything is written: a logo that is not a small PNG or JPEG is
refused with its own code (`INVALID_LOGO`, `LOGO_TOO_LARGE`) and neither the blob store nor the
settings record changes. The logo is kept under a key named by its hash, so a new logo never
overwrites the bytes an older record points at.
"""

from __future__ import annotations

import base64
import binascii
import re

from chalicelib.core.company_models import MAX_LOGO_BYTES, CompanyProfile, CompanyRequest, LogoRef
from chalicelib.core.errors import InvalidRequestError, PayloadTooLargeError
from chalicelib.core.ports import NotFound, Ports

_DATA_URL = re.compile(r"^data:image/(?:png|jpeg|jpg);base64,", re.IGNORECASE)


class InvalidLogoError(InvalidRequestError):
    code = "INVALID_LOGO"


class LogoTooLargeError(PayloadTooLargeError):
    code = "LOGO_TOO_LARGE"


def logo_key(user_id: str, sha256: str, extension: str) -> str:
    return f"company/{user_id}/logo-{sha256[:16]}.{extension}"


def updated(
    ports: Ports, user_id: str, current: CompanyProfile | None, request: CompanyRequest | None
) -> CompanyProfile | None:
    """The profile after the request: `None` removes it; each field sent replaces its own."""
    if request is None:
        return None
    sent = request.model_fields_set
    changes: dict[str, object] = {name: getattr(request, name) for name in sent if name != "logo"}
    if "logo" in sent:
        changes["logo"] = _stored_logo(ports, user_id, request.logo) if request.logo is not None else None
    return (current or CompanyProfile()).model_copy(update=changes)


def _decoded(text: str) -> bytes:
    payload = _DATA_URL.sub("", text.strip(), count=1)
    try:
        data = base64.b64decode("".join(payload.split()), validate=True)
    except (binascii.Error, ValueError) as error:
        raise InvalidLogoError("The logo must be base64 data (or a data: URL) of a PNG or JPEG") from error
    if not data:
        raise InvalidLogoError("The logo is empty")
    if len(data) > MAX_LOGO_BYTES:
        raise LogoTooLargeError(f"The logo is {len(data)} bytes; at most {MAX_LOGO_BYTES} are accepted")
    return data


def _stored_logo(ports: Ports, user_id: str, text: str) -> LogoRef:
    from chalicelib.extract.logo import LogoRejectedError, check_logo  # deferred: Pillow

    try:
        logo = check_logo(_decoded(text))
    except LogoRejectedError as error:
        raise InvalidLogoError(str(error)) from error
    key = logo_key(user_id, logo.sha256, logo.extension)
    ports.blobs.put_bytes(key, logo.data, logo.content_type)
    return LogoRef(
        key=key,
        content_type=logo.content_type,
        sha256=logo.sha256,
        width=logo.width,
        height=logo.height,
        size=len(logo.data),
    )


def logo_bytes(ports: Ports, company: CompanyProfile | None) -> bytes | None:
    """The logo a report embeds; a logo gone from the store leaves the report without one."""
    if company is None or company.logo is None:
        return None
    try:
        return ports.blobs.get_bytes(company.logo.key)
    except NotFound:
        return None
