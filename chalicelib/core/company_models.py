"""The company a user's reports name: its name, licence or ABN, address, contact and logo.

The logo arrives as data in `PUT /settings` (a small PNG or JPEG, base64, optionally as a
`data:` URL), is checked and re-encoded (`extract/logo.py`) and kept in the blob store; the
settings record keeps only where it is and what it is.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from chalicelib.core.api_model import ApiModel, RequestModel

# The logo a report prints is a few centimetres wide: 512 KB of PNG or JPEG is plenty, and the
# request (base64, a third larger) stays well under API Gateway's and Lambda's limits.
MAX_LOGO_BYTES = 512 * 1024
# The text field is allowed four times the logo's base64 so that a logo somewhat too large is
# refused with its own code (LOGO_TOO_LARGE) rather than as a string too long.
MAX_LOGO_BASE64 = 4 * ((MAX_LOGO_BYTES * 4) // 3)

CompanyText = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class LogoRef(ApiModel):
    """Where the checked logo is kept, and what it is."""

    key: str = Field(description="Blob key of the re-encoded logo")
    content_type: str = Field(description='"image/png" or "image/jpeg"')
    sha256: str
    width: int
    height: int
    size: int = Field(description="Bytes of the re-encoded logo")


class CompanyProfile(ApiModel):
    name: str | None = None
    licence: str | None = Field(default=None, description="Licence or registration, e.g. an ABN")
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    logo: LogoRef | None = None


class CompanyRequest(RequestModel):
    """The company's details; each field sent replaces the one kept. `logo` omitted keeps the
    current logo, `null` removes it."""

    name: CompanyText | None = None
    licence: CompanyText | None = Field(default=None, description='e.g. "ABN 12 345 678 901", "Lic. 123456C"')
    address: Annotated[str, StringConstraints(min_length=1, max_length=500)] | None = None
    phone: Annotated[str, StringConstraints(min_length=3, max_length=40)] | None = None
    email: Annotated[str, StringConstraints(min_length=3, max_length=200)] | None = None
    logo: Annotated[str, StringConstraints(min_length=1, max_length=MAX_LOGO_BASE64)] | None = Field(
        default=None,
        description=f"A PNG or JPEG of at most {MAX_LOGO_BYTES // 1024} KB and 2000 x 2000 pixels, base64"
        " (a data: URL is accepted); null removes the logo",
    )
