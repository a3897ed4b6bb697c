"""A loopback LibreTranslate look-alike for tests: deterministic, recorded, and able to misbehave.

It also answers like Google's mobile page (GET /m) and MyMemory (GET /get), so deep-translator's
GoogleTranslator / MyMemoryTranslator can be pointed at it with ``use_fake_google_and_mymemory``.

    with FakeLibre(api_key="k") as server:
        config = TranslatorConfig(provider="libre", libre_url=server.url, libre_key="k", timeout=1)
        ...
        assert server.translate_count == 3

"Translation" is ``f"[{source}>{target}] {q}"`` so assertions check real round trips. Modes:
``fail_next(429, times=2)`` then succeed, ``always(500)``, ``delay = 3.0`` (answer late), ``hang = True``
(accept, never answer), and a wrong ``api_key`` gets 403. Only ever binds 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import html
import json
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

# LibreTranslate POST /translate; Google's mobile page GET /m; MyMemory GET /get.
TRANSLATE_PATHS = ("/translate", "/m", "/get")
LANGUAGES = ["en", "fr", "de", "it", "es", "pt", "ro", "ru", "uk", "ko", "zh", "zt", "ja", "ar", "nl", "pl", "tr"]


@dataclass
class RecordedRequest:
    method: str
    path: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def q(self) -> str:
        return self.params.get("q", "")


def fake_translation(text: str, source: str, target: str) -> str:
    """What FakeLibre answers for a text (so tests can compute expectations)."""
    return f"[{source}>{target}] {text}"


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def _params(self) -> dict[str, str]:
        parts = urlsplit(self.path)
        params = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            body = self.rfile.read(length).decode("utf-8", "replace")
            if "json" in (self.headers.get("Content-Type") or ""):
                with contextlib.suppress(ValueError, AttributeError):
                    params.update({k: str(v) for k, v in json.loads(body).items()})
            else:
                params.update({k: v[-1] for k, v in parse_qs(body, keep_blank_values=True).items()})
        return params

    def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def _handle(self, method: str) -> None:
        fake = self.server.fake
        params = self._params()
        path = urlsplit(self.path).path.rstrip("/")
        fake._record(RecordedRequest(method, path, params))
        fake._enter()
        try:
            self._respond(path, params)
        finally:
            fake._leave()

    def _respond(self, path: str, params: dict[str, str]) -> None:
        fake = self.server.fake
        if fake.hang:
            fake._release.wait(fake.max_hold)
            self.close_connection = True
            return
        if fake.delay:
            fake._release.wait(fake.delay)
        if path.endswith("/languages"):
            self._send(200, [{"code": c, "name": c, "targets": LANGUAGES} for c in LANGUAGES])
            return
        if path not in TRANSLATE_PATHS:
            self._send(404, {"error": "Not Found"})
            return
        status = fake._next_status()
        if status is not None:
            headers = {"Retry-After": "0"} if status == 429 else None
            self._send(status, {"error": f"fake error {status}"}, headers)
            return
        if path == "/m":
            self._google(params)
        elif path == "/get":
            self._mymemory(params)
        else:
            self._libre(params)

    def _libre(self, params: dict[str, str]) -> None:
        fake = self.server.fake
        if fake.api_key is not None and params.get("api_key") != fake.api_key:
            self._send(403, {"error": "Invalid API key"})
            return
        q, source, target = params.get("q"), params.get("source"), params.get("target")
        if not q or not source or not target:
            self._send(400, {"error": "Invalid request: missing q, source or target"})
            return
        self._send(200, {"translatedText": fake_translation(q, source, target)})

    def _google(self, params: dict[str, str]) -> None:
        """Google's mobile page: deep-translator scrapes <div class="result-container">."""
        out = fake_translation(params.get("q", ""), params.get("sl", "?"), params.get("tl", "?"))
        data = f'<html><body><div class="result-container">{html.escape(out)}</div></body></html>'.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _mymemory(self, params: dict[str, str]) -> None:
        """MyMemory reports errors with HTTP 200 and a responseStatus (the message as 'translation')."""
        fake = self.server.fake
        source, _, target = params.get("langpair", "?|?").partition("|")
        if fake.mymemory_status != 200:
            self._send(200, {"responseData": {"translatedText": "'XX' IS AN INVALID TARGET LANGUAGE"},
                             "responseStatus": fake.mymemory_status, "matches": []})
            return
        out = fake_translation(params.get("q", ""), source, target)
        self._send(200, {"responseData": {"translatedText": out}, "responseStatus": 200, "matches": []})


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    fake: FakeLibre


class FakeLibre:
    """LibreTranslate protocol on 127.0.0.1:<ephemeral port>, in a background thread."""

    def __init__(self, api_key: str | None = None) -> None:
        self.api_key = api_key
        self.delay = 0.0
        self.hang = False
        self.mymemory_status = 200
        self.max_hold = 30.0  # a hung handler is released at the latest after this, or on stop()
        self.requests: list[RecordedRequest] = []
        self.max_in_flight = 0  # most requests being answered at once (parallelism bound checks)
        self._in_flight = 0
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._queued: list[int] = []
        self._always: int | None = None
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle
    def start(self) -> FakeLibre:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fake-libre", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeLibre:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._server is not None, "server not started"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/"

    # -- behaviour
    def fail_next(self, status: int, times: int = 1) -> None:
        """Answer the next `times` /translate requests with `status`, then behave."""
        with self._lock:
            self._queued.extend([status] * times)

    def always(self, status: int | None) -> None:
        """Answer every /translate request with `status` (None: back to normal)."""
        with self._lock:
            self._always = status

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.max_in_flight = 0
            self._queued.clear()
            self._always = None
        self.delay, self.hang, self.mymemory_status = 0.0, False, 200

    def _next_status(self) -> int | None:
        with self._lock:
            if self._queued:
                return self._queued.pop(0)
            return self._always

    def _enter(self) -> None:
        with self._lock:
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)

    def _leave(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    # -- assertions
    @property
    def translate_requests(self) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path in TRANSLATE_PATHS]

    @property
    def translate_count(self) -> int:
        return len(self.translate_requests)


def closed_port_url() -> str:
    """A loopback URL where nothing listens (connection refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def silent_port() -> tuple[socket.socket, str]:
    """A listening socket that never accepts: connects queue in the backlog and reads time out.

    The caller closes the socket. Models a firewall-dropped / wedged server without any handler thread.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    return sock, f"http://127.0.0.1:{sock.getsockname()[1]}/"


def use_fake_google_and_mymemory(monkeypatch: Any, fake: FakeLibre) -> None:
    """Point deep-translator's Google and MyMemory clients at `fake` (pytest monkeypatch; undone after)."""
    from deep_translator.constants import BASE_URLS

    monkeypatch.setitem(BASE_URLS, "GOOGLE_TRANSLATE", fake.url + "m")
    monkeypatch.setitem(BASE_URLS, "MYMEMORY", fake.url + "get")
