"""Start and stop the local stack: AWS on one port, the HTTP API on another, WebSockets on a third."""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from local_stack.api_gateway import APP_NAME, STAGE, create_gateway
from local_stack.api_process import ApiProcess
from local_stack.aws import LocalAws
from local_stack.durable import COMPACT_FLOOR_BYTES, DurableStore
from local_stack.dynamodb_process import DynamoDbConfig, DynamoDbProcess
from local_stack.faults import ApiFaultPlan, FaultPlan
from local_stack.lambda_runtime import Handler, InProcess, LambdaContext, as_handler
from local_stack.notifications import LocalQueue
from local_stack.provision import (
    ACCOUNT_ID,
    ASL_FILE,
    ROOT,
    function_arns,
    provision,
    provision_queue,
    provision_tables,
    render_definition,
)
from local_stack.sqs_poller import SqsPoller
from local_stack.streams import LocalStream
from local_stack.websocket_gateway import LocalWebsocketGateway
from local_stack.workers import WorkerPool

NAME_PREFIX = f"{APP_NAME}-{STAGE}-"
REGION = "us-east-1"
# moto takes any credentials; the upload endpoint checks presigned POSTs against these.
CREDENTIALS = ("local", "local")
UPLOAD_TRIGGER = "upload_received"  # app.py's @app.on_sqs_message name
UPLOADS_PREFIX = "uploads/"  # deploy/resources.json: the bucket notifies for this prefix
RECONCILER = "reconcile_workflows"  # app.py's @app.schedule names
CONNECTION_SWEEPER = "close_expired_connections"
EVENT_PUSHER = "push_events"  # app.py's @app.on_dynamodb_record name
WEBHOOK_SENDER = "deliver_webhooks"  # app.py's @app.on_sqs_message for the deliveries' queue
# The stream's pushes run in worker processes of their own, as Lambda gives each function its own
# containers: they do not wait behind phases (a Claude call may take minutes), and the botocore
# work of 200 posts per event leaves the process that serves moto and the sockets (ADR 0016).
STREAM_WORKERS = 2


@dataclass
class StackConfig:
    host: str = "127.0.0.1"
    api_port: int = 8000
    aws_port: int = 5000
    websocket_port: int = 8001
    dev_auth_secret: str = "local-development-only"
    table_name: str = "restoreassist-workflows"
    connections_table_name: str = "restoreassist-connections"
    audit_table_name: str = "restoreassist-audit"
    webhooks_table_name: str = "restoreassist-webhooks"
    bucket_name: str = "restoreassist-documents"
    # app.py's reconcile_workflows runs every 5 minutes on AWS (EventBridge); here a timer runs it
    # through the same entry point. None: off (the tests run it when they choose).
    reconcile_every_seconds: float | None = 300.0
    # app.py's close_expired_connections runs every minute on AWS; here every 30 s
    close_expired_every_seconds: float | None = 30.0
    # Where DynamoDB, S3 and pending upload notifications are kept across restarts (make run:
    # .local/data). None: in memory only, gone when the process ends (the tests' own stack).
    data_dir: Path | None = None
    # Compact the journal into a snapshot once it is past this and past the last snapshot.
    compact_floor_bytes: int = COMPACT_FLOOR_BYTES
    # Tests only: S3 writes whose path matches this regex are never answered (faults.HeldWrites).
    hold_writes: str | None = None
    # Lambda invocations (phases, the upload trigger, the schedules) run in this many worker
    # processes (local_stack/workers.py); 0 runs them in this process, where a test can patch
    # what a handler calls. `make run` gives 2 per core (workers.default_lambda_workers).
    lambda_workers: int = 0
    # The HTTP API served from a process of its own (`make run`), off the GIL that moto and its
    # Step Functions interpreter hold; False serves it from a thread here (tests patch its code).
    api_process: bool = False
    # How many processes serve it (with api_process), on one listening socket: `make run` gives
    # one per core (api_process.default_api_processes).
    api_processes: int = 1
    # DynamoDB served by a moto process of its own (`make run`; local_stack/dynamodb_process.py),
    # off the GIL of this one's S3, Step Functions and interpreter; False: moto here serves it
    # (the tests' stack, whose tests count and patch DynamoDB's writes in this process).
    dynamodb_process: bool = False


