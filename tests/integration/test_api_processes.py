"""The HTTP API served by several processes on one inherited socket (`make run`: one per core),
with connections kept open across requests (#19 item 6)."""

from __future__ import annotations

import concurrent.futures
import os
import socket
from pathlib import Path

import urllib3

from local_stack.api_process import ApiProcess
from local_stack.stack import LocalStack
from tests.conftest import token_for

STATS = "/api/orchestrator/stats"


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def test_two_processes_serve_one_port_and_keep_connections_open(stack: LocalStack) -> None:
    # Given the API served by two processes (with the tests' stack's environment)
    api = ApiProcess(stack.config.host, 0, None, processes=2)
    try:
        assert len(set(api.pids)) == 2
        headers = {"Authorization": f"Bearer {token_for('u-api-processes')}"}
        base = f"http://{stack.config.host}:{api.port}"

        # When one client sends three requests over a pool of one connection
        pool = urllib3.HTTPConnectionPool(stack.config.host, api.port, maxsize=1, block=True)
        statuses = [pool.request("GET", STATS, headers=headers).status for _ in range(3)]

        # Then they are answered on one connection, kept open (HTTP/1.1 keep-alive)
        assert statuses == [200, 200, 200]
        assert pool.num_connections == 1

        # And many clients at once are served by both processes (each accepts what it can)
        before = {pid: _cpu_ticks(pid) for pid in api.pids}
        used: set[int] = set()
        for _ in range(5):
            with concurrent.futures.ThreadPoolExecutor(20) as executor:
                replies = list(
                    executor.map(
                        lambda _: urllib3.request(
                            "GET", base + STATS, headers={**headers, "Connection": "close"}
                        ),
                        range(60),
                    )
                )
            assert {r.status for r in replies} == {200}
            used = {pid for pid in api.pids if _cpu_ticks(pid) > before[pid]}
            if len(used) == 2:
                break
        assert len(used) == 2
    finally:
        api.stop()

    # And once stopped, nothing listens on the port and no child is left
    assert all(
        not os.path.exists(f"/proc/{pid}") or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]
        for pid in api.pids
    )
    refused = socket.socket()
    try:
        assert refused.connect_ex((stack.config.host, api.port)) != 0
    finally:
        refused.close()
