"""A user's settings: their defaults for new workflows (today, whether review is required)."""

from __future__ import annotations

from chalicelib.core.models import UserSettings, UserSettingsRequest, utc_now
from chalicelib.core.ports import Ports


def read(ports: Ports, user_id: str) -> UserSettings:
    return ports.user_settings.get(user_id) or UserSettings()


def update(ports: Ports, user_id: str, request: UserSettingsRequest) -> UserSettings:
    settings = UserSettings(review_required=request.review_required, updated_at=utc_now())
    ports.user_settings.put(user_id, settings)
    return settings


def review_required(ports: Ports, user_id: str, asked: bool | None) -> bool:
    """What the request asked for, else the user's default."""
    return asked if asked is not None else read(ports, user_id).review_required
