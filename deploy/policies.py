"""Least privilege: one IAM managed policy per Chalice function, from the table `ACCESS` below.

Each row says what one entry point's code paths touch (read from `app.py`, `chalicelib/wiring.py`
and the adapters in `chalicelib/aws/`): which item families of the workflows table and with which
actions, which S3 prefixes and actions, which Step Functions actions, whether it pushes progress
to WebSocket clients, whether it consumes the uploads queue, whether it reads the Claude secret.
`package.py` refuses to package a Chalice function that has no row, so a new entry point cannot
silently inherit someone else's rights (docs/adr/0010-least-privilege-roles.md).

Every policy also carries the same explicit denies (`audit_deny`): nobody may put, update, delete
or batch-write an audit entry, in the audit table or under the legacy `AUDIT#` keys of the
workflows table. The API handler alone may append, with `dynamodb:PartiQLInsert`, which fails on
an existing key instead of replacing the item.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

TABLE = "WorkflowsTable"
AUDIT_TABLE = "AuditTable"
CONNECTIONS_TABLE = "ConnectionsTable"
BUCKET = "DocumentsBucket"
DOCUMENTS_KEY = "DocumentsKey"
OPERATIONS_KEY = "OperationsKey"  # Lambda environments, queues, the alarm topic, log groups
STATE_MACHINE = "WorkflowStateMachine"
UPLOADS_QUEUE = "UploadsQueue"
WEBSOCKET_API = "WebsocketAPI"
FAILED_INVOCATIONS_QUEUE = "FailedInvocationsQueue"
CLAUDE_SECRET_PARAMETER = "ClaudeApiKeySecretArn"
WEBHOOKS_TABLE = "WebhooksTable"
WEBHOOK_QUEUE = "WebhookDeliveriesQueue"
WEBHOOK_SECRETS_KEY = "WebhookSecretsKey"
# Item families of the webhooks table (chalicelib/aws/webhook_records.py).
ENDPOINT_ITEMS = "ORG#*"  # an account's endpoints and their sealed secrets
DELIVERY_ITEMS = "ENDPOINT#*"  # an endpoint's deliveries
SEND_WEBHOOKS = ("sqs:SendMessage",)
CONSUME_WEBHOOKS = (
    "sqs:ReceiveMessage",
    "sqs:DeleteMessage",
    "sqs:GetQueueAttributes",
    "sqs:ChangeMessageVisibility",
    "sqs:SendMessage",  # the next attempt is a new message, delayed
)
HAS_CLAUDE_SECRET = "HasClaudeSecret"

# Item families of the workflows table, by partition key (the adapters' module docstrings).
WORKFLOW_ITEMS = "WF#*"  # the workflow, its steps, events and photos
API_KEY_ITEMS = "APIKEY#*"
RATE_ITEMS = "RATE#*"
SETTINGS_ITEMS = "SETTINGS#*"
TEMPLATE_ITEMS = "TPL#*"  # report templates: versions, heads, each account's listing
# Organisations (chalicelib/aws/organisation_records.py): the organisation, a person's membership
# and certification, an invitation.
ORG_ITEMS = "ORG#*"
PERSON_ITEMS = "PERSON#*"
INVITE_ITEMS = "INVITE#*"
LEGACY_AUDIT_ITEMS = "AUDIT#*"  # audit entries written before the audit table existed
# The analytics aggregates (STATS#USER#..., STATS#ACCOUNT#...): every writer of a workflow ADDs to
# them in the write's own transaction; only the API reads them.
STATS_ITEMS = "STATS#*"
USER_ITEMS = "USER#*"  # a user's phase-time totals (the estimate of time remaining)

READ = ("dynamodb:GetItem", "dynamodb:Query")
# The aggregates' ADDs (a TransactWriteItems Update is authorised as UpdateItem): no read, no put.
ADD_ONLY = ("dynamodb:UpdateItem",)
# UpdateItem beside PutItem adds no power: whoever may put an item may already replace all of it.
WRITE = (*READ, "dynamodb:PutItem", "dynamodb:UpdateItem")
GET_ONLY = ("dynamodb:GetItem",)
DELETE = (*WRITE, "dynamodb:DeleteItem", "dynamodb:BatchWriteItem")
# A transaction's ConditionCheck (a share only beside its workflow; an acceptance only while the
# organisation exists) is authorised as ConditionCheckItem.
CHECK = ("dynamodb:ConditionCheckItem",)

S3_READ = ("s3:GetObject",)  # HeadObject is authorised as GetObject
# A named version (GetObject/HeadObject with VersionId): INITIATION reads the version received.
S3_READ_VERSIONS = ("s3:GetObject", "s3:GetObjectVersion")
# The upload trigger removes, by version id, an upload nothing will read: never a delete marker
# (s3:DeleteObject), never a listing, never outside uploads/ (docs/adr/0013-upload-integrity.md).
S3_DISCARD_VERSIONS = ("s3:GetObject", "s3:DeleteObjectVersion")
S3_WRITE = ("s3:GetObject", "s3:PutObject")
S3_DELETE = ("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion")
# OCR: a PDF's job (start, then poll), an image read at once.
TEXTRACT_ACTIONS = (
    "textract:StartDocumentTextDetection",
    "textract:GetDocumentTextDetection",
    "textract:DetectDocumentText",
)

# What nobody may do to an audit entry, whatever else a policy allows (an explicit Deny wins).
AUDIT_TAMPERING = (
    "dynamodb:PutItem",  # it may replace an entry: the API appends with PartiQLInsert instead
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:BatchWriteItem",
    "dynamodb:PartiQLUpdate",
    "dynamodb:PartiQLDelete",
    "dynamodb:DeleteTable",
    "dynamodb:UpdateTable",
    "dynamodb:RestoreTableFromBackup",
    "dynamodb:ImportTable",
)


@dataclass(frozen=True)
class Access:
    """What one function's code paths need; everything unnamed is denied by omission."""

    purpose: str
    items: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # key family -> actions
    user_indexes: bool = False  # Query the UserStatus / UserCreated indexes
    objects: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # S3 prefix -> actions
    scan_verdicts: bool = False  # GuardDuty's tags on uploads/ (chalicelib/aws/scanning.py)
    list_documents: bool = False  # a missing key answers 404, not 403; delete_prefix lists
    audit: tuple[str, ...] = ()  # actions on the audit table
    pushes_progress: bool = False  # the connections table and @connections of the WebSocket API
    reads_event_stream: bool = False  # the workflows table's stream (and its failures to the queue)
    states: tuple[str, ...] = ()  # Step Functions actions on the workflow's state machine/executions
    consumes_uploads: bool = False
    reads_claude_secret: bool = False
    reads_by_ocr: bool = False  # Textract text detection (chalicelib/aws/textract.py)
    webhooks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # webhooks table family -> actions
    webhook_queue: tuple[str, ...] = ()  # actions on the webhook deliveries' queue
    webhook_secrets: tuple[str, ...] = ()  # kms:Encrypt (seal) or kms:Decrypt (open) on its key


