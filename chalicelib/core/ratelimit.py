"""Rate limiting: a token bucket per user and per API key, kept by the RateBuckets port (DynamoDB on AWS).

A bucket holds up to `burst` tokens and refills at `rate` per second; each request takes one.
Its state (tokens, when last refilled) is one item, replaced only if nobody replaced it since
it was read: two requests racing for the last token cannot both get it, on any number of
Lambda containers. API Gateway's own throttling (in the template) caps the whole API in front
of this; this caps each caller.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from chalicelib.core.errors import RateLimitedError
from chalicelib.core.identity import Principal
from chalicelib.core.ports import ConditionFailed, Ports, RateBucket
from chalicelib.settings import get_settings

# Racing refills retry on the fresh bucket; past this many lost races, say "slow down".
MAX_ATTEMPTS = 20
# How often the tokens earned are added: finer costs more conditional writes, which race.
REFILL_INTERVAL_MS = 1000


@dataclass(frozen=True)
class Limit:
    rate_per_second: float
    burst: int


def refill(bucket: RateBucket | None, limit: Limit, now_ms: int) -> float:
    """The tokens the bucket holds at `now_ms` (a new bucket starts full)."""
    if bucket is None:
        return float(limit.burst)
    elapsed = max(0, now_ms - bucket.refilled_at_ms) / 1000
    return min(float(limit.burst), bucket.tokens + elapsed * limit.rate_per_second)


def seconds_until_a_token(tokens: float, limit: Limit) -> int:
    """Whole seconds (at least 1) until the bucket holds one token again: the Retry-After."""
    return max(1, math.ceil((1 - tokens) / limit.rate_per_second))


def bucket_key(principal: Principal) -> str:
    """An API key has its own bucket: a busy field app must not lock its user out of the web app."""
    if principal.api_key_id is not None:
        return f"KEY#{principal.api_key_id}"
    return f"USER#{principal.user_id}"


def limit_for(principal: Principal) -> Limit:
    settings = get_settings()
    if principal.api_key_id is not None:
        return Limit(settings.api_key_rate_limit_per_second, settings.api_key_rate_limit_burst)
    return Limit(settings.rate_limit_per_second, settings.rate_limit_burst)


def now_ms() -> int:
    return int(time.time() * 1000)


def take(ports: Ports, principal: Principal) -> None:
    """Take a token for this request, or raise RateLimitedError (429 with Retry-After).

    Most requests are one atomic decrement (`tokens >= 1`), which concurrent requests cannot
    over-draw and do not make each other retry. The tokens earned since the last refill are
    added at most once per REFILL_INTERVAL_MS, by a write conditional on the bucket's version;
    in between, a request that finds the bucket empty refills it early. A refused take says
    what the bucket held, so a refill (or a new bucket) is one more write, never a read.
    """
    limit = limit_for(principal)
    key = bucket_key(principal)
    buckets = ports.rate_buckets
    for _ in range(MAX_ATTEMPTS):
        now = now_ms()
        outcome = buckets.take_token(key, refilled_since_ms=now - REFILL_INTERVAL_MS)
        if outcome.taken:
            return
        # The refused take returned the bucket as it stood: a caller's first request costs the
        # take and one conditional put that creates the bucket already debited, with no read.
        bucket = outcome.bucket
        tokens = refill(bucket, limit, now)
        if tokens < 1:
            raise RateLimitedError(seconds_until_a_token(tokens, limit))
        # Idle for a full refill, the bucket is as good as new: let the item expire.
        idle_seconds = math.ceil(limit.burst / limit.rate_per_second) + 60
        try:
            buckets.put(key, tokens - 1, now, previous=bucket, expires_at=now // 1000 + idle_seconds)
            return
        except ConditionFailed:
            continue  # another request refilled it (or took from it): take again
    raise RateLimitedError(1)
