"""An upload's notification survives the stack dying before it was handled, as an SQS message
waits in its queue until deleted (local_stack/notifications.py, with a spool directory)."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from local_stack.notifications import LocalQueue

EVENT = {"Records": [{"eventName": "ObjectCreated:Post", "s3": {"object": {"key": "uploads/a/wf_1/x.pdf"}}}]}


def _queue(spool: Path, handler: Any) -> LocalQueue:
    return LocalQueue(lambda: handler, "arn:aws:sqs:us-east-1:123456789012:q", "us-east-1", "f", spool)


def test_a_notification_not_yet_handled_is_delivered_at_the_next_start(tmp_path: Path) -> None:
    # Given a queue whose handler never finishes (the stack is killed while it runs)
    stuck = threading.Event()
    _queue(tmp_path, lambda event, context: (stuck.wait(5), {})[1]).send(EVENT)
    assert len(list(tmp_path.glob("*.json"))) == 1  # on disk before send() returned
    # When the next start delivers what was left
    delivered: list[dict[str, Any]] = []
    again = _queue(tmp_path, lambda event, context: delivered.append(event) or {})
    assert again.redeliver_spooled() == 1
    again.drain(timeout=5)
    stuck.set()
    # Then the same S3 event reaches the handler, and once handled it is gone from the spool
    assert [json.loads(e["Records"][0]["body"]) for e in delivered] == [EVENT]
    assert list(tmp_path.glob("*.json")) == []
