"""The progress client (`progress_client/`) against the local stack's WebSocket API: a whole
workflow watched live, reconnects after the server or the client drops the socket, auth
refusals, and the CLI; plus the watcher's rules (backoff, dedup, gaps, errors) on scripted
connections and the formatter on plain dicts."""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosedError, ConnectionClosedOK, InvalidStatus
from websockets.http11 import Response
from websockets.sync.client import ClientConnection

from chalicelib.phases import processing
from local_stack.stack import LocalStack
from progress_client import (
    FINAL_EVENTS,
    AuthenticationError,
    Backoff,
    ConnectionLostError,
    ProgressWatcher,
    SubscriptionError,
)
from progress_client.__main__ import main
from progress_client.display import ProgressView, format_line, format_outcome, progress_bar, time_left
from progress_client.watcher import WebSocket, default_connect, with_token
from tests.conftest import Api, token_for

# A hang (a missing event) fails the test instead of stalling the run.
pytestmark = pytest.mark.timeout(60)

NOTES = "Cause: burst pipe in the laundry.\nLaundry 3 x 2.5 m, vinyl floor wet.\nLaundry wall 40 WME."
WAIT_SECONDS = 20


class RecordedConnection:
    """A real client connection that records what crosses it, and can hang up after a while."""

    def __init__(self, inner: ClientConnection, close_after: int | None) -> None:
        self.inner = inner
        self.close_after = close_after
        self.sent: list[dict[str, Any]] = []
        self.received: list[dict[str, Any]] = []

    def send(self, message: str) -> None:
        self.sent.append(json.loads(message))
        self.inner.send(message)

    def recv(self, timeout: float | None = None) -> str | bytes:
        if self.close_after is not None and len(self.received) >= self.close_after:
            self.inner.close()  # the client hangs up: the next recv raises ConnectionClosed
        raw = self.inner.recv(timeout=timeout)
        self.received.append(json.loads(raw))
        return raw

    def close(self) -> None:
        self.inner.close()


class Recorder:
    """An injectable `connect`: the real one, counted and recorded."""

    def __init__(self, close_after: int | None = None) -> None:
        self.close_after = close_after
        self.attempts = 0
        self.connections: list[RecordedConnection] = []
        self._connect = default_connect(open_timeout=5)

    def __call__(self, url: str) -> WebSocket:
        self.attempts += 1
        inner = self._connect(url)
        assert isinstance(inner, ClientConnection)
        connection = RecordedConnection(inner, self.close_after)
        self.connections.append(connection)
        return connection


