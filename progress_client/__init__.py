"""A client for a workflow's live progress over the orchestrator's WebSocket API.

It lives outside `chalicelib` on purpose: `chalicelib` ships to Lambda, and nothing there may
depend on `websockets`. See `chalicelib/api/websocket.py` for the server's side of the protocol.

    from progress_client import ProgressWatcher

    watcher = ProgressWatcher("ws://127.0.0.1:8001", token)
    for envelope in watcher.watch(workflow_id):
        print(envelope["type"], envelope["seq"])
"""

from progress_client.watcher import (
    FINAL_EVENTS,
    AuthenticationError,
    Backoff,
    ConnectionLostError,
    ProgressClientError,
    ProgressWatcher,
    SubscriptionError,
    channel_for,
)

__all__ = [
    "FINAL_EVENTS",
    "AuthenticationError",
    "Backoff",
    "ConnectionLostError",
    "ProgressClientError",
    "ProgressWatcher",
    "SubscriptionError",
    "channel_for",
]
