"""`actes serve`: a preview with live reload, drafts shown with a "PROJET" banner."""

from __future__ import annotations

import argparse
import logging
import threading
import time
from pathlib import Path

from ..check import run_check, today
from ..render import render_site
from ..site import PREVIEW_DOCS_DIR


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve", aliases=["apercu", "preview"],
        help="aperçu local du site, projets compris, mis à jour à chaque enregistrement",
        description="Affiche le site sur http://127.0.0.1:8000/ avec les projets (bandeau « PROJET — non "
                    "publié ») et le recharge à chaque modification d'un acte.",
    )
    parser.add_argument("--adresse", "--dev-addr", dest="addr", default="127.0.0.1:8000",
                        help="adresse et port (défaut : 127.0.0.1:8000)")
    parser.add_argument("--sans-projets", dest="drafts", action="store_false",
                        help="n'afficher que ce qui sera publié")
    parser.add_argument("--projets", "--drafts", dest="drafts", action="store_true",
                        help="afficher les projets avec le bandeau « PROJET » (par défaut)")
    parser.set_defaults(func=run, drafts=True)


def render_preview(root: Path, drafts: bool) -> bool:
    result = run_check(root)
    for problem in result.problems:
        print(problem)
    if result.errors:
        print(f"{len(result.errors)} erreur(s) : l'aperçu garde la version précédente des pages en erreur.")
    render_site(result, root, root / PREVIEW_DOCS_DIR, today(), drafts=drafts)
    return not result.errors


def snapshot(root: Path) -> dict[Path, float]:
    files = [root / "mkdocs.yml", *(root / "acts").rglob("*")]
    return {f: f.stat().st_mtime for f in files if f.is_file()}


def watch_acts(root: Path, drafts: bool, stop: threading.Event) -> None:
    """Re-renders the pages when an act changes; MkDocs then reloads the browser."""
    seen = snapshot(root)
    while not stop.wait(1.0):
        current = snapshot(root)
        if current != seen:
            seen = current
            print("Modification détectée : nouvelle vérification…")
            render_preview(root, drafts)


def run(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    root = Path.cwd()
    render_preview(root, args.drafts)
    stop = threading.Event()
    threading.Thread(target=watch_acts, args=(root, args.drafts, stop), daemon=True).start()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        serve(str(root / "mkdocs.yml"), dev_addr=args.addr, docs_dir=str(root / PREVIEW_DOCS_DIR))
    finally:
        stop.set()
    return 0