# Every phase reads and writes its workflow through the runner, moving its aggregates with it,
# and reads its user's phase times for the estimate (OUTPUT adds the completed workflow's).
PHASE = {
    WORKFLOW_ITEMS: WRITE,
    STATS_ITEMS: ADD_ONLY,
    USER_ITEMS: ("dynamodb:GetItem", "dynamodb:UpdateItem"),
}
RENDER = {"work/": S3_READ, "reports/": S3_WRITE, "photos/": S3_READ, "company/": S3_READ}

ACCESS: dict[str, Access] = {
    "APIHandler": Access(
        "The REST API: workflows, API keys, settings, audit, uploads forms, downloads and deletion, "
        "organisations, members, invitations, certifications and collaborators; ends the live "
        "subscriptions of whoever loses access",
        items={
            # DELETE /workflows/{id}: the record, steps, events, photos, collaborators
            WORKFLOW_ITEMS: (*DELETE, *CHECK),
            STATS_ITEMS: (*READ, "dynamodb:UpdateItem"),  # GET /stats, /analytics; every write's ADDs
            API_KEY_ITEMS: WRITE,  # create, revoke, note use
            RATE_ITEMS: WRITE,
            # POST /workflows reads the creator's settings and membership in one BatchGetItem
            SETTINGS_ITEMS: (*WRITE, "dynamodb:BatchGetItem"),
            # create, version, retire, share; un-share deletes the other account's listing
            TEMPLATE_ITEMS: (*WRITE, "dynamodb:DeleteItem"),
            ORG_ITEMS: (*WRITE, *CHECK),  # create, rename, the owner count
            # memberships (removal), certifications; read with the settings (BatchGetItem)
            PERSON_ITEMS: (*WRITE, "dynamodb:DeleteItem", "dynamodb:BatchGetItem"),
            INVITE_ITEMS: WRITE,
        },
        user_indexes=True,
        objects={
            "inputs/": S3_DELETE,
            # A presigned POST is signed by this role: S3 authorises the browser's PUT as it.
            "uploads/": S3_DELETE,
            "work/": S3_DELETE,
            "reports/": S3_DELETE,
            "photos/": S3_DELETE,
            "company/": S3_WRITE,
        },
        list_documents=True,
        # INSERT fails on an existing key: appending can never overwrite (chalicelib/aws/audit_log.py)
        audit=("dynamodb:PartiQLInsert", "dynamodb:Query"),
        states=(
            "states:StartExecution",
            "states:StopExecution",
            "states:SendTaskSuccess",
            "states:SendTaskFailure",
        ),
        # Revoking an API key closes its sockets at once; withdrawing someone's access (removal,
        # role, share) ends their subscriptions (core/revocation.py): their connections found by
        # the USER#<userId> pointers (Query, BatchGetItem), subscriptions deleted, sockets told.
        pushes_progress=True,
        # Register, rotate, enable, delete endpoints; queue a test delivery and list deliveries.
        webhooks={
            ENDPOINT_ITEMS: (*WRITE, "dynamodb:DeleteItem"),
            DELIVERY_ITEMS: (*READ, "dynamodb:PutItem"),
        },
        webhook_queue=SEND_WEBHOOKS,
        webhook_secrets=("kms:Encrypt",),  # seals a new secret; never opens one
    ),
    "VerifyCaller": Access(
        "The API authorizer: reads API keys, nothing else",
        items={API_KEY_ITEMS: GET_ONLY},
    ),
    "WebsocketConnect": Access(
        "Internet-facing: verifies ?token= (an API key is read, never written) and records the connection",
        items={API_KEY_ITEMS: GET_ONLY},
        pushes_progress=True,
    ),
    "WebsocketMessage": Access(
        "Internet-facing: subscribes a connection (asking the policy again once it is written) and "
        "replays a workflow's events (then hands it to the push, checking the workflow's newest event "
        "in the same transaction)",
        # A subscription is the policy's decision: the caller's membership and a collaborator's share
        items={WORKFLOW_ITEMS: (*READ, "dynamodb:ConditionCheckItem"), PERSON_ITEMS: GET_ONLY},
        pushes_progress=True,
    ),
    "WebsocketDisconnect": Access(
        "Internet-facing: forgets a connection and its subscriptions", pushes_progress=True
    ),
    "PushEvents": Access(
        "The workflows table's stream (inserted events only): posts them to each live subscriber, "
        "forgets gone connections; queues a webhook delivery per subscribed endpoint",
        items={WORKFLOW_ITEMS: GET_ONLY},  # a webhook event's workflow: its account and title
        pushes_progress=True,
        reads_event_stream=True,
        webhooks={
            ENDPOINT_ITEMS: ("dynamodb:Query",),
            DELIVERY_ITEMS: ("dynamodb:GetItem", "dynamodb:PutItem"),
        },
        webhook_queue=SEND_WEBHOOKS,
    ),
    "DeliverWebhooks": Access(
        "Internet-facing (outbound): signs and POSTs one attempt of a webhook delivery, records it, "
        "queues the next; reaches no workflow, no document, no other table",
        webhooks={
            ENDPOINT_ITEMS: ("dynamodb:GetItem", "dynamodb:UpdateItem"),
            DELIVERY_ITEMS: ("dynamodb:GetItem", "dynamodb:PutItem"),
        },
        webhook_queue=CONSUME_WEBHOOKS,
        webhook_secrets=("kms:Decrypt",),  # opens a secret to sign; never seals one
    ),
    "UploadReceived": Access(
        "Parses untrusted uploads (photos): records receipts, re-encodes photos, starts executions, "
        "removes by version id an upload nothing will read",
        items={WORKFLOW_ITEMS: WRITE, STATS_ITEMS: ADD_ONLY},
        objects={"uploads/": S3_DISCARD_VERSIONS, "photos/": S3_WRITE},
        list_documents=True,
        states=("states:StartExecution",),
        consumes_uploads=True,
    ),
    "PhaseInitiation": Access(
        "Parses untrusted PDF/DOCX/images: reads the input, OCRs scans (Textract), writes the text",
        items=PHASE,
        user_indexes=True,
        objects={"inputs/": S3_READ, "uploads/": S3_READ_VERSIONS, "work/": S3_WRITE},
        scan_verdicts=True,
        list_documents=True,
        reads_by_ocr=True,
    ),
    "PhaseProcessing": Access(
        "The analysis (offline or Claude): reads the text, writes the findings",
        items=PHASE,
        user_indexes=True,
        objects={"work/": S3_WRITE},
        list_documents=True,
        reads_claude_secret=True,
    ),
    "PhaseQa": Access(
        "QA of the findings against the rules, the photos received and the workflow's template",
        items={**PHASE, TEMPLATE_ITEMS: GET_ONLY},
        user_indexes=True,
        objects={"work/": S3_WRITE},
        list_documents=True,
    ),
    "PhaseOutput": Access(
        "Renders the report from the findings, the photos, the user's company profile and the template",
        items={**PHASE, SETTINGS_ITEMS: GET_ONLY, TEMPLATE_ITEMS: GET_ONLY},
        user_indexes=True,
        objects=RENDER,
        list_documents=True,
    ),
    "PausePoint": Access(
        "Parks a workflow on its task token at a phase boundary", items=PHASE, user_indexes=True
    ),
    "ReviewPoint": Access(
        "Parks a workflow for review and renders its DRAFT",
        items={**PHASE, SETTINGS_ITEMS: GET_ONLY, TEMPLATE_ITEMS: GET_ONLY},
        user_indexes=True,
        objects=RENDER,
        list_documents=True,
    ),
    "RecordFailure": Access(
        "Marks a workflow FAILED with the reason (reads QA's result for it)",
        items=PHASE,
        user_indexes=True,
        objects={"work/": S3_READ},
        list_documents=True,
    ),
    "CloseExpiredConnections": Access(
        "Scheduled: closes WebSockets whose token expired (the connections table and @connections only)",
        pushes_progress=True,
    ),
    "ReconcileWorkflows": Access(
        "Scheduled: settles records whose execution ended or vanished (never deletes, never scans: it "
        "queries the sparse OpenWorkflowsIndex)",
        items={WORKFLOW_ITEMS: WRITE, STATS_ITEMS: ADD_ONLY},
        user_indexes=True,
        states=("states:DescribeExecution", "states:SendTaskFailure"),
    ),
}


