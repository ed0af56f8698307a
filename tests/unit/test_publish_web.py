"""deploy/publish_web.py: the dashboard's build and config.json into the stack's page bucket."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from deploy import publish_web

OUTPUTS = {
    "ApiUrl": "https://abc.execute-api.us-east-1.amazonaws.com/api/api/orchestrator",
    "WebsocketConnectEndpointURL": "wss://def.execute-api.us-east-1.amazonaws.com/api/",
    "UserPoolClientId": "client123",
    "SignInDomain": "https://acme.auth.us-east-1.amazoncognito.com",
    "WebBucketName": "page-bucket",
    "WebDistributionId": "E123",
    "DashboardUrl": "https://d111.cloudfront.net",
}


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html>")
    (tmp_path / "assets" / "index-abc.js").write_text("x")
    (tmp_path / "assets" / "index-abc.css").write_text("y")
    return tmp_path


def test_config_names_the_stacks_urls_and_its_hosted_ui() -> None:
    config = publish_web.web_config(OUTPUTS)
    assert config["apiUrl"] == OUTPUTS["ApiUrl"]
    assert config["websocketUrl"] == "wss://def.execute-api.us-east-1.amazonaws.com/api"
    assert config["auth"] == {"mode": "cognito", "domain": OUTPUTS["SignInDomain"], "clientId": "client123"}


def test_without_a_hosted_ui_the_page_says_so() -> None:
    outputs = {k: v for k, v in OUTPUTS.items() if k != "SignInDomain"}
    assert publish_web.web_config(outputs)["auth"] == {"mode": "none"}


class FakeCloudFormation:
    def describe_stacks(self, StackName: str) -> dict[str, Any]:
        assert StackName == "acme-prod"
        return {"Stacks": [{"Outputs": [{"OutputKey": k, "OutputValue": v} for k, v in OUTPUTS.items()]}]}


class FakeCloudFront:
    def __init__(self) -> None:
        self.batches: list[dict[str, Any]] = []

    def create_invalidation(self, DistributionId: str, InvalidationBatch: dict[str, Any]) -> dict[str, Any]:
        assert DistributionId == "E123"
        self.batches.append(InvalidationBatch)
        return {"Invalidation": {"Id": "I1"}}


@mock_aws
def test_publish_uploads_the_build_with_cache_headers_then_invalidates(dist: Path) -> None:
    # Given a deployed stack's outputs and its page bucket
    real = boto3.session.Session(region_name="us-east-1")
    real.client("s3").create_bucket(Bucket="page-bucket")
    cloudfront = FakeCloudFront()

    class Session:
        def __init__(self, region_name: str | None = None) -> None:
            pass

        def client(self, name: str) -> Any:
            return {"cloudformation": FakeCloudFormation(), "cloudfront": cloudfront}.get(
                name
            ) or real.client(name)

    # When the page is published
    publish_web.main(["--stack", "acme-prod", "--dist", str(dist)], session_factory=Session)

    # Then every file is there with its type and cache policy, and config.json from the outputs
    s3 = real.client("s3")
    index = s3.get_object(Bucket="page-bucket", Key="index.html")
    assert index["ContentType"] == "text/html; charset=utf-8" and index["CacheControl"] == "no-cache"
    asset = s3.get_object(Bucket="page-bucket", Key="assets/index-abc.js")
    assert "javascript" in asset["ContentType"] and "immutable" in asset["CacheControl"]
    config = s3.get_object(Bucket="page-bucket", Key="config.json")
    assert config["CacheControl"] == "no-store"
    assert json.loads(config["Body"].read())["auth"]["clientId"] == "client123"
    # And CloudFront forgets the two files it must never serve stale
    (batch,) = cloudfront.batches
    assert sorted(batch["Paths"]["Items"]) == ["/config.json", "/index.html"]


def test_index_html_goes_up_last(dist: Path) -> None:
    keys: list[str] = []

    class S3:
        def put_object(self, **kwargs: Any) -> None:
            keys.append(kwargs["Key"])

    publish_web.publish(S3(), "b", dist, {})
    assert keys[-2:] == ["index.html", "config.json"]


def test_an_unbuilt_page_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="make web"):
        publish_web.files_of(tmp_path)
