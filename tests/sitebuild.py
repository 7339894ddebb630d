"""Builds the example site once per test session, and serves a site folder on
loopback for browser tests. Used by the site, search, PDF and security tests."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import shutil
import socketserver
import threading
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_DAY = dt.date(2026, 11, 23)  # the example acts went online that day
PROJECT_FILES = ("mkdocs.yml", "acts", "theme")


def copy_project(dest: Path, with_acts: bool = True) -> Path:
    """A copy of the repository's site project (config, theme, acts) in `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = REPO / name
        if name == "acts" and not with_acts:
            (dest / "acts").mkdir(exist_ok=True)
        elif source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            shutil.copy2(source, dest / name)
    return dest


def build_copy(dest: Path, on: dt.date = EXAMPLE_DAY, drafts: bool = False):
    from generator.site import build

    return build(dest, drafts=drafts, on=on, report=lambda message: None)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(folder: Path, prefix: str = ""):
    """Serves `folder` on 127.0.0.1 (a free port); yields the base URL. With a
    prefix, the site is served under that sub-path (`/actes-administratifs/`)."""
    root = folder
    if prefix:
        root = folder.parent / f"{folder.name}-served"
        target = root / prefix.strip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.symlink_to(folder.resolve(), target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    socketserver.TCPServer.allow_reuse_address = True
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/{prefix.strip('/') + '/' if prefix else ''}"
        finally:
            server.shutdown()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@contextmanager
def browser():
    """Debian's Chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield instance
        finally:
            instance.close()


def loopback_page(context):
    """A new tab that may only reach 127.0.0.1: any other request is aborted and
    recorded in `tab.outside_requests`; script errors go to `tab.errors`."""
    outside: list[str] = []
    context.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                  if not route.request.url.startswith("http://127.0.0.1:") else route.continue_())
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.outside_requests = outside
    tab.errors = errors
    return tab
