"""A real HTTP server on 127.0.0.1 for the URL and feed tests, in a thread of the test process.

It serves the real pages of tests/data/pages and whatever a test adds: feeds, redirects,
errors, a body too large to read, a server that never answers. Every request it saw is kept
(path and User-Agent), and so is how many bytes each streamed body got out before the client
hung up.
"""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).parent / "data" / "pages"
LOOPBACK = "127.0.0.1"


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    stream: Callable[[BaseHTTPRequestHandler], None] | None = None  # writes the body itself


@dataclass
class Site:
    base: str
    routes: dict[str, Answer]
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, User-Agent)
    streamed: dict[str, int] = field(default_factory=dict)  # path -> bytes sent
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, name: str, content_type: str = "text/html; charset=utf-8") -> str:
        """Serve a real page of tests/data/pages at ``path``."""
        self.routes[path] = Answer(
            body=(PAGES / name).read_bytes(), headers={"Content-Type": content_type}
        )
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.routes[path] = Answer(status=status, headers={"Location": to})
        return self.url(path)

    def add(self, path: str, answer: Answer) -> str:
        self.routes[path] = answer
        return self.url(path)

    def stream_zeros(self, path: str, total: int, *, declare_length: bool) -> str:
        """A body of ``total`` bytes written 64 KB at a time until the client hangs up."""

        def write(handler: BaseHTTPRequestHandler) -> None:
            sent, block = 0, b"<p>" + b"0" * (65536 - 3)
            try:
                while sent < total:
                    handler.wfile.write(block)
                    sent += len(block)
            except OSError:  # the client stopped reading: what it got is counted
                pass
            finally:
                self.streamed[path] = sent

        headers = {"Content-Type": "text/html"}
        if declare_length:
            headers["Content-Length"] = str(total)
        self.routes[path] = Answer(headers=headers, stream=write)
        return self.url(path)

    def stall(self, path: str) -> str:
        """Takes the request and answers nothing until the test ends."""

        def wait(handler: BaseHTTPRequestHandler) -> None:
            self.release.wait(30)

        self.routes[path] = Answer(stream=wait, headers={"X-Stall": "1"})
        return self.url(path)


class _Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        path = self.path.split("?", 1)[0]
        self.site.requests.append((path, self.headers.get("User-Agent", "")))
        answer = self.site.routes.get(path)
        if answer is None:
            answer = Answer(
                404, b"<html><body>Not found</body></html>", {"Content-Type": "text/html"}
            )
        if "X-Stall" in answer.headers and answer.stream is not None:
            answer.stream(self)
            self.close_connection = True
            return
        self.send_response(answer.status)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        if answer.stream is None:
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)
            return
        self.send_header("Connection", "close")
        self.end_headers()
        answer.stream(self)
        self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # claimcheck hangs up on purpose (a body over the size limit, a redirect loop): the
        # server's broken pipe is the test's expected outcome, not a traceback on stderr.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve() -> Iterator[Site]:
    """A server on a free loopback port, stopped (and its stalled answers let go) after."""
    site = Site(base="", routes={})
    handler = type("Handler", (_Handler,), {"site": site})
    server = _Server((LOOPBACK, 0), handler)
    server.daemon_threads = True
    site.base = f"http://{LOOPBACK}:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def only_loopback(monkeypatch: object) -> None:
    """Make any connection to an address off this machine fail the test at once."""
    import ipaddress

    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        if isinstance(address, tuple) and self.family in (socket.AF_INET, socket.AF_INET6):
            host = str(address[0])
            if not ipaddress.ip_address(host).is_loopback:
                raise AssertionError(f"a test tried to connect to {host}, off this machine")
        real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)  # type: ignore[attr-defined]
