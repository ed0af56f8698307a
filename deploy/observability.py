"""Operations, template side: log groups with retention, tracing, alarms to an encrypted topic, a dashboard.

Everything is derived from the functions `chalice package` generates, so a new function gets its
log group, its error and throttle alarms and its dashboard line without anyone writing them.
The custom metrics are the runtime's (Powertools Metrics, EMF, namespace `METRICS_NAMESPACE`, one per stack).
"""

from __future__ import annotations

import json
from typing import Any

# Per stack: two stages in one account must not set off each other's alarms (every metric also
# carries service=restoreassist-orchestrator, the same in both). Written for Fn::Sub.
METRICS_NAMESPACE_SUB = "RestoreAssist/${AWS::StackName}"
METRICS_NAMESPACE = {"Fn::Sub": METRICS_NAMESPACE_SUB}
SERVICE = (
    "restoreassist-orchestrator"  # POWERTOOLS_SERVICE_NAME (.chalice/config.json): the `service` dimension
)
ALARM_TOPIC = "AlarmTopic"
OPERATIONS_KEY = "OperationsKey"
LOG_RETENTION = "LogRetentionDays"
STATE_MACHINE = "WorkflowStateMachine"
REST_API = "RestAPI"
REST_API_NAME = {"Fn::Sub": "${AWS::StackName}-api"}
DEAD_LETTER_QUEUES = {
    "UploadsDeadLetterQueue": "Upload notifications that failed 5 times",
    "FailedInvocationsQueue": (
        "Asynchronous invocations (schedules) or stream batches (the progress push) that failed every retry"
    ),
}
# The function on the workflows table's stream (app.py's push_events): how late its pushes run.
STREAM_FUNCTION = "PushEvents"
PUSH_LATE_MS = 30_000
# The workflow's custom metrics (EMF), as the dashboard shows them.
WORKFLOW_COUNTS = ("WorkflowsStarted", "WorkflowsCompleted", "WorkflowsFailed", "WorkflowsInReview")
PHASES = ("INITIATION", "PROCESSING", "QA", "OUTPUT")
# The functions that run a phase (chalicelib/phases/runner.py), by the phase they run.
PHASE_FUNCTIONS = dict(
    zip(("PhaseInitiation", "PhaseProcessing", "PhaseQa", "PhaseOutput"), PHASES, strict=True)
)
PERIOD = 300


def log_group_id(function: str) -> str:
    return f"{function}LogGroup"


def log_groups(functions: list[str]) -> dict[str, Any]:
    """`/aws/lambda/<function>` for each function: retention and the operations key.

    Lambda's roles may not create log groups (.chalice/policy.json): the template's group is
    the one their logs go to, never one Lambda made on a first invoke with no retention."""
    return {
        log_group_id(function): {
            "Type": "AWS::Logs::LogGroup",
            "Properties": {
                "LogGroupName": {"Fn::Sub": f"/aws/lambda/${{{function}}}"},
                "RetentionInDays": {"Ref": LOG_RETENTION},
                "KmsKeyId": {"Fn::GetAtt": [OPERATIONS_KEY, "Arn"]},
            },
        }
        for function in functions
    }


def _alarm(
    description: str, metric: dict[str, Any], *, threshold: float = 0, operator: str = "GreaterThanThreshold"
) -> dict[str, Any]:
    return {
        "Type": "AWS::CloudWatch::Alarm",
        "Properties": {
            "AlarmDescription": description,
            **metric,
            "Period": PERIOD,
            "EvaluationPeriods": 1,
            "Threshold": threshold,
            "ComparisonOperator": operator,
            # No data is no failure: an idle stack is a healthy one.
            "TreatMissingData": "notBreaching",
            "AlarmActions": [{"Ref": ALARM_TOPIC}],
            "OKActions": [{"Ref": ALARM_TOPIC}],
        },
    }


def _metric(namespace: Any, name: str, statistic: str, dimensions: dict[str, Any]) -> dict[str, Any]:
    return {
        "Namespace": namespace,
        "MetricName": name,
        "Statistic": statistic,
        "Dimensions": [{"Name": key, "Value": value} for key, value in dimensions.items()],
    }


