"""`actes import FILE… [--out acts/] [--format files|json]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..check import CONFIG_FILE, today
from ..config import load_config
from ..importer import act_json, import_file, planned_files
from ..rules import RULES


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", aliases=["importer"],
        help="importe des actes existants (texte, Markdown, PDF) en fichiers d'actes à relire",
        description="Lit des actes existants (texte, Markdown, PDF avec couche texte) et écrit un fichier d'acte "
                    "par acte trouvé, en statut « projet », avec la liste de ce qu'une personne doit vérifier "
                    "(champ a_verifier, signalé par « actes check »). Un procès-verbal donne aussi une "
                    "délibération par délibération de la séance. Aucun fichier existant n'est remplacé.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FICHIER", help="fichiers à importer (.txt, .md, .pdf)")
    parser.add_argument("--out", type=Path, default=Path("acts"), metavar="DOSSIER",
                        help="dossier où écrire les actes, rangés par année (par défaut : acts/)")
    parser.add_argument("--format", choices=("files", "json"), default="files",
                        help="files (défaut) : écrire les fichiers d'actes ; json : afficher ce qui a été lu, "
                             "sans rien écrire")
    parser.set_defaults(func=run)


def describe(act) -> str:
    title = RULES[act.type].title if act.type in RULES else "Acte"
    number = f" n° {act.numero}" if act.numero else " (sans numéro)"
    date = f" du {act.date:%d/%m/%Y}" if act.date else ""
    checks = len(act.a_verifier)
    return f"{title}{number}{date} — {checks} point{'s' if checks > 1 else ''} à vérifier"


def run(args: argparse.Namespace) -> int:
    root = Path.cwd()
    config, problems = load_config(root / CONFIG_FILE)
    if problems:
        print(f"avertissement : {CONFIG_FILE} illisible ou incomplet, collectivités inconnues "
              f"({len(problems)} problème{'s' if len(problems) > 1 else ''})", file=sys.stderr)
    failed = False
    results = []
    for path in args.files:
        acts, error = import_file(path, config.collectivites, today())
        if error:
            print(f"{path.as_posix()} : {error}", file=sys.stderr)
            failed = True
            continue
        if args.format == "json":
            results += [act_json(act) for act in acts]
            continue
        failed |= not _write(path, acts, args.out)
    if args.format == "json":
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return 1 if failed else 0


def _write(path: Path, acts, out: Path) -> bool:
    """Writes every file of one source, or none of them if one already exists."""
    files = planned_files(acts, out)
    existing = [target for target, _ in files if target.exists()]
    if existing:
        for target in existing:
            print(f"{path.as_posix()} : {target.as_posix()} existe déjà : import refusé (aucun fichier remplacé ; "
                  f"choisir un autre dossier avec --out ou déplacer le fichier)", file=sys.stderr)
        return False
    written = []
    try:
        for target, content in files:
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("x", encoding="utf-8") as handle:
                handle.write(content)
            written.append(target)
    except OSError as exc:
        print(f"{path.as_posix()} : écriture impossible ({exc.strerror or exc}) ; fichiers déjà écrits : "
              f"{', '.join(t.as_posix() for t in written) or 'aucun'}", file=sys.stderr)
        return False
    by_path = dict(zip([t for t, _ in files if not t.parent.name == "annexes"], acts))
    for target in written:
        act = by_path.get(target)
        label = describe(act) if act else "annexe"
        print(f"{target.as_posix()} : {label}")
    print(f"{path.as_posix()} : {len(acts)} acte{'s' if len(acts) > 1 else ''} importé{'s' if len(acts) > 1 else ''} "
          f"en statut projet ; relire les points « a_verifier » puis lancer « actes check »")
    return True
