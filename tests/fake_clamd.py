"""A stand-in for clamd speaking its INSTREAM protocol, for tests (no ClamAV on CI machines).

It finds the EICAR test string (the industry's harmless "this is a virus" marker) and refuses
streams over its size limit, as clamd's StreamMaxLength does.
"""

from __future__ import annotations

import socketserver
import struct
import threading
from types import TracebackType

# The EICAR anti-malware test file, split so this source file is not itself flagged.
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


class _Handler(socketserver.BaseRequestHandler):
    server: FakeClamd

    def handle(self) -> None:
        command = b""
        while not command.endswith(b"\0"):
            command += self.request.recv(1)
        if command != b"zINSTREAM\0":
            self.request.sendall(b"UNKNOWN COMMAND\0")
            return
        data = b""
        while True:
            (length,) = struct.unpack("!L", self._exactly(4))
            if length == 0:
                break
            data += self._exactly(length)
            if len(data) > self.server.max_stream_bytes:
                self.request.sendall(b"INSTREAM size limit exceeded. ERROR\0")
                return
        self.server.scanned += 1
        reply = b"stream: Eicar-Test-Signature FOUND\0" if EICAR in data else b"stream: OK\0"
        self.request.sendall(reply)

    def _exactly(self, size: int) -> bytes:
        buffer = b""
        while len(buffer) < size:
            chunk = self.request.recv(size - len(buffer))
            if not chunk:
                raise ConnectionError("client went away")
            buffer += chunk
        return buffer


class FakeClamd(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, max_stream_bytes: int = 10 * 1024 * 1024) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.max_stream_bytes = max_stream_bytes
        self.scanned = 0
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> FakeClamd:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.shutdown()
        self.server_close()
