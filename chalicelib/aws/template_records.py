"""DynamoDB adapter for report templates (`TemplateRecords`), in the workflows' table.

pk = TPL#<templateId>      sk = V#<version, 6 digits>   one immutable version (put if absent)
pk = TPL#<templateId>      sk = HEAD                    newest version, retired, shared with
pk = TPL#ORG#<orgId>       sk = <templateId>            the template listed for an account

One key family (`TPL#*`) for the least-privilege policies. Template ids are `tpl_<hex>`, so the
`TPL#ORG#` partitions never meet a template's.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, Any

from chalicelib.aws.dynamo import call, from_dynamo, to_dynamo
from chalicelib.core.ports import ConditionFailed
from chalicelib.core.template_models import ReportTemplate, TemplateHead

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table

HEAD = "HEAD"
VERSION_PREFIX = "V#"


def _version_key(template_id: str, version: int) -> dict[str, str]:
    return {"pk": f"TPL#{template_id}", "sk": f"{VERSION_PREFIX}{version:06d}"}


def _head_key(template_id: str) -> dict[str, str]:
    return {"pk": f"TPL#{template_id}", "sk": HEAD}


def _listing_key(org_id: str, template_id: str) -> dict[str, str]:
    return {"pk": f"TPL#ORG#{org_id}", "sk": template_id}


def _head_of(item: dict[str, Any]) -> TemplateHead:
    data = from_dynamo({k: v for k, v in item.items() if k not in ("pk", "sk")})
    data["sharedWith"] = sorted(data.get("sharedWith", ()))  # a string set on the table
    return TemplateHead.model_validate(data)


class DynamoTemplateRecords:
    def __init__(self, table: Table) -> None:
        self._table = table

    def get_head(self, template_id: str) -> TemplateHead | None:
        item = call(self._table.get_item, Key=_head_key(template_id), ConsistentRead=True).get("Item")
        return _head_of(item) if item else None

    def get_version(self, template_id: str, version: int) -> ReportTemplate | None:
        item = call(self._table.get_item, Key=_version_key(template_id, version)).get("Item")
        if not item:
            return None
        return ReportTemplate.model_validate(
            from_dynamo({k: v for k, v in item.items() if k not in ("pk", "sk")})
        )

    def latest_version(self, template_id: str) -> int:
        items = call(
            self._table.query,
            KeyConditionExpression="pk = :pk AND begins_with(sk, :v)",
            ExpressionAttributeValues={":pk": f"TPL#{template_id}", ":v": VERSION_PREFIX},
            ScanIndexForward=False,
            Limit=1,
            ConsistentRead=True,
        ).get("Items", [])
        return int(str(items[0]["sk"]).removeprefix(VERSION_PREFIX)) if items else 0

    def add_version(self, template: ReportTemplate, head: TemplateHead) -> None:
        item = to_dynamo(template.model_dump(mode="json", exclude_none=True))
        # A version is written once: a racer's second put of the same number fails here.
        call(
            self._table.put_item,
            Item={**item, **_version_key(template.id, template.version)},
            ConditionExpression="attribute_not_exists(pk)",
        )
        fields = to_dynamo(
            head.model_dump(mode="json", exclude_none=True, exclude={"shared_with", "retired"})
        )
        names = {f"#{name}": name for name in fields}
        # A newer version's head may be there already: heads only move forward.
        with suppress(ConditionFailed):
            call(
                self._table.update_item,
                Key=_head_key(head.id),
                UpdateExpression="SET " + ", ".join(f"#{name} = :{name}" for name in fields),
                ConditionExpression="attribute_not_exists(pk) OR #latestVersion < :latestVersion",
                ExpressionAttributeNames=names,
                ExpressionAttributeValues={f":{name}": value for name, value in fields.items()},
            )
        if head.org_id is not None:
            call(self._table.put_item, Item={**_listing_key(head.org_id, head.id), "templateId": head.id})

    def retire(self, template_id: str) -> None:
        call(
            self._table.update_item,
            Key=_head_key(template_id),
            UpdateExpression="SET retired = :yes",
            ConditionExpression="attribute_exists(pk)",
            ExpressionAttributeValues={":yes": True},
        )

    def share(self, template_id: str, org_id: str) -> None:
        call(
            self._table.update_item,
            Key=_head_key(template_id),
            UpdateExpression="ADD sharedWith :org",
            ConditionExpression="attribute_exists(pk)",
            ExpressionAttributeValues={":org": {org_id}},
        )
        call(self._table.put_item, Item={**_listing_key(org_id, template_id), "templateId": template_id})

    def unshare(self, template_id: str, org_id: str) -> bool:
        # The head says who may see it; the account's listing only finds it (and a listing left by a
        # share racing this is filtered out by the head: core/templates.list_templates).
        old = call(
            self._table.update_item,
            Key=_head_key(template_id),
            UpdateExpression="DELETE sharedWith :org",
            ConditionExpression="attribute_exists(pk)",
            ExpressionAttributeValues={":org": {org_id}},
            ReturnValues="UPDATED_OLD",
        ).get("Attributes", {})
        call(self._table.delete_item, Key=_listing_key(org_id, template_id))
        return org_id in old.get("sharedWith", set())

    def list_for_org(self, org_id: str) -> list[TemplateHead]:
        items = call(
            self._table.query,
            KeyConditionExpression="pk = :pk",
            ExpressionAttributeValues={":pk": f"TPL#ORG#{org_id}"},
        ).get("Items", [])
        heads = (self.get_head(str(item["templateId"])) for item in items)
        return [head for head in heads if head is not None]
