"""`actes serve`: the preview shows drafts with their banner and follows edits."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from tests.test_site import DRAFT
from tests.sitebuild import copy_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def wait_for(url: str, needle: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while True:
        page = fetch(url, timeout)
        if needle in page or time.monotonic() > deadline:
            return page
        time.sleep(0.5)


def test_preview_shows_a_draft_and_reloads_after_an_edit(tmp_path):
    root = copy_project(tmp_path / "p")
    draft = root / "acts/2026/decision-2026-103.md"
    draft.write_text(DRAFT, "utf-8")
    port = free_port()
    env = {**os.environ, "ACTES_DATE": "2026-11-23"}
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--adresse", f"127.0.0.1:{port}"],
                              cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/actes/2026/decision-2026-103/"
        page = wait_for(url, "PROJET")
        assert "PROJET — non publié" in page and "Texte du projet." in page
        draft.write_text(DRAFT.replace("Texte du projet.", "Texte modifié du projet."), "utf-8")
        assert "Texte modifié du projet." in wait_for(url, "Texte modifié du projet.")
        assert not (root / "site").exists()  # the preview never touches the public site
    finally:
        server.terminate()
        server.wait(timeout=30)
