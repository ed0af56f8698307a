"""S3 -> SQS -> Lambda, locally: an S3 event notification delivered to the Chalice SQS handler.

On AWS the bucket notifies a queue and Lambda's event source mapping polls it. Here the same
message body, in the same SQS event shape, reaches the same handler on a background thread
(S3 answers the upload before the notification arrives). Messages that the handler reports
in `batchItemFailures` are delivered again, as SQS would, up to the queue's receive limit;
then they go to a dead-letter list, as to the DLQ.

With a spool directory (`make run`), a message is written and synced there before `send` returns,
that is before S3 answers the upload, and removed once handled: a crash in between leaves it for
`redeliver_spooled` at the next start, as SQS keeps a message until it is deleted.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
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
        self,
        handler: Callable[[], Handler],
        queue_arn: str,
        region: str,
        function_name: str,
        spool_dir: Path | None = None,
    ) -> None:
        # The handler is looked up at each delivery, so a test may replace what it calls.
        self._handler = handler
        self._queue_arn = queue_arn
        self._region = region
        self._function_name = function_name
        self.dead_letters: list[str] = []
        self._pending: set[threading.Thread] = set()
        self._lock = threading.Lock()
        self._spool_dir = spool_dir
        if spool_dir is not None:
            spool_dir.mkdir(parents=True, exist_ok=True)

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message)
        self._start(body, self._spool(body))

    def redeliver_spooled(self) -> int:
        """Deliver the messages a previous run accepted but never finished; how many."""
        if self._spool_dir is None:
            return 0
        spooled = sorted(self._spool_dir.glob("*.json"))
        for path in spooled:
            self._start(path.read_text(), path)
        return len(spooled)

    def _start(self, body: str, spooled: Path | None) -> None:
        thread = threading.Thread(target=self._deliver, args=(body, spooled), daemon=True)
        with self._lock:
            self._pending.add(thread)
        thread.start()

    def _spool(self, body: str) -> Path | None:
        if self._spool_dir is None:
            return None
        path = self._spool_dir / f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}.json"
        scratch = path.with_suffix(".tmp")
        with scratch.open("w") as file:
            file.write(body)
            file.flush()
            os.fsync(file.fileno())
        os.replace(scratch, path)
        return path

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

    def _deliver(self, body: str, spooled: Path | None) -> None:
        self._deliver_until_done(body)
        if spooled is not None:
            spooled.unlink(missing_ok=True)

    def _deliver_until_done(self, body: str) -> None:
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