class LocalStack:
    def __init__(self, config: StackConfig) -> None:
        self.config = config
        self._aws: LocalAws | None = None
        self._gateway: Any = None
        self._gateway_thread: threading.Thread | None = None
        self._api_process: ApiProcess | None = None
        self._dynamodb: DynamoDbProcess | None = None
        self._websockets: LocalWebsocketGateway | None = None
        self.uploads_queue: LocalQueue | None = None
        self._event_stream: LocalStream | None = None
        self._webhook_poller: SqsPoller | None = None
        self._app: Any = None
        self._workers: WorkerPool | None = None
        self._stream_workers: WorkerPool | None = None
        self._stopping = threading.Event()
        self.recovered: Any = None  # chalicelib.core.recover.Recovered, with a data directory

    @property
    def data_dir(self) -> Path | None:
        return self.config.data_dir.resolve() if self.config.data_dir else None

    @property
    def aws_endpoint(self) -> str:
        assert self._aws is not None, "start() first"
        return f"http://{self.config.host}:{self._aws.port}"

    @property
    def dynamodb_endpoint(self) -> str:
        """DynamoDB's: its own process's (`make run`), or the AWS port's."""
        if self._dynamodb is not None:
            return self._dynamodb.endpoint
        return self.aws_endpoint

    @property
    def dynamodb_process(self) -> DynamoDbProcess | None:
        return self._dynamodb

    @property
    def api_url(self) -> str:
        if self._api_process is not None:
            return f"http://{self.config.host}:{self._api_process.port}"
        assert self._gateway is not None, "start() first"
        return f"http://{self.config.host}:{self._gateway.server.server_address[1]}"

    @property
    def websocket_url(self) -> str:
        assert self._websockets is not None, "start() first"
        return self._websockets.url

    @property
    def event_stream(self) -> LocalStream:
        """The workflows table's stream and its mapping to push_events."""
        assert self._event_stream is not None, "start() first"
        return self._event_stream

    @property
    def websockets(self) -> LocalWebsocketGateway:
        assert self._websockets is not None, "start() first"
        return self._websockets

    def start(self) -> None:
        cfg = self.config
        _set_environment(cfg)
        app_module = _import_app()
        app = app_module.app
        self._app = app
        self.uploads_queue = LocalQueue(
            handler=lambda: self._handler(UPLOAD_TRIGGER),
            queue_arn=f"arn:aws:sqs:{REGION}:{ACCOUNT_ID}:{app_module.UPLOADS_QUEUE}",
            region=REGION,
            function_name=NAME_PREFIX + UPLOAD_TRIGGER,
            spool_dir=cfg.data_dir / "notifications" if cfg.data_dir else None,
        )
        durable = (
            DurableStore(
                cfg.data_dir,
                ACCOUNT_ID,
                REGION,
                cfg.compact_floor_bytes,
                # DynamoDB's process journals its own writes: this store keeps S3's.
                services=frozenset({"s3"}) if cfg.dynamodb_process else frozenset({"dynamodb", "s3"}),
            )
            if cfg.data_dir
            else None
        )
        if durable is not None:
            durable.lock()  # one stack per directory, before DynamoDB's process reads it
        if cfg.dynamodb_process:
            self._start_dynamodb(cfg)
        self._aws = LocalAws(
            cfg.host,
            cfg.aws_port,
            app.handler_map,
            NAME_PREFIX,
            on_object_created=self._object_created,
            credentials={CREDENTIALS[0]: CREDENTIALS[1]},
            region=REGION,
            durable=durable,
            hold_writes=cfg.hold_writes,
            dynamodb_endpoint=(lambda: self.dynamodb_endpoint) if cfg.dynamodb_process else None,
        )
        # The ASL interpreter calls Lambda on localhost:$MOTO_PORT: our port, not moto's.
        os.environ["MOTO_PORT"] = str(self._aws.port)
        os.environ["AWS_ENDPOINT_URL"] = self.aws_endpoint
        # The local OCR engine has a PDF's pages read at the first poll: a short Wait will do.
        os.environ.setdefault("OCR_POLL_SECONDS", "1")
        self._aws.start()

        import boto3

        definition = render_definition(ASL_FILE.read_text(), function_arns(app, NAME_PREFIX, REGION))
        os.environ["STATE_MACHINE_ARN"] = provision(
            boto3.session.Session(region_name=REGION),
            self.aws_endpoint,
            table=cfg.table_name,
            connections_table=cfg.connections_table_name,
            audit_table=cfg.audit_table_name,
            bucket=cfg.bucket_name,
            definition=definition,
            webhooks_table=cfg.webhooks_table_name,
            dynamodb_endpoint=self.dynamodb_endpoint,
        )
        session = boto3.session.Session(region_name=REGION)
        queue_url, queue_arn = provision_queue(
            session, self.aws_endpoint, app_module.WEBHOOKS_QUEUE, "WebhookDeliveriesQueue"
        )
        os.environ["WEBHOOK_QUEUE_URL"] = queue_url
        from chalicelib import wiring
        from chalicelib.aws.event_stream import EVENT_ITEMS_FILTER

        # The Management API endpoint ({api}/{stage} on AWS) is the WebSocket gateway's own here.
        self._start_websockets(app, cfg)
        os.environ["WEBSOCKET_ENDPOINT"] = self.websockets.management_url
        wiring.reset()
        if cfg.lambda_workers > 0:
            # Started once the environment is complete (the state machine's ARN, the WebSocket
            # endpoint): theirs is a copy.
            self.start_lambda_workers(cfg.lambda_workers)
        # The workflows table's stream feeds push_events, as the template's event source mapping does.
        self._event_stream = LocalStream(
            cfg.table_name,
            self._stream_arn(cfg),
            handler=self._pusher,
            function_name=NAME_PREFIX + EVENT_PUSHER,
            filter_pattern=EVENT_ITEMS_FILTER,
        )
        self._event_stream.start()
        # The deliveries' queue feeds deliver_webhooks, as the template's event source mapping does.
        self._webhook_poller = SqsPoller(
            session.client("sqs", endpoint_url=self.aws_endpoint),
            queue_url,
            queue_arn,
            handler=lambda: self._handler(WEBHOOK_SENDER),
            function_name=NAME_PREFIX + WEBHOOK_SENDER,
        )
        self._webhook_poller.start()
        if durable is not None:
            # Before the API answers: nothing unfinished is left on an execution that is gone.
            from chalicelib.core.recover import recover_lost_runs

            self.recovered = recover_lost_runs(wiring.ports())
            assert self.uploads_queue is not None
            self.uploads_queue.redeliver_spooled()  # uploads stored but not yet handled
        self._start_gateway(app, cfg)
        if cfg.reconcile_every_seconds:
            self.reconcile_on_a_timer(cfg.reconcile_every_seconds, self._stopping)
        if cfg.close_expired_every_seconds:
            self._on_a_timer(CONNECTION_SWEEPER, cfg.close_expired_every_seconds, self._stopping)

    def reconcile(self) -> dict[str, Any]:
        """One run of the scheduled reconciler, as EventBridge would call it."""
        return self.run_scheduled(RECONCILER)

    def close_expired_connections(self) -> dict[str, Any]:
        """One run of the sweep that closes sockets whose token expired."""
        return self.run_scheduled(CONNECTION_SWEEPER)

    def run_scheduled(self, name: str) -> dict[str, Any]:
        """One run of an @app.schedule function, with the event EventBridge sends."""
        event = {
            "version": "0",
            "id": "local",
            "detail-type": "Scheduled Event",
            "source": "aws.events",
            "account": ACCOUNT_ID,
            "time": "",
            "region": REGION,
            "resources": [],
            "detail": {},
        }
        result: dict[str, Any] = self._handler(name)(event, LambdaContext(NAME_PREFIX + name))
        return result

    @property
    def workers(self) -> WorkerPool | None:
        """The Lambda worker processes; None when invocations run in this process."""
        return self._workers

    @property
    def stream_workers(self) -> WorkerPool | None:
        """The worker processes that run push_events for the table's stream, beside `workers`."""
        return self._stream_workers

    def start_lambda_workers(self, count: int, timeouts: dict[str, float] | None = None) -> WorkerPool:
        """From now on Lambda invocations run in `count` worker processes (local_stack/workers.py).
        `timeouts`: seconds per function ("" for the rest); .chalice/config.json's by default."""
        assert self._aws is not None, "start() first"
        assert self._workers is None, "the stack already runs Lambda workers"
        pool = WorkerPool(count, NAME_PREFIX, timeouts=timeouts)
        pool.start()
        self._workers = pool
        self._aws.lambdas.invoke = pool
        stream_pool = WorkerPool(min(STREAM_WORKERS, count), NAME_PREFIX, timeouts=timeouts)
        stream_pool.start()
        self._stream_workers = stream_pool
        return pool

    def stop_lambda_workers(self) -> None:
        """From now on Lambda invocations run in this process again; the workers end."""
        assert self._aws is not None, "start() first"
        pool, self._workers = self._workers, None
        stream_pool, self._stream_workers = self._stream_workers, None
        self._aws.lambdas.invoke = InProcess(self._app.handler_map, NAME_PREFIX)
        for each in (pool, stream_pool):
            if each is not None:
                each.stop()

    def _handler(self, name: str) -> Handler:
        """A function of the app, run where this stack runs invocations (looked up at each call)."""
        if self._workers is not None:
            return as_handler(self._workers, name)
        handler: Handler = self._app.handler_map[name]
        return handler

    def _pusher(self) -> Handler:
        """push_events, where the stream's invocations run (looked up for each batch)."""
        if self._stream_workers is not None:
            return as_handler(self._stream_workers, EVENT_PUSHER)
        handler: Handler = self._app.handler_map[EVENT_PUSHER]
        return handler

    def reconcile_on_a_timer(self, every: float, stop: threading.Event) -> threading.Thread:
        """Run the reconciler every `every` seconds until `stop` is set (`make run`: 5 minutes)."""
        return self._on_a_timer(RECONCILER, every, stop)

    def _on_a_timer(self, name: str, every: float, stop: threading.Event) -> threading.Thread:
        import logging

        def loop() -> None:
            while not stop.wait(every):
                try:
                    self.run_scheduled(name)
                except Exception:  # the next run tries again, as on AWS
                    logging.getLogger(__name__).exception("%s failed; it runs again in %s s", name, every)

        thread = threading.Thread(target=loop, daemon=True, name=f"local-{name}")
        thread.start()
        return thread

    def inject_faults(self, plan: FaultPlan | None) -> None:
        """Tests: make Lambda invocations fail on purpose (see local_stack/faults.py)."""
        assert self._aws is not None, "start() first"
        self._aws.lambdas.faults = plan

    def inject_api_faults(self, plan: ApiFaultPlan | None) -> None:
        """Tests: make Step Functions API calls fail on purpose (see local_stack/faults.py)."""
        assert self._aws is not None, "start() first"
        self._aws.step_functions.plan = plan

    def _object_created(self, s3_event: dict[str, Any]) -> None:
        """The bucket's notification configuration: uploads/ goes to the uploads queue."""
        keys = [record["s3"]["object"]["key"] for record in s3_event.get("Records", [])]
        if any(key.startswith(UPLOADS_PREFIX) for key in keys):
            assert self.uploads_queue is not None, "the bucket notifies only after start() made the queue"
            self.uploads_queue.send(s3_event)

    def _start_gateway(self, app: Any, cfg: StackConfig) -> None:
        from chalicelib.settings import get_settings
        from local_stack.web import WebPage

        # The dashboard's /config.json: the API is the page's own origin; the WebSockets are not.
        page_config = {
            "websocketUrl": self.websocket_url,
            "auth": {"mode": "dev"},
            "maxUploadBytes": get_settings().max_upload_bytes,
        }
        if cfg.api_process:
            self._api_process = ApiProcess(cfg.host, cfg.api_port, page_config, cfg.api_processes)
            return
        self._gateway = create_gateway(app, cfg.host, cfg.api_port, WebPage(page_config))
        self._gateway_thread = threading.Thread(
            target=self._gateway.server.serve_forever, daemon=True, name="local-api"
        )
        self._gateway_thread.start()

    def _start_dynamodb(self, cfg: StackConfig) -> None:
        from chalicelib.aws.event_stream import EVENT_ITEMS_FILTER

        config = DynamoDbConfig(
            host=cfg.host,
            account_id=ACCOUNT_ID,
            region=REGION,
            data_dir=str(cfg.data_dir.resolve()) if cfg.data_dir else None,
            compact_floor_bytes=cfg.compact_floor_bytes,
            streams={cfg.table_name: {"arn": self._stream_arn(cfg), "filter": EVENT_ITEMS_FILTER}},
        )
        self._dynamodb = DynamoDbProcess(
            config, on_record=self._stream_record, on_restart=self._provision_tables
        )
        # Every client from here on (this process's, the workers', the API's) is pointed there.
        os.environ["AWS_ENDPOINT_URL_DYNAMODB"] = self._dynamodb.endpoint

    def _stream_record(self, record: dict[str, Any]) -> None:
        if self._event_stream is not None:
            self._event_stream.enqueue(record)

    def _provision_tables(self) -> None:
        """After DynamoDB's process was started again: its tables, if its data was in memory."""
        import boto3

        cfg = self.config
        tables = {
            "table": cfg.table_name,
            "connections_table": cfg.connections_table_name,
            "audit_table": cfg.audit_table_name,
            "webhooks_table": cfg.webhooks_table_name,
        }
        provision_tables(boto3.session.Session(region_name=REGION), self.dynamodb_endpoint, **tables)

    @staticmethod
    def _stream_arn(cfg: StackConfig) -> str:
        return f"arn:aws:dynamodb:{REGION}:{ACCOUNT_ID}:table/{cfg.table_name}/stream/local"

    def _start_websockets(self, app: Any, cfg: StackConfig) -> None:
        assert self._aws is not None
        handlers = {
            route_key: (config.name, app.handler_map[config.name])
            for route_key, config in app.websocket_handlers.items()
        }
        self._websockets = LocalWebsocketGateway(handlers, cfg.host, cfg.websocket_port, STAGE, NAME_PREFIX)
        self._websockets.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._event_stream is not None:
            # Before the sockets close: a push in flight then finishes instead of timing out.
            self._event_stream.stop(timeout=5)
        if self._webhook_poller is not None:
            self._webhook_poller.stop(timeout=1)  # a daemon: one mid-delivery is not waited for
        if self._websockets is not None:
            self._websockets.stop()
        if self.uploads_queue is not None:
            self.uploads_queue.drain(timeout=10)
        if self._gateway is not None:
            self._gateway.shutdown()
        if self._api_process is not None:
            self._api_process.stop()
        if self._dynamodb is not None:
            # Before the AWS port: an invocation cut short by the stop then cannot record a
            # failure the stop caused (with one moto, its journal closing did the same).
            self._dynamodb.stop()
        if self._aws is not None:
            self._aws.stop()
        # Last: an invocation cut short by the stop then finds the AWS port closed, so nothing
        # records a failure the stop caused (the interpreter's Retry sees a service error).
        for pool in (self._workers, self._stream_workers):
            if pool is not None:
                pool.stop()


