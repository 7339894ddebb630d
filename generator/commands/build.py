"""`actes build`: check, render, MkDocs, then replace site/ only on success."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..site import BuildError, build
from . import leave


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build", aliases=["construire"],
        help="vérifie les actes puis construit le site public dans site/",
        description="Vérifie les actes, produit les pages et construit le site. Refuse de construire "
                    "s'il reste une erreur ; le site précédent n'est remplacé qu'en cas de succès.",
    )
    parser.add_argument("--site-dir", type=Path, default=None, help="dossier de sortie (défaut : site/)")
    parser.add_argument("--projets", "--drafts", dest="drafts", action="store_true",
                        help="aperçu : inclure les projets, avec le bandeau « PROJET » (pour relire une pull request)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        result = build(Path.cwd(), drafts=args.drafts, site_dir=args.site_dir)
    except BuildError as exc:
        print(f"ÉCHEC : {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug, not the acts: say so in French, the previous site stays
        if os.environ.get("ACTES_DEBUG"):
            raise
        print(f"ÉCHEC : erreur interne ({type(exc).__name__} : {exc}) ; le site précédent est conservé. "
              "Relancer avec ACTES_DEBUG=1 pour le détail technique.", file=sys.stderr)
        return 2
    if getattr(args, "command_line", False):
        leave(0)  # with `result` still held: its 20,000 acts are not freed one by one
    return 0
