"""The wiring: builds the AWS adapters of every port, each on first use, once per container.

Only `app.py` (and the local stack and tests) call `ports()`; the domain receives what it
returns. Nothing here runs at import time, and boto3 is imported only when the first adapter is
built: the API's cold start pays for neither until a request needs them. Tests call `reset()`
after pointing the settings at another endpoint.
"""

from __future__ import annotations

from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from chalicelib import observability
from chalicelib.settings import Settings, get_settings

if TYPE_CHECKING:
    from chalicelib.aws.activity_records import DynamoActivityRecords
    from chalicelib.aws.api_key_records import DynamoApiKeyRecords
    from chalicelib.aws.audit_log import DynamoAuditLog
    from chalicelib.aws.blobs import S3Blobs
    from chalicelib.aws.connections import DynamoConnections
    from chalicelib.aws.engine import StepFunctionsEngine
    from chalicelib.aws.organisation_records import DynamoOrganisationRecords
    from chalicelib.aws.photo_records import DynamoPhotoRecords
    from chalicelib.aws.push import GatewayPusher, HttpPusher
    from chalicelib.aws.rate_buckets import DynamoRateBuckets
    from chalicelib.aws.secrets import SecretsManagerKey
    from chalicelib.aws.share_records import DynamoShareRecords
    from chalicelib.aws.template_records import DynamoTemplateRecords
    from chalicelib.aws.user_settings import DynamoUserSettings
    from chalicelib.aws.webhook_queue import SqsWebhookQueue
    from chalicelib.aws.webhook_records import DynamoWebhookRecords
    from chalicelib.aws.workflow_records import DynamoWorkflowRecords
    from chalicelib.core.events import Event
    from chalicelib.core.models import Workflow
    from chalicelib.core.ports import MalwareScanner, Ocr
from chalicelib.core.webhook_ports import SecretBox, WebhookSender


