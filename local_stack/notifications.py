"""S3 -> SQS -> Lambda, locally: an S3 event notification delivered to the Chalice SQS handler.

On AWS the bucket notifies a queue and Lambda's event source mapping polls it. Here the same
message body, in the same SQS event shape, reaches the same handler on a background thread
(S3 answers the upload before the notification arrives). Messages that the handler reports
in `batchItemFailures` are delivered again, as SQS would, up to the queue's receive limit;
then they go to a dead-letter list, as to the DLQ.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

from local_stack.lambda_runtime import LambdaContext

logger = logging.getLogger(__name__)
MAX_RECEIVES = 5  # deploy/resources.json: UploadsQueue's maxReceiveCount
Handler = Callable[[dict[str, Any], Any], Any]


def sqs_event(bodies: list[str], queue_arn: str, region: str, receive_count: int = 1) -> dict[str, Any]:
    now = str(int(time.time() * 1000))
    return {
        "Records": [
            {
                "messageId": str(uuid.uuid5(uuid.NAMESPACE_URL, body)),
                "receiptHandle": f"local-{uuid.uuid4()}",
                "body": body,
                "attributes": {
                    "ApproximateReceiveCount": str(receive_count),
                    "SentTimestamp": now,
                    "SenderId": "AIDAS3NOTIFICATIONS",
                    "ApproximateFirstReceiveTimestamp": now,
                },
                "messageAttributes": {},
                "md5OfBody": hashlib.md5(body.encode()).hexdigest(),  # SQS's own checksum field
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": region,
            }
            for body in bodies
        ]
    }


class LocalQueue:
    """Delivers messages to one SQS-triggered handler, with redelivery of reported failures."""

    def __init__(
        self, handler: Callable[[], Handler], queue_arn: str, region: str, function_name: str
    ) -> None:
        # The handler is looked up at each delivery, so a test may replace what it calls.
        self._handler = handler
        self._queue_arn = queue_arn
        self._region = region
        self._function_name = function_name
        self.dead_letters: list[str] = []
        self._pending: set[threading.Thread] = set()
        self._lock = threading.Lock()

    def send(self, message: dict[str, Any]) -> None:
        thread = threading.Thread(target=self._deliver, args=(json.dumps(message),), daemon=True)
        with self._lock:
            self._pending.add(thread)
        thread.start()

    def drain(self, timeout: float = 30) -> None:
        """Wait for the messages in flight (tests, and a clean shutdown)."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                pending = [t for t in self._pending if t.is_alive()]
                self._pending = set(pending)
            if not pending or time.monotonic() > deadline:
                return
            pending[0].join(timeout=max(0.0, deadline - time.monotonic()))

    def _deliver(self, body: str) -> None:
        for receive in range(1, MAX_RECEIVES + 1):
            event = sqs_event([body], self._queue_arn, self._region, receive)
            try:
                response = self._handler()(event, LambdaContext(self._function_name))
                failed = bool((response or {}).get("batchItemFailures"))
            except Exception:  # a failed invocation: SQS redelivers the batch
                logger.exception("Upload notification handler failed")
                failed = True
            if not failed:
                return
            time.sleep(min(2.0, 0.2 * receive))
        logger.error("Upload notification moved to the dead-letter list: %s", body)
        self.dead_letters.append(body)
