"""`actes new TYPE [--collectivite KEY] [--objet TEXT] [--date AAAA-MM-JJ]`:
writes a new draft act with the next free number."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..against import AgainstError, acts_at_revision
from ..check import run_check, today
from ..rules import RULES
from ..scaffold import DraftRequest, ScaffoldError, act_type, plan_draft, write_draft


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new", aliases=["nouveau"],
        help="écrit un nouveau projet d'acte avec le prochain numéro libre",
        description="Écrit un projet d'acte (statut « projet ») dans acts/ANNÉE/ : prochain numéro libre de "
                    "l'année pour la collectivité et le type (projets compris), date du jour, autorité et "
                    "signataire par défaut de mkdocs.yml, et un texte à compléter (Vu, Considérant, "
                    "formule, Article 1).",
    )
    parser.add_argument("type", metavar="TYPE", help="decision, arrete, deliberation ou proces_verbal")
    parser.add_argument("--collectivite", help="clé de la collectivité dans mkdocs.yml (par défaut : la première)")
    parser.add_argument("--objet", help="objet de l'acte, sur une ligne")
    parser.add_argument("--nomenclature", help="matière ACTES, par exemple 1.1 (par défaut : la plus utilisée)")
    parser.add_argument("--date", type=_date, default=None,
                        help="date de l'acte AAAA-MM-JJ (par défaut : aujourd'hui, ou ACTES_DATE)")
    parser.add_argument("--against", metavar="REV",
                        help="ne pas reprendre un numéro déjà pris dans cette révision git (ex. origin/main)")
    parser.set_defaults(func=run)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date « {text} » invalide : format AAAA-MM-JJ, par exemple 2026-05-22") from None


def run(args: argparse.Namespace) -> int:
    root = Path.cwd()
    day = args.date or today()
    result = run_check(root, on=day)
    try:
        also = acts_at_revision(root, args.against, result.config, day) if args.against else []
        request = DraftRequest(act_type(args.type), day, args.collectivite, args.objet, args.nomenclature, also)
        draft = plan_draft(result, root, request)
        write_draft(root, draft)
    except (ScaffoldError, AgainstError) as exc:
        print(f"ÉCHEC : {exc}", file=sys.stderr)
        return 1
    rules = RULES[draft.type]
    coll = result.config.collectivites[draft.collectivite]
    print(f"Projet écrit : {draft.path}")
    print(f"  {rules.title} n° {draft.numero} du {draft.date:%d/%m/%Y} — {coll.nom} (statut : projet)")
    remaining = [p for p in run_check(root, [root / draft.path], on=day).problems
                 if p.path == draft.path and (p.is_error or p.field != "numero")]  # not the series' gaps
    if remaining:
        print("À compléter :")
        for problem in remaining:
            print(f"  {problem}")
    print(f"Ensuite : actes check {draft.path} ; aperçu avec actes serve")
    return 0
