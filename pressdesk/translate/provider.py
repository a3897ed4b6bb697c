"""One adapter over deep-translator: per-request timeout, bounded retries, size-aware splitting.

deep-translator calls ``requests.get/post`` without a timeout and hides HTTP status codes behind its own
exceptions. We give each provider module a thin proxy of ``requests`` that injects ``timeout=`` and records
the last response / transport error in a thread-local, so the real client code still does the HTTP work
while we can tell "connection refused" from "429" from "403". Each call also runs in a daemon thread joined
with a deadline, which bounds what socket timeouts do not cover (DNS lookups, trickling servers).
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests

from pressdesk.translate.config import TranslatorConfig, provider_lang, scrub

log = logging.getLogger("pressdesk.translate")

_PROVIDER_MODULES = ("google", "mymemory", "libre", "deepl", "microsoft")
_state = threading.local()
_install_lock = threading.Lock()

# Failure kinds that mean "stop sending the rest of the batch".
ABORT_KINDS = frozenset({"offline", "timeout", "auth", "rate_limited", "config"})
OFFLINE_KINDS = frozenset({"offline", "timeout"})


class _RequestsWithTimeout:
    """Stands in for the ``requests`` module inside deep-translator's provider modules."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:  # exceptions, Session, codes... come from the real module
        return getattr(self._real, name)

    def _call(self, method: str, url: str, **kwargs: Any) -> Any:
        kwargs.setdefault("timeout", getattr(_state, "timeout", None) or 8.0)
        extra = getattr(_state, "headers", None)
        if extra:
            kwargs["headers"] = {**extra, **(kwargs.get("headers") or {})}
        try:
            response = getattr(self._real, method)(url, **kwargs)
        except Exception as exc:
            _state.transport_error = exc
            raise
        _state.response = response
        return response

    def get(self, url: str, **kwargs: Any) -> Any:
        return self._call("get", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> Any:
        return self._call("post", url, **kwargs)


class _ScrubSecrets(logging.Filter):
    """urllib3 logs request URLs at DEBUG, and LibreTranslate/DeepL put the key in the URL: mask it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            return True
        clean = scrub(message)
        if clean != message:
            record.msg, record.args = clean, ()
        return True


_SCRUBBER = _ScrubSecrets()


def install_timeouts() -> None:
    """Patch deep-translator's provider modules once (idempotent, thread-safe); mask keys in urllib3 logs."""
    with _install_lock:
        for logger_name in ("urllib3.connectionpool", "urllib3.connection"):
            logger = logging.getLogger(logger_name)
            if _SCRUBBER not in logger.filters:
                logger.addFilter(_SCRUBBER)
        for name in _PROVIDER_MODULES:
            module = importlib.import_module(f"deep_translator.{name}")
            if not isinstance(getattr(module, "requests", None), _RequestsWithTimeout):
                module.requests = _RequestsWithTimeout(requests)


# ------------------------------------------------------------------------------------- translators


def _microsoft_class() -> type:
    from deep_translator import MicrosoftTranslator

    class _Microsoft(MicrosoftTranslator):
        """MicrosoftTranslator fetches its language list over the network in __init__; we map codes
        ourselves, so skip that request (translate() itself is deep-translator's code)."""

        def _get_supported_languages(self) -> dict[str, str]:
            return {"english": "en"}

    return _Microsoft


def build_translator(config: TranslatorConfig, source: str, target: str) -> Any:
    """A fresh deep-translator client (instances keep per-request state, so never share across threads)."""
    import deep_translator as dt

    src = provider_lang(config.provider, source, target=False)
    tgt = provider_lang(config.provider, target, target=True)
    p = config.provider
    if p == "google":
        client = dt.GoogleTranslator(source="auto", target="en")
    elif p == "mymemory":
        client = dt.MyMemoryTranslator(source="english", target="french")
    elif p == "libre":
        client = dt.LibreTranslator(
            source="en", target="fr", api_key=config.libre_key or "-", use_free_api=False,
            custom_url=config.libre_url,
        )
        client.api_key = config.libre_key  # None: a keyless self-hosted server, no api_key parameter sent
    elif p == "deepl":
        use_free = bool(config.deepl_key and config.deepl_key.endswith(":fx"))
        client = dt.DeeplTranslator(source="en", target="de", api_key=config.deepl_key, use_free_api=use_free)
    elif p == "microsoft":
        client = _microsoft_class()(
            source="auto", target="en", api_key=config.microsoft_key, region=config.microsoft_region
        )
    else:  # pragma: no cover - TranslatorConfig validates the name
        raise ValueError(p)
    # Bypass deep-translator's static language lists (often stale); the provider judges the codes.
    client.source = src
    client.target = tgt
    return client


# ------------------------------------------------------------------------------------------ outcomes


@dataclass
class Failure:
    """Why a request did not produce a translation."""

    kind: str  # offline | timeout | auth | rate_limited | server | client | unsupported | invalid | config
    message: str
    status: int | None = None
    retry_after: float | None = None

    @property
    def retryable(self) -> bool:
        return self.kind in ("server", "rate_limited")

    @property
    def aborts(self) -> bool:
        return self.kind in ABORT_KINDS


def _host(exc: BaseException) -> str:
    request = getattr(exc, "request", None)
    url = getattr(request, "url", None) or ""
    match = re.match(r"[a-z]+://([^/?#@]*@)?([^/?#]+)", url)
    return match.group(2) if match else ""


def _transport_failure(exc: BaseException, config: TranslatorConfig) -> Failure:
    host = _host(exc) or config.endpoint
    detail = str(exc)
    if isinstance(exc, requests.Timeout) and not isinstance(exc, requests.ConnectTimeout):
        return Failure("timeout", f"{config.label} did not answer within {config.timeout:g}s ({host})")
    if isinstance(exc, requests.ConnectTimeout):
        return Failure("timeout", f"{config.label} could not be reached within {config.timeout:g}s ({host})")
    if re.search(r"refused", detail, re.I):
        reason = "connection refused"
    elif re.search(r"resolve|name or service|getaddrinfo|nodename|temporary failure in name", detail, re.I):
        reason = "host name could not be resolved (offline?)"
    elif re.search(r"unreachable", detail, re.I):
        reason = "network unreachable (offline?)"
    elif isinstance(exc, requests.exceptions.SSLError):
        reason = "TLS/SSL error"
    elif isinstance(exc, requests.ConnectionError):
        reason = "connection failed"
    else:
        reason = type(exc).__name__
    return Failure("offline", f"{config.label} is unreachable at {host}: {reason}")


def _status_failure(status: int, response: Any, config: TranslatorConfig) -> Failure:
    retry_after = None
    with contextlib.suppress(AttributeError, TypeError, ValueError):
        retry_after = float(response.headers.get("Retry-After", ""))
    if status in (401, 403):
        return Failure("auth", f"{config.label} refused the request (HTTP {status}): check the API key", status)
    if status == 456:  # DeepL quota exceeded
        return Failure("rate_limited", f"{config.label} quota exceeded (HTTP 456)", status)
    if status == 429:
        return Failure("rate_limited", f"{config.label} is rate-limiting requests (HTTP 429)", status, retry_after)
    if status >= 500:
        return Failure("server", f"{config.label} server error (HTTP {status})", status, retry_after)
    return Failure("client", f"{config.label} rejected the text (HTTP {status})", status)


def _mymemory_status(response: Any) -> int | None:
    """MyMemory answers HTTP 200 with an error code in the body (and the error as 'translatedText')."""
    try:
        code = int(response.json().get("responseStatus", 200))
    except Exception:
        return None
    return None if code == 200 else code


@dataclass
class _Attempt:
    text: str | None = None
    failure: Failure | None = None


def _attempt(config: TranslatorConfig, source: str, target: str, chunk: str) -> _Attempt:
    """One request through deep-translator; runs in its own thread so the thread-local is ours alone."""
    _state.timeout = config.timeout
    # DeepL deprecated the auth_key query parameter that deep-translator sends; add the header form too.
    _state.headers = {"Authorization": f"DeepL-Auth-Key {config.deepl_key}"} if config.provider == "deepl" else None
    _state.response = None
    _state.transport_error = None
    try:
        client = build_translator(config, source, target)
        out = client.translate(chunk)
    except BaseException as exc:  # noqa: BLE001 - classified below, never re-raised raw
        transport = getattr(_state, "transport_error", None)
        if transport is not None:
            return _Attempt(failure=_transport_failure(transport, config))
        response = getattr(_state, "response", None)
        if response is not None and not 200 <= response.status_code < 300:
            return _Attempt(failure=_status_failure(response.status_code, response, config))
        from deep_translator import exceptions as dte

        if isinstance(exc, dte.ApiKeyException):
            return _Attempt(failure=Failure("config", f"{config.label} needs an API key"))
        if isinstance(exc, (dte.LanguageNotSupportedException, dte.InvalidSourceOrTargetLanguage)):
            return _Attempt(failure=Failure("unsupported", f"{config.label}: language pair not supported"))
        if isinstance(exc, (dte.NotValidLength, dte.NotValidPayload)):
            return _Attempt(failure=Failure("client", f"{config.label}: text too long or invalid"))
        name = type(exc).__name__
        return _Attempt(failure=Failure("invalid", f"{config.label}: unexpected answer ({name}: "
                                        f"{scrub(exc, config.secrets)[:200]})"))
    response = getattr(_state, "response", None)
    if config.provider == "mymemory" and response is not None:
        code = _mymemory_status(response)
        if code == 429:
            return _Attempt(failure=_status_failure(code, response, config))
        if code is not None:  # e.g. 403 "invalid language pair": about this text, not the service
            return _Attempt(failure=Failure("client", f"{config.label} answered with error {code}", code))
    if isinstance(out, list):  # MyMemory return_all shape; not requested, but be safe
        out = out[0] if out else None
    if out is None:  # Google returns None when the "translation" equals the input
        out = chunk
    if not isinstance(out, str):
        return _Attempt(failure=Failure("invalid", f"{config.label}: unexpected answer type"))
    return _Attempt(text=out)


def call_with_deadline(fn: Callable[[], _Attempt], deadline: float, config: TranslatorConfig) -> _Attempt:
    """Run fn in a daemon thread; if it outlives the deadline, abandon it (its socket timeout ends it)."""
    box: list[_Attempt] = []
    thread = threading.Thread(target=lambda: box.append(fn()), name="pressdesk-translate-call", daemon=True)
    thread.start()
    thread.join(deadline)
    if box:
        return box[0]
    return _Attempt(failure=Failure("timeout", f"{config.label} did not answer within {config.timeout:g}s"
                                    f" ({config.endpoint})"))


def translate_chunk(
    config: TranslatorConfig, source: str, target: str, chunk: str, abort: threading.Event | None = None
) -> _Attempt:
    """Translate one request-sized chunk with bounded exponential backoff on 429/5xx."""
    install_timeouts()
    deadline = config.timeout * 1.5 + 1.0
    result = _Attempt(failure=Failure("offline", "not attempted"))
    for attempt in range(1, config.max_tries + 1):
        if abort is not None and abort.is_set():
            return _Attempt(failure=Failure("aborted", "batch stopped"))
        result = call_with_deadline(lambda: _attempt(config, source, target, chunk), deadline, config)
        failure = result.failure
        if failure is None or not failure.retryable or attempt == config.max_tries:
            break
        delay = config.backoff * (2 ** (attempt - 1))
        if failure.retry_after is not None:
            delay = max(delay, min(failure.retry_after, 10.0))
        log.info("translate: %s; retry %d/%d in %.2fs", failure.message, attempt, config.max_tries - 1, delay)
        if abort is not None:
            if abort.wait(delay):
                return _Attempt(failure=Failure("aborted", "batch stopped"))
        else:
            time.sleep(delay)
    if result.failure is not None:
        result.failure.message = scrub(result.failure.message, config.secrets)
    return result


# ------------------------------------------------------------------------------------------ splitting

_SOFT_BREAK = re.compile(r"[,;:，、；：)\]]\s*")


def _hard_split(sentence: str, limit: int) -> list[str]:
    """Cut a too-long sentence at a clause mark or space before the limit, else at the limit."""
    out = []
    rest = sentence
    while len(rest) > limit:
        window = rest[:limit]
        cut = max((m.end() for m in _SOFT_BREAK.finditer(window)), default=0)
        if cut < limit // 3:
            space = window.rfind(" ")
            cut = space + 1 if space >= limit // 3 else limit
        out.append(rest[:cut].strip())
        rest = rest[cut:].lstrip()
    if rest.strip():
        out.append(rest.strip())
    return [piece for piece in out if piece]


def _sentences(text: str, lang: str) -> list[str]:
    try:
        from pressdesk.sentences import split_sentences

        pieces = [s.text for s in split_sentences(text, None if lang == "auto" else lang)]
    except Exception:  # segmenter trouble: fall back to punctuation
        pieces = [p for p in re.split(r"(?<=[.!?。！？])\s*", text) if p.strip()]
    return pieces or [text]


def split_text(text: str, limit: int, lang: str = "auto") -> list[str]:
    """Pack sentences greedily into chunks of at most `limit` characters (joined by one space)."""
    if len(text) <= limit:
        return [text]
    chunks: list[str] = []
    current = ""
    for sentence in _sentences(text, lang):
        for piece in _hard_split(sentence, limit) if len(sentence) > limit else [sentence.strip()]:
            candidate = f"{current} {piece}" if current else piece
            if len(candidate) <= limit:
                current = candidate
            else:
                chunks.append(current)
                current = piece
    if current:
        chunks.append(current)
    return chunks


def join_chunks(chunks: list[str], target: str) -> str:
    """Re-assemble translated chunks; CJK targets need no space between sentences."""
    sep = "" if target.split("-")[0] in ("zh", "ja") else " "
    return sep.join(c.strip() for c in chunks)
