"""Archive scale: build times, rebuilds, memory and search, on one synthetic corpus.

    python -m bench.scale N [--seed S] [--out DIR] [--no-browser] [--queries-only]

Generates (or reuses) a synthetic archive of N acts (bench/synth.py) and measures,
in one run, on the same corpus:

- a cold `actes build` (no build/, no site/), and its peak memory;
- the generator's own share: load + validate (`run_check`) and render;
- a plain `mkdocs build` of the same generated pages, as the reference;
- rebuilds: with no change, after changing one act, after adding one act;
- the size of the search indexes (one per year);
- in Chromium on loopback, for a few queries with and without filters: the bytes of
  search files fetched (the loopback server gzips HTML, JS, CSS and JSON as a
  real server would; Pagefind's own files are compressed by Pagefind) and the time from opening recherche/?q=… until the first
  results are on screen (page load included: the page's own clock, from the start
  of the navigation), with an empty cache (a new browser profile per query: page,
  CSS, scripts and search files all fetched).

Each step runs in its own process, so its peak memory (resident set, its own and
its children's such as Pagefind) is measured alone. Prints the figures and the
ratios the targets speak of, and writes them to OUT/scale-N.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import http.server
import json
import os
import re
import resource
import shutil
import socketserver
import subprocess
import sys
import threading
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DAY = dt.date(2026, 11, 23)  # every synthetic act is online by then
QUERIES = [
    # (label, words, filters)
    ("mot courant", "maintenance", {}),
    ("deux mots", "marché public", {}),
    ("sans accent", "deliberation subvention", {}),
    ("filtre type", "stationnement", {"type": "arrete"}),
    ("filtres année + matière", "subvention", {"annee": "2025", "matiere": "7.5"}),
    ("numéro", "2025-12", {}),
]


# ---------------------------------------------------------------------------
# Steps, each run in a child process: python -m bench.scale --step NAME ROOT


_KEPT: list = []  # what a step returns stays alive until the process ends, as in `actes build`


def step_build(root: Path) -> dict:
    from generator.site import build

    messages: list[str] = []
    _KEPT.append(build(root, on=DAY, report=messages.append))
    return {"messages": messages}


def step_generator(root: Path) -> dict:
    """load + validate + render into a fresh docs folder, timed apart."""
    from generator.check import run_check
    from generator.render import render_site

    started = time.perf_counter()
    result = run_check(root, on=DAY)
    checked = time.perf_counter()
    out = root / "build" / "docs-generator-bench"
    shutil.rmtree(out, ignore_errors=True)
    report = render_site(result, root, out, DAY)
    rendered = time.perf_counter()
    shutil.rmtree(out, ignore_errors=True)
    return {"acts": len(result.acts), "errors": len(result.errors), "pages": len(report.written),
            "check_s": checked - started, "render_s": rendered - checked}


def step_mkdocs(root: Path) -> dict:
    """Plain MkDocs on the pages `actes build` generated (build/docs)."""
    from mkdocs.commands.build import build as run_mkdocs
    from mkdocs.config import load_config

    import logging

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    out = root / "build" / "site-mkdocs-bench"
    config = load_config(str(root / "mkdocs.yml"), docs_dir=str(root / "build/docs"), site_dir=str(out))
    run_mkdocs(config)
    pages = sum(1 for _ in out.rglob("*.html"))
    shutil.rmtree(out, ignore_errors=True)
    return {"html_pages": pages}


STEPS = {"build": step_build, "generator": step_generator, "mkdocs": step_mkdocs}


def run_step(name: str, root: Path) -> dict:
    """Runs one step in a child process: wall time and peak memory (the getrusage
    bound, and the largest sum of proportional set sizes sampled over the process
    tree, which counts a page shared by forked workers once)."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "bench.scale", "--step", name, str(root)],
                               cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = PssSampler(process.pid)
    sampler.start()
    stdout, stderr = process.communicate()
    sampler.stop()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"step {name} failed:\n{stdout[-3000:]}\n{stderr[-3000:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["seconds"] = seconds
    result["peak_pss"] = sampler.peak
    result["peak_pss_parts"] = sampler.parts
    return result


