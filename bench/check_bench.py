"""Benchmark of `actes check` against a plain MkDocs build of the same texts.

    .venv/bin/python bench/check_bench.py [N] [--seed S] [--reference-pages M] [--search]
                                          [--cprofile] [--keep DIR]

1. generates a synthetic archive of N acts (bench/synth.py) in a temporary folder;
2. runs `python -m generator check` on it as a subprocess: wall time, CPU time and
   peak RSS of that process (os.wait4 gives the rusage of that very child), and
   fails loudly unless it reports 0 errors;
3. builds the reference: a temporary MkDocs project with theme material
   (`font: false`), one plain Markdown page per act (title + body, no front
   matter), an explicit one-entry `nav` and `not_in_nav: "*"`; the search plugin
   is DISABLED (`plugins: []`) unless --search is given. With --reference-pages M
   (M < N) only M pages are built and the time is extrapolated linearly from the
   per-page cost above a 1-page build's fixed cost: t(N) = t(1) + (t(M) - t(1)) * (N-1)/(M-1);
4. prints both times, peak memories and the ratio check / mkdocs (target <= 0.05);
5. profiles `run_check` in-process (before the reference build, while the archive
   is in the page cache) stage by stage (load: read, YAML, body; validate:
   schema, each cross-field check; registry: index, links; cross-act checks), and
   with --cprofile (automatic when the check takes more than 10 s) the top
   functions under cProfile.

The machine may be shared: the load average is printed before and after, and CPU
times are given next to wall times.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.synth import generate  # noqa: E402

PYTHON = str(REPO / ".venv" / "bin" / "python") if (REPO / ".venv" / "bin" / "python").exists() else sys.executable
TARGET_RATIO = 0.05
PROFILE_THRESHOLD = 10.0  # seconds of `actes check` above which cProfile runs by itself


@dataclass
class Run:
    wall: float      # seconds
    cpu: float       # user + system seconds of the child
    rss: int         # peak resident set size of the child, bytes
    code: int
    stdout: str
    stderr: str


def measure(cmd: list[str], cwd: Path) -> Run:
    """Runs cmd and returns its own rusage (not the maximum over all children so far,
    which is what getrusage(RUSAGE_CHILDREN) would give)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, proc.returncode,
                   out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def mb(n: float) -> str:
    return f"{n / 1_048_576:.0f} Mo"


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


# ---------------------------------------------------------------------------
# actes check


def run_check_subprocess(archive: Path) -> Run:
    run = measure([PYTHON, "-m", "generator", "check"], archive)
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    if run.code != 0 or not summary.startswith("OK") or " 0 erreur" not in summary:
        errors = [line for line in run.stdout.splitlines() if ": " in line and "avertissement" not in line]
        print("\n!!! actes check a signalé des erreurs sur l'archive synthétique (bug de bench/synth.py "
              "ou de generator/) :", file=sys.stderr)
        print("\n".join(errors[:40]), file=sys.stderr)
        print(f"... code de sortie {run.code}; résumé : {summary!r}", file=sys.stderr)
        print(run.stderr[-3000:], file=sys.stderr)
        raise SystemExit(2)
    return run


# ---------------------------------------------------------------------------
# Reference MkDocs build


def reference_project(archive: Path, acts: list[Path], out: Path, pages: int, search: bool) -> Path:
    """A plain MkDocs project: one Markdown page per act (title + body), short nav."""
    docs = out / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Actes administratifs\n\nPage d'accueil de la référence.\n", "utf-8")
    for path in acts[:pages]:
        text = path.read_text("utf-8")
        front, _, body = text[4:].partition("\n---\n")
        title = next((line[7:] for line in front.splitlines() if line.startswith("objet: ")), path.stem)
        if title.startswith('"'):
            title = json.loads(title)
        target = docs / path.relative_to(archive / "acts")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# {title}\n{body}", "utf-8")
    plugins = "plugins:\n  - search:\n      lang: fr\n" if search else "plugins: []\n"
    (out / "mkdocs.yml").write_text(
        "site_name: Référence MkDocs\n"
        "docs_dir: docs\n"
        "site_dir: site\n"
        "theme:\n  name: material\n  language: fr\n  font: false\n"
        f"{plugins}"
        "nav:\n  - Accueil: index.md\n"
        'not_in_nav: "*"\n', "utf-8")
    return out


