"""Translation settings, language-code mapping and secret scrubbing (no network, no Streamlit here)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urlsplit, urlunsplit

PROVIDERS: tuple[str, ...] = ("google", "mymemory", "libre", "deepl", "microsoft")

PROVIDER_LABELS: dict[str, str] = {
    "google": "Google Translate",
    "mymemory": "MyMemory",
    "libre": "LibreTranslate",
    "deepl": "DeepL",
    "microsoft": "Microsoft Translator",
}

# Languages offered in the UI as translation targets (ISO 639-1; "zh-tw" is Traditional Chinese).
TARGET_LANGUAGES: dict[str, str] = {
    "en": "English",
    "fr": "French",
    "it": "Italian",
    "ro": "Romanian",
    "de": "German",
    "es": "Spanish",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "ru": "Russian",
    "uk": "Ukrainian",
    "tr": "Turkish",
    "ar": "Arabic",
    "ko": "Korean",
    "ja": "Japanese",
    "zh": "Chinese",
}

# Characters per request: deep-translator rejects len >= 5000 (Google) / >= 500 (MyMemory); LibreTranslate
# and DeepL send the text in the URL query, so stay well under common 8-16 KB URL limits once %-encoded.
MAX_CHARS: dict[str, int] = {
    "google": 4999,
    "mymemory": 499,
    "libre": 2000,
    "deepl": 1500,
    "microsoft": 5000,
}

DEFAULT_TIMEOUT = 8.0
DEFAULT_WORKERS = 4

_ALIASES = {"iw": "he", "jw": "jv", "nb": "no", "nn": "no", "fil": "tl", "in": "id"}
_TRADITIONAL = {"tw", "hk", "mo", "hant"}
_UNKNOWN = {"", "auto", "und", "unknown", "none", "null", "xx", "zxx"}


def target_code(raw: object, default: str = "en") -> str:
    """A language code typed or carried by a link, reduced to a real code (else `default`): it is shown in labels."""
    code = normalize_lang(str(raw)[:16]) if raw else default
    return code if re.fullmatch(r"[a-z]{2,3}(-[a-z]{2})?", code) else default


def normalize_lang(code: str | None) -> str:
    """ISO 639-1 code used in the cache ('zh-tw' kept apart for Traditional Chinese); 'auto' if unknown."""
    if code is None:
        return "auto"
    raw = str(code).strip().lower().replace("_", "-")
    if raw in _UNKNOWN:
        return "auto"
    parts = raw.split("-")
    base = _ALIASES.get(parts[0], parts[0])
    if base == "zh" and any(p in _TRADITIONAL for p in parts[1:]):
        return "zh-tw"
    return base


def same_language(a: str | None, b: str | None) -> bool:
    """True when both codes are known and name the same language (so there is nothing to translate)."""
    na, nb = normalize_lang(a), normalize_lang(b)
    return na != "auto" and na == nb


def provider_lang(provider: str, code: str, *, target: bool) -> str | None:
    """The code a provider expects for an already normalised language; None means 'omit, auto-detect'."""
    if provider == "google":
        return {"auto": "auto", "zh": "zh-CN", "zh-tw": "zh-TW", "he": "iw", "jv": "jw"}.get(code, code)
    if provider == "mymemory":
        return {"auto": "Autodetect", "zh": "zh-CN", "zh-tw": "zh-TW", "no": "nb"}.get(code, code)
    if provider == "libre":
        return {"zh-tw": "zt", "no": "nb"}.get(code, code)
    if provider == "deepl":
        if code == "auto":
            return None
        if target:
            special = {"en": "EN-GB", "pt": "PT-PT", "zh": "ZH-HANS", "zh-tw": "ZH-HANT", "no": "NB"}
            return special.get(code, code.upper())
        return {"zh-tw": "ZH", "no": "NB"}.get(code, code.upper())
    if provider == "microsoft":
        if code == "auto":
            return None
        return {"zh": "zh-Hans", "zh-tw": "zh-Hant", "no": "nb"}.get(code, code)
    raise ValueError(f"unknown translation provider {provider!r}")


# ------------------------------------------------------------------------------------------ secrets

_SECRET_PARAM = re.compile(
    r"(?i)\b(api[_-]?key|auth[_-]?key|key|token|access[_-]?token|subscription[_-]?key|password|secret)"
    r"(=|:\s*|'\s*:\s*')([^&\s'\"]+)"
)
_URL_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s:@]+(:[^/\s@]*)?@")


def scrub(message: object, secrets: tuple[str, ...] | list[str] = ()) -> str:
    """Remove configured secrets, key-like URL parameters and URL credentials from a message."""
    text = str(message)
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):
        text = text.replace(secret, "***")
    text = _SECRET_PARAM.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)
    return _URL_USERINFO.sub(r"\1***@", text)


def _safe_url(url: str | None) -> str | None:
    """A URL fit for display: no credentials, query or fragment."""
    if not url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<invalid url>"
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def _libre_base(url: str) -> str:
    """deep-translator appends 'translate' to the base URL: make it end with '/' and drop a '/translate'."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("PRESSDESK_LIBRE_URL must be an http(s) URL such as http://localhost:5000/")
    path = parts.path
    if path.rstrip("/").endswith("/translate"):
        path = path.rstrip("/")[: -len("translate")]
    if not path.endswith("/"):
        path += "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


