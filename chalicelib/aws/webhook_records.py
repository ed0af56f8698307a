"""DynamoDB adapter for webhooks (`WebhookRecords`), in the webhooks table of their own:

    pk = ORG#<orgId>          sk = ENDPOINT#<id>        an account's endpoint and its sealed secrets
    pk = ENDPOINT#<id>        sk = DELIVERY#<id>        a delivery, its attempts inside (at most a
                                                         handful), expiring after 30 days

A table apart from the workflows' so that the delivery worker's role reaches no workflow, and the
workflows' stream carries no delivery bookkeeping. Delivery ids are time-ordered: a Query of an
endpoint's partition, backwards, lists them newest first.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from boto3.dynamodb.conditions import Attr, Key

from chalicelib.aws.dynamo import call, from_dynamo, pages, to_dynamo
from chalicelib.core.models import iso, utc_now
from chalicelib.core.ports import ConditionFailed, NotFound
from chalicelib.core.webhook_models import EndpointStatus, WebhookDelivery, WebhookEndpoint
from chalicelib.core.webhook_ports import SealedSecrets

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table

DELIVERY_DAYS = 30
ENDPOINT_FIELDS_ONLY = ("pk", "sk", "sealedSecret", "sealedPreviousSecret", "expiresAt")


def _endpoint_key(org_id: str, endpoint_id: str) -> dict[str, str]:
    return {"pk": f"ORG#{org_id}", "sk": f"ENDPOINT#{endpoint_id}"}


def _delivery_key(endpoint_id: str, delivery_id: str) -> dict[str, str]:
    return {"pk": f"ENDPOINT#{endpoint_id}", "sk": f"DELIVERY#{delivery_id}"}


def _endpoint(item: dict[str, Any]) -> WebhookEndpoint:
    return WebhookEndpoint.model_validate(
        from_dynamo({k: v for k, v in item.items() if k not in ENDPOINT_FIELDS_ONLY})
    )


def _delivery(item: dict[str, Any]) -> WebhookDelivery:
    return WebhookDelivery.model_validate(
        from_dynamo({k: v for k, v in item.items() if k not in ENDPOINT_FIELDS_ONLY})
    )


class DynamoWebhookRecords:
    def __init__(self, table: Table) -> None:
        self._table = table

    def put_endpoint(self, endpoint: WebhookEndpoint, secrets: SealedSecrets) -> None:
        item = to_dynamo(endpoint.model_dump(mode="json", exclude_none=True))
        item.update(_endpoint_key(endpoint.org_id, endpoint.id), sealedSecret=secrets.current)
        if secrets.previous:
            item["sealedPreviousSecret"] = secrets.previous
        call(self._table.put_item, Item=item, ConditionExpression=Attr("pk").not_exists())

    def get_endpoint(self, org_id: str, endpoint_id: str) -> tuple[WebhookEndpoint, SealedSecrets] | None:
        item = call(self._table.get_item, Key=_endpoint_key(org_id, endpoint_id), ConsistentRead=True).get(
            "Item"
        )
        if not item:
            return None
        sealed = SealedSecrets(str(item["sealedSecret"]), item.get("sealedPreviousSecret"))
        return _endpoint(item), sealed

    def list_endpoints(self, org_id: str) -> list[WebhookEndpoint]:
        found: list[WebhookEndpoint] = []
        for page in pages(
            self._table.query,
            KeyConditionExpression=Key("pk").eq(f"ORG#{org_id}") & Key("sk").begins_with("ENDPOINT#"),
            ConsistentRead=True,
        ):
            found.extend(_endpoint(item) for item in page.get("Items", []))
        return sorted(found, key=lambda endpoint: endpoint.created_at)

    def delete_endpoint(self, org_id: str, endpoint_id: str) -> None:
        call(self._table.delete_item, Key=_endpoint_key(org_id, endpoint_id))

    def replace_secrets(self, endpoint: WebhookEndpoint, secrets: SealedSecrets) -> None:
        values: dict[str, Any] = {
            ":secret": secrets.current,
            ":created": iso(endpoint.secret_created_at),
        }
        sets = ["sealedSecret = :secret", "secretCreatedAt = :created"]
        removes = []
        if secrets.previous and endpoint.previous_secret_expires_at is not None:
            sets += ["sealedPreviousSecret = :previous", "previousSecretExpiresAt = :until"]
            values.update({":previous": secrets.previous, ":until": iso(endpoint.previous_secret_expires_at)})
        else:
            removes = ["sealedPreviousSecret", "previousSecretExpiresAt"]
        expression = "SET " + ", ".join(sets) + (" REMOVE " + ", ".join(removes) if removes else "")
        try:
            call(
                self._table.update_item,
                Key=_endpoint_key(endpoint.org_id, endpoint.id),
                UpdateExpression=expression,
                ExpressionAttributeValues=values,
                ConditionExpression=Attr("pk").exists(),
            )
        except ConditionFailed:
            raise NotFound(endpoint.id) from None

    def set_status(self, org_id: str, endpoint_id: str, status: EndpointStatus) -> WebhookEndpoint:
        reset = " REMOVE failingSince" if status is EndpointStatus.ACTIVE else ""
        try:
            answer = call(
                self._table.update_item,
                Key=_endpoint_key(org_id, endpoint_id),
                UpdateExpression="SET #status = :status, consecutiveFailures = :zero" + reset,
                ExpressionAttributeNames={"#status": "status"},
                ExpressionAttributeValues={":status": status.value, ":zero": 0},
                ConditionExpression=Attr("pk").exists(),
                ReturnValues="ALL_NEW",
            )
        except ConditionFailed:
            raise NotFound(endpoint_id) from None
        return _endpoint(answer["Attributes"])

    def note_outcome(self, org_id: str, endpoint_id: str, succeeded: bool, failing_after: int) -> None:
        key = _endpoint_key(org_id, endpoint_id)
        try:
            if succeeded:
                call(
                    self._table.update_item,
                    Key=key,
                    UpdateExpression="SET consecutiveFailures = :zero",
                    ExpressionAttributeValues={":zero": 0},
                    ConditionExpression=Attr("pk").exists() & Attr("consecutiveFailures").gt(0),
                )
                return
            answer = call(
                self._table.update_item,
                Key=key,
                UpdateExpression="ADD consecutiveFailures :one",
                ExpressionAttributeValues={":one": 1},
                ConditionExpression=Attr("pk").exists(),
                ReturnValues="ALL_NEW",
            )
            if int(answer["Attributes"]["consecutiveFailures"]) >= failing_after:
                call(
                    self._table.update_item,
                    Key=key,
                    UpdateExpression="SET #status = :failing, failingSince = :now",
                    ExpressionAttributeNames={"#status": "status"},
                    ExpressionAttributeValues={
                        ":failing": EndpointStatus.FAILING.value,
                        ":now": iso(utc_now()),
                    },
                    ConditionExpression=Attr("status").eq(EndpointStatus.ACTIVE.value),
                )
        except ConditionFailed:
            pass  # nothing to reset, the endpoint is gone, or it is FAILING already

    def create_delivery(self, delivery: WebhookDelivery) -> bool:
        item = self._delivery_item(delivery)
        try:
            call(self._table.put_item, Item=item, ConditionExpression=Attr("pk").not_exists())
        except ConditionFailed:
            return False
        return True

    def get_delivery(self, endpoint_id: str, delivery_id: str) -> WebhookDelivery | None:
        item = call(
            self._table.get_item, Key=_delivery_key(endpoint_id, delivery_id), ConsistentRead=True
        ).get("Item")
        return _delivery(item) if item else None

    def record_attempt(self, delivery: WebhookDelivery) -> None:
        # The existence test first: DynamoDB finds size() of a missing item false, but moto (the
        # local stack) raises on it, where a delivery gone (deleted, expired) must be ConditionFailed.
        call(
            self._table.put_item,
            Item=self._delivery_item(delivery),
            ConditionExpression=Attr("pk").exists() & Attr("attempts").size().eq(len(delivery.attempts) - 1),
        )

    def list_deliveries(self, endpoint_id: str, limit: int) -> list[WebhookDelivery]:
        answer = call(
            self._table.query,
            KeyConditionExpression=Key("pk").eq(f"ENDPOINT#{endpoint_id}")
            & Key("sk").begins_with("DELIVERY#"),
            ScanIndexForward=False,
            Limit=limit,
        )
        return [_delivery(item) for item in answer.get("Items", [])]

    def reopen_delivery(self, delivery: WebhookDelivery, seen: WebhookDelivery) -> None:
        # Conditions on what was read: a double click's second request, or two people at once,
        # find it changed and reopen nothing (core/webhooks.redeliver answers the winner's).
        unchanged = (
            Attr("pk").exists()  # first, as in record_attempt
            & Attr("status").eq(seen.status.value)
            & Attr("attempts").size().eq(len(seen.attempts))
        )
        if seen.redelivery is None:
            unchanged &= Attr("redelivery").not_exists()
        else:
            requested = seen.model_dump(mode="json")["redelivery"]["requestedAt"]
            unchanged &= Attr("redelivery.requestedAt").eq(requested)
        call(self._table.put_item, Item=self._delivery_item(delivery), ConditionExpression=unchanged)

    @staticmethod
    def _delivery_item(delivery: WebhookDelivery) -> dict[str, Any]:
        item: dict[str, Any] = to_dynamo(delivery.model_dump(mode="json", exclude_none=True))
        item["attempts"] = to_dynamo(delivery.model_dump(mode="json")["attempts"])
        item.update(_delivery_key(delivery.endpoint_id, delivery.id))
        item["expiresAt"] = int((delivery.created_at + timedelta(days=DELIVERY_DAYS)).timestamp())
        return item