def build_reference(archive: Path, acts: list[Path], work: Path, pages: int, search: bool) -> Run:
    project = reference_project(archive, acts, work / f"reference-{pages}", pages, search)
    run = measure([PYTHON, "-m", "mkdocs", "build", "--quiet", "-f", str(project / "mkdocs.yml")], project)
    if run.code != 0:
        print(run.stdout[-3000:], run.stderr[-3000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"mkdocs build a échoué (code {run.code})")
    built = sum(1 for _ in (project / "site").rglob("index.html"))
    if built < pages:
        raise SystemExit(f"mkdocs build : {built} pages HTML pour {pages} pages Markdown")
    shutil.rmtree(project)
    return run


# ---------------------------------------------------------------------------
# In-process profile of run_check, stage by stage


class Timers:
    def __init__(self):
        self.total: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    def wrap(self, name: str, func, consume: bool = False):
        total, calls, clock = self.total, self.calls, time.perf_counter

        def timed(*args, **kwargs):
            start = clock()
            result = func(*args, **kwargs)
            if consume:  # the cross-field checks are generators
                result = list(result)
            total[name] += clock() - start
            calls[name] += 1
            return result
        timed.__name__ = getattr(func, "__name__", name)
        return timed


def stage_profile(archive: Path) -> tuple[list[tuple[str, float, int]], float, int]:
    """Times the stages of run_check by wrapping the functions it calls (run in-process,
    same code path as `actes check`). Returns rows (stage, seconds, calls), total, problems."""
    from generator import check as C, load as L, registry as R, validate as V

    timers = Timers()
    saved = []

    def patch(module, attr, name, consume=False):
        saved.append((module, attr, getattr(module, attr)))
        setattr(module, attr, timers.wrap(name, getattr(module, attr), consume))

    patch(C, "load_config", "config (mkdocs.yml)")
    patch(C, "find_act_files", "find files")
    patch(C, "load_file", "load: total (read + parse)")
    patch(L, "read_yaml", "load: YAML front matter")
    patch(L, "parse_body", "load: body split")
    patch(C, "validate_act", "validate: total")
    patch(V, "_validate_schema", "validate: pydantic schema")
    patch(V, "_required", "validate: required fields")
    saved.append((V, "CHECKS", V.CHECKS))
    V.CHECKS = tuple(timers.wrap(f"validate: {c.__name__}", c, consume=True) for c in V.CHECKS)
    saved.append((R.Registry, "build", R.Registry.__dict__["build"]))
    R.Registry.build = classmethod(timers.wrap("registry: build (sort + index + links)", R.Registry.build.__func__))
    patch(R, "citations_in_visas", "registry: citations in visas (regex)")
    patch(R, "declared_references", "registry: declared references")
    for name in ("check_duplicates", "check_gaps", "check_references", "check_proces_verbaux"):
        patch(C, name, f"cross-check: {name}")
    try:
        start = time.perf_counter()
        result = C.run_check(archive, jobs=1)  # serial: the timers live in this process
        total = time.perf_counter() - start
    finally:
        for module, attr, value in reversed(saved):
            setattr(module, attr, value)
    rows = [(name, timers.total[name], timers.calls[name]) for name in timers.total]
    return rows, total, len(result.errors)


def print_stage_profile(rows, total: float) -> None:
    load = dict((n, t) for n, t, _ in rows)
    read_parse = load.get("load: total (read + parse)", 0.0)
    rest_load = read_parse - load.get("load: YAML front matter", 0) - load.get("load: body split", 0)
    validate = load.get("validate: total", 0.0)
    cross = sum(t for n, t, _ in rows if n.startswith("registry") and "build" in n) + \
        sum(t for n, t, _ in rows if n.startswith("cross-check"))
    print(f"\nProfil de run_check en processus : {total:.2f} s au total")
    print(f"  {'étape':52} {'s':>7} {'%':>6} {'appels':>8}")
    for name, seconds, calls in rows:
        indent = "    " if ": " in name and "total" not in name and "build" not in name \
            and not name.startswith("cross") else "  "
        print(f"{indent}{name:{54 - len(indent)}} {seconds:7.2f} {100 * seconds / total:5.1f}% {calls:8d}")
    print(f"    {'load: read, sha256, decode, split (reste)':50} {rest_load:7.2f} {100 * rest_load / total:5.1f}%")
    print(f"  => load {read_parse:.2f} s / validate {validate:.2f} s / registry + cross-checks {cross:.2f} s "
          f"/ other {total - read_parse - validate - cross:.2f} s")


def cprofile_check(archive: Path, top: int = 25) -> str:
    from generator.check import run_check

    profiler = cProfile.Profile()
    profiler.enable()
    run_check(archive, jobs=1)  # serial: cProfile sees this process only
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    text = out.getvalue()
    return text.replace(str(REPO) + "/", "").replace(os.path.dirname(os.__file__) + "/", "")


# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=20_000, help="nombre d'actes (20000 par défaut)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--reference-pages", type=int, default=None, metavar="M",
                        help="construire la référence MkDocs sur M pages et extrapoler à N (défaut : N, honnête)")
    parser.add_argument("--search", action="store_true", help="activer le plugin search dans la référence")
    parser.add_argument("--cprofile", action="store_true", help="profil cProfile de run_check (auto au-delà de 10 s)")
    parser.add_argument("--no-cprofile", action="store_true", help="pas de cProfile, même au-delà de 10 s")
    parser.add_argument("--no-reference", action="store_true", help="ne pas construire la référence MkDocs")
    parser.add_argument("--keep", type=Path, default=None, help="garder l'archive dans ce dossier")
    parser.add_argument("--repeat", type=int, default=1, help="lancer actes check R fois, garder le meilleur temps")
    args = parser.parse_args(argv)
    n = args.n
    pages = min(n, args.reference_pages or n)

    print(f"check_bench : N = {n}, seed = {args.seed}, python = {PYTHON}, {os.cpu_count()} CPU, "
          f"charge {load()}")
    work = Path(tempfile.mkdtemp(prefix="actes-bench-"))
    archive = args.keep or work / "archive"
    try:
        start = time.perf_counter()
        acts = generate(archive, n, args.seed)
        gen_time = time.perf_counter() - start
        sizes = [p.stat().st_size for p in acts]
        print(f"archive : {len(acts)} actes, {sum(sizes) / 1e6:.1f} Mo ({min(sizes)}–{max(sizes)} octets), "
              f"générée en {gen_time:.1f} s dans {archive}")

        runs = [run_check_subprocess(archive) for _ in range(max(1, args.repeat))]
        check = min(runs, key=lambda r: r.wall)
        times = ", ".join(f"{r.wall:.2f}" for r in runs)
        print(f"\nactes check : {check.wall:.2f} s (CPU {check.cpu:.2f} s), pic mémoire {mb(check.rss)}"
              f"{f' — meilleur de {len(runs)} : {times} s' if len(runs) > 1 else ''} ; "
              f"{1000 * check.wall / n:.2f} ms par acte")
        print(f"  {check.stdout.strip().splitlines()[-1]}")

        # In-process profiles now, while the archive is in the page cache (the reference
        # build writes ~1 Go of HTML and may evict it).
        rows, total, errors = stage_profile(archive)
        print_stage_profile(rows, total)
        if errors:
            raise SystemExit(f"run_check en processus : {errors} erreurs")
        if args.cprofile or (check.wall > PROFILE_THRESHOLD and not args.no_cprofile):
            print(f"\ncProfile de run_check ({'demandé' if args.cprofile else f'check > {PROFILE_THRESHOLD:.0f} s'}) :")
            print(cprofile_check(archive), flush=True)

        reference = None
        if not args.no_reference:
            print(f"\nréférence mkdocs build ({pages} pages, Material, search "
                  f"{'activé' if args.search else 'désactivé'}) … charge {load()}", flush=True)
            run = build_reference(archive, acts, work, pages, args.search)
            wall, cpu = run.wall, run.cpu
            line = f"mkdocs build : {run.wall:.1f} s (CPU {run.cpu:.1f} s), pic mémoire {mb(run.rss)} pour {pages} pages"
            if pages < n:
                base = build_reference(archive, acts, work, 1, args.search)
                per_page, per_cpu = (run.wall - base.wall) / max(1, pages - 1), (run.cpu - base.cpu) / max(1, pages - 1)
                wall, cpu = base.wall + per_page * (n - 1), base.cpu + per_cpu * (n - 1)
                line += (f"\n  1 page : {base.wall:.1f} s ; extrapolé à {n} pages : {wall:.0f} s (CPU {cpu:.0f} s) "
                         "— la mémoire n'est pas extrapolée")
            print(line)
            reference = (wall, cpu, run.rss)

        print(f"\n=== Résultat (N = {n}, charge {load()}) ===")
        print(f"  actes check   : {check.wall:8.2f} s mur, {check.cpu:8.2f} s CPU, pic {mb(check.rss)}")
        if reference:
            wall, cpu, rss = reference
            ratio, ratio_cpu = check.wall / wall, check.cpu / cpu
            scaled = " (extrapolé)" if pages < n else ""
            print(f"  mkdocs build  : {wall:8.1f} s mur, {cpu:8.1f} s CPU, pic {mb(rss)}{scaled}")
            verdict = "OK" if ratio <= TARGET_RATIO else "AU-DESSUS DE LA CIBLE"
            print(f"  ratio check / mkdocs : {ratio:.4f} (mur), {ratio_cpu:.4f} (CPU) ; cible ≤ {TARGET_RATIO} : {verdict}")
            print("  (machine partagée : le ratio CPU est le moins bruité ; le temps mur de mkdocs inclut "
                  "l'écriture du site)")
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the archive too, unless --keep put it elsewhere
    return 0


if __name__ == "__main__":
    sys.exit(main())
