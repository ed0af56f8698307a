"""CloudWatch metrics as Embedded Metric Format log lines (Powertools `Metrics`): no API call,
CloudWatch extracts them from the function's log. The reconciler's `ReviewsOverdue` feeds the
deploy template's alarm on workflows waiting in review past their threshold."""

from __future__ import annotations

import os

from aws_lambda_powertools import Metrics
from aws_lambda_powertools.metrics import MetricUnit

SERVICE = "restoreassist-orchestrator"


class EmfMetrics:
    def __init__(self) -> None:
        self._metrics = Metrics(
            namespace=os.environ.get("POWERTOOLS_METRICS_NAMESPACE", "RestoreAssist"), service=SERVICE
        )

    def count(self, name: str, value: int) -> None:
        self._metrics.add_metric(name=name, unit=MetricUnit.Count, value=value)

    def flush(self) -> None:
        """Write the EMF line (once per invocation: Powertools keeps them until then)."""
        self._metrics.flush_metrics()
