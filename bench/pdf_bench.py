"""PDF/A rendering and the publication register at archive scale (run on demand).

    python -m bench.pdf_bench [N] [--seed S]

On a synthetic archive of N acts (bench/synth.py, default 300), measures in one run:
- rendering every public act's PDF with an empty cache (time per act and per page);
- the same with the cache filled (content-hash hits: nothing is rendered);
- after one act changes: how many PDFs are rendered again (expected: 1);
- the publication stage of `actes build` (act, séance and registre PDFs, feeds)
  cold and warm;
- `actes check` with and without a publication register of every act.
Prints the figures and the ratios; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.synth import generate
from generator.check import run_check
from generator.pdf import PdfRenderer
from generator.publication import prepare
from generator.register import Register, Version, act_key, annex_digests, file_digest, new_entry, save_register
from generator.render import select_acts

DAY = dt.date(2026, 1, 15)


def pages_of(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(out.split("Pages:")[1].split()[0])


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=300)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pdf-bench-") as tmp:
        root = Path(tmp) / "archive"
        generate(root, args.n, seed=args.seed)
        result = run_check(root, on=DAY)
        acts = select_acts(result, DAY, drafts=False)
        cache = Path(tmp) / "cache"
        print(f"{len(result.acts)} actes, {len(acts)} publiés au {DAY}")

        cold = PdfRenderer(root, result.config, cache_dir=cache)
        pdfs, cold_s = timed(lambda: [cold.act(a) for a in acts])
        pages = sum(pages_of(p.cache) for p in pdfs)
        print(f"PDF des actes, cache vide : {cold_s:.1f} s, {cold.rendered} rendus, {pages} pages : "
              f"{1000 * cold_s / len(acts):.0f} ms par acte, {1000 * cold_s / pages:.0f} ms par page, "
              f"{sum(p.octets for p in pdfs) / len(pdfs) / 1000:.0f} Ko par PDF")

        warm = PdfRenderer(root, result.config, cache_dir=cache)
        _, warm_s = timed(lambda: [warm.act(a) for a in acts])
        print(f"PDF des actes, cache plein : {warm_s:.2f} s, {warm.rendered} rendus ; "
              f"cache plein / vide = {warm_s / cold_s:.3f}")

        changed = root / acts[len(acts) // 2].path
        changed.write_text(changed.read_text("utf-8").replace("Article 1", "Article 1", 1) + "\nAjout.\n", "utf-8")
        again = run_check(root, on=DAY)
        one = PdfRenderer(root, again.config, cache_dir=cache)
        _, one_s = timed(lambda: [one.act(a) for a in select_acts(again, DAY, drafts=False)])
        print(f"Après modification d'un acte : {one.rendered} PDF rendu(s) en {one_s:.2f} s")

        stage_cache = Path(tmp) / "stage-cache"
        import os

        os.environ["ACTES_PDF_CACHE"] = str(stage_cache)
        _, stage_cold = timed(lambda: prepare(again, root, DAY))
        _, stage_warm = timed(lambda: prepare(again, root, DAY))
        print(f"Étape de publication (PDF des actes, séances, registres ; flux ; données) : {stage_cold:.1f} s à "
              f"froid, {stage_warm:.2f} s avec le cache ; rapport = {stage_warm / stage_cold:.3f}")

        _, check_plain = timed(lambda: run_check(root, on=DAY))
        register = Register()
        for act in select_acts(again, DAY, drafts=False):
            version = Version("publication", DAY, file_digest(root / act.path), "0" * 64, 0, annex_digests(act, root))
            register.entries[act_key(act)] = new_entry(act, version)
        save_register(root, register)
        checked, check_register = timed(lambda: run_check(root, on=DAY))
        print(f"actes check : {check_plain:.2f} s sans registre, {check_register:.2f} s avec un registre de "
              f"{len(register.entries)} actes ; rapport = {check_register / check_plain:.2f} "
              f"({len(checked.errors)} erreur(s))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
