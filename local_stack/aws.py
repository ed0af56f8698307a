"""moto in server mode, fronted by a Lambda Invoke endpoint that runs the Chalice handlers.

moto's Step Functions interpreter calls Lambda at `http://localhost:$MOTO_PORT`; answering
`POST /2015-03-31/functions/{name}/invocations` on that same port runs our
`@app.lambda_function` handlers (in-process, or in worker processes: `workers.py`), and every
other request goes to moto. This is the
pattern of AWS's Step Functions Local with `sam local start-lambda`.
"""

from __future__ import annotations

import io
import json
import logging
import re
import threading
import uuid
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import unquote

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import BaseWSGIServer, make_server

from local_stack import (
    deferred_starts,
    dynamodb_transactions,
    dynamodb_updates,
    moto_requests,
    moto_speedups,
    stepfunctions_stop,
)
from local_stack.durable import DurableStore
from local_stack.faults import ApiFaultPlan, Fault, FaultPlan, HeldWrites
from local_stack.keep_alive import KeepAliveRequestHandler
from local_stack.lambda_runtime import Handler, InProcess, Invoke, StoppedError
from local_stack.s3_post import S3PostPolicyMiddleware

SERVICE_ERROR_HEADERS = {"X-Amzn-ErrorType": "ServiceException"}
INVOKE_PATH = re.compile(r"^/2015-03-31/functions/(?P<name>[^/]+)/invocations$")
# The WebSocket API's Management API: `{endpoint}/{stage}/@connections/{connectionId}`.
CONNECTIONS_PATH = re.compile(r"^(?:/[^/@]+)?/@connections/(?P<id>[^/]+)$")
StartResponse = Callable[..., Any]


class LambdaInvokeMiddleware:
    def __init__(self, moto_app: Any, handlers: dict[str, Handler], name_prefix: str) -> None:
        self._moto_app = moto_app
        self._handlers = handlers
        self._prefix = name_prefix
        # Where the handlers run: in this process, or in worker processes (local_stack/workers.py).
        self.invoke: Invoke = InProcess(handlers, name_prefix)
        # Tests set a plan to make invocations fail the ways Lambda and Step Functions do.
        self.faults: FaultPlan | None = None

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        match = INVOKE_PATH.match(environ.get("PATH_INFO", ""))
        if environ.get("REQUEST_METHOD") != "POST" or match is None:
            return self._moto_app(environ, start_response)  # type: ignore[no-any-return]
        name = self._function_name(unquote(match["name"]))
        handler = self._handlers.get(name)
        if handler is None:
            return _respond(
                start_response,
                "404 Not Found",
                {"Type": "User", "message": f"Function not found: {name}"},
                {"X-Amzn-ErrorType": "ResourceNotFoundException"},
            )
        length = int(environ.get("CONTENT_LENGTH") or 0)
        event = json.loads((environ["wsgi.input"].read(length) if length else b"{}") or b"{}")
        fault = self.faults(name, event) if self.faults is not None else None
        if fault is Fault.HANDLER_ERROR:
            error = {"errorMessage": "Injected: the handler failed", "errorType": "InjectedHandlerError"}
            return _respond(start_response, "200 OK", error, {"X-Amz-Function-Error": "Unhandled"})
        if fault is Fault.THROTTLED:
            body = {
                "Type": "User",
                "message": "Injected: Rate Exceeded.",
                "Reason": "ReservedFunctionConcurrentInvocationLimitExceeded",
            }
            return _respond(
                start_response,
                "429 Too Many Requests",
                body,
                {"X-Amzn-ErrorType": "TooManyRequestsException"},
            )
        if fault is Fault.SERVICE_ERROR:
            body = {"Type": "Service", "message": "Injected: the Lambda service failed the invoke"}
            return _respond(start_response, "500 Internal Server Error", body, SERVICE_ERROR_HEADERS)
        try:
            outcome = self.invoke(name, event, die=fault is Fault.RUNTIME_EXIT)
            if fault is Fault.DUPLICATE and outcome.error is None:
                outcome = self.invoke(name, event)
        except StoppedError:
            body = {"Type": "Service", "message": "The local Lambda service is stopping"}
            return _respond(start_response, "500 Internal Server Error", body, SERVICE_ERROR_HEADERS)
        if outcome.error is not None:
            return _respond(start_response, "200 OK", outcome.error, {"X-Amz-Function-Error": "Unhandled"})
        if fault is Fault.TIMEOUT_AFTER_WORK:
            timed_out = {
                "errorMessage": "Injected: Task timed out after the work",
                "errorType": "Sandbox.Timedout",
            }
            return _respond(start_response, "200 OK", timed_out, {"X-Amz-Function-Error": "Unhandled"})
        return _respond(start_response, "200 OK", outcome.result, {})

    def _function_name(self, name_or_arn: str) -> str:
        # A name, a full ARN, or either with a ":$LATEST" style qualifier.
        name = name_or_arn.split(":function:")[-1].split(":")[0]
        return name.removeprefix(self._prefix)


