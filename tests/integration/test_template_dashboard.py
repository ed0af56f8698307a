"""The packaged template serves the dashboard: a private bucket behind CloudFront, the Cognito
hosted UI with the code flow, and the outputs deploy/publish_web.py writes config.json from."""

from __future__ import annotations

from typing import Any

import pytest

from deploy import publish_web
from tests.sam_template import load_packaged_template

DISTRIBUTION_ORIGIN = {"Fn::Sub": "https://${WebDistribution.DomainName}"}
DISTRIBUTION_ARN = "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${WebDistribution}"


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return load_packaged_template()


def test_the_page_bucket_is_private_and_only_this_distribution_reads_it(template: dict[str, Any]) -> None:
    bucket = template["Resources"]["WebBucket"]["Properties"]
    assert all(bucket["PublicAccessBlockConfiguration"].values())
    assert bucket["OwnershipControls"]["Rules"] == [{"ObjectOwnership": "BucketOwnerEnforced"}]
    statements = template["Resources"]["WebBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    allows = [s for s in statements if s["Effect"] == "Allow"]
    assert allows == [
        {
            "Sid": "CloudFrontReadsThePage",
            "Effect": "Allow",
            "Principal": {"Service": "cloudfront.amazonaws.com"},
            "Action": "s3:GetObject",
            "Resource": {"Fn::Sub": "${WebBucket.Arn}/*"},
            "Condition": {"StringEquals": {"AWS:SourceArn": {"Fn::Sub": DISTRIBUTION_ARN}}},
        }
    ]
    (deny,) = [s for s in statements if s["Effect"] == "Deny"]
    assert deny["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}


def test_the_distribution_serves_the_page_over_https_with_security_headers(template: dict[str, Any]) -> None:
    config = template["Resources"]["WebDistribution"]["Properties"]["DistributionConfig"]
    (origin,) = config["Origins"]
    assert origin["OriginAccessControlId"] == {"Fn::GetAtt": ["WebOriginAccessControl", "Id"]}
    assert config["DefaultRootObject"] == "index.html"
    behaviour = config["DefaultCacheBehavior"]
    assert behaviour["ViewerProtocolPolicy"] == "redirect-to-https"
    assert behaviour["AllowedMethods"] == ["GET", "HEAD"]
    headers = template["Resources"]["WebResponseHeadersPolicy"]["Properties"]["ResponseHeadersPolicyConfig"]
    security = headers["SecurityHeadersConfig"]
    # the token travels in WebSocket and download URLs: never in a Referer
    assert security["ReferrerPolicy"]["ReferrerPolicy"] == "no-referrer"
    assert security["FrameOptions"]["FrameOption"] == "DENY"
    csp = security["ContentSecurityPolicy"]["ContentSecurityPolicy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp


def test_the_dashboards_origin_may_call_the_api_and_post_uploads(template: dict[str, Any]) -> None:
    variables = template["Resources"]["APIHandler"]["Properties"]["Environment"]["Variables"]
    assert DISTRIBUTION_ORIGIN in variables["CORS_ALLOWED_ORIGINS"]["Fn::Join"][1]


def test_the_hosted_ui_uses_the_code_flow_back_to_the_dashboard_only(template: dict[str, Any]) -> None:
    domain = template["Resources"]["UserPoolDomain"]
    assert domain["Condition"] == "HasHostedUi"
    client = template["Resources"]["UserPoolClient"]["Properties"]
    assert client["GenerateSecret"] is False  # a browser keeps no secret: PKCE instead
    assert client["AllowedOAuthFlows"] == {"Fn::If": ["HasHostedUi", ["code"], {"Ref": "AWS::NoValue"}]}
    assert client["CallbackURLs"]["Fn::If"][1] == [{"Fn::Sub": "https://${WebDistribution.DomainName}/"}]


def test_publish_web_finds_every_output_it_reads(template: dict[str, Any]) -> None:
    outputs = {name: "x" for name in template["Outputs"]}
    config = publish_web.web_config(outputs)
    assert config["auth"]["mode"] == "cognito"
    for name in ("WebBucketName", "WebDistributionId", "DashboardUrl"):
        assert name in outputs