class AwsPorts:
    """`core.ports.Ports` on AWS. Each adapter (and its boto3 client) is built when first used."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    # --- clients -------------------------------------------------------------------------

    @cached_property
    def _session(self) -> Any:
        import boto3  # deferred: the import costs ~100 ms of every cold start

        observability.patch_aws_sdk()  # X-Ray sees every AWS call, where tracing is on
        return boto3.session.Session()

    def _client_kwargs(self) -> dict[str, Any]:
        from botocore.config import Config

        # A Lambda serves one request at a time; the local gateway serves many from one process.
        kwargs: dict[str, Any] = {
            "region_name": self._settings.aws_region,
            "config": Config(max_pool_connections=64, signature_version="s3v4"),
        }
        if self._settings.aws_endpoint_url:
            kwargs["endpoint_url"] = self._settings.aws_endpoint_url
        return kwargs

    @cached_property
    def _dynamodb(self) -> Any:
        kwargs = self._client_kwargs()
        if self._settings.aws_endpoint_url_dynamodb:
            kwargs["endpoint_url"] = self._settings.aws_endpoint_url_dynamodb
        return self._session.resource("dynamodb", **kwargs)

    @cached_property
    def _table(self) -> Any:
        return self._table_named(self._settings.table_name)

    def _table_named(self, name: str) -> Any:
        """boto3's Table; locally (AWS_JSON_CLIENT=http) its calls skip botocore's client."""
        table = self._dynamodb.Table(name)
        if self._settings.aws_json_client != "http":
            return table
        from chalicelib.aws.dynamo_http import HttpTable

        return HttpTable(table, self._http_dynamodb)

    @cached_property
    def _http_dynamodb(self) -> Any:
        from chalicelib.aws.dynamo_http import HttpDynamoClient, HttpResourceClient

        boto_client = self._dynamodb.meta.client
        return HttpResourceClient(self._http_json(boto_client, HttpDynamoClient), boto_client)

    def _http_json(self, boto_client: Any, kind: Any = None) -> Any:
        """A plain-HTTP client of the JSON protocol where `boto_client` points (its endpoint,
        region, access key and service model)."""
        from chalicelib.aws.json_http import HttpJsonClient

        credentials = self._session.get_credentials()
        return (kind or HttpJsonClient)(
            boto_client.meta.endpoint_url,
            boto_client.meta.region_name,
            credentials.access_key if credentials is not None else "local",
            boto_client.meta.service_model,
        )

    # --- the ports -----------------------------------------------------------------------

    @cached_property
    def workflows(self) -> DynamoWorkflowRecords:
        from chalicelib.aws.workflow_records import DynamoWorkflowRecords

        # The events' push is not here: it follows from the table's stream (app.py's
        # push_events), so a phase never waits for its watchers.
        def committed(workflow: Workflow, events: list[Event]) -> None:
            observability.count_transitions(events)

        return DynamoWorkflowRecords(self._table, on_events=committed)

    @cached_property
    def api_keys(self) -> DynamoApiKeyRecords:
        from chalicelib.aws.api_key_records import DynamoApiKeyRecords

        return DynamoApiKeyRecords(self._table)

    @cached_property
    def audit(self) -> DynamoAuditLog:
        from chalicelib.aws.audit_log import DynamoAuditLog

        return DynamoAuditLog(self._table_named(self._settings.audit_table_name))

    @cached_property
    def user_settings(self) -> DynamoUserSettings:
        from chalicelib.aws.user_settings import DynamoUserSettings

        return DynamoUserSettings(self._table)

    @cached_property
    def organisations(self) -> DynamoOrganisationRecords:
        from chalicelib.aws.organisation_records import DynamoOrganisationRecords

        return DynamoOrganisationRecords(self._table)

    @cached_property
    def shares(self) -> DynamoShareRecords:
        from chalicelib.aws.share_records import DynamoShareRecords

        return DynamoShareRecords(self._table)

    @cached_property
    def activity(self) -> DynamoActivityRecords:
        from chalicelib.aws.activity_records import DynamoActivityRecords

        return DynamoActivityRecords(self._table)

    @cached_property
    def photos(self) -> DynamoPhotoRecords:
        from chalicelib.aws.photo_records import DynamoPhotoRecords

        return DynamoPhotoRecords(self._table)

    @cached_property
    def templates(self) -> DynamoTemplateRecords:
        from chalicelib.aws.template_records import DynamoTemplateRecords

        return DynamoTemplateRecords(self._table)

    @cached_property
    def rate_buckets(self) -> DynamoRateBuckets:
        from chalicelib.aws.rate_buckets import DynamoRateBuckets

        return DynamoRateBuckets(self._table)

    @cached_property
    def connections(self) -> DynamoConnections:
        from chalicelib.aws.connections import DynamoConnections

        table = self._table_named(self._settings.connections_table_name)
        return DynamoConnections(table, self._settings.connection_ttl_seconds, self._settings.table_name)

    @cached_property
    def pusher(self) -> GatewayPusher | HttpPusher:
        from botocore.config import Config

        from chalicelib.aws.push import GatewayPusher, HttpPusher

        if self._settings.push_client == "http":
            return HttpPusher(self._settings.websocket_endpoint)

        # One slow socket must not hold the others up: short timeouts, and the client replays anyway.
        config = Config(
            connect_timeout=2, read_timeout=5, retries={"max_attempts": 2}, max_pool_connections=64
        )
        client = self._session.client(
            "apigatewaymanagementapi",
            region_name=self._settings.aws_region,
            endpoint_url=self._settings.websocket_endpoint or None,
            config=config,
        )
        return GatewayPusher(client)

    @cached_property
    def blobs(self) -> S3Blobs:
        from chalicelib.aws.blobs import S3Blobs

        client: Any = self._session.client("s3", **self._client_kwargs())
        if self._settings.aws_json_client == "http":  # the local stack's moto: PutObject skips botocore
            from chalicelib.aws.s3_http import HttpS3Client

            credentials = self._session.get_credentials()
            client = HttpS3Client(client, credentials.access_key if credentials is not None else "local")
        return S3Blobs(client, self._settings.bucket_name)

    @cached_property
    def engine(self) -> StepFunctionsEngine:
        from chalicelib.aws.engine import StepFunctionsEngine

        client: Any = self._session.client("stepfunctions", **self._client_kwargs())
        if self._settings.aws_json_client == "http":  # the local stack's moto: no botocore client side
            from chalicelib.aws.json_http import HttpStepFunctionsClient

            client = HttpStepFunctionsClient(self._http_json(client), client)
        return StepFunctionsEngine(
            client,
            self._settings.state_machine_arn,
            settings_input={"ocrPollSeconds": self._settings.ocr_poll_seconds},
        )

    @cached_property
    def claude_key(self) -> SecretsManagerKey:
        """One per container, so the secret it reads is fetched once per container."""
        from chalicelib.aws.secrets import SecretsManagerKey

        return SecretsManagerKey(lambda: self._session.client("secretsmanager", **self._client_kwargs()))

    @property
    def scanner(self) -> MalwareScanner:
        """Built per use: cheap, and tests switch scanners through the environment."""
        from chalicelib.aws import scanning

        settings = get_settings()
        if settings.clamd_address:
            return scanning.ClamdScanner(settings.clamd_address, settings.clamd_timeout_seconds)
        if settings.malware_scan == "guardduty":
            return scanning.GuardDutyTags(self.blobs)
        return scanning.NoScanner()

    @property
    def ocr(self) -> Ocr:
        """Built per use, like the scanner (tests switch engines through the environment)."""
        settings = get_settings()
        if settings.ocr_engine == "textract":
            return self._textract
        from chalicelib.aws.ocr_local import TesseractOcr

        return TesseractOcr(self.blobs, dpi=settings.ocr_dpi)

    @cached_property
    def webhooks(self) -> DynamoWebhookRecords:
        from chalicelib.aws.webhook_records import DynamoWebhookRecords

        return DynamoWebhookRecords(self._table_named(self._settings.webhooks_table_name))

    @cached_property
    def secret_box(self) -> SecretBox:
        """KMS where the template names a key; the local stack's own key; else none (refuses)."""
        import base64

        from chalicelib.aws import webhook_secrets

        if self._settings.webhook_secrets_key_id:
            client = self._session.client("kms", **self._client_kwargs())
            return webhook_secrets.KmsSecretBox(client, self._settings.webhook_secrets_key_id)
        if self._settings.webhook_secrets_local_key:
            return webhook_secrets.LocalSecretBox(base64.b64decode(self._settings.webhook_secrets_local_key))
        return webhook_secrets.UnconfiguredSecretBox()

    @cached_property
    def webhook_queue(self) -> SqsWebhookQueue:
        from chalicelib.aws.webhook_queue import SqsWebhookQueue

        client = self._session.client("sqs", **self._client_kwargs())
        return SqsWebhookQueue(client, self._settings.webhook_queue_url)

    @cached_property
    def webhook_sender(self) -> WebhookSender:
        from chalicelib.aws.webhook_http import HttpWebhookSender

        return HttpWebhookSender(
            self._settings.webhook_timeout_seconds, allow_local=self._settings.webhooks_allow_local_receivers
        )

    @cached_property
    def _textract(self) -> Ocr:
        from chalicelib.aws.textract import TextractOcr

        client = self._session.client("textract", **self._client_kwargs())
        return TextractOcr(client, self._settings.bucket_name)


def reconcile(context: Any = None) -> dict[str, Any]:
    """One run of the reconciler with the AWS adapters and this Lambda's time budget."""
    from datetime import timedelta

    from chalicelib.aws.metrics import EmfMetrics
    from chalicelib.core import reconcile as reconciler
    from chalicelib.core.models import utc_now

    settings = get_settings()
    metrics = EmfMetrics()
    limits = reconciler.Limits(
        grace=timedelta(seconds=settings.reconcile_grace_seconds),
        review_overdue=timedelta(hours=settings.review_overdue_hours),
        pending_expiry=timedelta(hours=settings.pending_expiry_hours),
        time_left=reconciler.lambda_time_left(context),
    )
    try:
        outcome = reconciler.reconcile(ports(), metrics, utc_now(), limits)
    finally:
        metrics.flush()
    return {
        "checked": outcome.checked,
        "settled": outcome.settled,
        "reviewsOverdue": outcome.reviews_overdue,
        "partial": outcome.partial,
    }


@cache
def ports() -> AwsPorts:
    return AwsPorts(get_settings())


def reset() -> None:
    """Forget cached settings and adapters (tests that change the environment call this)."""
    get_settings.cache_clear()
    ports.cache_clear()
