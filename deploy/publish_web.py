"""Publish the dashboard to a deployed stack: web/dist and its config.json into the page's bucket.

    python deploy/publish_web.py --stack <stack name> [--region us-east-1] [--dist web/dist]
    (make publish-web STACK=<stack name>)

CloudFormation cannot put files into a bucket, so the page follows the stack: this reads the
stack's outputs, writes `config.json` from them (the API and WebSocket URLs, the Cognito hosted
UI's domain and app client, the upload cap), uploads the build with the cache headers each file
needs (Vite's hashed assets forever, index.html and config.json never), and invalidates the two
files CloudFront may hold. Run it after every deploy that changes the page or an output.
"""

from __future__ import annotations

import argparse
import json
import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "web" / "dist"
MAX_UPLOAD_BYTES = 25 * 1024 * 1024  # chalicelib/settings.py's default (MAX_UPLOAD_BYTES)
NEVER_CACHED = ("index.html", "config.json")
FOREVER = "public, max-age=31536000, immutable"
ALWAYS_ASK = "no-cache"


def web_config(outputs: dict[str, str], max_upload_bytes: int = MAX_UPLOAD_BYTES) -> dict[str, Any]:
    """The dashboard's config.json (web/src/session.tsx: AppConfig) from the stack's outputs."""
    auth: dict[str, Any] = {"mode": "none"}
    if outputs.get("SignInDomain"):
        auth = {"mode": "cognito", "domain": outputs["SignInDomain"], "clientId": outputs["UserPoolClientId"]}
    return {
        "apiUrl": outputs["ApiUrl"],
        "websocketUrl": outputs["WebsocketConnectEndpointURL"].rstrip("/"),
        "auth": auth,
        "maxUploadBytes": max_upload_bytes,
    }


def files_of(dist: Path) -> list[tuple[str, Path, str, str]]:
    """(key, path, content type, cache control) of every file of the build."""
    if not (dist / "index.html").is_file():
        raise SystemExit(f"{dist} has no index.html: build it first (make web)")
    found = []
    for path in sorted(p for p in dist.rglob("*") if p.is_file()):
        key = path.relative_to(dist).as_posix()
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type.endswith("javascript"):
            content_type += "; charset=utf-8"
        cache = FOREVER if key.startswith("assets/") else ALWAYS_ASK
        found.append((key, path, content_type, cache))
    return found


def publish(s3: Any, bucket: str, dist: Path, config: dict[str, Any]) -> list[str]:
    """Upload the build, then config.json; answer the keys written. Assets go first and
    index.html last, so a reader never gets a page whose assets are not there yet."""
    files = files_of(dist)
    files.sort(key=lambda item: item[0] == "index.html")
    written = []
    for key, path, content_type, cache in files:
        s3.put_object(
            Bucket=bucket, Key=key, Body=path.read_bytes(), ContentType=content_type, CacheControl=cache
        )
        written.append(key)
    s3.put_object(
        Bucket=bucket,
        Key="config.json",
        Body=json.dumps(config, indent=2).encode(),
        ContentType="application/json",
        CacheControl="no-store",
    )
    written.append("config.json")
    return written


def invalidate(cloudfront: Any, distribution_id: str, reference: str) -> str:
    reply = cloudfront.create_invalidation(
        DistributionId=distribution_id,
        InvalidationBatch={
            "Paths": {"Quantity": len(NEVER_CACHED), "Items": [f"/{name}" for name in NEVER_CACHED]},
            "CallerReference": reference,
        },
    )
    return str(reply["Invalidation"]["Id"])


def stack_outputs(cloudformation: Any, stack: str) -> dict[str, str]:
    (described,) = cloudformation.describe_stacks(StackName=stack)["Stacks"]
    return {output["OutputKey"]: output["OutputValue"] for output in described.get("Outputs", [])}


def main(argv: list[str] | None = None, session_factory: Callable[..., Any] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python deploy/publish_web.py")
    parser.add_argument("--stack", required=True, help="the deployed stack's name")
    parser.add_argument("--region", default=None)
    parser.add_argument("--dist", type=Path, default=DIST)
    args = parser.parse_args(argv)
    if session_factory is None:
        import boto3

        session_factory = boto3.session.Session
    session = session_factory(region_name=args.region)
    outputs = stack_outputs(session.client("cloudformation"), args.stack)
    config = web_config(outputs)
    written = publish(session.client("s3"), outputs["WebBucketName"], args.dist, config)
    import time

    invalidation = invalidate(
        session.client("cloudfront"), outputs["WebDistributionId"], f"publish-{time.time_ns()}"
    )
    print(f"Uploaded {len(written)} files to {outputs['WebBucketName']}; invalidation {invalidation}")
    print(f"The dashboard: {outputs['DashboardUrl']}  (sign-in: {config['auth']['mode']})")


if __name__ == "__main__":
    main()
