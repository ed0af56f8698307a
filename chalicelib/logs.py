"""One structured logger for the whole service (Powertools: JSON lines with the request id)."""

from __future__ import annotations

from aws_lambda_powertools import Logger

logger = Logger(service="restoreassist-orchestrator")
