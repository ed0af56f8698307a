"""DynamoDB's requests handed to moto's handler without Flask, in DynamoDB's own process.

A burst of POSTs waits on DynamoDB's process (one moto process, one GIL: ADR 0025). Of its CPU
per request, moto's `DynamoHandler` is about half; the rest is the way there and back: the
domain dispatcher, Flask's request context, URL routing, `convert_to_flask_response`, Flask's
`finalize_request` and flask_cors' `after_request`. For the one shape of request DynamoDB's
clients send (a `POST /` whose `X-Amz-Target` is `DynamoDB_20120810.<action>`, no `Origin`),
every one of those steps has a fixed outcome, so `wrap` does what they amount to and nothing
else: moto's own request class over the same environ, the handler's `dispatch` with the same
arguments (the raw URL, the headers as a dict), a `ClientError` answered 400 with its message as
`convert_to_flask_response` does, the same `flask.Response` built from the handler's answer and
flask_cors' `Access-Control-Allow-Origin: *` for a request without an `Origin` (unless the
handler set one, or `MOTO_DISABLE_GLOBAL_CORS` turned CORS off). Anything else (another
service, another path or method, an `Origin` header: CORS would answer differently) is moto's
app's as before. `tests/unit/test_local_dynamodb_direct.py` sends the same requests both ways and
compares status, headers (the random request id's value aside) and body.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

TARGET_PREFIX = "DynamoDB_20120810."
ALLOW_ORIGIN = "Access-Control-Allow-Origin"


def wrap(moto_app: WsgiApp) -> WsgiApp:
    """moto's server app with DynamoDB's plain requests taken the short way."""
    from botocore.exceptions import ClientError
    from flask import Response
    from moto.dynamodb.responses import DynamoHandler
    from moto.moto_api import recorder
    from moto.moto_server.werkzeug_app import BackendRequest
    from moto.settings import DISABLE_GLOBAL_CORS

    cors = not DISABLE_GLOBAL_CORS  # as create_backend_app reads it: CORS(app) or not

    def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if (
            not str(environ.get("HTTP_X_AMZ_TARGET", "")).startswith(TARGET_PREFIX)
            or environ.get("REQUEST_METHOD") != "POST"
            or environ.get("PATH_INFO") != "/"
            or "HTTP_ORIGIN" in environ
        ):
            return moto_app(environ, start_response)
        request = BackendRequest(environ)
        recorder._record_request(request)  # as convert_to_flask_response: off unless switched on
        try:
            result = DynamoHandler.dispatch(request, request.raw_url, dict(request.headers))
        except ClientError as exc:
            result = 400, {}, exc.response["Error"]["Message"]
        if len(result) == 3:
            status, headers, content = result
        else:
            status, headers, content = 200, {}, result
        response = Response(response=content, status=status, headers=headers)
        if cors and not response.headers.get(ALLOW_ORIGIN):
            response.headers[ALLOW_ORIGIN] = "*"
        answer: Iterable[bytes] = response(environ, start_response)
        return answer

    return app
