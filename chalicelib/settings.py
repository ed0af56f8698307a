"""Configuration, parsed once from the environment into one typed model.

Every other module of the service asks `get_settings()` instead of reading `os.environ`, so a
missing or malformed variable fails in one place with one clear message. One exception:
`analysis/standards.py` reads `STANDARDS_FILE` itself, because the analysis, QA and report
packages know nothing of the service (they run in bench/ and tests without it) and that file
is their only configuration.
"""

from __future__ import annotations

import os
from enum import StrEnum
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field


class AuthMode(StrEnum):
    # API Gateway's Cognito authorizer has already checked the JWT; trust its claims.
    COGNITO = "cognito"
    # Local stack and tests: HS256 tokens signed by a development key.
    DEV = "dev"


class Settings(BaseModel):
    table_name: str = Field(default="restoreassist-workflows", description="DynamoDB table")
    bucket_name: str = Field(default="restoreassist-documents", description="S3 bucket")
    state_machine_arn: str = Field(default="", description="Step Functions state machine")
    aws_region: str = "us-east-1"
    # Unset on AWS; the local stack points every boto3 client at moto.
    aws_endpoint_url: str | None = None
    # Locally DynamoDB may be served by a process of its own (local_stack/dynamodb_process.py);
    # boto3 reads the same variable, for clients made without these settings.
    aws_endpoint_url_dynamodb: str | None = None

    # Live progress: the WebSocket connections table, and the WebSocket API's management
    # endpoint (`https://{apiId}.execute-api.{region}.amazonaws.com/{stage}` on AWS).
    connections_table_name: str = "restoreassist-connections"
    # The audit log's own table: no role may update or delete in it (docs/adr/0010).
    audit_table_name: str = "restoreassist-audit"
    websocket_endpoint: str = ""
    # How pushes reach that endpoint: boto3's client (AWS), or plain HTTP keep-alive (the local
    # stack sets PUSH_CLIENT=http: its gateway checks no signature, and botocore's per-post CPU
    # bounded the local fan-out; chalicelib/aws/push.py).
    push_client: Literal["boto3", "http"] = "boto3"
    # How the adapters reach DynamoDB and Step Functions: boto3 (AWS), or their JSON protocol
    # over plain HTTP keep-alive (the local stack sets AWS_JSON_CLIENT=http: moto checks no
    # signature, and botocore's client side was most of a POST's CPU; chalicelib/aws/json_http.py);
    # S3's PutObject likewise, a plain PUT (chalicelib/aws/s3_http.py).
    aws_json_client: Literal["boto3", "http"] = "boto3"
    # API Gateway closes a WebSocket after 2 hours; a record outlives it a little, then expires.
    connection_ttl_seconds: int = Field(default=2 * 3600 + 600, gt=0)

    auth_mode: AuthMode = AuthMode.COGNITO
    dev_auth_secret: str = ""
    cognito_user_pool_arn: str = ""
    cognito_client_id: str = ""

    # Per caller (a user, or one of their API keys): a token bucket of `burst` requests that
    # refills at `per_second`. Generous for a person; a runaway script gets 429s.
    rate_limit_per_second: float = Field(default=20, gt=0)
    rate_limit_burst: int = Field(default=100, ge=1)
    api_key_rate_limit_per_second: float = Field(default=20, gt=0)
    api_key_rate_limit_burst: int = Field(default=100, ge=1)

    max_text_chars: int = Field(default=200_000, gt=0, description="TEXT inspection size cap")
    # Browser origins allowed to call the API (comma-separated, exact: "https://app.example.com").
    cors_allowed_origins: str = ""

    # Malware scanning of uploads (scanning.py): clamd when CLAMD_ADDRESS is set, else GuardDuty's
    # tags when MALWARE_SCAN=guardduty (the template sets it), else off.
    malware_scan: Literal["off", "guardduty"] = "off"
    clamd_address: str = ""
    clamd_timeout_seconds: float = Field(default=30, gt=0, le=300)

    # OCR of scanned PDFs and photographed forms (core/ocr.py): Textract on AWS (the template sets
    # OCR_ENGINE=textract), Tesseract's command line locally, or off (scans are refused as before).
    ocr_engine: Literal["tesseract", "textract", "off"] = "tesseract"
    # A page read with a mean word confidence under this (0-100) is flagged for the reviewer.
    ocr_min_confidence: float = Field(default=80, ge=0, le=100)
    # The state machine's Wait between polls of an OCR job, and how long a job may take in all.
    ocr_poll_seconds: int = Field(default=5, ge=0, le=300)
    ocr_max_wait_seconds: int = Field(default=900, gt=0, le=24 * 3600)
    ocr_dpi: int = Field(default=300, ge=72, le=600, description="local engine: PDF raster resolution")

    # Presigned URLs (report downloads, upload forms) are bearer secrets: keep them short-lived.
    presign_expiry_seconds: int = Field(default=300, gt=0, le=7 * 24 * 3600)
    max_upload_bytes: int = Field(default=25 * 1024 * 1024, gt=0, description="PDF/DOCX upload cap")
    upload_expiry_seconds: int = Field(default=300, gt=0, le=7 * 24 * 3600)
    # How long a workflow waits for its review before it ends (ReviewTimedOut): 30 days.
    review_timeout_seconds: int = Field(default=30 * 24 * 3600, gt=0, le=365 * 24 * 3600)
    max_pdf_pages: int = Field(default=500, gt=0)
    # The reconciler (core/reconcile.py) leaves alone a workflow changed this recently: a retry
    # records its new execution just before starting it.
    reconcile_grace_seconds: int = Field(default=600, ge=0)
    # Workflows in review longer than this are counted in the ReviewsOverdue metric (its alarm).
    review_overdue_hours: float = Field(default=24, gt=0)
    # A PDF or Word workflow whose file never arrived ends UPLOAD_EXPIRED after this long.
    pending_expiry_hours: float = Field(default=24, gt=0)

    # Photos (docs/adr/0007-photos.md): the upload cap, the decoded-size cap that refuses a
    # decompression bomb before it is decoded, and the report copy's longest side and quality.
    max_photo_bytes: int = Field(default=20 * 1024 * 1024, gt=0, description="photo upload cap")
    max_photo_pixels: int = Field(default=50_000_000, gt=0, description="width x height cap")
    max_photos_per_workflow: int = Field(default=200, gt=0)
    report_photo_max_side: int = Field(default=1600, ge=64, le=8000)
    report_photo_quality: int = Field(default=80, ge=30, le=95)
    # GPS stays in the photo's record (chain of custody) but out of the report unless asked for:
    # a report travels to insurers, adjusters and lawyers, and a location is personal data.
    report_photo_gps: bool = False

    # The Claude analyzer runs when a key is set; otherwise the offline rules analyzer does. On
    # AWS the key lives in Secrets Manager: the template gives PROCESSING the secret's ARN, and
    # the secret wins over a plain ANTHROPIC_API_KEY (aws/secrets.py reads it once per container).
    anthropic_api_key: str = Field(default="", repr=False)
    anthropic_api_key_secret_arn: str = Field(default="", repr=False)
    anthropic_model: str = ""
    # Worst case is 2 requests x (retries + 1) x timeout: 2 x 3 x 120 s stays under Lambda's 900 s.
    anthropic_max_retries: int = Field(default=2, ge=0, le=5)
    anthropic_timeout_seconds: float = Field(default=120, gt=0, le=300)

    # Webhooks (core/webhooks.py, docs/adr/0021-webhooks.md): the endpoints' table, the deliveries'
    # queue, and the KMS key that seals their signing secrets (the template sets all three). The
    # local stack seals with WEBHOOK_SECRETS_LOCAL_KEY (32 bytes, base64) instead of KMS.
    webhooks_table_name: str = "restoreassist-webhooks"
    webhook_queue_url: str = ""
    webhook_secrets_key_id: str = ""
    webhook_secrets_local_key: str = Field(default="", repr=False)
    # Tests and the local stack only (never the template): http:// and loopback receivers allowed.
    webhooks_allow_local_receivers: bool = False
    # Attempts per delivery, and the wait after attempt n failed: base x factor^(n-1), +-10%.
    # The defaults retry after ~1 min, 5 min, 25 min, 2 h and 10 h: 6 attempts over ~13 hours.
    webhook_max_attempts: int = Field(default=6, ge=1, le=20)
    webhook_retry_base_seconds: float = Field(default=60, ge=0)
    webhook_retry_factor: float = Field(default=5, ge=1)
    # An endpoint whose deliveries failed for good this many times in a row is marked FAILING.
    webhook_failing_after: int = Field(default=3, ge=1)
    webhook_timeout_seconds: float = Field(default=10, gt=0, le=30)
    # After a rotation the old secret signs beside the new one this long.
    webhook_previous_secret_hours: float = Field(default=24, ge=0, le=24 * 7)
    # Prefixed to the payload's links (the API's public URL); empty: links are paths.
    public_api_url: str = ""

    # CloudWatch metrics (observability.py): Powertools' own variable, so the template sets one.
    powertools_metrics_namespace: str = "RestoreAssist"

    def allowed_origins(self) -> frozenset[str]:
        return frozenset(o.strip() for o in self.cors_allowed_origins.split(",") if o.strip())

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        fields = {
            name: env[name.upper()] for name in cls.model_fields if env.get(name.upper()) not in (None, "")
        }
        # boto3 reads AWS_DEFAULT_REGION; accept it when AWS_REGION is not set.
        if "aws_region" not in fields and env.get("AWS_DEFAULT_REGION"):
            fields["aws_region"] = env["AWS_DEFAULT_REGION"]
        return cls.model_validate(fields)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.from_env()