# ------------------------------------------------------------------------------------------ config

_SECRET_FIELDS = ("libre_key", "deepl_key", "microsoft_key")


@dataclass(frozen=True, repr=False)
class TranslatorConfig:
    """Which provider to use and how; keys are kept out of repr/str."""

    provider: str = "google"
    libre_url: str | None = None
    libre_key: str | None = None
    deepl_key: str | None = None
    microsoft_key: str | None = None
    microsoft_region: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    workers: int = DEFAULT_WORKERS
    max_tries: int = 3
    backoff: float = 0.5
    max_chars: int | None = None  # override of the provider's request size limit (tests, tight proxies)

    def __post_init__(self) -> None:
        provider = (self.provider or "google").strip().lower()
        if provider not in PROVIDERS:
            raise ValueError(f"unknown translation provider {self.provider!r}; choose one of {', '.join(PROVIDERS)}")
        object.__setattr__(self, "provider", provider)
        if self.libre_url:
            object.__setattr__(self, "libre_url", _libre_base(self.libre_url))
        if not (0 < float(self.timeout) <= 600):
            raise ValueError("PRESSDESK_TRANSLATE_TIMEOUT must be between 0 and 600 seconds")
        if not (1 <= int(self.workers) <= 32):
            raise ValueError("PRESSDESK_TRANSLATE_WORKERS must be between 1 and 32")
        if not (1 <= int(self.max_tries) <= 10):
            raise ValueError("max_tries must be between 1 and 10")
        if self.max_chars is not None and int(self.max_chars) < 20:
            raise ValueError("max_chars must be at least 20")

    def __repr__(self) -> str:
        shown = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _SECRET_FIELDS:
                value = "***" if value else None
            elif f.name == "libre_url":
                value = _safe_url(value)
            shown.append(f"{f.name}={value!r}")
        return f"TranslatorConfig({', '.join(shown)})"

    __str__ = __repr__

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every secret string to scrub from messages (keys and URL credentials)."""
        out = [getattr(self, name) for name in _SECRET_FIELDS]
        if self.libre_url:
            parts = urlsplit(self.libre_url)
            out += [parts.password, parts.username]
        return tuple(s for s in out if s)

    @property
    def label(self) -> str:
        return PROVIDER_LABELS[self.provider]

    @property
    def request_limit(self) -> int:
        limit = MAX_CHARS[self.provider]
        return min(limit, int(self.max_chars)) if self.max_chars else limit

    @property
    def endpoint(self) -> str:
        """Where requests go, safe to show (used in offline messages)."""
        if self.provider == "libre":
            return _safe_url(self.libre_url) or "(no URL)"
        return {
            "google": "translate.google.com",
            "mymemory": "api.mymemory.translated.net",
            "deepl": "api.deepl.com",
            "microsoft": "api.cognitive.microsofttranslator.com",
        }[self.provider]

    def problem(self) -> str | None:
        """What is missing for this provider to work, or None (checked before any request)."""
        if self.provider == "libre" and not self.libre_url:
            return "LibreTranslate needs PRESSDESK_LIBRE_URL (e.g. http://localhost:5000/)"
        if self.provider == "deepl" and not self.deepl_key:
            return "DeepL needs PRESSDESK_DEEPL_KEY"
        if self.provider == "microsoft" and not self.microsoft_key:
            return "Microsoft Translator needs PRESSDESK_MICROSOFT_KEY"
        return None

    def with_provider(self, provider: str) -> TranslatorConfig:
        """A copy using another provider (CLI --provider)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["provider"] = provider
        return TranslatorConfig(**values)

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any] | None, *, env: bool = False) -> TranslatorConfig:
        """Read PRESSDESK_* settings; with env=True the mapping (e.g. st.secrets) overrides os.environ."""
        merged: dict[str, Any] = dict(os.environ) if env else {}
        for key in mapping or {}:
            try:
                merged[key] = mapping[key]
            except Exception:  # st.secrets sections etc.: ignore what is not a plain value
                continue

        def get(name: str) -> str | None:
            value = merged.get(name)
            if value is None or isinstance(value, Mapping):
                return None
            text = str(value).strip()
            return text or None

        def number(name: str, default: float, kind: type) -> Any:
            raw = get(name)
            if raw is None:
                return default
            try:
                return kind(float(raw)) if kind is int else kind(raw)
            except ValueError:
                raise ValueError(f"{name} must be a number, got {raw!r}") from None

        max_chars = get("PRESSDESK_TRANSLATE_MAX_CHARS")
        return cls(
            provider=get("PRESSDESK_TRANSLATOR") or "google",
            libre_url=get("PRESSDESK_LIBRE_URL"),
            libre_key=get("PRESSDESK_LIBRE_KEY"),
            deepl_key=get("PRESSDESK_DEEPL_KEY"),
            microsoft_key=get("PRESSDESK_MICROSOFT_KEY"),
            microsoft_region=get("PRESSDESK_MICROSOFT_REGION"),
            timeout=number("PRESSDESK_TRANSLATE_TIMEOUT", DEFAULT_TIMEOUT, float),
            workers=number("PRESSDESK_TRANSLATE_WORKERS", DEFAULT_WORKERS, int),
            max_chars=int(max_chars) if max_chars and max_chars.isdigit() else None,
        )

    @classmethod
    def from_env(cls) -> TranslatorConfig:
        return cls.from_mapping(os.environ)
