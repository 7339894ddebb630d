"""Accuracy of `actes import` on real acts, against a hand-made ground truth.

    .venv/bin/python bench/import_accuracy.py            # the table
    .venv/bin/python bench/import_accuracy.py --details  # and every mismatch

Reads ../shared/corpus/real-acts/*.txt and their INDEX.json at run time (the texts
are not part of this repository). Scores the first act the importer finds in each
text (for a procès-verbal, the procès-verbal itself; its délibérations are scored
for the vote when the ground truth gives them) on the fields of INDEX.json:

    type            kind of document (décision, arrêté, délibération, procès-verbal,
                    compte rendu, liste des délibérations)
    number          printed number, letters and digits only ("2014 / 137" = "2014-137")
    date            signature or séance date
    vote            counts where the ground truth gives them (a count not printed in a
                    tally counts as 0, as in the ground truth), else unanimity, else
                    no vote claimed
    visas, considerants, articles   counts
    nomenclature, actes_id, objet   (objet: 80 % similar, case and accents aside)

The headline figures are on the texts marked `complete: true`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.identifiers import ActesId  # noqa: E402
from generator.importer import import_text  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real-acts"
FIELDS = ("type", "number", "date", "vote", "visas", "considerants", "articles", "nomenclature", "actes_id", "objet")
TARGETS = {"type": 90, "number": 90, "date": 90, "vote": 90, "visas": 85, "considerants": 85, "articles": 85}


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def alnum(text: str | None) -> str:
    return re.sub(r"[^0-9a-z]", "", fold(text or ""))


def expected_type(kind: str) -> str:
    k = fold(kind)
    for prefix, label in (("proces", "proces_verbal"), ("compte", "compte_rendu"), ("liste", "liste"),
                          ("decision", "decision"), ("deliberation", "deliberation")):
        if k.startswith(prefix):
            return label
    return "arrete" if "arrete" in k.split("(")[0] else k


def our_type(act) -> str:
    return act.document or act.type


def _counts_equal(ours: dict | None, expected: dict) -> bool:
    keys = [k for k in ("pour", "contre", "abstention") if expected.get(k) is not None]
    if not ours or not any(ours.get(k) is not None for k in ("pour", "contre", "abstention")):
        return False
    return all((ours.get(k) or 0) == expected[k] for k in keys)


def vote_ok(acts, expected: dict | None) -> bool:
    main = acts[0]
    children = acts[1:]
    if expected is None:
        return main.vote is None
    note = fold(expected.get("note") or "")
    if any(expected.get(k) is not None for k in ("pour", "contre", "abstention")):
        return _counts_equal(main.vote, expected)
    if "unanimit" in note:
        if children:
            return all(c.vote and c.vote.get("unanimite") for c in children)
        return bool(main.vote and main.vote.get("unanimite"))
    claims = main.vote and (main.vote.get("unanimite") or any(main.vote.get(k) is not None
                                                              for k in ("pour", "contre", "abstention")))
    if claims:
        return False
    if "adopt" in note:
        return bool(main.vote and main.vote.get("resultat") == "adopte")
    return True


def per_item_votes_ok(acts, items: list) -> bool:
    """Per-délibération counts of a compte rendu, when the ground truth gives them."""
    children = acts[1:]
    counted = [i for i in items if isinstance(i, dict) and any(k in i for k in ("pour", "contre", "abstention"))]
    if not counted or len(children) != len(items):
        return False
    return all(_counts_equal(child.vote, item) for child, item in zip(children, items)
               if isinstance(item, dict) and any(k in item for k in ("pour", "contre", "abstention")))


def expected_actes_id(raw: str | None) -> str | None | bool:
    """The identifier, None when absent, False when the printed one is damaged (not scored)."""
    if raw is None:
        return None
    token = raw.split(" ")[0]
    try:
        return str(ActesId.parse(token))
    except ValueError:
        return False


def objet_ok(ours: str | None, expected: str | None) -> bool:
    if not expected:
        return ours is None
    expected = re.sub(r"\((?:no explicit|text has|OCR)[^)]*\)", "", expected).strip()
    expected = re.sub(r"\s*\([^)]*\)\s*$", "", expected)  # the annotator's note at the end
    if not ours:
        return False
    a, b = " ".join(fold(ours).split()), " ".join(fold(expected).split())
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def score(entry: dict, acts) -> dict[str, bool | None]:
    main = acts[0]
    result: dict[str, bool | None] = {}
    result["type"] = our_type(main) == expected_type(entry["kind"])
    result["number"] = (main.numero is None) if entry["number"] is None else alnum(main.numero) == alnum(entry["number"])
    result["date"] = (main.date.isoformat() if main.date else None) == entry["date"]
    items = entry.get("deliberations") or []
    if (entry.get("votes") or {}).get("note", "").startswith("per-item") and items:
        result["vote"] = per_item_votes_ok(acts, items)
    else:
        result["vote"] = vote_ok(acts, entry.get("votes"))
    for key in ("visas", "considerants", "articles"):
        result[key] = len(getattr(main, key)) == entry[key]
    result["nomenclature"] = main.nomenclature == entry.get("nomenclature")
    expected_id = expected_actes_id(entry.get("actes_id"))
    ours_id = (main.transmission or {}).get("id")
    result["actes_id"] = None if expected_id is False else ours_id == expected_id
    result["objet"] = objet_ok(main.objet, entry.get("objet"))
    return result


def describe(entry: dict, acts) -> dict:
    main = acts[0]
    return {
        "type": our_type(main), "number": main.numero, "date": main.date.isoformat() if main.date else None,
        "vote": main.vote if len(acts) == 1 else [c.vote for c in acts[1:]],
        "visas": len(main.visas), "considerants": len(main.considerants), "articles": len(main.articles),
        "nomenclature": main.nomenclature, "actes_id": (main.transmission or {}).get("id"), "objet": main.objet,
    }


def expected_of(entry: dict, field: str):
    key = {"type": "kind", "vote": "votes"}.get(field, field)
    return entry.get(key)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--details", action="store_true", help="print every mismatch")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    index = args.corpus / "INDEX.json"
    if not index.exists():
        print(f"corpus introuvable : {index}", file=sys.stderr)
        return 2
    entries = json.loads(index.read_text("utf-8"))
    today = dt.date.today()
    rows = []
    for entry in entries:
        text = (args.corpus / entry["file"]).read_text("utf-8")
        acts = import_text(text, "layout", entry["file"], {}, today)
        rows.append((entry, acts, score(entry, acts)))
    complete = [r for r in rows if r[0].get("complete")]
    print(f"Import accuracy on {args.corpus} ({len(complete)} complete texts of {len(rows)})\n")
    print(f"{'field':<14} {'complete texts':>18} {'all texts':>16}  target")
    failed = False
    for field in FIELDS:
        cells = []
        for subset in (complete, rows):
            scored = [r[2][field] for r in subset if r[2][field] is not None]
            ok = sum(1 for s in scored if s)
            rate = 100 * ok / len(scored) if scored else 0.0
            cells.append((rate, f"{rate:5.1f} % {ok:>2}/{len(scored):<2}"))
        target = TARGETS.get(field)
        mark = ""
        if target is not None:
            mark = f"≥ {target} %" + ("" if cells[0][0] >= target else "  FAILED")
            failed |= cells[0][0] < target
        print(f"{field:<14} {cells[0][1]:>18} {cells[1][1]:>16}  {mark}")
    if args.details:
        print("\nMismatches (file: field ours / expected):")
        for entry, acts, result in rows:
            ours = describe(entry, acts)
            for field, ok in result.items():
                if ok is False:
                    print(f"  {entry['file'][:48]:<48} {field:<12} {str(ours[field])[:70]!s} / "
                          f"{str(expected_of(entry, field))[:70]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
