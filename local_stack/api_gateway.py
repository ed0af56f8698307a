"""Chalice's local API gateway, made to answer as the deployed stack does where Chalice's differs.

- An unknown route: Chalice answers 403 `{"message": "Missing Authentication Token"}` (API
  Gateway's own default, which echoes an Authorization header back). The packaged template maps
  that gateway response to a 404 in the API's error shape (`deploy/resources.json`), and the local
  gateway answers with that same body.
- The dashboard: every GET outside `/api/` is the page (local_stack/web.py), as CloudFront serves
  it from its bucket on AWS.
- The access log: a token sent in a query string (`?token=...`, as WebSocket and download links
  carry one) is written `token=[redacted]`, like every other log line (chalicelib/logs.py).
"""

from __future__ import annotations

import functools
import json
import re
import socket
from pathlib import Path
from typing import Any

from chalice.local import ChaliceRequestHandler, LocalDevServer, LocalGateway, LocalGatewayException

from local_stack.web import SECURITY_HEADERS, WebPage

APP_NAME = "restoreassist"
STAGE = "dev"
LISTEN_BACKLOG = 128
_ROOT = Path(__file__).resolve().parent.parent
# The deployed gateway's answer, read from the template so the two cannot drift apart.
_TEMPLATE = _ROOT / "deploy" / "resources.json"
_GATEWAY_RESPONSES = json.loads(_TEMPLATE.read_text())["Resources"]["RestAPI"]["Properties"]["DefinitionBody"]
ROUTE_NOT_FOUND: str = _GATEWAY_RESPONSES["x-amazon-apigateway-gateway-responses"][
    "MISSING_AUTHENTICATION_TOKEN"
]["responseTemplates"]["application/json"]
_SECRET_IN_QUERY = re.compile(r"(?i)\b(token|access_token|api_key|apikey|x-amz-signature)=[^&\s\"]+")


class RouteNotFoundError(LocalGatewayException):
    CODE = 404


class _RoutingGateway(LocalGateway):
    def _generate_lambda_event(self, method: str, path: str, headers: Any, body: bytes | None) -> Any:
        try:
            return super()._generate_lambda_event(method, path, headers, body)
        except ValueError:
            # (Chalice's gateway turns this ValueError into its 403; ours is not a ValueError)
            raise RouteNotFoundError({"Content-Type": "application/json"}, ROUTE_NOT_FOUND.encode()) from None


def redact_query_secrets(text: str) -> str:
    return _SECRET_IN_QUERY.sub(lambda match: f"{match.group(1)}=[redacted]", text)


class _RequestHandler(ChaliceRequestHandler):
    def __init__(
        self,
        request: Any,
        client_address: Any,
        server: Any,
        app_object: Any,
        config: Any,
        page: WebPage | None,
    ) -> None:
        # ChaliceRequestHandler's own __init__, with our gateway: the request is handled inside the
        # base class's __init__, so the gateway must be set before it runs
        self.local_gateway = _RoutingGateway(app_object, config)
        self.page = page
        super(ChaliceRequestHandler, self).__init__(request, client_address, server)

    def do_GET(self) -> None:
        if self.page is not None and self.page.owns(self.command, self.path):
            self._serve_page()
        else:
            self._generic_handle()

    do_HEAD = do_GET

    def _serve_page(self) -> None:
        assert self.page is not None
        status, headers, body = self.page.answer(self.path)
        self.send_response(status)
        for name, value in {**headers, **SECURITY_HEADERS, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        super().log_message("%s", redact_query_secrets(format % args))


def use_stack_gateway(server: LocalDevServer, app: Any, config: Any, page: WebPage | None = None) -> None:
    """Serve `server`'s requests with the handler above (and the dashboard, when given)."""
    server.server.RequestHandlerClass = functools.partial(
        _RequestHandler, app_object=app, config=config, page=page
    )


def create_gateway(
    app: Any, host: str, port: int, page: WebPage | None = None, listening: socket.socket | None = None
) -> LocalDevServer:
    """Chalice's local server (a thread per connection) answering as the deployed gateway does.
    `listening`: a socket that already listens (inherited from the stack: api_process.py), served
    instead of a new one on `port`."""
    from chalice.config import Config
    from chalice.local import create_local_server

    config = Config.create(chalice_stage=STAGE, app_name=APP_NAME, chalice_app=app, project_dir=str(_ROOT))
    server = create_local_server(app, config, host, 0 if listening is not None else port)
    if listening is not None:
        # the socket it bound on an ephemeral port is replaced by the inherited one
        server.server.socket.close()
        server.server.socket = listening
        server.server.server_address = listening.getsockname()
        server.port = server.server.server_address[1]
        use_stack_gateway(server, app, config, page)
        return server
    use_stack_gateway(server, app, config, page)
    # http.server listens with a backlog of 5: a burst of clients (50 concurrent PATCHes)
    # would see connections reset. Listening again on Linux just raises the backlog.
    server.server.socket.listen(LISTEN_BACKLOG)
    return server
