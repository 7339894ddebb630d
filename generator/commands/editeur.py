"""`actes editeur`: the web editor on this computer, with decap-server as back end."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from ..editor import EditorError, git_text, local_editor


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "editeur", aliases=["editor"],
        help="ouvre l'éditeur web des actes sur cet ordinateur (sans connexion)",
        description="Lance l'éditeur web (Decap CMS) sur http://127.0.0.1:8000/admin/ avec un serveur git "
                    "local (decap-server) : chaque projet enregistré devient une branche cms/…, à relire "
                    "puis publier comme une pull request.",
    )
    parser.add_argument("--port", type=int, default=8000, help="port de la page de l'éditeur (défaut : 8000)")
    parser.add_argument("--port-git", type=int, default=8081, help="port du serveur git local (défaut : 8081)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = Path.cwd()
    try:
        dirty = git_text(root, "status", "--porcelain")
    except EditorError:
        print(f"ÉCHEC : {root} n'est pas un dépôt git : l'éditeur enregistre chaque projet dans une branche",
              file=sys.stderr)
        return 1
    if dirty:
        print("ÉCHEC : des modifications ne sont pas enregistrées dans git (git status). L'éditeur local les "
              "inclurait dans ses branches : faire d'abord un commit ou les mettre de côté (git stash).",
              file=sys.stderr)
        return 1
    # A `kill` stops the editor like Ctrl+C does: decap-server is stopped with it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        with local_editor(root, args.port, args.port_git) as editor:
            print(f"Éditeur des actes : {editor.url}")
            print(f"  dépôt {editor.repo}, branche {editor.branch} ; journal du serveur git : {editor.log}")
            print("  Ctrl+C pour arrêter.")
            threading.Event().wait()
    except KeyboardInterrupt:
        print("Éditeur arrêté.")
    except EditorError as exc:
        print(f"ÉCHEC : {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"ÉCHEC : {exc.strerror or exc} (port déjà utilisé ? --port / --port-git)", file=sys.stderr)
        return 1
    return 0
