"""CORS for browsers: an allow-list of origins in settings, answered per request.

Only the listed origins are named back in `Access-Control-Allow-Origin` (never `*`, never a
reflection of whatever came). No credentials mode: callers send a bearer token they hold in
memory, not a cookie, so a page on another origin cannot make the browser act for a user.
"""

from __future__ import annotations

from chalicelib.settings import Settings

ALLOWED_METHODS = "GET, POST, PATCH, DELETE, OPTIONS"
ALLOWED_HEADERS = "Authorization, Content-Type, If-Match"
# What a browser script may read besides the basics: the version for If-Match, and when to retry.
EXPOSED_HEADERS = "ETag, Retry-After"
PREFLIGHT_MAX_AGE_SECONDS = 600


def is_allowed(origin: str | None, settings: Settings) -> bool:
    return origin is not None and origin in settings.allowed_origins()


def response_headers(origin: str | None, settings: Settings) -> dict[str, str]:
    """Headers for an actual request's answer."""
    if not settings.allowed_origins():
        return {}
    headers = {"Vary": "Origin"}
    if is_allowed(origin, settings):
        assert origin is not None
        headers.update(
            {"Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": EXPOSED_HEADERS}
        )
    return headers


def preflight_headers(origin: str, settings: Settings) -> dict[str, str]:
    return {
        **response_headers(origin, settings),
        "Access-Control-Allow-Methods": ALLOWED_METHODS,
        "Access-Control-Allow-Headers": ALLOWED_HEADERS,
        "Access-Control-Max-Age": str(PREFLIGHT_MAX_AGE_SECONDS),
    }
