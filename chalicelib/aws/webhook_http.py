"""The webhook sender (`ports.WebhookSender`): an HTTPS POST to a public address, checked first.

Server-side request forgery is refused twice, at registration and at every attempt: the host is
resolved, every address it resolves to must be public (not private, loopback, link-local, shared,
reserved or multicast, nor an IPv4 one mapped into IPv6), and the connection is made to the
address that was checked (the TLS handshake still verifies the certificate for the host's name),
so a name that resolves elsewhere a moment later cannot redirect the request. Redirects are not
followed. With `allow_local` (tests and the local stack only) http:// and loopback are allowed.

Only the answer's status and the first 200 characters of its body are kept.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Mapping
from urllib.parse import urlsplit

from chalicelib.core.webhook_ports import HttpAnswer, UnsafeDestination

SNIPPET_BYTES = 512
SNIPPET_CHARS = 200
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _public(address: Address, allow_local: bool) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if allow_local and address.is_loopback:
        return True
    return address.is_global and not address.is_multicast


class HttpWebhookSender:
    def __init__(self, timeout_seconds: float = 10.0, *, allow_local: bool = False) -> None:
        self._timeout = timeout_seconds
        self._allow_local = allow_local
        self._tls = ssl.create_default_context()

    def check(self, url: str) -> None:
        self._resolve(url)

    def _resolve(self, url: str) -> tuple[str, str, int, str]:
        """(scheme, host, port, the checked address to connect to)."""
        parts = urlsplit(url)
        if parts.scheme != "https" and not (self._allow_local and parts.scheme == "http"):
            raise UnsafeDestination("The URL must start with https://")
        host = parts.hostname
        if not host:
            raise UnsafeDestination("The URL names no host")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise UnsafeDestination("The URL's port is not valid") from None
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError):
            raise UnsafeDestination(f"The host {host} does not resolve") from None
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
        if not addresses or not all(_public(address, self._allow_local) for address in addresses):
            raise UnsafeDestination(f"The host {host} resolves to an address that is not public")
        return parts.scheme, host, port, str(addresses[0])

    def post(self, url: str, body: bytes, headers: Mapping[str, str]) -> HttpAnswer:
        scheme, host, port, address = self._resolve(url)
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection: http.client.HTTPConnection
        if scheme == "https":
            connection = _PinnedHttps(host, port, address, self._timeout, self._tls)
        else:
            connection = _PinnedHttp(host, port, address, self._timeout)
        started = time.monotonic()
        try:
            connection.request("POST", target, body=body, headers=dict(headers))
            response = connection.getresponse()
            snippet = response.read(SNIPPET_BYTES).decode("utf-8", "replace")[:SNIPPET_CHARS]
            return HttpAnswer(_ms(started), status_code=response.status, snippet=snippet or None)
        except TimeoutError:
            return HttpAnswer(_ms(started), error="TIMEOUT")
        except ssl.SSLError:
            return HttpAnswer(_ms(started), error="TLS_ERROR")
        except ConnectionRefusedError:
            return HttpAnswer(_ms(started), error="CONNECTION_REFUSED")
        except ConnectionResetError:
            return HttpAnswer(_ms(started), error="CONNECTION_RESET")
        except http.client.HTTPException:
            return HttpAnswer(_ms(started), error="PROTOCOL_ERROR")
        except OSError:
            return HttpAnswer(_ms(started), error="CONNECTION_ERROR")
        finally:
            connection.close()


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


class _PinnedHttp(http.client.HTTPConnection):
    """Connects to the checked address, whatever the name resolves to now."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHttps(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float, context: ssl.SSLContext) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self._address = address
        self._tls_context = context

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        # The certificate is checked against the URL's host name (SNI and verification).
        self.sock = self._tls_context.wrap_socket(raw, server_hostname=self.host)
