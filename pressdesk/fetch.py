"""Fetch a web page without letting a hosted app be pointed at its own network (SSRF).

The host is resolved once, every address it resolves to is checked, and the connection goes to that checked
address (Host header and TLS server name keep the original host name), so DNS rebinding between the check and
the connection cannot happen. URLs with backslashes or user info are refused (parsers disagree on them), and
every redirect hop is checked the same way.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]
MAX_HOPS = 5
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class FetchError(Exception):
    """Why a URL was not fetched, in one line."""


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str  # as written in the URL (used for Host and SNI)
    port: int
    path: str  # path and query, sent in the request line


@dataclass
class Page:
    url: str  # the final URL, after redirects
    body: bytes
    charset: str | None


def _embedded_v4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, Teredo, NAT64), which is what it reaches."""
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    if ip in NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public_address(ip: IPAddress) -> bool:
    """Only globally routable unicast addresses: no private, loopback, link-local, reserved or multicast."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_v4(ip)
        if inner is not None and not is_public_address(inner):
            return False
    bad = (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
           or ip.is_unspecified or not ip.is_global)
    return not bad


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for host (one lookup)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host '{host}' (offline or unknown host)") from exc
    return [info[4][0] for info in infos]


def parse_target(url: str) -> Target:
    """Split a URL the strict way; anything two parsers could read differently is refused."""
    if any(ch in url for ch in "\\\r\n\t ") or any(ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise FetchError("refusing a URL with backslashes, spaces or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"not a valid URL: {exc}") from exc
    if parts.scheme not in ("http", "https"):
        raise FetchError("not an http(s) URL")
    if "@" in parts.netloc or parts.username is not None or parts.password is not None:
        raise FetchError("refusing a URL with user info (user@host)")
    if not parts.hostname:
        raise FetchError("not an http(s) URL (no host)")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80), path)


def checked_address(target: Target, resolve: Resolver, allow_private: bool,
                    permit: Callable[[IPAddress], bool] | None = None) -> str:
    """Resolve the host once and return the address to connect to; refuse if any answer is not public."""
    permit = permit or is_public_address
    try:
        literal = ipaddress.ip_address(target.host)
        addresses = [str(literal)]
    except ValueError:
        addresses = resolve(target.host, target.port)
    if not addresses:
        raise FetchError(f"cannot resolve host '{target.host}'")
    ips = [ipaddress.ip_address(a.split("%", 1)[0]) for a in addresses]
    if not allow_private and not all(permit(ip) for ip in ips):
        raise FetchError("refusing to fetch a private or loopback address")
    return str(ips[0])


def _pool(target: Target, address: str, timeout: float):
    """A connection pool bound to the checked address; TLS still verifies the certificate for the host name."""
    import urllib3

    kwargs = {"timeout": urllib3.Timeout(connect=timeout, read=timeout), "retries": False, "maxsize": 1}
    if target.scheme == "https":
        import certifi

        return urllib3.HTTPSConnectionPool(address, target.port, server_hostname=target.host,
                                           assert_hostname=target.host, cert_reqs="CERT_REQUIRED",
                                           ca_certs=certifi.where(), **kwargs)
    return urllib3.HTTPConnectionPool(address, target.port, **kwargs)


def _host_header(target: Target) -> str:
    host = f"[{target.host}]" if ":" in target.host else target.host
    default = 443 if target.scheme == "https" else 80
    return host if target.port == default else f"{host}:{target.port}"


def fetch(url: str, *, allow_private: bool = False, timeout: float = 10.0, max_bytes: int = 20 * 1024 * 1024,
          resolve: Resolver | None = None, permit: Callable[[IPAddress], bool] | None = None) -> Page:
    """GET a page: each hop checked and connected to its checked address, bounded in hops, bytes and time."""
    import urllib3

    resolve = resolve or system_resolver

    deadline = time.monotonic() + 3 * timeout
    for _ in range(MAX_HOPS + 1):
        target = parse_target(url)
        address = checked_address(target, resolve, allow_private, permit)
        pool = _pool(target, address, timeout)
        try:
            resp = pool.urlopen("GET", target.path, headers={"Host": _host_header(target),
                                "User-Agent": "PressDesk/0.1", "Accept": "text/html, text/plain;q=0.8"},
                                redirect=False, preload_content=False, assert_same_host=False)
        except urllib3.exceptions.NewConnectionError as exc:  # a subclass of the timeout error in urllib3
            raise FetchError("could not fetch the URL (offline or unreachable)") from exc
        except urllib3.exceptions.TimeoutError as exc:
            raise FetchError(f"the site did not answer within {timeout:.0f} s") from exc
        except urllib3.exceptions.SSLError as exc:
            raise FetchError("the site's TLS certificate was refused") from exc
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError("could not fetch the URL (offline or unreachable)") from exc
        try:
            if resp.status in (301, 302, 303, 307, 308) and resp.headers.get("Location"):
                url = urljoin(url, resp.headers["Location"])
                continue
            if resp.status >= 400:
                raise FetchError(f"the site answered HTTP {resp.status}")
            kind = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if kind not in ACCEPTED_TYPES:
                raise FetchError(f"not a web page (the site sent {kind})")
            body = _read_bounded(resp, max_bytes, deadline, timeout)
            return Page(url=url, body=body, charset=_charset(resp.headers.get("Content-Type", "")))
        finally:
            resp.release_conn()
            pool.close()
    raise FetchError(f"too many redirects (more than {MAX_HOPS})")


def _read_bounded(resp, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """Read at most max_bytes (after decompression) before the deadline."""
    import urllib3

    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in resp.stream(64 * 1024, decode_content=True):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError("page too large")
            if time.monotonic() > deadline:
                raise FetchError(f"the site took longer than {3 * timeout:.0f} s to send the page")
            chunks.append(chunk)
    except urllib3.exceptions.TimeoutError as exc:
        raise FetchError(f"the site did not answer within {timeout:.0f} s") from exc
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError("the connection broke while reading the page") from exc
    return b"".join(chunks)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