class StepFunctionsFaultMiddleware:
    """Tests: answer chosen Step Functions API calls (SendTaskSuccess...) with an error, as the
    service does when it throttles or the task is over (see local_stack/faults.py)."""

    def __init__(self, next_app: Any) -> None:
        self._next = next_app
        self.plan: ApiFaultPlan | None = None

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        if self.plan is None or not target.startswith("AWSStepFunctions."):
            return self._next(environ, start_response)  # type: ignore[no-any-return]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(length) if length else b""
        action = target.split(".", 1)[1]
        code = self.plan(action, json.loads(raw or b"{}"))
        if code is None:
            environ["wsgi.input"] = io.BytesIO(raw)
            return self._next(environ, start_response)  # type: ignore[no-any-return]
        status = "400 Bad Request" if code not in ("ServiceUnavailable", "InternalFailure") else "500 Error"
        body = {"__type": code, "message": f"Injected: {code}"}
        return _respond(start_response, status, body, {"x-amzn-ErrorType": code})


class DynamoDbForwarder:
    """DynamoDB requests that reach this port go to DynamoDB's own process (dynamodb_process.py):
    the stack's clients are pointed there directly, others (a person's aws CLI) may know only
    this port. The request's signature is passed on untouched, as moto checks none."""

    def __init__(self, next_app: Any, endpoint: Callable[[], str]) -> None:
        import urllib3

        self._next = next_app
        self._endpoint = endpoint
        self._http = urllib3.PoolManager(maxsize=16, retries=False)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if not str(environ.get("HTTP_X_AMZ_TARGET", "")).startswith("DynamoDB_"):
            return self._next(environ, start_response)  # type: ignore[no-any-return]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        headers = {
            name[5:].replace("_", "-"): value for name, value in environ.items() if name.startswith("HTTP_")
        }
        headers["Content-Type"] = environ.get("CONTENT_TYPE", "application/x-amz-json-1.0")
        reply = self._http.request("POST", self._endpoint() + "/", body=body, headers=headers)
        skipped = {"connection", "transfer-encoding", "content-length"}
        kept = [(name, value) for name, value in reply.headers.items() if name.lower() not in skipped]
        start_response(f"{reply.status} {reply.reason}", [*kept, ("Content-Length", str(len(reply.data)))])
        return [reply.data]


class ConnectionsMiddleware:
    """`POST /@connections/{id}` sends to a local WebSocket; 410 GoneException if it is gone."""

    def __init__(self, next_app: Any) -> None:
        self._next = next_app
        # Set once the WebSocket gateway runs: (connection id, data) -> delivered?
        self.send: Callable[[str, bytes], bool] | None = None
        self.close: Callable[[str], bool] | None = None

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        match = CONNECTIONS_PATH.match(environ.get("PATH_INFO", ""))
        if match is None or self.send is None or self.close is None:
            return self._next(environ, start_response)  # type: ignore[no-any-return]
        connection_id = unquote(match["id"])
        method = environ.get("REQUEST_METHOD")
        if method == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            found = self.send(connection_id, environ["wsgi.input"].read(length) if length else b"")
        elif method == "DELETE":
            found = self.close(connection_id)
        else:
            return _respond(start_response, "405 Method Not Allowed", {"message": "POST or DELETE"}, {})
        if found:
            start_response("200 OK", [("Content-Length", "0"), ("x-amzn-RequestId", str(uuid.uuid4()))])
            return [b""]
        return _respond(
            start_response,
            "410 Gone",
            {"message": "The connection is gone"},
            {"x-amzn-ErrorType": "GoneException"},
        )