def _set_environment(cfg: StackConfig) -> None:
    os.environ.pop("AWS_ENDPOINT_URL_DYNAMODB", None)  # set again if DynamoDB has a process of its own
    os.environ.update(
        {
            # moto accepts any credentials; these keep boto3 from looking for real ones.
            "AWS_ACCESS_KEY_ID": CREDENTIALS[0],
            "AWS_SECRET_ACCESS_KEY": CREDENTIALS[1],
            "AWS_DEFAULT_REGION": REGION,
            "AWS_REGION": REGION,
            "TABLE_NAME": cfg.table_name,
            "CONNECTIONS_TABLE_NAME": cfg.connections_table_name,
            "AUDIT_TABLE_NAME": cfg.audit_table_name,
            "WEBHOOKS_TABLE_NAME": cfg.webhooks_table_name,
            # A local receiver (http://127.0.0.1:...) may be registered here, never on AWS.
            "WEBHOOKS_ALLOW_LOCAL_RECEIVERS": "1",
            "WEBHOOK_SECRETS_LOCAL_KEY": _webhook_secrets_key(cfg.data_dir),
            "BUCKET_NAME": cfg.bucket_name,
            "AUTH_MODE": "dev",
            "DEV_AUTH_SECRET": cfg.dev_auth_secret,
            # The local gateway checks no signature: pushes skip botocore (chalicelib/aws/push.py).
            "PUSH_CLIENT": "http",
            # Nor does moto: DynamoDB and Step Functions calls (chalicelib/aws/json_http.py) and S3's
            # PutObject (s3_http.py) skip botocore.
            "AWS_JSON_CLIENT": "http",
        }
    )


def _webhook_secrets_key(data_dir: Path | None) -> str:
    """The local stand-in for the KMS key that seals webhook secrets (chalicelib/aws/
    webhook_secrets.py): kept in the data directory, so sealed secrets open after a restart."""
    import base64
    import secrets

    if data_dir is None:
        return base64.b64encode(secrets.token_bytes(32)).decode()
    path = data_dir / "webhook-secrets.key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(base64.b64encode(secrets.token_bytes(32)).decode())
        path.chmod(0o600)
    return path.read_text().strip()


def _import_app() -> ModuleType:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import app as app_module

    return app_module
