"""SQS -> Lambda, locally, for a queue that lives in moto: the webhook deliveries' queue.

On AWS an event source mapping long-polls the queue, invokes the function with a batch, deletes
what it did not report in `batchItemFailures`, and leaves the rest to reappear after the queue's
visibility timeout (then to its dead-letter queue after `maxReceiveCount`). Here a thread does
the same against moto's SQS, which keeps `DelaySeconds` and visibility timeouts as SQS does, so
a delivery's retry waits its backoff here too. (The uploads queue is `notifications.py`: S3
notifies it from inside moto, before any queue exists there.)

moto's SQS is not journaled (ADR 0015): a delivery queued when `make run` stops is not sent
after a restart; its record stays PENDING with its attempts.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from local_stack.lambda_runtime import LambdaContext

logger = logging.getLogger(__name__)
Handler = Callable[[dict[str, Any], Any], Any]


class SqsPoller:
    def __init__(
        self,
        sqs: Any,
        queue_url: str,
        queue_arn: str,
        handler: Callable[[], Handler],
        function_name: str,
        *,
        batch_size: int = 5,
        region: str = "us-east-1",
    ) -> None:
        # The handler is looked up at each invocation, so a test may replace what it calls.
        self._sqs = sqs
        self._queue_url = queue_url
        self._queue_arn = queue_arn
        self._handler = handler
        self._function_name = function_name
        self._batch_size = batch_size
        self._region = region
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name=f"local-{function_name}")
        self.invocations = 0

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                received = self._sqs.receive_message(
                    QueueUrl=self._queue_url,
                    MaxNumberOfMessages=self._batch_size,
                    WaitTimeSeconds=1,
                    AttributeNames=["All"],
                ).get("Messages", [])
            except Exception:  # the stack is stopping, or moto hiccuped: try again
                if not self._stop.wait(0.5):
                    logger.exception("Polling %s failed", self._queue_url)
                continue
            if received:
                self._invoke(received)

    def _invoke(self, messages: list[dict[str, Any]]) -> None:
        event = {"Records": [self._record(message) for message in messages]}
        self.invocations += 1
        try:
            answer = self._handler()(event, LambdaContext(self._function_name)) or {}
            failed = {item["itemIdentifier"] for item in answer.get("batchItemFailures", [])}
        except Exception:  # a failed invocation: the whole batch comes back after the timeout
            logger.exception("%s failed", self._function_name)
            return
        done = [
            {"Id": str(n), "ReceiptHandle": m["ReceiptHandle"]}
            for n, m in enumerate(messages)
            if m["MessageId"] not in failed
        ]
        if done:
            self._sqs.delete_message_batch(QueueUrl=self._queue_url, Entries=done)

    def _record(self, message: dict[str, Any]) -> dict[str, Any]:
        return {
            "messageId": message["MessageId"],
            "receiptHandle": message["ReceiptHandle"],
            "body": message["Body"],
            "attributes": message.get("Attributes", {}),
            "messageAttributes": {},
            "md5OfBody": message.get("MD5OfBody", ""),
            "eventSource": "aws:sqs",
            "eventSourceARN": self._queue_arn,
            "awsRegion": self._region,
        }
