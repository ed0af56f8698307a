"""The adapters, built on first use and cached for the life of the Lambda container.

Nothing here runs at import time: cold starts stay short, and tests can `reset()` after
pointing the settings at another endpoint.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from chalicelib.blobs import BlobStore
from chalicelib.engine import WorkflowEngine
from chalicelib.settings import get_settings
from chalicelib.store import WorkflowStore


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
def get_store() -> WorkflowStore:
    table = _boto3_session().resource("dynamodb", **_client_kwargs()).Table(get_settings().table_name)
    return WorkflowStore(table)


@cache
def get_blobs() -> BlobStore:
    client = _boto3_session().client("s3", **_client_kwargs())
    return BlobStore(client, get_settings().bucket_name)


@cache
def get_engine() -> WorkflowEngine:
    client = _boto3_session().client("stepfunctions", **_client_kwargs())
    return WorkflowEngine(client, get_settings().state_machine_arn)


def reset() -> None:
    """Forget cached settings and clients (tests that change the environment call this)."""
    get_settings.cache_clear()
    for getter in (_boto3_session, get_store, get_blobs, get_engine):
        getter.cache_clear()
