"""`actes export --format scdl|json|csv [--collectivite CLÉ] [--sortie FICHIER]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..check import CONFIG_FILE, run_check, today
from ..export import (
    CSV_FIELDS,
    PdfFacts,
    act_record,
    acts_json,
    csv_row,
    public_acts,
    scdl_export,
    site_links,
    write_csv,
)
from ..register import RegisterError, load_register


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", aliases=["exporter"],
        help="exporte les actes publiés : SCDL (délibérations), JSON ou CSV",
        description="Exporte les métadonnées des actes publiés. scdl : délibérations au format SCDL 2.1.5 "
                    "(data.gouv.fr), qui exige le SIRET de la collectivité (extra.collectivites.CLÉ.siret) ; "
                    "json : tous les actes ; csv : tous les actes, une ligne par acte.",
    )
    parser.add_argument("--format", choices=("scdl", "json", "csv"), default="json", help="défaut : json")
    parser.add_argument("--collectivite", metavar="CLÉ", default=None,
                        help="seulement les actes de cette collectivité (clé de mkdocs.yml)")
    parser.add_argument("--sortie", type=Path, default=None, metavar="FICHIER",
                        help="fichier à écrire (par défaut : la sortie standard)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = Path.cwd()
    day = today()
    result = run_check(root, on=day)
    if result.errors:
        for problem in result.errors:
            print(problem, file=sys.stderr)
        print(f"ÉCHEC : {len(result.errors)} erreur(s) dans les actes : export refusé", file=sys.stderr)
        return 1
    if args.collectivite and args.collectivite not in result.config.collectivites:
        known = ", ".join(result.config.collectivites)
        print(f"ÉCHEC : collectivité « {args.collectivite} » absente de mkdocs.yml (connues : {known})", file=sys.stderr)
        return 1
    acts = [a for a in public_acts(result, day) if args.collectivite in (None, a.meta.collectivite)]
    links = site_links(result, public_acts(result, day))
    ok = True
    if args.format == "scdl":
        export = scdl_export(acts, result.config, links, root / CONFIG_FILE)
        for problem in export.problems:
            print(problem, file=sys.stderr)
        ok = not export.problems
        if not export.rows:
            print("ÉCHEC : aucune délibération exportable au format SCDL", file=sys.stderr)
            return 1
        text = export.csv()
    else:
        try:
            register = load_register(root)
        except RegisterError as exc:
            print(f"ÉCHEC : registre de publication illisible, ligne {exc.line} : {exc}", file=sys.stderr)
            return 1
        records = []
        for act in acts:
            entry = register.get(act) if register else None
            pdf = PdfFacts(entry.current.pdf_sha256, entry.current.pdf_octets) if entry else None
            records.append(act_record(act, result.config, links, pdf, entry.current.source_sha256 if entry else None))
        text = (acts_json(records, {"date": day.isoformat()}) if args.format == "json"
                else write_csv((csv_row(r) for r in records), CSV_FIELDS))
    if args.sortie:
        args.sortie.write_text(text, "utf-8", newline="")
        print(f"Écrit : {args.sortie}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0 if ok else 1
