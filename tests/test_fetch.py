"""URL fetching cannot be turned on the host's own network: parser tricks, redirects and DNS rebinding."""

from __future__ import annotations

import ipaddress
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pressdesk import fetch, readers
from pressdesk.ingest import ingest

ARTICLE = (b"<html><head><title>Secret page</title></head><body><article><h1>Internal status</h1>"
           b"<p>This page is only served on the loopback interface and must never reach the corpus.</p>"
           b"<p>It lists internal hosts, credentials and other things no visitor should read.</p>"
           b"</article></body></html>")


class _Server(BaseHTTPRequestHandler):
    """Serves an article on /, and redirects /go?to=URL; records every request it gets."""

    def do_GET(self):  # noqa: N802 - http.server API
        self.server.hits.append((self.path, self.headers.get("Host")))
        if self.path.startswith("/go"):
            self.send_response(302)
            self.send_header("Location", self.server.redirect_to)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(ARTICLE)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    srv.hits, srv.redirect_to = [], ""
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv
    srv.shutdown()
    srv.server_close()


def test_backslash_and_userinfo_urls_are_refused_without_a_request(con, server):
    port = server.server_address[1]
    for url in (f"http://127.0.0.1:{port}\\@1.1.1.1/", f"http://1.1.1.1@127.0.0.1:{port}/",
                f"http://user:pw@example.org:{port}/"):
        report = ingest(con, [url], extract=False)
        assert report.added == [] and len(report.failed) == 1, url
        assert "backslash" in report.failed[0][1] or "user info" in report.failed[0][1]
    assert server.hits == []


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
    "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1",
    "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "ff02::1", "::",
])
def test_non_public_addresses_are_refused(address):
    assert not fetch.is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["1.1.1.1", "93.184.216.34", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(address):
    assert fetch.is_public_address(ipaddress.ip_address(address))


def test_a_host_with_any_private_answer_is_refused():
    target = fetch.parse_target("http://mixed.test/")
    with pytest.raises(fetch.FetchError, match="private or loopback"):
        fetch.checked_address(target, lambda host, port: ["1.1.1.1", "10.0.0.1"], allow_private=False)


def _loopback_is_public(ip) -> bool:
    """In these tests 127.0.0.1 plays a public news site; every other non-public address stays refused."""
    return str(ip) == "127.0.0.1" or fetch.is_public_address(ip)


@pytest.mark.parametrize("location", [
    "http://127.0.0.1:{port}\\@1.1.1.1/secret",
    "http://127.0.0.2:{port}/secret",
    "http://internal.test:{port}/secret",
    "http://[::ffff:127.0.0.1]:{port}/secret",
])
def test_every_redirect_hop_is_checked(server, location):
    port = server.server_address[1]
    server.redirect_to = location.format(port=port)
    resolve = {"news.test": ["127.0.0.1"], "internal.test": ["192.168.0.10"]}
    with pytest.raises(readers.IngestError, match="refusing"):
        readers.fetch_url(f"http://news.test:{port}/go", resolve=lambda h, p: resolve[h], permit=_loopback_is_public)
    assert [path for path, _ in server.hits] == ["/go"]  # the redirect target was never requested


def test_connection_goes_to_the_checked_address_with_the_host_name_kept(server):
    port = server.server_address[1]
    doc = readers.fetch_url(f"http://news.test:{port}/story", resolve=lambda h, p: ["127.0.0.1"],
                            permit=_loopback_is_public)
    assert "loopback interface" in doc.text
    assert server.hits == [("/story", f"news.test:{port}")]


def test_redirect_chains_are_bounded(server):
    port = server.server_address[1]
    server.redirect_to = f"http://news.test:{port}/go"
    with pytest.raises(readers.IngestError, match="too many redirects"):
        readers.fetch_url(f"http://news.test:{port}/go", resolve=lambda h, p: ["127.0.0.1"],
                          permit=_loopback_is_public)
    assert len(server.hits) == fetch.MAX_HOPS + 1


def test_dns_rebinding_cannot_switch_the_address_after_the_check(con, server, monkeypatch):
    """The resolver answers public first, loopback afterwards: only the first answer may ever be used."""
    port = server.server_address[1]
    asked = []
    real = socket.getaddrinfo

    def rebinding(host, *args, **kwargs):
        if host != "rebind.test":
            return real(host, *args, **kwargs)
        asked.append(host)
        address = "1.1.1.1" if len(asked) == 1 else "127.0.0.1"  # offline, 1.1.1.1 fails within the timeout
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    monkeypatch.setattr(readers, "URL_TIMEOUT", 0.5)
    report = ingest(con, [f"http://rebind.test:{port}/story"], extract=False)
    assert report.added == [] and report.failed
    assert asked == ["rebind.test"]  # resolved once: the check and the connection use the same answer
    assert server.hits == []


def test_private_addresses_need_the_explicit_flag(con, server):
    url = f"http://127.0.0.1:{server.server_address[1]}/story"
    refused = ingest(con, [url], extract=False)
    assert refused.added == [] and "private or loopback" in refused.failed[0][1]
    allowed = ingest(con, [url], extract=False, allow_private_urls=True)
    assert len(allowed.added) == 1, allowed.failed


def test_oversized_and_non_html_responses_are_refused(server, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 100)
    with pytest.raises(readers.IngestError, match="too large"):
        readers.fetch_url(f"http://127.0.0.1:{server.server_address[1]}/story", allow_private=True)