def alarms(functions: list[str], api_stage: str) -> dict[str, Any]:
    """Every alarm, each notifying `AlarmTopic` when it fires and when it clears."""
    found: dict[str, Any] = {}
    for queue, what in DEAD_LETTER_QUEUES.items():
        found[f"{queue}DepthAlarm"] = _alarm(
            f"{what}: at least one is waiting in {queue}",
            _metric(
                "AWS/SQS",
                "ApproximateNumberOfMessagesVisible",
                "Maximum",
                {"QueueName": {"Fn::GetAtt": [queue, "QueueName"]}},
            ),
        )
    machine = {"StateMachineArn": {"Ref": STATE_MACHINE}}
    found["ExecutionsFailedAlarm"] = _alarm(
        "A workflow execution failed (RecordFailure could not catch it)",
        _metric("AWS/States", "ExecutionsFailed", "Sum", machine),
    )
    found["ExecutionsTimedOutAlarm"] = _alarm(
        "A workflow execution timed out", _metric("AWS/States", "ExecutionsTimedOut", "Sum", machine)
    )
    found["Api5xxAlarm"] = _alarm(
        "The REST API answered 5xx",
        _metric("AWS/ApiGateway", "5XXError", "Sum", {"ApiName": REST_API_NAME, "Stage": api_stage}),
    )
    found["ReviewsOverdueAlarm"] = _alarm(
        "Workflows have waited in review past the threshold (the reconciler's ReviewsOverdue)",
        _metric(METRICS_NAMESPACE, "ReviewsOverdue", "Maximum", {"service": SERVICE}),
    )
    for function in functions:
        dimension = {"FunctionName": {"Ref": function}}
        if function in PHASE_FUNCTIONS:
            # A phase raises to steer its workflow (a pause, a resume point, a rejected file), so
            # Lambda's Errors counts those too: the runtime's PhaseErrors counts the faults only.
            phase = {"service": SERVICE, "phase": PHASE_FUNCTIONS[function]}
            found[f"{function}ErrorsAlarm"] = _alarm(
                f"{function} failed with an unexpected error (PhaseErrors)",
                _metric(METRICS_NAMESPACE, "PhaseErrors", "Sum", phase),
            )
        else:
            found[f"{function}ErrorsAlarm"] = _alarm(
                f"{function} raised errors", _metric("AWS/Lambda", "Errors", "Sum", dimension)
            )
        found[f"{function}ThrottlesAlarm"] = _alarm(
            f"{function} was throttled", _metric("AWS/Lambda", "Throttles", "Sum", dimension)
        )
        if function == STREAM_FUNCTION:
            # The age of the newest record it took: progress reaching watchers late (clients still
            # get every event, by replay, when they reconnect).
            found[f"{function}IteratorAgeAlarm"] = _alarm(
                f"{function} pushes progress events over {PUSH_LATE_MS // 1000} s after they were written",
                _metric("AWS/Lambda", "IteratorAge", "Maximum", dimension),
                threshold=PUSH_LATE_MS,
            )
    return found


def alarm_topic() -> dict[str, Any]:
    """The encrypted topic, and an e-mail subscription when `AlarmEmail` is given."""
    return {
        ALARM_TOPIC: {
            "Type": "AWS::SNS::Topic",
            "Properties": {"KmsMasterKeyId": {"Ref": OPERATIONS_KEY}},
        },
        "AlarmTopicPolicy": {
            "Type": "AWS::SNS::TopicPolicy",
            "Properties": {
                "Topics": [{"Ref": ALARM_TOPIC}],
                "PolicyDocument": {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Sid": "CloudWatchAlarmsOfThisAccount",
                            "Effect": "Allow",
                            "Principal": {"Service": "cloudwatch.amazonaws.com"},
                            "Action": "sns:Publish",
                            "Resource": {"Ref": ALARM_TOPIC},
                            "Condition": {"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}},
                        }
                    ],
                },
            },
        },
        "AlarmEmailSubscription": {
            "Type": "AWS::SNS::Subscription",
            "Condition": "HasAlarmEmail",
            "Properties": {
                "TopicArn": {"Ref": ALARM_TOPIC},
                "Protocol": "email",
                "Endpoint": {"Ref": "AlarmEmail"},
            },
        },
    }


def _widget(
    title: str, metrics: list[list[Any]], *, stat: str = "Sum", x: int = 0, y: int = 0
) -> dict[str, Any]:
    return {
        "type": "metric",
        "x": x,
        "y": y,
        "width": 12,
        "height": 6,
        "properties": {
            "title": title,
            "region": "${AWS::Region}",
            "stat": stat,
            "period": PERIOD,
            "metrics": metrics,
        },
    }


