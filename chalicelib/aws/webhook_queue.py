"""The webhook deliveries' queue (`ports.WebhookQueue`) on SQS.

A message is one attempt of one delivery; a later attempt is a new message sent with
`DelaySeconds` (SQS allows at most 15 minutes: `core/webhooks.py` waits longer in hops).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from botocore.exceptions import ClientError

from chalicelib.aws.dynamo import THROTTLING_CODES, error_code
from chalicelib.core.ports import Throttled

MAX_DELAY_SECONDS = 900


class SqsWebhookQueue:
    def __init__(self, client: Any, queue_url: str) -> None:
        self._client = client
        self._queue_url = queue_url

    def send(self, message: Mapping[str, Any], delay_seconds: float = 0) -> None:
        delay = min(MAX_DELAY_SECONDS, max(0, math.ceil(delay_seconds)))
        try:
            self._client.send_message(
                QueueUrl=self._queue_url, MessageBody=json.dumps(dict(message)), DelaySeconds=delay
            )
        except ClientError as exc:
            if error_code(exc) in THROTTLING_CODES | {"RequestThrottled", "KmsThrottled"}:
                raise Throttled(f"SQS throttled the request ({error_code(exc)})") from exc
            raise
