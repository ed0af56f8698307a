"""The dashboard (web/, built into web/dist by `make web`) served by the local HTTP gateway at `/`.

Paths under `/api/` stay the API's (an unknown one answers the API's 404); every other GET is the
page: `/config.json` names the WebSocket URL and the sign-in mode (the packaged template writes
the same file into the page's bucket), a file of web/dist is served as it is, and any other path
gets index.html (the page routes with the URL's fragment).
"""

from __future__ import annotations

import json
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "web" / "dist"
API_PREFIX = "/api/"
NOT_BUILT = b"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>RestoreAssist</title></head>
<body><main><h1>The dashboard is not built</h1><p>Run <code>make run</code> (it builds web/ with npm), or
<code>make web</code>, then reload.</p></main></body></html>"""
# The token travels in WebSocket and download URLs: never in a Referer header.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


@dataclass
class WebPage:
    config: dict[str, Any] = field(default_factory=dict)
    dist: Path = DIST

    def owns(self, method: str, raw_path: str) -> bool:
        """Whether a request is the page's rather than the API's."""
        path = urlsplit(raw_path).path
        return method in ("GET", "HEAD") and not (path == "/api" or path.startswith(API_PREFIX))

    def answer(self, raw_path: str) -> tuple[int, dict[str, str], bytes]:
        path = unquote(urlsplit(raw_path).path)
        if path == "/config.json":
            body = json.dumps(self.config).encode()
            return 200, {"Content-Type": "application/json", "Cache-Control": "no-store"}, body
        index = self.dist / "index.html"
        if not index.is_file():
            return 503, {"Content-Type": "text/html; charset=utf-8"}, NOT_BUILT
        target = (self.dist / path.lstrip("/")).resolve()
        inside = target == self.dist.resolve() or self.dist.resolve() in target.parents
        if inside and target.is_file():
            content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if content_type.startswith("text/") or content_type.endswith("javascript"):
                content_type += "; charset=utf-8"
            # Vite names assets by their hash: they never change under one name.
            cache = "public, max-age=31536000, immutable" if "/assets/" in path else "no-cache"
            return 200, {"Content-Type": content_type, "Cache-Control": cache}, target.read_bytes()
        if Path(path).suffix:  # a missing file, not a page
            return 404, {"Content-Type": "text/plain; charset=utf-8"}, b"Not found"
        return (
            200,
            {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache"},
            index.read_bytes(),
        )
