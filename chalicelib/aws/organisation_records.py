"""DynamoDB adapter for organisations (`OrganisationRecords`), in the workflows' table:

    pk = ORG#<orgId>       sk = ORG             the organisation, with its `ownerCount`
    pk = PERSON#<userId>   sk = MEMBERSHIP      the user's one membership: orgId, role
    pk = PERSON#<userId>   sk = CERTIFICATION   the person's certification on file
    pk = INVITE#<id>       sk = INVITE          an invitation (and an email one's code hash)

Members are listed per organisation through UserCreatedIndex under `ORG#<orgId>#MEMBERS`,
invitations under `ORG#<orgId>#INVITES`, and a user's own invitations through UserStatusIndex
under `PERSON#<userId>#INVITES`.

Keyed by the person, one item: "one organisation per user" is the item's existence, which
creating an organisation and accepting an invitation both put only if absent. Every change that
could take away an owner also updates the organisation's `ownerCount` in the same transaction,
only if it stays above zero: two owners demoting each other at once cannot both succeed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from boto3.dynamodb.conditions import Attr, ConditionBase, ConditionExpressionBuilder, Key

from chalicelib.aws.dynamo import call, from_dynamo, pages, to_dynamo
from chalicelib.core.org_models import Certification, Invitation, Member, Organisation
from chalicelib.core.ports import ConditionFailed, NotFound
from chalicelib.core.tenancy import Role

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table

USER_STATUS_INDEX = "UserStatusIndex"
USER_CREATED_INDEX = "UserCreatedIndex"


def org_key(org_id: str) -> dict[str, str]:
    return {"pk": f"ORG#{org_id}", "sk": "ORG"}


def member_key(user_id: str) -> dict[str, str]:
    return {"pk": f"PERSON#{user_id}", "sk": "MEMBERSHIP"}


def certification_key(user_id: str) -> dict[str, str]:
    return {"pk": f"PERSON#{user_id}", "sk": "CERTIFICATION"}


def invitation_key(invitation_id: str) -> dict[str, str]:
    return {"pk": f"INVITE#{invitation_id}", "sk": "INVITE"}


def _built(condition: ConditionBase, values: dict[str, Any] | None = None) -> dict[str, Any]:
    """A condition (and an update's own values) as TransactItems takes them: built, with placeholders."""
    built = ConditionExpressionBuilder().build_expression(condition)
    parts: dict[str, Any] = {
        "ConditionExpression": built.condition_expression,
        "ExpressionAttributeNames": dict(built.attribute_name_placeholders),
    }
    all_values = {**built.attribute_value_placeholders, **(values or {})}
    if all_values:  # DynamoDB refuses an empty map
        parts["ExpressionAttributeValues"] = all_values
    return parts


class DynamoOrganisationRecords:
    def __init__(self, table: Table) -> None:
        self._table = table
        self._client = table.meta.client

    def _member_item(self, member: Member) -> dict[str, Any]:
        item = member.model_dump(mode="json", exclude_none=True)
        item.update(
            member_key(member.user_id),
            gsi2pk=f"ORG#{member.org_id}#MEMBERS",
            gsi2sk=f"{item['joinedAt']}#{member.user_id}",
        )
        return item

    def _transact(self, items: list[dict[str, Any]]) -> None:
        call(self._client.transact_write_items, TransactItems=items)

    # --- organisations --------------------------------------------------------------------

    def create(self, organisation: Organisation, owner: Member) -> None:
        org_item = {**organisation.model_dump(mode="json"), **org_key(organisation.id)}
        self._transact(
            [
                {
                    "Put": {
                        "TableName": self._table.name,
                        "Item": org_item,
                        **_built(Attr("pk").not_exists()),
                    }
                },
                {
                    "Put": {
                        "TableName": self._table.name,
                        "Item": self._member_item(owner),
                        **_built(Attr("pk").not_exists()),
                    }
                },
            ]
        )

    def get(self, org_id: str) -> Organisation | None:
        item = call(self._table.get_item, Key=org_key(org_id), ConsistentRead=True).get("Item")
        return Organisation.model_validate(from_dynamo(item)) if item else None

    def rename(self, org_id: str, name: str, at: str) -> Organisation:
        try:
            response = call(
                self._table.update_item,
                Key=org_key(org_id),
                UpdateExpression="SET #name = :name, updatedAt = :at",
                ConditionExpression=Attr("pk").exists(),
                ExpressionAttributeNames={"#name": "name"},
                ExpressionAttributeValues={":name": name, ":at": at},
                ReturnValues="ALL_NEW",
            )
        except ConditionFailed as exc:
            raise NotFound(org_id) from exc
        return Organisation.model_validate(from_dynamo(response["Attributes"]))

    # --- members --------------------------------------------------------------------------

    def member(self, user_id: str) -> Member | None:
        item = call(self._table.get_item, Key=member_key(user_id), ConsistentRead=True).get("Item")
        return Member.model_validate(from_dynamo(item)) if item else None

    def members(self, org_id: str) -> list[Member]:
        found: list[Member] = []
        for page in pages(
            self._table.query,
            IndexName=USER_CREATED_INDEX,
            KeyConditionExpression=Key("gsi2pk").eq(f"ORG#{org_id}#MEMBERS"),
        ):
            found.extend(Member.model_validate(from_dynamo(item)) for item in page.get("Items", []))
        return found

    def _as_read(self, member: Member) -> ConditionBase:
        return Attr("orgId").eq(member.org_id) & Attr("role").eq(member.role.value)

    def _owner_count(self, org_id: str, delta: int) -> dict[str, Any]:
        """The organisation's owner count moved by `delta`; going down, only while another remains."""
        condition = Attr("ownerCount").gt(1) if delta < 0 else Attr("pk").exists()
        return {
            "Update": {
                "TableName": self._table.name,
                "Key": org_key(org_id),
                "UpdateExpression": "ADD ownerCount :delta",
                **_built(condition, {":delta": delta}),
            }
        }

    def change_role(self, member: Member, role: str) -> None:
        items: list[dict[str, Any]] = [
            {
                "Update": {
                    "TableName": self._table.name,
                    "Key": member_key(member.user_id),
                    "UpdateExpression": "SET #role = :role",
                    **_built(self._as_read(member), {":role": role}),
                }
            }
        ]
        items[0]["Update"]["ExpressionAttributeNames"]["#role"] = "role"
        was_owner, is_owner = member.role is Role.OWNER, role == Role.OWNER.value
        if was_owner != is_owner:
            items.append(self._owner_count(member.org_id, 1 if is_owner else -1))
        self._transact(items)

    def remove(self, member: Member) -> None:
        items: list[dict[str, Any]] = [
            {
                "Delete": {
                    "TableName": self._table.name,
                    "Key": member_key(member.user_id),
                    **_built(self._as_read(member)),
                }
            }
        ]
        if member.role is Role.OWNER:
            items.append(self._owner_count(member.org_id, -1))
        self._transact(items)

    # --- invitations ----------------------------------------------------------------------

    def put_invitation(self, invitation: Invitation, code_hash: str | None) -> None:
        item = invitation.model_dump(mode="json", exclude_none=True)
        sort_key = f"{item['createdAt']}#{invitation.id}"
        item.update(invitation_key(invitation.id), gsi2pk=f"ORG#{invitation.org_id}#INVITES", gsi2sk=sort_key)
        if invitation.user_id is not None:
            item.update(gsi1pk=f"PERSON#{invitation.user_id}#INVITES", gsi1sk=sort_key)
        if code_hash is not None:
            item["codeHash"] = code_hash
        call(self._table.put_item, Item=to_dynamo(item), ConditionExpression=Attr("pk").not_exists())

    def invitation(self, invitation_id: str) -> tuple[Invitation, str | None] | None:
        item = call(self._table.get_item, Key=invitation_key(invitation_id), ConsistentRead=True).get("Item")
        if not item:
            return None
        code_hash = item.get("codeHash")
        return Invitation.model_validate(from_dynamo(item)), str(code_hash) if code_hash else None

    def _invitations(self, index: str, pk_name: str, pk_value: str) -> list[Invitation]:
        found: list[Invitation] = []
        for page in pages(
            self._table.query,
            IndexName=index,
            KeyConditionExpression=Key(pk_name).eq(pk_value),
            ScanIndexForward=False,
        ):
            found.extend(Invitation.model_validate(from_dynamo(item)) for item in page.get("Items", []))
        return found

    def invitations(self, org_id: str) -> list[Invitation]:
        return self._invitations(USER_CREATED_INDEX, "gsi2pk", f"ORG#{org_id}#INVITES")

    def invitations_for(self, user_id: str) -> list[Invitation]:
        return self._invitations(USER_STATUS_INDEX, "gsi1pk", f"PERSON#{user_id}#INVITES")

    def _responded(
        self, invitation: Invitation, status: str, by: str, at: str, condition: ConditionBase
    ) -> dict[str, Any]:
        update = {
            "TableName": self._table.name,
            "Key": invitation_key(invitation.id),
            "UpdateExpression": "SET #status = :status, respondedBy = :by, respondedAt = :at",
            **_built(condition, {":status": status, ":by": by, ":at": at}),
        }
        update["ExpressionAttributeNames"]["#status"] = "status"
        return {"Update": update}

    def accept(self, invitation: Invitation, member: Member, at: str) -> None:
        still_open = Attr("status").eq("PENDING") & Attr("expiresAt").gt(at)
        self._transact(
            [
                self._responded(invitation, "ACCEPTED", member.user_id, at, still_open),
                {
                    "Put": {
                        "TableName": self._table.name,
                        "Item": self._member_item(member),
                        **_built(Attr("pk").not_exists()),
                    }
                },
                {
                    "ConditionCheck": {
                        "TableName": self._table.name,
                        "Key": org_key(invitation.org_id),
                        **_built(Attr("pk").exists()),
                    }
                },
            ]
        )

    def settle(self, invitation: Invitation, status: str, by: str, at: str) -> None:
        self._transact([self._responded(invitation, status, by, at, Attr("status").eq("PENDING"))])

    # --- certifications -------------------------------------------------------------------

    def certification(self, user_id: str) -> Certification | None:
        item = call(self._table.get_item, Key=certification_key(user_id), ConsistentRead=True).get("Item")
        return Certification.model_validate(from_dynamo(item)) if item else None

    def put_certification(self, certification: Certification) -> None:
        item = certification.model_dump(mode="json")
        call(self._table.put_item, Item={**item, **certification_key(certification.user_id)})
