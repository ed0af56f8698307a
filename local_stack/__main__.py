"""`python -m local_stack run` starts everything; `python -m local_stack token alice` prints a token."""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import sys
import threading
from pathlib import Path

from local_stack.api_process import default_api_processes
from local_stack.durable import COMPACT_FLOOR_BYTES
from local_stack.journal import DataDirInUse
from local_stack.stack import LocalStack, StackConfig
from local_stack.workers import default_lambda_workers

DEFAULT_SECRET_FILE = Path(".local/dev-auth-secret")
# Tables, bucket and pending upload notifications, kept across restarts (`make reset` clears it).
DEFAULT_DATA_DIR = Path(os.environ.get("LOCAL_STACK_DATA_DIR") or ".local/data")


def _secret(path: Path) -> str:
    """One development signing key per checkout, made on first use."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m local_stack")
    parser.add_argument("--secret-file", type=Path, default=DEFAULT_SECRET_FILE)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="start the local stack and serve until interrupted")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--api-port", type=int, default=8000)
    run.add_argument("--aws-port", type=int, default=5000)
    run.add_argument("--websocket-port", type=int, default=8001)
    run.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="where the data is kept")
    run.add_argument(
        "--no-persist",
        action="store_true",
        default=os.environ.get("LOCAL_STACK_PERSIST", "1") == "0",
        help="keep everything in memory only (LOCAL_STACK_PERSIST=0): gone when it stops",
    )
    run.add_argument(
        "--lambda-workers",
        type=int,
        default=int(os.environ.get("LAMBDA_WORKERS") or default_lambda_workers()),
        help="worker processes that run the Lambda invocations (default: 2 per core; 0: in this process)",
    )
    run.add_argument(
        "--api-in-process",
        action="store_true",
        help="serve the HTTP API from the stack's own process (default: a process of its own)",
    )
    run.add_argument(
        "--api-processes",
        type=int,
        default=int(os.environ.get("API_PROCESSES") or default_api_processes()),
        help="processes that serve the HTTP API, on one socket (default: one per core)",
    )
    run.add_argument(
        "--dynamodb-in-process",
        action="store_true",
        help="serve DynamoDB from the stack's own moto (default: a moto process of its own)",
    )
    token = commands.add_parser("token", help="print a development token for a user id")
    token.add_argument("user")
    commands.add_parser("openapi", help="print the API's OpenAPI document (docs/openapi.json)")
    args = parser.parse_args()

    if args.command == "openapi":
        from app import ROUTES
        from chalicelib.api.openapi import render

        sys.stdout.write(render(ROUTES))
        return

    secret = _secret(args.secret_file)
    if args.command == "token":
        from chalicelib.api.auth import issue_dev_token

        print(issue_dev_token(args.user, secret))
        return

    stack = LocalStack(
        StackConfig(
            host=args.host,
            api_port=args.api_port,
            aws_port=args.aws_port,
            websocket_port=args.websocket_port,
            dev_auth_secret=secret,
            data_dir=None if args.no_persist else args.data_dir,
            # Tests only (local_stack/faults.py: HeldWrites): hold a phase while the stack is killed.
            hold_writes=os.environ.get("LOCAL_STACK_HOLD_WRITES") or None,
            compact_floor_bytes=int(os.environ.get("LOCAL_STACK_COMPACT_BYTES") or COMPACT_FLOOR_BYTES),
            lambda_workers=args.lambda_workers,
            api_process=not args.api_in_process,
            api_processes=args.api_processes,
            dynamodb_process=not args.dynamodb_in_process,
        )
    )
    try:
        stack.start()
    except DataDirInUse as in_use:
        print(f"{in_use}: stop it, or give this one --data-dir", file=sys.stderr, flush=True)
        sys.exit(1)
    print(f"HTTP API      {stack.api_url}/api/orchestrator", flush=True)
    print(f"WebSockets    {stack.websocket_url}/?token=...   live progress", flush=True)
    print(f"AWS (moto)    {stack.aws_endpoint}   DynamoDB, S3, Step Functions, Lambda Invoke", flush=True)
    if stack.dynamodb_process is not None:
        print(
            f"DynamoDB      {stack.dynamodb_endpoint}   its own moto process (the AWS port forwards to it)",
            flush=True,
        )
    print("A token:      make -s token USER=alice", flush=True)
    if stack.data_dir is None:
        print("Data          in memory only: gone when the stack stops", flush=True)
    else:
        print(f"Data          {stack.data_dir}   kept across restarts; make reset clears it", flush=True)
        if stack.recovered is not None:
            recovered = stack.recovered
            print(
                f"Recovered     {len(recovered.resumed)} resumed, {len(recovered.waiting_again)} waiting "
                f"again, {len(recovered.failed)} failed (LOCAL_RESTART)",
                flush=True,
            )
    wait_for_stop_signal()
    # Stopping drains the upload queue and the servers; a second signal, or a stop that hangs,
    # must still end the process within seconds.
    stopper = threading.Thread(target=stack.stop, daemon=True, name="stop")
    stopper.start()
    stopper.join(STOP_SECONDS)
    if stopper.is_alive():
        print(f"Stopping took over {STOP_SECONDS} s: exiting now", file=sys.stderr, flush=True)
        os._exit(1)
    # Stopped: every acknowledged write was synced when it was answered and the children have
    # ended. The interpreter's own teardown (moto, boto3, the app: hundreds of modules) took
    # seconds on a loaded machine, which Ctrl-C should not wait for.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


STOP_SECONDS = 5  # a stop that takes longer exits: Ctrl-C must always work within seconds


def wait_for_stop_signal() -> None:
    """Block until SIGTERM or SIGINT.

    The kernel delivers a signal to any thread of the process, and Python runs the handler only
    when the main thread next runs bytecode: a main thread blocked in a wait (a threading.Event's,
    or a read) may never wake for it. So the C-level handler writes the signal's number to a pipe
    (`signal.set_wakeup_fd`), whichever thread it lands on, and the main thread reads that pipe."""
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    signal.set_wakeup_fd(write_end)

    def on_signal(_signum: int, _frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second signal ends the process at once
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    os.read(read_end, 1)


if __name__ == "__main__":
    main()
