"""Many browsers at once against the real server while an editor uploads: every page must load with no exception.

`python benchmarks/sessions.py -n 20` prints the sessions held, each viewer page's time from opening its URL to
settled (median, slowest), the time until all pages settled and the errors.
tests/test_sessions.py runs the same drive with 20 sessions and asserts there is no error.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGES = [("/", "Articles"), ("/timeline", "Open event"), ("/who-said-what", "Speaker view"),
         ("/translations", "Translate into"), ("/query", "Tables")]
UPLOAD = ("GENEVA, 4 March 2025 - The foreign minister said on Tuesday that the talks would resume next week, "
          "according to officials who spoke after the meeting. {tag}")


@dataclass
class Outcome:
    sessions: int
    settled: int = 0
    seconds: float = 0.0
    upload: str = ""
    clicks: int = 0  # presses of Load the editor needed
    errors: list[str] = field(default_factory=list)
    server_log: str = ""
    page_seconds: list[float] = field(default_factory=list)  # each viewer: from opening its URL to its page settled


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(db: Path, password: str | None = None, timeout: float = 90, cpus: set[int] | None = None,
           env: dict[str, str] | None = None) -> Iterator[tuple[str, Path]]:
    """The server as `make run` starts it (`serve.py`, i.e. `streamlit run`) on a free loopback port, editors by
    password when one is given, translation pointed at a closed port, `env` added; yields (base URL, log file).
    tests/test_browser.py starts its servers here too."""
    port = free_port()
    log = db.with_suffix(".log")
    env = {**os.environ, "PRESSDESK_DB": str(db), "PRESSDESK_TRANSLATOR": "libre",
           "PRESSDESK_LIBRE_URL": f"http://127.0.0.1:{free_port()}/", **(env or {})}
    if password is not None:
        env["PRESSDESK_EDITOR_PASSWORD"] = password
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "serve.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    if urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).status == 200:
                        break
                except OSError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise RuntimeError("streamlit did not start: "
                                           + log.read_text(errors="replace")[-2000:]) from None
                    time.sleep(0.5)
            yield base, log
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def _problem(page) -> str | None:
    errors = page.locator('[data-testid="stException"]')
    if errors.count():
        return errors.first.inner_text()[:300]
    body = page.inner_text("body")
    for bad in ("Traceback", "Page not found", "This app has encountered an error"):
        if bad in body:
            return bad
    return None


def _settle(page, expect: str, timeout_ms: float) -> None:
    page.get_by_text(expect, exact=False).first.wait_for(timeout=timeout_ms)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout_ms)


def _settled_now(page, expect: str) -> bool:
    return page.get_by_text(expect, exact=False).first.is_visible() and not _running(page)


def _watch(viewers: list, timeout_s: float) -> dict[int, float]:
    """Poll every viewer in turn; the moment each is first seen settled (seconds since it was opened)."""
    done: dict[int, float] = {}
    deadline = time.monotonic() + timeout_s
    while len(done) < len(viewers) and time.monotonic() < deadline:
        for i, (page, _, expect, opened) in enumerate(viewers):
            if i not in done:
                try:
                    if _settled_now(page, expect):
                        done[i] = time.monotonic() - opened
                except Exception:  # noqa: BLE001 - a page still navigating: look again on the next round
                    pass
        time.sleep(0.05)
    return done


def _running(page) -> bool:
    return page.evaluate("() => !!document.querySelector('[data-testid=\"stStatusWidget\"]')")


def _report(page) -> str:
    found = re.search(r"(\d+ articles? added[^.\n]*\.)", page.inner_text("body"))
    return found.group(1) if found else ""


def _idle(page, quiet_s: float, timeout_s: float) -> None:
    """Wait until the page has run no script for `quiet_s` seconds."""
    deadline, since = time.monotonic() + timeout_s, time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - since < quiet_s:
        if _running(page):
            since = time.monotonic()
        time.sleep(0.1)


def _confirm_load(editor, timeout_s: float) -> tuple[str, int]:
    """Wait for the load report. A rerun that lands meanwhile (the upload finishing on a busy server) can replace
    the run a click started, as in any browser: then the editor presses Load again. Returns (report, presses)."""
    deadline = time.monotonic() + timeout_s
    presses, idle_since = 1, None
    while time.monotonic() < deadline and presses <= 5:
        if report := _report(editor):
            return report, presses
        if _running(editor):
            idle_since = None
        elif idle_since is None:
            idle_since = time.monotonic()
        elif time.monotonic() - idle_since > 30:  # a busy server may start the run late
            editor.get_by_role("button", name="Load", exact=True).click()
            presses, idle_since = presses + 1, None
        time.sleep(0.25)
    return "", presses


def drive(base: str, password: str, sessions: int, upload_dir: Path, timeout_s: float = 240) -> Outcome:
    """Open `sessions` viewer tabs (each its own browser context) at once while one editor signs in and uploads."""
    from playwright.sync_api import sync_playwright

    outcome = Outcome(sessions)
    timeout_ms = timeout_s * 1000
    upload = upload_dir / "upload.txt"
    upload.write_text(UPLOAD.format(tag=secrets.token_hex(4)), encoding="utf-8")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            editor = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            editor.goto(base + "/")
            _settle(editor, "Articles", timeout_ms)
            editor.get_by_text("Load articles").first.click()
            editor.get_by_label("Your name (for the change log)").first.fill("Load tester")
            editor.get_by_label("Editor password").first.fill(password)
            editor.get_by_role("button", name="Sign in").first.click()
            uploader = editor.locator('[data-testid="stFileUploader"]')
            uploader.locator("input[type=file]").wait_for(state="attached", timeout=timeout_ms)
            started = time.monotonic()
            viewers = []
            for i in range(sessions):
                if i == sessions // 2:  # the editor uploads while half the viewers are still loading
                    uploader.locator("input[type=file]").set_input_files(str(upload))
                    uploader.get_by_text(upload.name).first.wait_for(timeout=timeout_ms)
                    _idle(editor, 2.0, timeout_s)  # like a person, press Load once the upload has gone through
                    editor.get_by_role("button", name="Load", exact=True).click()
                path, expect = PAGES[i % len(PAGES)]
                page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
                opened = time.monotonic()
                page.goto(base + path, wait_until="commit")
                viewers.append((page, path, expect, opened))
            outcome.page_seconds = sorted(_watch(viewers, timeout_s).values())
            for page, path, expect, _ in viewers:
                try:
                    _settle(page, expect, timeout_ms)
                    problem = _problem(page)
                except Exception as exc:  # noqa: BLE001 - a page that never settles is an error to report
                    problem = f"did not settle: {str(exc).splitlines()[0]}"
                if problem:
                    outcome.errors.append(f"{path}: {problem}")
                else:
                    outcome.settled += 1
            outcome.upload, outcome.clicks = _confirm_load(editor, timeout_s)
            outcome.seconds = time.monotonic() - started
            if problem := _problem(editor):
                outcome.errors.append(f"editor: {problem}")
        finally:
            browser.close()
    return outcome


def run(db: Path, sessions: int, split: bool = False) -> Outcome:
    """Copy-free drive: a server on `db`, `sessions` viewers and one editor; the server log is kept. `split`: the
    server on the first core, the browsers on the others, as when viewers browse from their own machines."""
    password = secrets.token_urlsafe(12)
    cpus = sorted(os.sched_getaffinity(0))
    server_cpus, client_cpus = ({cpus[0]}, set(cpus[1:])) if split and len(cpus) > 1 else (None, None)
    with tempfile.TemporaryDirectory() as tmp, server(db, password, cpus=server_cpus) as (base, log):
        if client_cpus:
            os.sched_setaffinity(0, client_cpus)  # this driver and the Chromium it starts
        try:
            outcome = drive(base, password, sessions, Path(tmp))
        finally:
            os.sched_setaffinity(0, set(cpus))
        outcome.server_log = log.read_text(errors="replace")
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=20, help="viewer sessions opened at once")
    parser.add_argument("--split", action="store_true",
                        help="server on one core, browsers on the others (viewers' machines are not the server)")
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "pressdesk.duckdb",
                        help="database to copy (default: the sample corpus database)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "corpus.duckdb"
        if args.db.exists():
            shutil.copy(args.db, db)
        else:
            sys.path.insert(0, str(ROOT))
            from pressdesk import store
            from pressdesk.ingest import ingest

            con = store.connect(db)
            ingest(con, [ROOT / "data" / "articles"])
            con.close()
        outcome = run(db, args.n, args.split)
    tracebacks = outcome.server_log.count("Traceback")
    if outcome.page_seconds:
        times = outcome.page_seconds
        print(f"viewer pages, from opening the URL to settled: median {statistics.median(times):.1f} s, "
              f"slowest {times[-1]:.1f} s ({len(times)} of {outcome.sessions} timed)")
    print(f"sessions opened at once: {outcome.sessions}, settled with no exception: {outcome.settled}, "
          f"editor upload: {outcome.upload!r} after {outcome.clicks} press(es) of Load, all settled in {outcome.seconds:.1f} s, "
          f"errors: {len(outcome.errors)}, server tracebacks: {tracebacks}")
    for error in outcome.errors:
        print("  ", error)


if __name__ == "__main__":
    main()