def _respond(start_response: StartResponse, status: str, body: Any, headers: dict[str, str]) -> list[bytes]:
    payload = json.dumps(body).encode()
    start_response(
        status,
        [
            ("Content-Type", "application/json"),
            ("Content-Length", str(len(payload))),
            ("X-Amz-Executed-Version", "$LATEST"),
            # Lambda answers every call with a request id; moto's interpreter reads it on errors.
            ("x-amzn-RequestId", str(uuid.uuid4())),
            *headers.items(),
        ],
    )
    return [payload]


class LocalAws:
    """A threaded WSGI server: moto for AWS APIs, our handlers for Lambda Invoke, and S3's
    presigned POST uploads checked against their policy as S3 does (moto does not)."""

    def __init__(
        self,
        host: str,
        port: int,
        handlers: dict[str, Handler],
        name_prefix: str,
        on_object_created: Callable[[dict[str, Any]], None],
        credentials: dict[str, str],
        region: str,
        durable: DurableStore | None = None,
        hold_writes: str | None = None,
        dynamodb_endpoint: Callable[[], str] | None = None,
    ) -> None:
        # One access-log line per DynamoDB call drowns everything else out.
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        dynamodb_transactions.install()
        dynamodb_updates.install(lock=dynamodb_transactions.write_lock())
        stepfunctions_stop.install()
        deferred_starts.install()  # after stepfunctions_stop: a queued execution's stop is its own
        moto_speedups.install()
        moto_requests.install()
        self._region = region
        self._credentials = credentials
        self._store_lock = threading.Lock()
        self._moto_app = DomainDispatcherApplication(create_backend_app)
        # Every write moto acknowledges is journaled before its answer leaves (durable.py).
        self.durable = durable
        moto_app = durable.middleware(self._moto_app) if durable is not None else self._moto_app
        self._released = threading.Event()
        if hold_writes:
            moto_app = HeldWrites(moto_app, hold_writes, self._released)
        uploads = S3PostPolicyMiddleware(
            moto_app,
            secret_key_for=credentials.get,
            store=self._store_object,
            on_created=on_object_created,
            region=region,
            cors_rules_for=self._cors_rules,
        )
        self.lambdas = LambdaInvokeMiddleware(uploads, handlers, name_prefix)
        self.step_functions = StepFunctionsFaultMiddleware(self.lambdas)
        self.connections = ConnectionsMiddleware(self.step_functions)
        app: Any = self.connections
        if dynamodb_endpoint is not None:
            app = DynamoDbForwarder(app, dynamodb_endpoint)
        self._server: BaseWSGIServer = make_server(
            host, port, app, threaded=True, request_handler=KeepAliveRequestHandler
        )
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True, name="local-aws")

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> None:
        if self.durable is not None:
            self.durable.recover(self._moto_app)  # the data of the last run, before anyone asks
        self._thread.start()

    def _s3(self) -> Any:
        """moto's own S3 API, on this server, for what the upload endpoint hands on to it."""
        import boto3

        access_key, secret_key = next(iter(self._credentials.items()))
        return boto3.client(
            "s3",
            endpoint_url=f"http://127.0.0.1:{self.port}",
            region_name=self._region,
            aws_access_key_id=access_key,
            aws_secret_access_key=secret_key,
        )

    def _store_object(self, bucket: str, key: str, body: bytes, content_type: str) -> dict[str, Any]:
        """A form stores one object once: a second POST to a key that exists is refused as S3
        refuses a conditional write (`If-None-Match: *`, 412 PreconditionFailed). S3's POST Object
        takes no such condition, so on AWS the second POST makes a new version instead, which the
        upload trigger removes (docs/adr/0013-upload-integrity.md)."""
        # moto checks the condition and then writes: one store at a time keeps the pair atomic.
        with self._store_lock:
            response = self._s3().put_object(
                Bucket=bucket, Key=key, Body=body, ContentType=content_type, IfNoneMatch="*"
            )
        return {"ETag": response["ETag"], "VersionId": response.get("VersionId")}

    def _cors_rules(self, bucket: str) -> list[dict[str, Any]]:
        from botocore.exceptions import ClientError

        try:
            return list(self._s3().get_bucket_cors(Bucket=bucket)["CORSRules"])
        except ClientError:
            return []

    def stop(self) -> None:
        self._released.set()
        self._server.shutdown()
        self._thread.join(timeout=10)
        if self.durable is not None:
            self.durable.close()
