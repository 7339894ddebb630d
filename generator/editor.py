"""The web editor in local mode: Decap CMS on 127.0.0.1 with decap-server
(MODE=git) as its back end, so a person can try it offline (`actes editeur`)
and the browser test can drive it.

decap-server works on the git repository itself: saving a draft commits it on
a branch `cms/TYPE/SLUG` (the editorial workflow's "pull request"), and
publishing merges that branch into the current one. Like Decap's own
documentation says, it checks branches out in the work tree while it saves:
`actes editeur` therefore asks for a clean work tree.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import signal
import socket
import socketserver
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .admin import ADMIN_DIR, EditorSettings, decap_config, write_admin
from .check import ACTS_DIR, run_check, today

SOURCE_ROOT = Path(__file__).resolve().parent.parent  # the actes checkout, with its node_modules
START_TIMEOUT = 30.0


class EditorError(Exception):
    """The local editor cannot start; the message is French and shown as is."""


@dataclass
class LocalEditor:
    url: str          # the admin page
    proxy_url: str    # decap-server's API
    repo: Path
    branch: str
    log: Path         # decap-server's output


def git_text(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise EditorError(done.stderr.strip() or f"git {args[0]} a échoué")
    return done.stdout.strip()


def find_decap_server(root: Path) -> list[str]:
    """The command that starts decap-server: ACTES_DECAP_SERVER, else the
    node_modules of the project or of the actes checkout (npm ci, scripts/setup.sh)."""
    node = shutil.which("node")
    if node is None:
        raise EditorError("Node.js introuvable : l'éditeur local a besoin de node et de decap-server "
                          "(make setup les installe)")
    candidates = [os.environ.get("ACTES_DECAP_SERVER", "")]
    candidates += [str(base / "node_modules" / "decap-server" / "dist" / "index.js") for base in (root, SOURCE_ROOT)]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return [node, candidate]
    raise EditorError("decap-server introuvable : lancer « npm ci » à la racine d'actes (make setup le fait) "
                      "ou indiquer son chemin dans ACTES_DECAP_SERVER")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise EditorError(f"decap-server s'est arrêté au démarrage :\n{log.read_text('utf-8', 'replace')[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise EditorError(f"decap-server ne répond pas sur 127.0.0.1:{port} après {START_TIMEOUT:.0f} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)  # its own process group: node and nothing else of ours
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".yml": "text/yaml", ".wasm": "application/wasm", ".js": "text/javascript"}

    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve_folder(folder: Path, port: int) -> Iterator[int]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    socketserver.TCPServer.allow_reuse_address = True
    with socketserver.ThreadingTCPServer(("127.0.0.1", port), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield server.server_address[1]
        finally:
            server.shutdown()


@contextmanager
def local_editor(root: Path, port: int = 0, git_port: int = 0) -> Iterator[LocalEditor]:
    """Writes the admin page for the local back end, starts decap-server on
    127.0.0.1:git_port and serves the page on 127.0.0.1:port (0: a free port);
    stops both on exit."""
    root = root.resolve()
    command = find_decap_server(root)
    try:
        repo = Path(git_text(root, "rev-parse", "--show-toplevel"))
    except EditorError:
        raise EditorError(f"{root} n'est pas un dépôt git : l'éditeur enregistre chaque projet dans une branche") from None
    branch = git_text(repo, "branch", "--show-current")
    if not branch:
        raise EditorError("aucune branche courante (HEAD détachée) : faire « git switch main » d'abord")
    prefix = git_text(root, "rev-parse", "--show-prefix")
    git_port = git_port or free_port()
    proxy_url = f"http://127.0.0.1:{git_port}/api/v1"

    # Outside the repository: decap-server commits everything it finds in the work tree.
    site = Path(tempfile.mkdtemp(prefix="actes-editeur-"))
    result = run_check(root)
    settings = EditorSettings(backend="proxy", branche=branch, proxy_url=proxy_url)
    write_admin(site / ADMIN_DIR, decap_config(result, settings, f"{prefix}{ACTS_DIR}", today()),
                result.config.site_name)

    log = site / "decap-server.log"
    env = {**os.environ, "MODE": "git", "PORT": str(git_port), "BIND_HOST": "127.0.0.1",
           "GIT_REPO_DIRECTORY": str(repo), "LOG_LEVEL": "info"}
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=site, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for_port(git_port, process, log)
        with serve_folder(site, port) as http_port:
            yield LocalEditor(f"http://127.0.0.1:{http_port}/{ADMIN_DIR}/", proxy_url, repo, branch, log)
    finally:
        stop(process)
        shutil.rmtree(site, ignore_errors=True)
