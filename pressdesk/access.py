"""Who may change the corpus: viewers read, editors write. Pure decisions, so they are tested without a server."""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass

PASSWORD_ENV = "PRESSDESK_EDITOR_PASSWORD"
EDITORS_ENV = "PRESSDESK_EDITORS"  # comma-separated e-mail addresses allowed to edit after an OIDC sign-in
LOCAL_EDITOR = "local"  # the audit name of whoever edits a server that listens on loopback only


@dataclass(frozen=True)
class AccessConfig:
    """How editors are recognised on this server."""

    mode: str  # "oidc" (st.login), "password", "local" (loopback server, no sign-in) or "read-only"
    password: str | None = None
    editors: frozenset[str] = frozenset()  # OIDC e-mails allowed to edit; empty means every signed-in user

    def __repr__(self) -> str:  # the password never appears in logs or tracebacks
        return f"AccessConfig(mode={self.mode!r}, editors={len(self.editors)})"


def is_loopback(address: str | None) -> bool:
    """True when the server listens on loopback only; an unset address means every interface (public)."""
    if not address:
        return False
    host = address.strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _editors(raw: object) -> frozenset[str]:
    items = raw.split(",") if isinstance(raw, str) else list(raw) if isinstance(raw, list | tuple) else []
    return frozenset(str(e).strip().lower() for e in items if str(e).strip())


def configure(secrets: Mapping[str, object], env: Mapping[str, str], server_address: str | None) -> AccessConfig:
    """OIDC when secrets.toml has an [auth] section, else a password (secrets over env), else the bind address."""
    if oidc_providers(secrets.get("auth")):
        return AccessConfig("oidc", editors=_editors(secrets.get(EDITORS_ENV) or env.get(EDITORS_ENV, "")))
    password = secrets.get(PASSWORD_ENV) or env.get(PASSWORD_ENV)
    if isinstance(password, str) and password:
        return AccessConfig("password", password=password)
    return AccessConfig("local" if is_loopback(server_address) else "read-only")


def oidc_providers(auth: object) -> list[str | None]:
    """The st.login providers an [auth] section defines: None for the single unnamed one, else the names."""
    if not isinstance(auth, Mapping):
        return []
    named = [str(k) for k, v in auth.items() if isinstance(v, Mapping) and v.get("client_id")]
    return ([None] if auth.get("client_id") else []) + named


def password_ok(config: AccessConfig, attempt: str) -> bool:
    """Constant-time comparison, so the response time says nothing about the password."""
    if config.mode != "password" or not config.password:
        return False
    return hmac.compare_digest(attempt.encode("utf-8"), config.password.encode("utf-8"))


def oidc_editor(config: AccessConfig, user: Mapping[str, object]) -> str | None:
    """The signed-in user's identity when they may edit (allow list, when given, by e-mail)."""
    if config.mode != "oidc" or not user.get("is_logged_in"):
        return None
    email = str(user.get("email") or "").strip().lower()
    if config.editors and email not in config.editors:
        return None
    return email or str(user.get("name") or user.get("sub") or "signed-in user")


def editor_name(typed: str) -> str:
    """What a password editor is recorded as: the name they typed, trimmed, or 'editor'."""
    name = " ".join(typed.split())[:80]
    return f"{name} (password)" if name else "editor (password)"


def read_only_reason(config: AccessConfig) -> str:
    """One line telling a viewer why they cannot edit and what unlocks it."""
    if config.mode == "oidc":
        return "Sign in to edit."
    if config.mode == "password":
        return "Enter the editor password to edit."
    return ("Read-only: this server listens on a public address and no sign-in is configured. Set "
            f"{PASSWORD_ENV} or an [auth] section in secrets.toml, or serve on localhost.")
