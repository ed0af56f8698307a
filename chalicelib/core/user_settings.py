"""A user's settings: their defaults for new workflows (whether review is required), their
company's line-item catalogue for the report's scope of work, and the company the reports name
(`company`)."""

from __future__ import annotations

from chalicelib.core import company
from chalicelib.core.company_models import CompanyProfile
from chalicelib.core.models import LineItemCatalogue, UserSettings, UserSettingsRequest, utc_now
from chalicelib.core.ports import Ports


def read(ports: Ports, user_id: str) -> UserSettings:
    return ports.user_settings.get(user_id) or UserSettings()


def update(ports: Ports, user_id: str, request: UserSettingsRequest) -> UserSettings:
    """The fields the request sent replace the user's; the others stay as they were (a client
    that toggles review need not resend the company's catalogue)."""
    changes = {name: getattr(request, name) for name in request.model_fields_set}
    current = read(ports, user_id)
    if "company" in changes:  # checked (and its logo stored) before the record is written
        changes["company"] = company.updated(ports, user_id, current.company, request.company)
    settings = current.model_copy(update={**changes, "updated_at": utc_now()})
    ports.user_settings.put(user_id, settings)
    return settings


def line_item_catalogue(ports: Ports, user_id: str) -> LineItemCatalogue | None:
    """The user's own catalogue, or None for the shipped default."""
    return read(ports, user_id).line_item_catalogue


def review_required(
    ports: Ports, user_id: str, asked: bool | None, settings: UserSettings | None = None
) -> bool:
    """What the request asked for, else the user's default (from `settings`, when the caller
    has read them already)."""
    if asked is not None:
        return asked
    return (settings or read(ports, user_id)).review_required


def company_profile(ports: Ports, user_id: str) -> CompanyProfile | None:
    return read(ports, user_id).company
