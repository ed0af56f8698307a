"""Rate limits per user and per API key: a token bucket in DynamoDB, on the local stack."""

from __future__ import annotations

import concurrent.futures
import time
from collections import Counter
from collections.abc import Callable, Iterator

import pytest

from chalicelib.core import ratelimit
from chalicelib.settings import get_settings
from tests.conftest import Api

STATS = "/api/orchestrator/stats"


Tighten = Callable[[float, int], None]


@pytest.fixture
def tighten(monkeypatch: pytest.MonkeyPatch) -> Iterator[Tighten]:
    """Set tight limits for one test (the tests' users are their own, so nobody else notices)."""

    def apply(per_second: float, burst: int) -> None:
        for prefix in ("RATE_LIMIT", "API_KEY_RATE_LIMIT"):
            monkeypatch.setenv(f"{prefix}_PER_SECOND", str(per_second))
            monkeypatch.setenv(f"{prefix}_BURST", str(burst))
        get_settings.cache_clear()

    yield apply
    monkeypatch.undo()
    get_settings.cache_clear()


class Clock:
    """The limiter's clock, stopped: the test says when time passes."""

    def __init__(self) -> None:
        self.ms = int(time.time() * 1000)

    def __call__(self) -> int:
        return self.ms


def test_a_burst_over_the_bucket_gets_429_with_retry_after_then_the_bucket_refills(
    api: Api, tighten: Tighten, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    monkeypatch.setattr(ratelimit, "now_ms", clock)
    tighten(0.5, 5)  # 5 at once, then one every 2 s

    statuses = [api.get(STATS) for _ in range(8)]

    assert [r.status for r in statuses] == [200] * 5 + [429] * 3
    refused = statuses[-1]
    assert refused.body["error"]["code"] == "RATE_LIMITED"
    assert refused.headers["Retry-After"] == "2"
    # Not yet after 1.9 s; after the 2 s it said, one more; then none again
    clock.ms += 1900
    assert api.get(STATS).status == 429
    clock.ms += 100
    assert [api.get(STATS).status for _ in range(2)] == [200, 429]
    # After a long idle the bucket is full again, and no fuller
    clock.ms += 600_000
    assert [api.get(STATS).status for _ in range(6)] == [200] * 5 + [429]


def test_twenty_concurrent_clients_never_get_more_than_the_bucket_holds(api: Api, tighten: Tighten) -> None:
    # A bucket of 10 that barely refills (one token in 1000 s)
    tighten(0.001, 10)

    def two_requests(_: int) -> list[int]:
        return [api.get(STATS).status, api.get(STATS).status]

    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        statuses = Counter(status for pair in pool.map(two_requests, range(20)) for status in pair)

    assert statuses == {200: 10, 429: 30}


def test_each_api_key_and_its_user_have_buckets_of_their_own(api: Api, tighten: Tighten) -> None:
    created = api.post("/api/orchestrator/api-keys", {"name": "field app"})
    assert created.status == 201, created.body
    field_app = Api(api.base_url, api._pool, created.body["secret"])
    tighten(0.001, 3)

    # When the user spends their bucket
    while api.get(STATS).status == 200:
        pass

    # Then their API key, and another user, still get through
    assert field_app.get(STATS).status == 200
    assert api.as_user("someone-else-rate-limit").get(STATS).status == 200
    # And the refusal holds for the user on every route
    assert api.post("/api/orchestrator/workflows", {"inputMethod": "TEXT"}).status == 429


def test_fresh_upload_forms_are_rate_limited_like_creating_a_workflow(
    api: Api, tighten: Tighten, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a bucket of 4 that does not refill, and a PDF workflow waiting for its file (1 of 4)
    monkeypatch.setattr(ratelimit, "now_ms", Clock())
    tighten(0.001, 4)
    workflow_id = api.create_pending()

    # When a client asks for fresh forms in a loop
    replies = [api.post(f"/api/orchestrator/workflows/{workflow_id}/upload") for _ in range(5)]

    # Then the bucket's worth get a form and the rest 429, as for POST /workflows
    assert [r.status for r in replies] == [200] * 3 + [429] * 2
    assert replies[-1].body["error"]["code"] == "RATE_LIMITED"