# arn:<partition>:<service>:<region>:<account>, for Fn::Sub
ARN_PREFIX = "arn:${{AWS::Partition}}:{service}:${{AWS::Region}}:${{AWS::AccountId}}"


def _arn(resource: str) -> dict[str, Any]:
    return {"Fn::GetAtt": [resource, "Arn"]}


def _leading_keys(family: str) -> dict[str, Any]:
    # ForAllValues: every partition key the request touches must be of the family.
    return {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": [family]}}


def _sid(text: str) -> str:
    return "".join(ch for ch in text.title() if ch.isalnum())


def audit_deny() -> list[dict[str, Any]]:
    """The denies in every function's policy: the proof that no role can tamper with audit entries."""
    return [
        {
            "Sid": "AuditEntriesAreNeverChangedOrDeleted",
            "Effect": "Deny",
            "Action": list(AUDIT_TAMPERING),
            "Resource": [_arn(AUDIT_TABLE), {"Fn::Sub": f"${{{AUDIT_TABLE}.Arn}}/*"}],
        },
        {
            "Sid": "LegacyAuditItemsAreNeverWritten",
            "Effect": "Deny",
            "Action": [
                "dynamodb:PutItem",
                "dynamodb:UpdateItem",
                "dynamodb:DeleteItem",
                "dynamodb:BatchWriteItem",
                "dynamodb:PartiQLInsert",
                "dynamodb:PartiQLUpdate",
                "dynamodb:PartiQLDelete",
            ],
            "Resource": _arn(TABLE),
            "Condition": {"ForAnyValue:StringLike": {"dynamodb:LeadingKeys": [LEGACY_AUDIT_ITEMS]}},
        },
    ]


def statements(access: Access, *, invoked_async: bool = False) -> list[Any]:
    """The IAM statements of one row of `ACCESS`; `invoked_async`: it sends its failures to a queue."""
    granted: list[Any] = []
    for family, actions in access.items.items():
        granted.append(
            {
                "Sid": f"{_sid(family.strip('#*'))}Items",
                "Effect": "Allow",
                "Action": list(actions),
                "Resource": _arn(TABLE),
                "Condition": _leading_keys(family),
            }
        )
    if access.user_indexes:
        # Read-only listings by user (the workflows' and the API keys' indexes).
        granted.append(
            {
                "Sid": "QueryUserIndexes",
                "Effect": "Allow",
                "Action": "dynamodb:Query",
                "Resource": {"Fn::Sub": f"${{{TABLE}.Arn}}/index/*"},
            }
        )
    if access.audit:
        granted.append(
            {
                "Sid": "AppendAndReadAudit",
                "Effect": "Allow",
                "Action": list(access.audit),
                "Resource": _arn(AUDIT_TABLE),
            }
        )
    granted += _s3_statements(access)
    if access.pushes_progress:
        granted += _push_statements()
    if access.reads_event_stream:
        granted.append(
            {
                # What Lambda's event source mapping reads with the function's role.
                "Sid": "ReadWorkflowEventStream",
                "Effect": "Allow",
                "Action": [
                    "dynamodb:DescribeStream",
                    "dynamodb:GetRecords",
                    "dynamodb:GetShardIterator",
                    "dynamodb:ListStreams",
                ],
                "Resource": {"Fn::Sub": f"${{{TABLE}.Arn}}/stream/*"},
            }
        )
    if access.states:
        granted += _states_statements(access.states)
    if access.consumes_uploads:
        granted.append(
            {
                "Sid": "ConsumeUploadNotifications",
                "Effect": "Allow",
                "Action": [
                    "sqs:ReceiveMessage",
                    "sqs:DeleteMessage",
                    "sqs:GetQueueAttributes",
                    "sqs:ChangeMessageVisibility",
                ],
                "Resource": _arn(UPLOADS_QUEUE),
            }
        )
    if invoked_async or access.reads_event_stream:
        # A schedule's failed invocation, or the stream batch the mapping gave up on.
        granted.append(
            {
                "Sid": "ReportFailedInvocations",
                "Effect": "Allow",
                "Action": "sqs:SendMessage",
                "Resource": _arn(FAILED_INVOCATIONS_QUEUE),
            }
        )
    if access.consumes_uploads or invoked_async or access.reads_event_stream:
        # The queues are encrypted with the operations key.
        granted.append(
            {
                "Sid": "UseQueueKey",
                "Effect": "Allow",
                "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
                "Resource": _arn(OPERATIONS_KEY),
                "Condition": {
                    "StringEquals": {"kms:ViaService": {"Fn::Sub": "sqs.${AWS::Region}.amazonaws.com"}}
                },
            }
        )
    granted += _webhook_statements(access)
    if access.reads_by_ocr:
        granted.append(
            {
                # Textract's text detection takes no resource-level permissions. The asynchronous
                # job reads the upload with this role's own S3 and KMS rights (forward access
                # sessions), which the uploads/ statements above already grant.
                "Sid": "DetectTextWithTextract",
                "Effect": "Allow",
                "Action": list(TEXTRACT_ACTIONS),
                "Resource": "*",
            }
        )
    granted += _runtime_statements()
    if access.reads_claude_secret:
        granted += [claude_secret_statement(), claude_secret_key_statement()]
    return granted + audit_deny()


def _webhook_statements(access: Access) -> list[dict[str, Any]]:
    granted: list[dict[str, Any]] = [
        {
            "Sid": f"Webhook{_sid(family.strip('#*'))}Items",
            "Effect": "Allow",
            "Action": list(actions),
            "Resource": _arn(WEBHOOKS_TABLE),
            "Condition": _leading_keys(family),
        }
        for family, actions in access.webhooks.items()
    ]
    if access.webhook_queue:
        granted.append(
            {
                "Sid": "WebhookDeliveriesQueue",
                "Effect": "Allow",
                "Action": list(access.webhook_queue),
                "Resource": _arn(WEBHOOK_QUEUE),
            }
        )
        if not (access.consumes_uploads or access.reads_event_stream):
            # The queue is encrypted with the operations key (else granted with the other queues).
            granted.append(
                {
                    "Sid": "UseWebhookQueueKey",
                    "Effect": "Allow",
                    "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
                    "Resource": _arn(OPERATIONS_KEY),
                    "Condition": {
                        "StringEquals": {"kms:ViaService": {"Fn::Sub": "sqs.${AWS::Region}.amazonaws.com"}}
                    },
                }
            )
    if access.webhook_secrets:
        granted.append(
            {
                # Only for a webhook secret's own encryption context (chalicelib/core/webhooks.py).
                "Sid": "SealOrOpenWebhookSecrets",
                "Effect": "Allow",
                "Action": list(access.webhook_secrets),
                "Resource": _arn(WEBHOOK_SECRETS_KEY),
                "Condition": {"StringEquals": {"kms:EncryptionContext:purpose": "webhook-signing-secret"}},
            }
        )
    return granted


def _s3_statements(access: Access) -> list[dict[str, Any]]:
    granted: list[dict[str, Any]] = []
    by_actions: dict[tuple[str, ...], list[str]] = {}
    for prefix, actions in access.objects.items():
        by_actions.setdefault(actions, []).append(prefix)
    for actions, prefixes in sorted(by_actions.items()):
        granted.append(
            {
                "Sid": "".join(a.split(":")[1] for a in actions) + "Documents",
                "Effect": "Allow",
                "Action": list(actions),
                "Resource": [{"Fn::Sub": f"${{{BUCKET}.Arn}}/{prefix}*"} for prefix in sorted(prefixes)],
            }
        )
    if access.scan_verdicts:
        granted.append(
            {
                "Sid": "ReadScanVerdicts",
                "Effect": "Allow",
                # GuardDuty tags the version it scanned; INITIATION reads that version's tags.
                "Action": ["s3:GetObjectTagging", "s3:GetObjectVersionTagging"],
                "Resource": {"Fn::Sub": f"${{{BUCKET}.Arn}}/uploads/*"},
            }
        )
    # Deleting a prefix lists its versions; removing one version named by S3 needs no listing.
    deletes = any(set(S3_DELETE) <= set(actions) for actions in access.objects.values())
    if access.list_documents:
        granted.append(
            {
                "Sid": "ListDocuments",
                "Effect": "Allow",
                # Deleting a workflow removes every version of its objects (S3Blobs.delete_prefix).
                "Action": ["s3:ListBucket", "s3:ListBucketVersions"] if deletes else "s3:ListBucket",
                "Resource": _arn(BUCKET),
            }
        )
    if access.objects:
        writes = any("s3:PutObject" in actions for actions in access.objects.values())
        granted.append(
            {
                "Sid": "DocumentsKeyThroughS3",
                "Effect": "Allow",
                "Action": ["kms:Decrypt", "kms:GenerateDataKey"] if writes else "kms:Decrypt",
                "Resource": _arn(DOCUMENTS_KEY),
                "Condition": {
                    "StringEquals": {"kms:ViaService": {"Fn::Sub": "s3.${AWS::Region}.amazonaws.com"}}
                },
            }
        )
    return granted


def _push_statements() -> list[dict[str, Any]]:
    api = f"{ARN_PREFIX.format(service='execute-api')}:${{{WEBSOCKET_API}}}"
    return [
        {
            "Sid": "ConnectionRecords",
            "Effect": "Allow",
            "Action": [
                "dynamodb:GetItem",
                "dynamodb:PutItem",
                "dynamodb:UpdateItem",
                "dynamodb:DeleteItem",
                "dynamodb:Query",
                # The push forgets the connections that are gone in batches.
                "dynamodb:BatchGetItem",
                "dynamodb:BatchWriteItem",
            ],
            "Resource": _arn(CONNECTIONS_TABLE),
        },
        {
            "Sid": "PushToConnections",
            "Effect": "Allow",
            "Action": "execute-api:ManageConnections",
            "Resource": [{"Fn::Sub": f"{api}/*/{verb}/@connections/*"} for verb in ("POST", "DELETE")],
        },
    ]


def _states_statements(actions: tuple[str, ...]) -> list[dict[str, Any]]:
    executions = {"Fn::Sub": f"{ARN_PREFIX.format(service='states')}:execution:${{{STATE_MACHINE}.Name}}:*"}
    on_machine = [
        a
        for a in actions
        if a
        in (
            "states:StartExecution",
            "states:ListExecutions",
            "states:SendTaskSuccess",
            "states:SendTaskFailure",
        )
    ]
    on_executions = [a for a in actions if a in ("states:StopExecution", "states:DescribeExecution")]
    unknown = set(actions) - set(on_machine) - set(on_executions)
    if unknown:
        raise SystemExit(f"deploy/policies.py: no resource known for {sorted(unknown)}")
    granted = []
    if on_machine:
        # Task tokens are authorised against the state machine.
        granted.append(
            {
                "Sid": "DriveWorkflows",
                "Effect": "Allow",
                "Action": on_machine,
                "Resource": {"Ref": STATE_MACHINE},
            }
        )
    if on_executions:
        granted.append(
            {"Sid": "ManageExecutions", "Effect": "Allow", "Action": on_executions, "Resource": executions}
        )
    return granted


def _runtime_statements() -> list[dict[str, Any]]:
    return [
        {
            # The environment is encrypted with the operations key. Lambda decrypts it at init
            # through the grant it made on deploy; this covers the role's side, through Lambda only.
            "Sid": "DecryptEnvironment",
            "Effect": "Allow",
            "Action": "kms:Decrypt",
            "Resource": _arn(OPERATIONS_KEY),
            "Condition": {
                "StringEquals": {"kms:ViaService": {"Fn::Sub": "lambda.${AWS::Region}.amazonaws.com"}}
            },
        },
        {
            # X-Ray takes no resource-level permissions.
            "Sid": "WriteTraces",
            "Effect": "Allow",
            "Action": ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
            "Resource": "*",
        },
    ]


def claude_secret_statement() -> dict[str, Any]:
    """PROCESSING only, and only when the stack is given a secret (`HasClaudeSecret`)."""
    return {
        "Fn::If": [
            HAS_CLAUDE_SECRET,
            {
                "Sid": "ReadClaudeApiKey",
                "Effect": "Allow",
                "Action": "secretsmanager:GetSecretValue",
                "Resource": {"Ref": CLAUDE_SECRET_PARAMETER},
            },
            {"Ref": "AWS::NoValue"},
        ]
    }


def claude_secret_key_statement() -> dict[str, Any]:
    """A secret under a customer managed key needs kms:Decrypt, but only through Secrets Manager."""
    return {
        "Fn::If": [
            HAS_CLAUDE_SECRET,
            {
                "Sid": "DecryptClaudeApiKeyThroughSecretsManager",
                "Effect": "Allow",
                "Action": "kms:Decrypt",
                "Resource": {"Fn::Sub": "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*"},
                "Condition": {
                    "StringEquals": {
                        "kms:ViaService": {"Fn::Sub": "secretsmanager.${AWS::Region}.amazonaws.com"},
                    },
                    "StringLike": {"kms:EncryptionContext:SecretARN": {"Ref": CLAUDE_SECRET_PARAMETER}},
                },
            },
            {"Ref": "AWS::NoValue"},
        ]
    }


def policy_id(function: str) -> str:
    return f"{function}Access"


def function_policies(functions: list[str], async_functions: set[str]) -> dict[str, Any]:
    """`{<Function>Access: AWS::IAM::ManagedPolicy}` for each function; fails on one without a row."""
    missing = sorted(set(functions) - set(ACCESS))
    if missing:
        raise SystemExit(
            f"deploy/policies.py has no ACCESS row for the Chalice function(s) {missing}: "
            "say what each may read and write before it can be packaged"
        )
    resources: dict[str, Any] = {}
    for function in functions:
        access = ACCESS[function]
        document = statements(access, invoked_async=function in async_functions)
        resources[policy_id(function)] = {
            "Type": "AWS::IAM::ManagedPolicy",
            "Properties": {
                "Description": f"{function}: {access.purpose}",
                "PolicyDocument": {"Version": "2012-10-17", "Statement": document},
            },
        }
    return resources


def markdown_table() -> str:
    """The rows of `ACCESS` as deploy/README.md shows them (a test keeps the two the same)."""

    def short(actions: tuple[str, ...]) -> str:
        return ", ".join(a.split(":", 1)[1] for a in actions)

    lines = [
        "| Function | Purpose | Workflows table items | S3 prefixes | Other |",
        "|---|---|---|---|---|",
    ]
    for name, access in ACCESS.items():
        items = [f"`{family}` {short(actions)}" for family, actions in access.items.items()]
        if access.user_indexes:
            items.append("indexes Query")
        objects = [f"`{prefix}` {short(actions)}" for prefix, actions in access.objects.items()]
        if access.scan_verdicts:
            objects.append("`uploads/` GetObjectTagging, GetObjectVersionTagging")
        other = []
        if access.audit:
            other.append(f"audit table: {short(access.audit)}")
        if access.states:
            other.append(f"states: {short(access.states)}")
        if access.pushes_progress:
            other.append("connections table, @connections")
        if access.reads_event_stream:
            other.append("workflows table stream")
        if access.consumes_uploads:
            other.append("uploads queue")
        if access.reads_claude_secret:
            other.append("the Claude secret (if set)")
        if access.reads_by_ocr:
            other.append(f"textract: {short(TEXTRACT_ACTIONS)}")
        if access.webhooks:
            families = ", ".join(f"`{key}` {short(actions)}" for key, actions in access.webhooks.items())
            other.append(f"webhooks table: {families}")
        if access.webhook_queue:
            other.append(f"webhook queue: {short(access.webhook_queue)}")
        if access.webhook_secrets:
            other.append(f"webhook secrets key: {short(access.webhook_secrets)}")
        cells = [f"`{name}`", access.purpose, "; ".join(items) or "—", "; ".join(objects) or "—"]
        lines.append("| " + " | ".join([*cells, "; ".join(other) or "—"]) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
