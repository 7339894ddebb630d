"""`actes check [PATHS] [--strict] [--format text|json|github|gitlab] [--against REV]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..against import AgainstError, check_against
from ..check import run_check, today
from ..codequality import format_gitlab
from ..model import Act
from ..problems import format_github, format_json, sort_problems
from ..rules import RULES
from . import leave

LIST_LIMIT = 200  # beyond this many acts, text output gives counts per type


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check", aliases=["verifier"],
        help="vérifie les actes et signale chaque problème (fichier, ligne, champ)",
        description="Vérifie les actes : en-tête YAML, champs obligatoires, numérotation, "
                    "nomenclature, identifiant ACTES, votes, articles, références.",
    )
    parser.add_argument("paths", nargs="*", type=Path, help="fichiers ou dossiers (par défaut : acts/)")
    parser.add_argument("--strict", action="store_true", help="les avertissements font aussi échouer")
    parser.add_argument("--format", choices=("text", "json", "github", "gitlab"), default="text",
                        help="text (défaut), json (pour les outils), github (annotations de pull request) "
                             "ou gitlab (rapport Code Quality de merge request)")
    parser.add_argument("--liste", action="store_true", help="lister chaque acte lu, même s'ils sont nombreux")
    parser.add_argument("--against", "--contre", dest="against", metavar="REV",
                        help="signale aussi les numéros déjà pris pour un autre acte dans cette révision git "
                             "(ex. origin/main) : deux projets de même numéro sur deux branches")
    parser.set_defaults(func=run)


def describe(act: Act) -> str:
    rules = RULES.get(act.type)
    title = rules.title if rules else act.type
    date = f" du {act.meta.date:%d/%m/%Y}" if act.meta.date else ""
    status = "publié" if act.meta.statut == "publie" else "projet"
    return f"{act.path} — {title} n° {act.meta.numero}{date} ({status})"


def act_summary(act: Act) -> dict:
    return {
        "fichier": act.path,
        "type": act.type,
        "numero": str(act.meta.numero) if act.meta.numero else None,
        "date": act.meta.date.isoformat() if act.meta.date else None,
        "collectivite": act.meta.collectivite,
        "statut": act.meta.statut,
    }


def run(args: argparse.Namespace) -> int:
    root = Path.cwd()
    result = run_check(root, [p if p.is_absolute() else root / p for p in args.paths] or None, texts=False)
    if args.against:
        try:
            result.problems = sort_problems([*result.problems, *check_against(result, root, args.against, today())])
        except AgainstError as exc:
            print(f"ÉCHEC : --against {args.against} : {exc}", file=sys.stderr)
            return 2
    ok = result.ok(strict=args.strict)
    if args.format == "json":
        print(format_json(result.problems, [act_summary(a) for a in result.checked]))
    elif args.format == "gitlab":
        print(format_gitlab(result.problems))
        print(summary(result, ok), file=sys.stderr)
    elif args.format == "github":
        for problem in result.problems:
            print(format_github(problem))
        print(summary(result, ok), file=sys.stderr)
    else:
        print_text(result, args.liste)
        print(summary(result, ok))
    code = 0 if ok else 1
    if getattr(args, "command_line", False):
        leave(code)
    return code




def print_text(result, full_list: bool) -> None:
    if result.checked and (full_list or len(result.checked) <= LIST_LIMIT):
        print(f"{len(result.checked)} actes lus :")
        for act in result.checked:
            print(f"  {describe(act)}")
    elif result.checked:
        counts = ", ".join(f"{len(acts)} {(RULES[t].plural if len(acts) > 1 else RULES[t].label).lower()}"
                           for t, acts in sorted(result.registry.by_type.items()) if t in RULES)
        print(f"{len(result.checked)} actes lus ({counts}) ; --liste pour les lister")
    for problem in result.problems:
        print(problem)


def summary(result, ok: bool) -> str:
    def count(number: int, word: str) -> str:
        return f"{number} {word}{'s' if number > 1 else ''}"

    verdict = "OK" if ok else "ÉCHEC"
    return (f"{verdict} : {count(result.files, 'fichier')}, {count(len(result.checked), 'acte')}, "
            f"{count(len(result.errors), 'erreur')}, {count(len(result.warnings), 'avertissement')}")
