"""`actes publish PATH… [--date AAAA-MM-JJ] [--rectification MOTIF] [--rendu]`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..check import today
from ..publish import PublishError, publish
from ..register import REGISTER_FILE, RegisterError


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date attendue au format AAAA-MM-JJ, trouvé « {value} »") from None


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "publish", aliases=["publier"],
        help="publie des actes et enregistre leurs empreintes au registre de publication",
        description="Passe les actes en « statut: publie », fixe leur date de mise en ligne (aujourd'hui, sauf "
                    f"--date ou date déjà écrite) et enregistre dans {REGISTER_FILE} l'empreinte SHA-256 de leur "
                    "texte et de leur PDF. Un acte publié ne se modifie ensuite que par une rectification.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="CHEMIN",
                        help="fichiers d'actes (un dossier n'enregistre que les actes déjà marqués publiés)")
    parser.add_argument("--date", type=iso_date, default=None,
                        help="date de mise en ligne (ou de la rectification), AAAA-MM-JJ ; défaut : aujourd'hui")
    parser.add_argument("--rectification", metavar="MOTIF", default=None,
                        help="enregistre la nouvelle version d'un acte publié modifié, avec son motif, en "
                             "conservant l'empreinte de la version précédente")
    parser.add_argument("--rendu", action="store_true",
                        help="enregistre le nouveau PDF d'un acte publié dont le texte n'a pas changé (après une "
                             "mise à jour du modèle, de la feuille de style ou de WeasyPrint)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = Path.cwd()
    if args.rectification is not None and not args.rectification.strip():
        print("ÉCHEC : --rectification demande un motif (par exemple « erreur matérielle à l'article 2 »)",
              file=sys.stderr)
        return 1
    try:
        report = publish(root, [p if p.is_absolute() else root / p for p in args.paths], today(),
                         date=args.date, motif=args.rectification, rendu=args.rendu)
    except PublishError as exc:
        print(f"ÉCHEC : {exc}", file=sys.stderr)
        return 1
    except RegisterError as exc:
        print(f"ÉCHEC : {REGISTER_FILE}:{exc.line}: {exc}", file=sys.stderr)
        return 1
    for outcome in report.outcomes:
        print(outcome.message)
    if report.register:
        print(f"Registre de publication mis à jour : {REGISTER_FILE} (à valider avec les actes : git add, git commit)")
    return 0
