"""The adapters, built on first use and cached for the life of the Lambda container.

Nothing here runs at import time: cold starts stay short, and tests can `reset()` after
pointing the settings at another endpoint.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from chalicelib.blobs import BlobStore
from chalicelib.connections import ConnectionStore
from chalicelib.engine import WorkflowEngine
from chalicelib.push import Pusher
from chalicelib.settings import get_settings
from chalicelib.store import WorkflowStore

if TYPE_CHECKING:
    from chalicelib.scanning import MalwareScanner


def _client_kwargs() -> dict[str, Any]:
    from botocore.config import Config

    settings = get_settings()
    # A Lambda serves one request at a time; the local gateway serves many from one process.
    kwargs: dict[str, Any] = {
        "region_name": settings.aws_region,
        "config": Config(max_pool_connections=64, signature_version="s3v4"),
    }
    if settings.aws_endpoint_url:
        kwargs["endpoint_url"] = settings.aws_endpoint_url
    return kwargs


@cache
def _boto3_session() -> Any:
    import boto3  # deferred: the import costs ~100 ms of every cold start

    return boto3.session.Session()


@cache
def _dynamodb() -> Any:
    return _boto3_session().resource("dynamodb", **_client_kwargs())


@cache
def get_store() -> WorkflowStore:
    from chalicelib.progress import publish_after_write  # it uses the store itself

    return WorkflowStore(_dynamodb().Table(get_settings().table_name), on_events=publish_after_write)


@cache
def get_connections() -> ConnectionStore:
    settings = get_settings()
    return ConnectionStore(
        _dynamodb().Table(settings.connections_table_name), settings.connection_ttl_seconds
    )


@cache
def get_pusher() -> Pusher:
    from botocore.config import Config

    settings = get_settings()
    # One slow socket must not hold a phase up: short timeouts, and the client replays anyway.
    config = Config(connect_timeout=2, read_timeout=5, retries={"max_attempts": 2}, max_pool_connections=64)
    client = _boto3_session().client(
        "apigatewaymanagementapi",
        region_name=settings.aws_region,
        endpoint_url=settings.websocket_endpoint or None,
        config=config,
    )
    return Pusher(client)


@cache
def get_blobs() -> BlobStore:
    client = _boto3_session().client("s3", **_client_kwargs())
    return BlobStore(client, get_settings().bucket_name)


@cache
def get_engine() -> WorkflowEngine:
    client = _boto3_session().client("stepfunctions", **_client_kwargs())
    return WorkflowEngine(client, get_settings().state_machine_arn)


def get_scanner() -> MalwareScanner:
    """Built per call: cheap, and tests switch scanners through the environment."""
    from chalicelib import scanning

    settings = get_settings()
    if settings.clamd_address:
        return scanning.ClamdScanner(settings.clamd_address, settings.clamd_timeout_seconds)
    if settings.malware_scan == "guardduty":
        return scanning.GuardDutyTags(get_blobs())
    return scanning.NoScanner()


def reset() -> None:
    """Forget cached settings and clients (tests that change the environment call this)."""
    get_settings.cache_clear()
    for getter in (_boto3_session, _dynamodb, get_store, get_connections, get_pusher, get_blobs, get_engine):
        getter.cache_clear()