class PssSampler(threading.Thread):
    """Every 0.25 s, the sum of the PSS (Linux /proc/PID/smaps_rollup) of a process
    and all its descendants; keeps the largest, and what it was made of (the PSS of
    each process by name: the build, its workers, Pagefind). 0 where /proc has no PSS."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, threading.Event()
        self.parts: dict[str, int] = {}  # at the peak: process name -> PSS, bytes

    def run(self) -> None:
        while not self.done.wait(0.25):
            total, parts = self.sample()
            if total > self.peak:
                self.peak, self.parts = total, parts

    def stop(self) -> None:
        self.done.set()
        self.join()

    def sample(self) -> tuple[int, dict[str, int]]:
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
                children.setdefault(parent, []).append(int(entry.name))
        total, todo, parts = 0, [self.pid], {}
        while todo:
            pid = todo.pop()
            todo += children.get(pid, [])
            try:
                name = "construction" if pid == self.pid else Path(f"/proc/{pid}/comm").read_text().strip()
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        pss = int(line.split()[1]) * 1024
                        total += pss
                        parts[name] = parts.get(name, 0) + pss
                        break
            except (OSError, ValueError):
                continue
        return total, parts


def child_main(name: str, root: Path) -> None:
    os.chdir(root)
    os.environ["ACTES_DUREES"] = "1"  # actes build prints where its time went
    if os.environ.get("ACTES_BENCH_PDF") == "factice":
        placeholder_pdfs()
    result = STEPS[name](root)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    # The largest child (Pagefind) runs while this process holds its own memory:
    # the sum bounds the peak of the whole step.
    result.update(peak_self=own, peak_children=children, peak_bytes=own + children)
    print(json.dumps(result))
    # The command line ends this way too (generator/commands leave): the objects of
    # every act are not freed one by one.
    from generator.commands import leave

    leave(0)


def placeholder_pdfs() -> None:
    """--pdf-factice: WeasyPrint makes each act's PDF/A in 1 to 3 s on this machine,
    hours for a cold build of 20,000 acts (once: PDFs are cached by content). To
    measure the rest of the build at that scale, each PDF is replaced by a small
    placeholder unique to its document; the cost of real PDFs is measured apart
    (bench/pdf_bench.py) and stated next to the figures."""
    from generator import pdf

    def write(self, document) -> bytes:
        self.rendered += 1
        material = json.dumps(document.key_material, sort_keys=True, default=str).encode()
        return b"%PDF-1.7\n% factice " + hashlib.sha256(material).hexdigest().encode() + b"\n%%EOF\n"

    pdf.PdfRenderer._write_pdf = write


# ---------------------------------------------------------------------------
# The corpus and its changes


def prepare(out: Path, n: int, seed: int, year: int | None = None) -> Path:
    from bench.synth import FIRST_YEAR, LAST_YEAR, generate

    root = out / (f"archive-{n}-{seed}" if year is None else f"archive-{n}-{seed}-{year}")
    marker = root / ".generated"
    if not marker.is_file():
        started = time.perf_counter()
        generate(root, n, seed=seed, years=(year, year) if year else (FIRST_YEAR, LAST_YEAR))
        marker.write_text(str(n), "utf-8")
        print(f"archive de {n} actes générée en {time.perf_counter() - started:.0f} s")
    for name in ("mkdocs.yml",):
        shutil.copy2(REPO / name, root / name)
    shutil.rmtree(root / "theme", ignore_errors=True)
    shutil.copytree(REPO / "theme", root / "theme")
    return root


def reset(root: Path) -> None:
    for name in ("build", "site"):
        shutil.rmtree(root / name, ignore_errors=True)
    for extra in root.glob("acts/*/bench-*.md"):
        extra.unlink()


def change_one_act(root: Path) -> Path:
    """Changes the objet of one act in the middle of the archive."""
    files = sorted((root / "acts").rglob("decision-*.md"))
    target = files[len(files) // 2]
    text = target.read_text("utf-8")
    target.write_text(re.sub(r"^objet: (.*)$", r"objet: \1 (rectifié)", text, count=1, flags=re.M), "utf-8")
    return target


def add_one_act(root: Path) -> Path:
    """A new arrêté of the latest year, numbered after the last one."""
    year = max(int(p.name) for p in (root / "acts").iterdir() if p.name.isdigit())
    best = None
    for path in (root / "acts" / str(year)).glob("arrete-*.md"):
        text = path.read_text("utf-8")
        match = re.search(r"^numero: (\D*)(\d{4})-(\d+)$", text, re.M)
        if match and (best is None or int(match[3]) > best[0]):
            best = (int(match[3]), match, text)
    number, match, text = best
    new_number = f"{match[1]}{match[2]}-{number + 1}"
    text = text.replace(match[0], f"numero: {new_number}", 1)
    text = re.sub(r"^objet: (.*)$", "objet: Arrêté portant réglementation temporaire du stationnement rue "
                  "Victor Hugo", text, count=1, flags=re.M)
    path = root / "acts" / str(year) / f"bench-arrete-{new_number}.md"
    path.write_text(text, "utf-8")
    return path


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


# ---------------------------------------------------------------------------
# The browser


class Served:
    """Counts what a static server sends, whatever part of the browser asked
    (Pagefind fetches from a web worker, out of the page's own network log):
    (path, bytes sent, seconds from reset to request, seconds to the last byte)."""

    def __init__(self):
        self.files: list[tuple[str, int, float, float]] = []
        self.lock = threading.Lock()
        self.origin = time.perf_counter()

    def reset(self) -> None:
        with self.lock:
            self.files = []
            self.origin = time.perf_counter()

    def add(self, path: str, size: int, asked: float) -> None:
        with self.lock:
            self.files.append((path, size, asked - self.origin, time.perf_counter() - self.origin))

    def snapshot(self) -> list[tuple[str, int, float, float]]:
        with self.lock:
            return list(self.files)


COMPRESSED = (".html", ".js", ".json", ".css", ".svg", ".xml", ".txt")


@contextmanager
def counting_server(site: Path, served: Served):
    """A static server as a real one would answer: HTTP/1.1 with keep-alive, and
    text files (HTML, JS, CSS, JSON) gzip-compressed when the browser accepts it
    (Pagefind's own index files, wasm included, are compressed by Pagefind)."""
    cache: dict[Path, bytes] = {}

    class Handler(http.server.SimpleHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # as real servers do (TCP_NODELAY): no 40 ms delayed-ACK stalls

        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, *args) -> None:
            pass

        def handle(self) -> None:
            try:
                super().handle()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser closed the page (the query's results were already on screen)

        def do_GET(self) -> None:
            asked = time.perf_counter()
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if path.suffix in COMPRESSED and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
                if path not in cache:
                    cache[path] = gzip.compress(path.read_bytes(), 6)
                body = cache[path]
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                served.add(self.path.split("?")[0], len(body), asked)
                return
            super().do_GET()

        def copyfile(self, source, outputfile) -> None:
            asked = time.perf_counter()
            before = source.tell()
            super().copyfile(source, outputfile)
            served.add(self.path.split("?")[0], source.tell() - before, asked)

    socketserver.TCPServer.allow_reuse_address = True
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler) as server:
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()


# The page tells the bench its first results are on screen through the console:
# waiting with a Playwright selector would make Playwright inject its selector
# engine into the page while it loads (30 ms of the page's main thread, measured
# in a Chromium trace), a cost no visitor pays.
FIRST_RESULTS_SIGNAL = "actes-bench: premiers résultats"
FIRST_RESULT_CLOCK = """
new MutationObserver((_, observer) => {
  if (document.querySelector("#recherche-resultats li")) {
    window.__premiersResultats = performance.now();
    observer.disconnect();
    console.log("%s");
  }
}).observe(document, { childList: true, subtree: true });
""" % FIRST_RESULTS_SIGNAL


def is_search_file(url: str) -> bool:
    """What a query costs on top of any page of the site: Pagefind's files and
    the search page's own script (the page's HTML, CSS and theme are counted
    apart, in page_bytes)."""
    return "/pagefind/" in url or url.endswith("/recherche.js")


def measure_queries(site: Path, detail: bool = False, repeat: int = 1) -> list[dict]:
    """Each query `repeat` times (a new profile each time); the figures of the
    run with the median time to first results are kept, with every time."""
    runs = [measure_queries_once(site, detail and i == 0) for i in range(repeat)]
    kept = []
    for index in range(len(QUERIES)):
        mine = sorted((run[index] for run in runs), key=lambda q: q["first_results_ms"])
        median = dict(mine[len(mine) // 2])
        median["first_results_ms_all"] = [q["first_results_ms"] for q in mine]
        kept.append(median)
    return kept


def measure_queries_once(site: Path, detail: bool = False) -> list[dict]:
    sys.path.insert(0, str(REPO))
    from tests.sitebuild import browser

    served = Served()
    results = []
    with counting_server(site, served) as url, browser() as chromium:
        warm = chromium.new_context()  # the browser's processes running, as a visitor's are
        warm.new_page().goto(url)
        warm.close()
        for label, words, filters in QUERIES:
            # A new browser profile for every query: nothing in cache, neither the
            # page, its CSS and scripts, nor the search files. The address carries the
            # query and its filters, as a shared link or the header box does.
            context = chromium.new_context(locale="fr-FR")
            # The page's own clock: from the start of the navigation (performance.timeOrigin)
            # to the first result in the list, without Playwright's polling.
            context.add_init_script(FIRST_RESULT_CLOCK)
            page = context.new_page()
            params = urllib.parse.urlencode({"q": words, **filters})
            served.reset()
            started = time.perf_counter()
            found = True
            try:
                with page.expect_console_message(lambda m: m.text == FIRST_RESULTS_SIGNAL, timeout=30_000):
                    page.goto(url + f"recherche/?{params}", wait_until="commit")
            except Exception:
                found = False
            wall = time.perf_counter() - started
            first = (page.evaluate("window.__premiersResultats") or wall * 1000) / 1000
            at_first = [(u, n) for u, n, _, _ in served.snapshot() if is_search_file(u)]
            page.wait_for_function("""() => { const s = document.getElementById('recherche-statut').textContent;
                                       return s && !s.includes('en cours'); }""", timeout=60_000)
            done = time.perf_counter() - started
            page.wait_for_timeout(300)
            everything = served.snapshot()
            fetched = [(u, n) for u, n, _, _ in everything if is_search_file(u)]
            results.append({"label": label, "words": words, "filters": filters, "found": found,
                            "count": page.locator("#recherche-statut").inner_text(),
                            "shown": page.locator("#recherche-resultats li").count(),
                            "first_results_ms": round(first * 1000), "wall_ms": round(wall * 1000),
                            "complete_ms": round(done * 1000),
                            "bytes": sum(n for _, n in fetched),
                            "page_bytes": sum(n for _, n, _, _ in everything),
                            "bytes_gzip": sum(n for _, n in fetched),
                            "bytes_gzip_at_first_results": sum(n for _, n in at_first),
                            "requests": len(fetched), "paths": [u for u, _ in fetched],
                            "timeline": [(u, n, round(a * 1000), round(b * 1000)) for u, n, a, b in everything]})
            if detail:
                print(f"-- {label} « {words} » {filters}: premiers résultats à {first * 1000:.0f} ms")
                for u, n, a, b in everything:
                    print(f"   {a * 1000:6.0f} → {b * 1000:6.0f} ms {n:>8} o  {u}")
            context.close()
    return results


# ---------------------------------------------------------------------------


def human(n: float) -> str:
    for unit in ("o", "Ko", "Mo", "Go"):
        if n < 1024 or unit == "Go":
            return f"{n:.0f} {unit}" if unit == "o" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, nargs="?")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="run each query this many times, keep the median")
    parser.add_argument("--detail", action="store_true", help="print every request of every query, with its timing")
    parser.add_argument("--annee", type=int, metavar="YEAR",
                        help="N acts all dated YEAR: one year of a 10×N archive (e.g. 5000 --annee 2025 for "
                             "the newest year of 50,000 acts), without building the other nine")
    parser.add_argument("--steps", default="cold,generator,mkdocs,rebuilds,queries",
                        help="parts to run, among cold,generator,mkdocs,rebuilds,queries")
    parser.add_argument("--step", nargs=2, metavar=("NAME", "ROOT"), help=argparse.SUPPRESS)
    parser.add_argument("--pdf-factice", "--sans-pdf", dest="pdf_factice", action="store_true",
                        help="PDF remplacés par un substitut (WeasyPrint : 1 à 3 s par acte ; le coût des vrais PDF "
                             "se mesure avec bench/pdf_bench.py)")
    args = parser.parse_args(argv)
    if args.pdf_factice:
        os.environ["ACTES_BENCH_PDF"] = "factice"  # read by each step's child process
    if args.step:
        child_main(args.step[0], Path(args.step[1]))
        return 0
    if not args.n:
        parser.error("N (nombre d'actes) attendu")
    args.out.mkdir(parents=True, exist_ok=True)
    root = prepare(args.out, args.n, args.seed, args.annee)
    if "cold" in args.steps.split(","):
        reset(root)
    figures: dict = {"n": args.n, "seed": args.seed, "annee": args.annee, "machine": machine(),
                     "pdf": "factice" if args.pdf_factice else "WeasyPrint"}

    def show(label: str, step: dict) -> None:
        print(f"{label:<38} {step['seconds']:8.1f} s   pic {human(step['peak_bytes'])} "
              f"(PSS échantillonnée {human(step['peak_pss'])})", flush=True)
        parts = sorted(step.get("peak_pss_parts", {}).items(), key=lambda item: -item[1])
        if parts:
            print("   au pic : " + ", ".join(f"{name} {human(size)}" for name, size in parts), flush=True)

    steps = set(args.steps.split(","))
    if args.no_browser:
        steps.discard("queries")
    cold = gen = plain = same = one = add = None
    changed = added = None
    if "cold" in steps or not (root / "site").is_dir():
        cold = figures["cold_build"] = run_step("build", root)
        show("actes build à froid", cold)
        print("   " + " / ".join(m for m in cold["messages"] if m.startswith(("Durées", "Mémoire"))))
    if "generator" in steps:
        gen = figures["generator"] = run_step("generator", root)
        show("générateur (lecture+vérif.+rendu)", gen)
        print(f"   dont vérification {gen['check_s']:.1f} s, rendu {gen['render_s']:.1f} s, {gen['pages']} pages")
    if "mkdocs" in steps:
        plain = figures["plain_mkdocs"] = run_step("mkdocs", root)
        show("mkdocs build seul (mêmes pages)", plain)
    if "rebuilds" in steps:
        same = figures["rebuild_no_change"] = run_step("build", root)
        show("reconstruction sans changement", same)
        changed = change_one_act(root)
        one = figures["rebuild_one_changed"] = run_step("build", root)
        show("reconstruction, un acte modifié", one)
        added = add_one_act(root)
        add = figures["rebuild_one_added"] = run_step("build", root)
        show("reconstruction, un acte ajouté", add)
        for step in (same, one, add):
            print("   " + " / ".join(m for m in step["messages"] if m.startswith(("Pages", "HTML", "Durées", "Mémoire", "Site à jour"))))
    size, count = folder_size(root / "site" / "pagefind")
    per_year = {p.name: folder_size(p)[0] for p in sorted((root / "site" / "pagefind").iterdir()) if p.is_dir()}
    figures["search_index"] = {"bytes": size, "files": count, "per_year": per_year}
    print(f"{'index de recherche':<38} {human(size)} en {count} fichiers ; "
          f"la plus grosse année {human(max(per_year.values()))}")
    if "queries" in steps:
        figures["queries"] = measure_queries(root / "site", args.detail, args.repeat)
        for q in figures["queries"]:
            print(f"   {q['label']:<24} {q['first_results_ms']:>5} ms {q['first_results_ms_all']} (complet {q['complete_ms']} ms), "
                  f"{human(q['bytes'])} ({human(q['bytes_gzip_at_first_results'])} aux premiers résultats, "
                  f"{q['requests']} requêtes) — {q['count']}")
    print()
    print("Ratios")
    if gen and plain:
        share = (gen["check_s"] + gen["render_s"]) / plain["seconds"]
        print(f"   part du générateur / mkdocs seul        {share:6.1%}   (cible ≤ 10 % à 20 000)")
    if cold and one:
        print(f"   un acte modifié / construction à froid   {one['seconds'] / cold['seconds']:6.1%}   (cible ≤ 5 %)")
        print(f"   un acte ajouté / construction à froid    {add['seconds'] / cold['seconds']:6.1%}   (cible ≤ 5 %)")
    if same:
        print(f"   sans changement                          {same['seconds']:6.1f} s (cible ≤ 5 s)")
    builds = [s for s in (cold, same, one, add) if s]
    if builds:
        peak = max(s["peak_bytes"] for s in builds)
        pss = max(s["peak_pss"] for s in builds)
        print(f"   pic mémoire d'une construction           {human(peak)} (borne getrusage), {human(pss)} (PSS "
              f"échantillonnée)   (cible ≤ 4 Go à 50 000)")
    if figures.get("queries"):
        worst = max(figures["queries"], key=lambda q: q["bytes_gzip"])
        slow = max(figures["queries"], key=lambda q: q["first_results_ms"])
        print(f"   requête la plus lourde                   {human(worst['bytes_gzip'])} ({worst['label']}) "
              f"(cible ≤ 300 Ko à 50 000)")
        print(f"   premiers résultats, le plus lent         {slow['first_results_ms']} ms ({slow['label']}) "
              f"(cible ≤ 500 ms à 50 000)")
    if changed:
        figures["changed_act"] = str(changed.relative_to(root))
        figures["added_act"] = str(added.relative_to(root))
    target = args.out / (f"scale-{args.n}.json" if not args.annee else f"scale-{args.n}-{args.annee}.json")
    target.write_text(json.dumps(figures, indent=1, ensure_ascii=False), "utf-8")
    print(f"\nChiffres écrits dans {target}")
    return 0


def machine() -> dict:
    info = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    try:
        info["memory"] = human(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"))
        info["load"] = os.getloadavg()
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    except (OSError, ValueError):
        pass
    return info


if __name__ == "__main__":
    sys.exit(main())