class Sleeps:
    """An injectable `sleep` that records the backoff instead of waiting it out."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def _watcher(stack: LocalStack, token: str | None, **kwargs: Any) -> ProgressWatcher:
    assert token is not None
    return ProgressWatcher(stack.websocket_url, token, **kwargs)


def _running_processing(api: Api) -> str:
    workflow_id = api.create_text(NOTES)
    api.wait_for(workflow_id, until=lambda w: w["currentPhase"] == "PROCESSING", timeout=WAIT_SECONDS)
    return workflow_id


def _seqs(envelopes: list[dict[str, Any]]) -> list[int]:
    return [int(e["seq"]) for e in envelopes]


def _contiguous(seqs: list[int]) -> bool:
    return seqs == list(range(seqs[0], seqs[0] + len(seqs)))


def _wait_until(condition: Callable[[], bool], what: str, timeout: float = WAIT_SECONDS) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


# --- (a) a whole workflow, live ---------------------------------------------------------------


def test_watching_a_text_workflow_yields_contiguous_events_ending_with_complete(
    stack: LocalStack, api: Api, held_analysis: threading.Event
) -> None:
    # Given a workflow held in PROCESSING
    workflow_id = _running_processing(api)
    recorder = Recorder()
    watcher = _watcher(stack, api.token, connect=recorder, sleep=Sleeps())

    # When it is watched, and let go once the watch has its snapshot
    stream = watcher.watch(workflow_id)
    snapshot = next(stream)
    held_analysis.set()
    envelopes = [snapshot, *stream]

    # Then a snapshot of the running workflow comes first, then every later event once, in order
    assert snapshot["type"] == "SNAPSHOT"
    assert snapshot["data"]["workflowId"] == workflow_id
    assert snapshot["data"]["status"] == "IN_PROGRESS"
    assert snapshot["data"]["currentPhase"] == "PROCESSING"
    seqs = _seqs(envelopes)
    assert _contiguous(seqs), seqs
    assert envelopes[-1]["type"] == "WORKFLOW_COMPLETE"
    assert sum(e["type"] in FINAL_EVENTS for e in envelopes) == 1
    assert {e["data"]["phase"] for e in envelopes if e["type"] == "PHASE_COMPLETE"} >= {"PROCESSING", "QA"}
    assert watcher.last_seq == seqs[-1]
    # ... over one connection, whose first subscribe asked for a snapshot (no lastSeq)
    assert recorder.attempts == 1
    assert recorder.connections[0].sent == [
        {"action": "subscribe", "channel": f"workflow:{workflow_id}:progress"}
    ]


def test_watching_from_seq_0_replays_the_whole_history(stack: LocalStack, api: Api) -> None:
    workflow_id = api.create_text(NOTES)
    assert api.wait_for(workflow_id, timeout=WAIT_SECONDS)["status"] == "COMPLETED"

    envelopes = list(_watcher(stack, api.token).watch(workflow_id, last_seq=0))

    assert _seqs(envelopes) == list(range(1, len(envelopes) + 1))
    assert envelopes[0]["type"] == "STEP_UPDATE" and envelopes[0]["data"]["phase"] == "INITIATION"
    assert envelopes[-1]["type"] == "WORKFLOW_COMPLETE"


def test_the_cli_prints_a_line_per_event_and_exits_0_on_complete(
    stack: LocalStack, api: Api, held_analysis: threading.Event
) -> None:
    class Output(io.StringIO):
        """stdout that says when the first line (the snapshot) is out."""

        def __init__(self) -> None:
            super().__init__()
            self.first_line = threading.Event()

        def write(self, text: str) -> int:
            written = super().write(text)
            if "\n" in text:
                self.first_line.set()
            return written

    workflow_id = _running_processing(api)
    out, err = Output(), io.StringIO()
    argv = ["watch", workflow_id, "--url", stack.websocket_url, "--token", str(api.token)]
    with ThreadPoolExecutor(max_workers=1) as pool:
        exit_code = pool.submit(main, argv, stdout=out, stderr=err)
        assert out.first_line.wait(WAIT_SECONDS), err.getvalue()
        held_analysis.set()
        assert exit_code.result(timeout=WAIT_SECONDS) == 0, err.getvalue()

    lines = out.getvalue().splitlines()
    assert lines[0].startswith("[#####...............]   25%  PROCESSING  SNAPSHOT IN_PROGRESS"), lines
    assert any("STEP_UPDATE step 2 COMPLETED" in line for line in lines), lines
    assert lines[-2].startswith("[####################]  100%") and "WORKFLOW_COMPLETE" in lines[-2]
    assert lines[-1] == f"Workflow {workflow_id} completed. Reports: csv, docx, json, md, pdf.", lines[-1]
    assert err.getvalue() == ""


def test_the_cli_exits_1_on_a_failed_workflow(
    stack: LocalStack, api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        processing, "analyze_text", lambda text, **_: (_ for _ in ()).throw(ValueError("bug"))
    )
    workflow_id = api.create_text(NOTES)
    assert api.wait_for(workflow_id, timeout=WAIT_SECONDS)["status"] == "FAILED"
    monkeypatch.setenv("RESTOREASSIST_TOKEN", str(api.token))
    out = io.StringIO()

    assert main(["watch", workflow_id, "--url", stack.websocket_url], stdout=out, stderr=io.StringIO()) == 1

    lines = out.getvalue().splitlines()
    assert "SNAPSHOT FAILED" in lines[0]
    assert lines[-1].startswith(f"Workflow {workflow_id} failed in PROCESSING: INTERNAL_ERROR")


# --- (b) reconnects -----------------------------------------------------------------------------


def test_the_watcher_resumes_after_the_server_drops_the_connection_without_gap_or_duplicate(
    stack: LocalStack, api: Api, held_analysis: threading.Event
) -> None:
    # Given a watch of a workflow held in PROCESSING, which has its snapshot
    workflow_id = _running_processing(api)
    recorder, sleeps = Recorder(), Sleeps()
    watcher = _watcher(stack, api.token, connect=recorder, sleep=sleeps, rng=lambda: 0.5)
    stream = watcher.watch(workflow_id)
    snapshot = next(stream)
    assert snapshot["type"] == "SNAPSHOT"

    # When the server closes the socket (API Gateway's idle or 2-hour limit), and only then
    # does the workflow go on, so what follows can only arrive over a new connection
    gateway = stack.websockets
    client_address = recorder.connections[0].inner.local_address
    [connection_id] = [
        cid
        for cid, server_side in gateway._connections.items()
        if server_side.remote_address == client_address
    ]
    assert gateway.close(connection_id)
    _wait_until(lambda: not gateway.is_connected(connection_id), "the server to drop the connection")
    held_analysis.set()
    envelopes = [snapshot, *stream]

    # Then the watcher reconnected once, subscribing from the snapshot's seq
    assert recorder.attempts == 2
    assert recorder.connections[1].sent == [
        {"action": "subscribe", "channel": f"workflow:{workflow_id}:progress", "lastSeq": snapshot["seq"]}
    ]
    assert sleeps.delays == [0.5 * watcher.backoff.base]
    # ... and its caller saw every event once, in order, through to the end
    seqs = _seqs(envelopes)
    assert _contiguous(seqs), seqs
    assert envelopes[-1]["type"] == "WORKFLOW_COMPLETE"
    # ... which the server itself sent once each (the client's dedup had nothing to drop)
    sent_by_server = [m["seq"] for c in recorder.connections for m in c.received if "seq" in m]
    assert sorted(sent_by_server) == seqs, sent_by_server


def test_the_watcher_resumes_each_time_the_client_side_drops_the_socket(
    stack: LocalStack, api: Api, held_analysis: threading.Event
) -> None:
    # Given a connect whose sockets hang up after 2 messages each (SUBSCRIBED and 1 more: what
    # follows PROCESSING then takes several connections however few events the phases send)
    workflow_id = _running_processing(api)
    recorder, sleeps = Recorder(close_after=2), Sleeps()
    watcher = _watcher(stack, api.token, connect=recorder, sleep=sleeps, rng=lambda: 0.0)

    # When a workflow is watched through it
    stream = watcher.watch(workflow_id)
    snapshot = next(stream)
    held_analysis.set()
    envelopes = [snapshot, *stream]

    # Then it took many connections, each resubscribing from the last seq seen, and the
    # caller still saw one contiguous stream to the end
    seqs = _seqs(envelopes)
    assert _contiguous(seqs), seqs
    assert envelopes[-1]["type"] == "WORKFLOW_COMPLETE"
    assert recorder.attempts >= 4
    for before, after in zip(recorder.connections, recorder.connections[1:], strict=False):
        seen = [m["seq"] for m in before.received if "seq" in m]
        assert after.sent[0]["lastSeq"] == max(seen)
    # ... and each reconnect started again from the first backoff step (each had subscribed)
    assert sleeps.delays == [0.0] * (recorder.attempts - 1)


# --- (c) auth and subscription errors ----------------------------------------------------------


@pytest.mark.parametrize("token", ["not-a-token", token_for("someone")[:-4] + "AAAA"])
def test_a_refused_handshake_raises_at_once_without_retrying(stack: LocalStack, token: str) -> None:
    recorder, sleeps = Recorder(), Sleeps()
    watcher = _watcher(stack, token, connect=recorder, sleep=sleeps)

    with pytest.raises(AuthenticationError) as refused:
        next(watcher.watch("wf_" + "0" * 32))

    assert refused.value.status_code == 401
    assert recorder.attempts == 1
    assert sleeps.delays == []


def test_the_cli_exits_2_on_a_bad_or_missing_token(
    stack: LocalStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RESTOREASSIST_TOKEN", raising=False)
    workflow_id = "wf_" + "0" * 32
    err = io.StringIO()
    argv = ["watch", workflow_id, "--url", stack.websocket_url]

    assert main([*argv, "--token", "bad"], stdout=io.StringIO(), stderr=err) == 2
    assert "HTTP 401" in err.getvalue()
    assert main(argv, stdout=io.StringIO(), stderr=io.StringIO()) == 2


def test_another_users_workflow_is_not_found_and_not_retried(stack: LocalStack, api: Api) -> None:
    workflow_id = api.create_text(NOTES)
    recorder, sleeps = Recorder(), Sleeps()
    watcher = _watcher(stack, token_for("mallory-progress"), connect=recorder, sleep=sleeps)

    with pytest.raises(SubscriptionError) as refused:
        next(watcher.watch(workflow_id))

    assert refused.value.code == "WORKFLOW_NOT_FOUND"
    assert recorder.attempts == 1 and sleeps.delays == []
    err = io.StringIO()
    argv = ["watch", workflow_id, "--url", stack.websocket_url, "--token", token_for("mallory-progress")]
    assert main(argv, stdout=io.StringIO(), stderr=err) == 2
    assert "WORKFLOW_NOT_FOUND" in err.getvalue()


# --- (d) the watcher's rules on scripted connections ---------------------------------------------

CHANNEL = "workflow:wf_test:progress"


def _event(seq: int, kind: str = "PROGRESS_UPDATE", **data: Any) -> dict[str, Any]:
    return {"channel": CHANNEL, "seq": seq, "type": kind, "data": data, "at": "2026-11-24T00:00:00.000Z"}


def _snapshot(seq: int, status: str = "IN_PROGRESS", phase: str = "PROCESSING") -> dict[str, Any]:
    return _event(seq, "SNAPSHOT", workflowId="wf_test", status=status, currentPhase=phase)


SUBSCRIBED = {"type": "SUBSCRIBED", "channel": CHANNEL, "data": {"lastSeq": 0}}
DROPPED = ConnectionClosedError(None, None)


class ScriptedConnection:
    """Plays a list of messages; an exception in the list is raised by that recv."""

    def __init__(self, script: Sequence[dict[str, Any] | BaseException]) -> None:
        self.script = list(script)
        self.sent: list[dict[str, Any]] = []
        self.closed = False

    def send(self, message: str) -> None:
        self.sent.append(json.loads(message))

    def recv(self, timeout: float | None = None) -> str | bytes:
        if not self.script:
            raise ConnectionClosedOK(None, None)
        step = self.script.pop(0)
        if isinstance(step, BaseException):
            raise step
        return json.dumps(step)

    def close(self) -> None:
        self.closed = True


class ScriptedServer:
    """An injectable `connect`: each attempt takes the next entry (a connection, or an
    exception that the connect raises)."""

    def __init__(self, *attempts: ScriptedConnection | BaseException) -> None:
        self.attempts = list(attempts)
        self.urls: list[str] = []

    def __call__(self, url: str) -> WebSocket:
        self.urls.append(url)
        attempt = self.attempts.pop(0)
        if isinstance(attempt, BaseException):
            raise attempt
        return attempt


def _scripted_watcher(server: ScriptedServer, sleeps: Sleeps, **kwargs: Any) -> ProgressWatcher:
    return ProgressWatcher("ws://server.invalid", "tok en", connect=server, sleep=sleeps, **kwargs)


def test_backoff_is_exponential_capped_and_fully_jittered() -> None:
    backoff = Backoff(base=1.0, cap=5.0, max_attempts=6)
    assert [backoff.bound(n) for n in range(6)] == [1.0, 2.0, 4.0, 5.0, 5.0, 5.0]
    assert backoff.delay(2, rng=lambda: 0.25) == 1.0
    assert backoff.bound(10_000) == 5.0  # no overflow however long the outage
    assert all(0 <= backoff.delay(n) <= backoff.bound(n) for n in range(50))


def test_failed_connects_back_off_then_give_up() -> None:
    # Given a server that is not there
    server = ScriptedServer(*[ConnectionRefusedError(111, "refused") for _ in range(6)])
    sleeps = Sleeps()
    backoff = Backoff(base=1.0, cap=5.0, max_attempts=6)
    watcher = _scripted_watcher(server, sleeps, backoff=backoff, rng=lambda: 1.0)

    # When watching, with the jitter fixed at 100% of the bound
    with pytest.raises(ConnectionLostError) as lost:
        list(watcher.watch("wf_test"))

    # Then it slept the exponential schedule between the 6 attempts, then gave up
    assert sleeps.delays == [1.0, 2.0, 4.0, 5.0, 5.0]
    assert lost.value.attempts == 6 and isinstance(lost.value.last_error, ConnectionRefusedError)
    assert server.urls == ["ws://server.invalid/?token=tok+en"] * 6


def test_a_refused_handshake_is_retried_unless_it_is_an_auth_refusal() -> None:
    def refusal(status: int) -> InvalidStatus:
        return InvalidStatus(Response(status, "refused", Headers()))

    done = ScriptedConnection([SUBSCRIBED, _snapshot(4, status="COMPLETED")])
    sleeps = Sleeps()
    watcher = _scripted_watcher(ScriptedServer(refusal(502), done), sleeps, rng=lambda: 1.0)
    assert [e["type"] for e in watcher.watch("wf_test")] == ["SNAPSHOT"]
    assert sleeps.delays == [watcher.backoff.base]

    watcher = _scripted_watcher(ScriptedServer(refusal(403)), Sleeps())
    with pytest.raises(AuthenticationError) as refused:
        list(watcher.watch("wf_test"))
    assert refused.value.status_code == 403


def test_reconnects_resume_from_the_last_seq_and_duplicates_are_dropped() -> None:
    # Given a server that drops the first connection, refuses the next attempt, and replays
    # (with an overlap) on the third
    first = ScriptedConnection(
        [SUBSCRIBED, _snapshot(3), _event(4), _event(4), _event(3), _event(5), DROPPED, _event(9)]
    )
    third = ScriptedConnection(
        [SUBSCRIBED, _event(5), _event(6, "WORKFLOW_COMPLETE", workflowId="wf_test"), _event(7)]
    )
    server = ScriptedServer(first, OSError("network is unreachable"), third)
    sleeps = Sleeps()
    watcher = _scripted_watcher(server, sleeps, rng=lambda: 1.0, backoff=Backoff(base=0.1, cap=1.0))

    # When watched
    envelopes = list(watcher.watch("wf_test"))

    # Then each seq came once, in order, and it stopped at the final event
    assert _seqs(envelopes) == [3, 4, 5, 6]
    assert first.sent == [{"action": "subscribe", "channel": CHANNEL}]
    assert third.sent == [{"action": "subscribe", "channel": CHANNEL, "lastSeq": 5}]
    assert first.closed and third.closed
    # ... backing off from the first step after the drop, and one step further after the refusal
    assert sleeps.delays == pytest.approx([0.1, 0.2])


def test_a_gap_resubscribes_at_once_to_fill_it() -> None:
    first = ScriptedConnection([SUBSCRIBED, _snapshot(3), _event(5)])
    second = ScriptedConnection(
        [SUBSCRIBED, _event(4), _event(5), _event(6, "WORKFLOW_CANCELLED", workflowId="wf_test")]
    )
    sleeps = Sleeps()
    watcher = _scripted_watcher(ScriptedServer(first, second), sleeps)

    assert _seqs(list(watcher.watch("wf_test"))) == [3, 4, 5, 6]
    assert second.sent[0]["lastSeq"] == 3
    assert sleeps.delays == []


def test_a_gap_the_replay_confirms_is_accepted_rather_than_retried_for_ever() -> None:
    first = ScriptedConnection([SUBSCRIBED, _snapshot(3), _event(5)])
    second = ScriptedConnection([SUBSCRIBED, _event(5), _event(6, "WORKFLOW_COMPLETE")])
    watcher = _scripted_watcher(ScriptedServer(first, second), Sleeps())

    assert _seqs(list(watcher.watch("wf_test"))) == [3, 5, 6]


def test_an_error_for_the_channel_raises_and_a_busy_one_is_retried() -> None:
    busy = {"type": "ERROR", "channel": CHANNEL, "error": {"code": "SUBSCRIPTION_BUSY", "message": "again"}}
    gone = {"type": "ERROR", "channel": CHANNEL, "error": {"code": "WORKFLOW_NOT_FOUND", "message": "nope"}}
    other = {"type": "ERROR", "channel": "workflow:wf_other:progress", "error": {"code": "X", "message": ""}}
    sleeps = Sleeps()
    server = ScriptedServer(ScriptedConnection([busy]), ScriptedConnection([other, SUBSCRIBED, gone]))
    watcher = _scripted_watcher(server, sleeps)

    with pytest.raises(SubscriptionError) as refused:
        list(watcher.watch("wf_test"))

    assert (refused.value.code, refused.value.message) == ("WORKFLOW_NOT_FOUND", "nope")
    assert len(sleeps.delays) == 1


def test_no_reply_to_the_subscribe_counts_as_a_broken_connection() -> None:
    silent = ScriptedConnection([TimeoutError("no SUBSCRIBED")])
    done = ScriptedConnection([SUBSCRIBED, _snapshot(0, status="CANCELLED")])
    sleeps = Sleeps()
    watcher = _scripted_watcher(ScriptedServer(silent, done), sleeps)

    assert [e["type"] for e in watcher.watch("wf_test")] == ["SNAPSHOT"]
    assert len(sleeps.delays) == 1


def test_without_failed_in_stop_on_the_watch_follows_a_retry() -> None:
    events = [
        SUBSCRIBED,
        _snapshot(1),
        _event(2, "WORKFLOW_FAILED", phase="QA", errorCode="QA_FAILED", errorMessage="x"),
        _event(3, "WORKFLOW_RESUMED", phase="QA", reason="retry", retries=1),
        _event(4, "WORKFLOW_COMPLETE"),
    ]
    watcher = _scripted_watcher(
        ScriptedServer(ScriptedConnection(events)),
        Sleeps(),
        stop_on={"WORKFLOW_COMPLETE", "WORKFLOW_CANCELLED"},
    )

    assert [e["type"] for e in watcher.watch("wf_test")][-2:] == ["WORKFLOW_RESUMED", "WORKFLOW_COMPLETE"]
    # ... while by default the failure ends it
    default = _scripted_watcher(ScriptedServer(ScriptedConnection(events)), Sleeps())
    assert [e["type"] for e in default.watch("wf_test")] == ["SNAPSHOT", "WORKFLOW_FAILED"]


def test_a_caller_that_stops_early_closes_the_connection() -> None:
    connection = ScriptedConnection([SUBSCRIBED, _snapshot(1), _event(2)])
    stream = _scripted_watcher(ScriptedServer(connection), Sleeps()).watch("wf_test")

    assert next(stream)["type"] == "SNAPSHOT"
    stream.close()

    assert connection.closed


def test_the_token_goes_in_the_query_string() -> None:
    assert with_token("ws://127.0.0.1:8001", "a.b+c") == "ws://127.0.0.1:8001/?token=a.b%2Bc"
    assert with_token("wss://x.example/dev?token=old&v=1", "t") == "wss://x.example/dev?v=1&token=t"
    with pytest.raises(ValueError):
        ProgressWatcher("http://127.0.0.1:8001", "t")


# --- (d) the formatter -------------------------------------------------------------------------


def test_the_formatter_shows_a_bar_the_phase_the_event_and_the_time_left() -> None:
    view = ProgressView(workflow_id="wf_test", status="IN_PROGRESS", phase="PROCESSING", percentage=25)
    view = view.after(_event(5, progressPercentage=45, estimatedSecondsRemaining=300))
    step = _event(6, "STEP_UPDATE", stepNumber=2, phase="PROCESSING", attempt=1, status="COMPLETED")
    view = view.after(step)

    assert format_line(view, step) == (
        "[#########...........]   45%  PROCESSING  STEP_UPDATE step 2 COMPLETED  ~5 min left"
    )


def test_the_formatter_follows_a_workflow_to_its_outcome() -> None:
    script = [
        _snapshot(0, status="PENDING", phase="INITIATION"),
        _event(1, "STEP_UPDATE", stepNumber=1, phase="INITIATION", attempt=1, status="IN_PROGRESS"),
        _event(2, "PHASE_COMPLETE", phase="INITIATION", nextPhase="PROCESSING", progressPercentage=25),
        _event(3, "PROGRESS_UPDATE", progressPercentage=25, estimatedSecondsRemaining=40),
        _event(
            4,
            "STEP_UPDATE",
            stepNumber=2,
            phase="PROCESSING",
            attempt=2,
            status="FAILED",
            errorMessage="boom",
        ),
        _event(5, "WORKFLOW_FAILED", phase="PROCESSING", errorCode="PROCESSING_FAILED", errorMessage="boom"),
    ]
    view = ProgressView()
    lines = []
    for envelope in script:
        view = view.after(envelope)
        lines.append(format_line(view, envelope))

    assert lines == [
        "[....................]    0%  INITIATION  SNAPSHOT PENDING",
        "[....................]    0%  INITIATION  STEP_UPDATE step 1 IN_PROGRESS",
        "[#####...............]   25%  PROCESSING  PHASE_COMPLETE INITIATION -> PROCESSING",
        "[#####...............]   25%  PROCESSING  PROGRESS_UPDATE  <1 min left",
        "[#####...............]   25%  PROCESSING  STEP_UPDATE step 2 FAILED (attempt 2): boom  <1 min left",
        "[#####...............]   25%  PROCESSING  WORKFLOW_FAILED PROCESSING_FAILED: boom",
    ]
    assert (
        format_outcome(view, script[-1]) == "Workflow wf_test failed in PROCESSING: PROCESSING_FAILED: boom"
    )
    assert progress_bar(99) == "[###################.]" and progress_bar(100) == "[" + "#" * 20 + "]"
    assert (time_left(None), time_left(0), time_left(59), time_left(150)) == (
        "",
        "",
        "<1 min left",
        "~2 min left",
    )