def _search(expression: str, stat: str, label: str) -> list[Any]:
    # SEARCH finds every dimension combination the runtime emits (phase, outcome, model, ...).
    return [
        {"expression": f"SEARCH('{expression}', '{stat}', {PERIOD})", "label": label, "id": label.lower()}
    ]


def dashboard(functions: list[str], api_stage: str) -> dict[str, Any]:
    """One dashboard: the workflow's custom metrics, the queues, the executions, the API, each function."""
    service = ["service", SERVICE]
    widgets = [
        _widget("Workflows", [[METRICS_NAMESPACE_SUB, name, *service] for name in WORKFLOW_COUNTS]),
        _widget(
            "Phase duration (ms)",
            [
                _search(
                    f'{{{METRICS_NAMESPACE_SUB},phase,service}} MetricName="PhaseDuration"',
                    "Average",
                    "PhaseDuration",
                )
            ],
            stat="Average",
        ),
        _widget(
            "QA outcome", [_search(f'{{{METRICS_NAMESPACE_SUB}}} MetricName="QaOutcome"', "Sum", "QaOutcome")]
        ),
        _widget(
            "Claude tokens and cost (USD)",
            [
                _search(f'{{{METRICS_NAMESPACE_SUB}}} MetricName="ClaudeTokens"', "Sum", "ClaudeTokens"),
                _search(f'{{{METRICS_NAMESPACE_SUB}}} MetricName="ClaudeCostUsd"', "Sum", "ClaudeCostUsd"),
            ],
        ),
        _widget("Reviews overdue", [[METRICS_NAMESPACE_SUB, "ReviewsOverdue", *service]], stat="Maximum"),
        _widget(
            "Dead-letter queues",
            [
                ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", f"${{{queue}.QueueName}}"]
                for queue in DEAD_LETTER_QUEUES
            ],
            stat="Maximum",
        ),
        _widget(
            "Executions",
            [
                ["AWS/States", name, "StateMachineArn", f"${{{STATE_MACHINE}}}"]
                for name in (
                    "ExecutionsStarted",
                    "ExecutionsSucceeded",
                    "ExecutionsFailed",
                    "ExecutionsTimedOut",
                    "ExecutionsAborted",
                )
            ],
        ),
        _widget(
            "REST API",
            [
                ["AWS/ApiGateway", name, "ApiName", "${AWS::StackName}-api", "Stage", api_stage]
                for name in ("Count", "4XXError", "5XXError")
            ],
        ),
        _widget("Lambda errors", [["AWS/Lambda", "Errors", "FunctionName", f"${{{f}}}"] for f in functions]),
        _widget(
            "Lambda throttles", [["AWS/Lambda", "Throttles", "FunctionName", f"${{{f}}}"] for f in functions]
        ),
        _widget(
            "Lambda duration (p95)",
            [["AWS/Lambda", "Duration", "FunctionName", f"${{{f}}}"] for f in functions],
            stat="p95",
        ),
    ]
    for index, widget in enumerate(widgets):
        widget["x"], widget["y"] = 12 * (index % 2), 6 * (index // 2)
    # The body is one string; Fn::Sub fills in the region and the resources' names.
    return {
        "OperationsDashboard": {
            "Type": "AWS::CloudWatch::Dashboard",
            "Properties": {"DashboardBody": {"Fn::Sub": json.dumps({"widgets": widgets})}},
        }
    }


def api_logging(api_stage_log_group: str) -> dict[str, Any]:
    """Access logs (JSON, one line a request) for the REST API and the WebSocket API."""
    return {
        api_stage_log_group: {
            "Type": "AWS::Logs::LogGroup",
            "Properties": {
                "RetentionInDays": {"Ref": LOG_RETENTION},
                "KmsKeyId": {"Fn::GetAtt": [OPERATIONS_KEY, "Arn"]},
            },
        }
    }


ACCESS_LOG_FORMAT = json.dumps(
    {
        "requestId": "$context.requestId",
        "ip": "$context.identity.sourceIp",
        "requestTime": "$context.requestTime",
        "httpMethod": "$context.httpMethod",
        "routeKey": "$context.routeKey",
        "resourcePath": "$context.resourcePath",
        "status": "$context.status",
        "protocol": "$context.protocol",
        "responseLength": "$context.responseLength",
        "integrationLatency": "$context.integrationLatency",
        "principalId": "$context.authorizer.principalId",
        "errorMessage": "$context.error.message",
    }
)
