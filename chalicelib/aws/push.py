"""WebSocket push adapter (`Pusher`): the API Gateway Management API (`@connections`).

The endpoint comes from settings: on AWS the WebSocket API's own
`https://{apiId}.execute-api.{region}.amazonaws.com/{stage}`, locally the local stack's plain
HTTP one. Chalice's `app.websocket_api.send` only knows the first, and only inside a WebSocket
event; phases push from Step Functions tasks.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

from botocore.exceptions import ClientError

from chalicelib.core.ports import ConnectionGone, Throttled


class GatewayPusher:
    def __init__(self, client: Any) -> None:
        self._client = client

    def send(self, connection_id: str, message: dict[str, Any]) -> None:
        data = json.dumps(message, separators=(",", ":")).encode()
        try:
            self._client.post_to_connection(ConnectionId=connection_id, Data=data)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code == "GoneException":
                raise ConnectionGone(connection_id) from exc
            raise Throttled(f"Could not send to {connection_id} ({code})") from exc

    def disconnect(self, connection_id: str) -> None:
        with contextlib.suppress(ClientError):  # gone already
            self._client.delete_connection(ConnectionId=connection_id)
