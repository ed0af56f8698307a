"""`python -m progress_client watch <workflowId>`: follow a workflow's progress in a terminal.

One line per event, then a closing line. The exit code says how it ended, so scripts can wait
on a workflow:

    0  the workflow completed
    1  it failed or was cancelled
    2  usage or authentication error (no/bad token, unknown workflow, malformed id)
    3  the connection could not be kept up, or the server answered with another error
    4  it needs review: a person must approve its findings (a draft report is ready)
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from progress_client.display import ProgressView, format_line, format_outcome
from progress_client.watcher import (
    AuthenticationError,
    Backoff,
    Connect,
    ConnectionLostError,
    ProgressWatcher,
    SubscriptionError,
)

DEFAULT_URL = "ws://127.0.0.1:8001"
TOKEN_ENV = "RESTOREASSIST_TOKEN"
URL_ENV = "RESTOREASSIST_WS_URL"

EXIT_COMPLETED = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_CONNECTION = 3
EXIT_NEEDS_REVIEW = 4

# ERROR codes that mean "you asked for something that is not there": the caller's mistake.
USAGE_ERRORS = frozenset({"WORKFLOW_NOT_FOUND", "INVALID_CHANNEL", "INVALID_MESSAGE", "INVALID_LAST_SEQ"})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m progress_client",
        description="Follow a RestoreAssist workflow's live progress over WebSockets.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    watch = commands.add_parser(
        "watch",
        help="print each progress event until the workflow ends",
        description="Print each progress event of a workflow until it completes, fails or is cancelled.",
        epilog="Exit codes: 0 completed, 1 failed or cancelled, 2 usage or authentication error, "
        "3 connection lost or server error.",
    )
    watch.add_argument("workflow_id", metavar="workflowId", help="e.g. wf_0123...")
    watch.add_argument(
        "--url",
        default=os.environ.get(URL_ENV, DEFAULT_URL),
        help=f"the WebSocket API (default: ${URL_ENV} or {DEFAULT_URL})",
    )
    watch.add_argument(
        "--token",
        default=os.environ.get(TOKEN_ENV),
        help=f"the bearer token of the HTTP API (default: ${TOKEN_ENV})",
    )
    watch.add_argument(
        "--max-attempts",
        type=int,
        default=8,
        help="failed connection attempts in a row before giving up (default: 8)",
    )
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    connect: Connect | None = None,
) -> int:
    """Run the CLI; returns the exit code. `connect` is the watcher's seam, for tests."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help (0) or a usage error (2), already printed
        return int(exit_.code or 0)
    if not args.token:
        print(f"error: no token: pass --token or set ${TOKEN_ENV}", file=err)
        return EXIT_USAGE
    try:
        watcher = ProgressWatcher(
            args.url, args.token, backoff=Backoff(max_attempts=args.max_attempts), connect=connect
        )
    except ValueError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_USAGE
    return _watch(watcher, args.workflow_id, out, err)


def _watch(watcher: ProgressWatcher, workflow_id: str, out: TextIO, err: TextIO) -> int:
    view = ProgressView(workflow_id=workflow_id)
    last = None
    try:
        for envelope in watcher.watch(workflow_id):
            view = view.after(envelope)
            last = envelope
            print(format_line(view, envelope), file=out, flush=True)
    except AuthenticationError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_USAGE
    except SubscriptionError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_USAGE if exc.code in USAGE_ERRORS else EXIT_CONNECTION
    except ConnectionLostError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_CONNECTION
    except KeyboardInterrupt:
        print(f"Stopped watching at seq {watcher.last_seq}.", file=err)
        return 130
    print(format_outcome(view, last or {}), file=out, flush=True)
    if view.status == "NEEDS_REVIEW":
        return EXIT_NEEDS_REVIEW
    return EXIT_COMPLETED if view.status == "COMPLETED" else EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
