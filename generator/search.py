"""The search stage: Pagefind indexes of the act pages, one per year (a year of
more than MAX_PAGES acts in parts: pagefind/2025-01/, pagefind/2025-07/).

    site/pagefind/pagefind.js   the engine's module, shared by every year
    site/pagefind/2026/   pagefind.js, its worker, wasm, metadata, word chunks,
    site/pagefind/2025/   filters (type, annee, matiere, collectivite) and the
    …                     fragments of that year's acts only.

Why one index per year: Pagefind's metadata lists every page of an index and a
browser fetches it whole before the first answer, so one index over a ten-year
archive (50,000 acts) costs ~500 KB before any result, and indexing it in one
process took 11.8 GB. An index per year stays near the 5,000-page size
(~200 KB for a first query), indexing memory is bounded by the largest year,
and the search page (theme/assets/recherche.js) asks the newest year first and
widens to older years only when it needs to. At 5,000 acts a year, a year's
metadata alone is 53 KB and the word chunks of frequent words reach 180 KB:
such a year is indexed in parts of at most MAX_PAGES acts (index_names), the
newest part asked first like a year.

Each year's bundle is cached in build/cache/ under a key made of the Pagefind
version and the bytes of that year's act pages: a rebuild re-indexes only the
years whose pages changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from .pagefind_stable import UnexpectedFormat, stabilise

if TYPE_CHECKING:
    from .check import CheckResult
    from .site import BuildContext

SEARCH_DIR = "pagefind"
CACHE_DIR = "build/cache"
LANGUAGE = "fr"
# A year of more acts is indexed in parts (index_names): Pagefind's metadata (about
# 10 KB per 1,000 pages) and its word chunks grow with the pages of an index.
MAX_PAGES = 3000
# A year of more acts is indexed in two parts at least: a change of one act makes
# Pagefind index again the part it is in, and a year of a large archive (2,000 acts)
# took 6 to 7 s, a third of such a rebuild. Two parts cost little more to a search
# (measured at 20,000 acts, README); more than two would (a number or a year filter
# reads every part of its year).
SPLIT_FROM = 1000
FORMAT = "2"  # bump when the way a bundle is made changes, to drop old caches
# What the browser needs from a bundle: our own page uses Pagefind's JS API, so
# Pagefind's ready-made UIs (with their accessibility gaps) are not published.
KEPT_FILES = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json", f"wasm.{LANGUAGE}.pagefind")
KEPT_DIRS = ("index", "fragment", "filter")


class SearchError(Exception):
    """Pagefind failed; the message is French."""


def pagefind_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind_bin")
    except PackageNotFoundError:
        return "absent"


def html_path(md_path: str, directory_urls: bool = True) -> str:
    """"actes/2026/decision-2026-102.md" -> "actes/2026/decision-2026-102/index.html"."""
    stem = md_path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html" if directory_urls else f"{stem}.html"


def index_names(acts) -> dict[int, str]:
    """The index each act goes to, by id(act): its year ("2025"), or, for a year of
    more than SPLIT_FROM acts, the part of the year it falls in, named by the month
    the part starts ("2025-01", "2025-07"): two parts, more when a part would hold
    more than MAX_PAGES acts. A year is cut at month boundaries into
    parts of about the same number of acts, from the acts' dates alone: the search
    page (search_form_context) and the indexing stage find the same names."""
    by_year: dict[int, list] = defaultdict(list)
    for act in acts:
        by_year[act.year].append(act)
    names = {}
    for year, year_acts in by_year.items():
        parts = max(math.ceil(len(year_acts) / MAX_PAGES), 2 if len(year_acts) > SPLIT_FROM else 1)
        if parts <= 1:
            names.update((id(act), str(year)) for act in year_acts)
            continue
        per_month = [0] * 13
        for act in year_acts:
            per_month[act.meta.date.month] += 1
        starts, seen = [1], 0
        for month in range(1, 13):
            if len(year_acts) > seen >= len(year_acts) * len(starts) / parts and month > starts[-1]:
                starts.append(month)
            seen += per_month[month]
        for act in year_acts:
            start = max(m for m in starts if m <= act.meta.date.month)
            names[id(act)] = str(year) if len(starts) == 1 else f"{year}-{start:02d}"
    return names


def act_pages_by_index(result: CheckResult, ctx: BuildContext, site_dir: Path) -> dict[str, list[tuple[str, str]]]:
    """(HTML page, Markdown page) of every act on the site, grouped by index (index_names)."""
    from .render import SiteMap, select_acts

    acts = select_acts(result, ctx.today, ctx.drafts)
    site = SiteMap(result.registry, result.config, acts)
    names = index_names(acts)
    indexes: dict[str, list[str]] = defaultdict(list)
    directory_urls = None  # as mkdocs.yml says (use_directory_urls), seen on the first page
    for act in acts:
        md = site.act_path(act)
        if directory_urls is None:
            directory_urls = (site_dir / html_path(md)).is_file()
        indexes[names[id(act)]].append((html_path(md, directory_urls), md))
    return {name: sorted(pages) for name, pages in indexes.items()}


def shard_key(site_dir: Path, pages: list[tuple[str, str]], html_state: dict | None) -> str:
    """What a year's bundle is made from. An act page's HTML is a function of its
    Markdown and of what generator/incremental.py fingerprints (config, theme,
    tools, navigation): when those digests are known, no HTML is read."""
    digest = hashlib.sha256(f"pagefind {pagefind_version()} format {FORMAT} {LANGUAGE}\n".encode())
    known = (html_state or {}).get("files", {})
    if html_state and all(md in known for _, md in pages):
        digest.update(f"{html_state['fingerprint']} {json.dumps(html_state['nav'])}\n".encode())
        for page, md in pages:
            digest.update(f"{page}\0{known[md]}\n".encode())
        return digest.hexdigest()
    for page, _ in pages:
        digest.update(page.encode() + b"\0")
        digest.update(hashlib.sha256((site_dir / page).read_bytes()).digest())
    return digest.hexdigest()


def year_glob(pages: list[str]) -> str:
    """One glob for a year's pages: their folders, which carry the year
    ("actes/2026/*/index.html", "actes/somme-numerique/2026/*/index.html").
    Other pages in these folders (annexes) have no data-pagefind-body and are
    skipped by Pagefind."""
    patterns = sorted({f"{glob_escape(p.rsplit('/', 2)[0])}/*/index.html" if p.endswith("/index.html")
                       else f"{glob_escape(p.rsplit('/', 1)[0])}/*.html" for p in pages})
    return patterns[0] if len(patterns) == 1 else "{" + ",".join(patterns) + "}"


def run_pagefind(site_dir: Path, pages: list[str], out_dir: Path) -> None:
    """Indexes one year's pages of site_dir into out_dir, in a separate Pagefind
    process whose memory ends with it. Pagefind reads copies of the pages cut down
    to their data-pagefind-body element (searchable_page), at the same paths in a
    folder of their own: the index is the same (Pagefind reads nothing else of a
    page that has such an element) and Pagefind reads half the HTML."""
    from pagefind_bin import get_executable

    staging = out_dir.parent / f"{out_dir.name}.pages"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for page in pages:
            (staging / page).parent.mkdir(parents=True, exist_ok=True)
            (staging / page).write_bytes(searchable_page((site_dir / page).read_bytes()))
        command = [str(get_executable()), "--site", str(staging), "--glob", year_glob(pages),
                   "--output-path", str(out_dir), "--force-language", LANGUAGE, "--quiet"]
        completed = subprocess.run(command, capture_output=True, text=True, check=False)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if completed.returncode != 0 or not (out_dir / "pagefind-entry.json").is_file():
        detail = (completed.stderr or completed.stdout).strip().splitlines()[-3:]
        raise SearchError("l'indexation de la recherche (Pagefind) a échoué : " + " / ".join(detail))
    entry = json.loads((out_dir / "pagefind-entry.json").read_text("utf-8"))
    indexed = sum(lang["page_count"] for lang in entry["languages"].values())
    if indexed != len(pages):
        raise SearchError(f"l'indexation de la recherche a trouvé {indexed} pages d'actes au lieu de {len(pages)}")
    prune_bundle(out_dir)
    try:
        stabilise(out_dir)  # same pages, same bytes (reproducible builds)
    except UnexpectedFormat as exc:
        raise SearchError(f"index de recherche inattendu ({exc}) : version de Pagefind non prise en charge") from None


_BODY = re.compile(rb"<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-body\b[^>]*>")


def searchable_page(html: bytes) -> bytes:
    """The element marked data-pagefind-body, alone in a page of the same language;
    the page unchanged when it has none (or an element Pagefind would not find whole)."""
    mark = html.find(b"data-pagefind-body")
    found = _BODY.match(html, html.rfind(b"<", 0, mark)) if mark > 0 else None
    if found is None:
        return html
    tag = found[1]
    opening, closing = re.compile(rb"<" + tag + rb"\b"), b"</" + tag + b">"
    depth, at = 1, found.end()
    while depth:
        end = html.find(closing, at)
        if end < 0:
            return html
        depth += len(opening.findall(html, at, end)) - 1
        at = end + len(closing)
    lang = re.search(rb"<html\b[^>]*\blang=\"([^\"]*)\"", html[:found.start()])
    head = b'<!DOCTYPE html><html lang="' + (lang[1] if lang else LANGUAGE.encode()) + \
        b'"><head><meta charset="utf-8"></head><body>'
    return head + html[found.start():at] + b"</body></html>\n"


def glob_escape(path: str) -> str:
    return "".join(f"\\{c}" if c in "{}[]*?,\\" else c for c in path)


def prune_bundle(bundle: Path) -> None:
    for entry in bundle.iterdir():
        keep = entry.name in KEPT_FILES or entry.name in KEPT_DIRS or entry.name.endswith(".pf_meta")
        if not keep:
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def link_tree(source: Path, dest: Path) -> None:
    """Copies a finished bundle by hard links (same disk) or by copy."""
    for folder, _, files in os.walk(source):
        target = dest / Path(folder).relative_to(source)
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            try:
                os.link(Path(folder) / name, target / name)
            except OSError:
                shutil.copy2(Path(folder) / name, target / name)


def link_tree_file(source: Path, dest: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(dest)
    try:
        os.link(source, dest)
    except OSError:
        shutil.copy2(source, dest)


def same_bundle(bundle: Path, dest: Path) -> bool:
    """dest holds the very files of the cached bundle (hard links made by an earlier
    build): a bundle's files are never changed in place (ShardCache.put replaces a
    year whole), and each indexing writes a new pagefind-entry.json."""
    try:
        names = os.listdir(bundle)
        return (same_file(bundle / "pagefind-entry.json", dest / "pagefind-entry.json")
                and sorted(names) == sorted(os.listdir(dest))
                and all(same_file(bundle / name, dest / name) for name in names if not (bundle / name).is_dir()))
    except OSError:
        return False


class ShardCache:
    """build/cache/pagefind-<docs>/<year>/{key, bundle/}: the last bundle made
    for each year, reused while its key is the same."""

    def __init__(self, folder: Path):
        self.folder = folder

    def get(self, year: int, key: str) -> Path | None:
        slot = self.folder / str(year)
        key_file = slot / "key"
        if key_file.is_file() and key_file.read_text("utf-8") == key and (slot / "bundle").is_dir():
            return slot / "bundle"
        return None

    def put(self, year: int, key: str, make) -> Path:
        slot = self.folder / str(year)
        fresh = self.folder / f".{year}.new"
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir(parents=True)
        make(fresh / "bundle")
        (fresh / "key").write_text(key, "utf-8")
        shutil.rmtree(slot, ignore_errors=True)
        os.replace(fresh, slot)
        return slot / "bundle"

    def keep_only(self, years: set[int]) -> None:
        if not self.folder.is_dir():
            return
        for slot in self.folder.iterdir():
            if slot.is_dir() and not slot.name.startswith(".") and slot.name not in years:
                shutil.rmtree(slot, ignore_errors=True)


def index_site(result: CheckResult, site_dir: Path, ctx: BuildContext) -> dict[str, int]:
    """POST_STAGE: writes site_dir/pagefind/<index>/ for every year (or part of a
    year, index_names) with acts, and the shared site_dir/pagefind/pagefind.js.
    Returns how many years were indexed anew and how many came from the cache."""
    shards = act_pages_by_index(result, ctx, site_dir)
    out = site_dir / SEARCH_DIR
    # The staging folder may start as a copy (hard links) of the previous site: a
    # year whose bundle is the cached one is left as it is, the others go.
    if out.is_dir():
        for entry in os.scandir(out):
            if entry.name not in shards and entry.name != "pagefind.js":
                shutil.rmtree(entry.path) if entry.is_dir(follow_symlinks=False) else os.unlink(entry.path)
    out.mkdir(parents=True, exist_ok=True)
    cache = ShardCache(ctx.root / CACHE_DIR / f"pagefind-{ctx.docs_dir.name}")
    counts = {"indexed": 0, "cached": 0}
    html = ctx.html
    todo = []
    for name, pages in sorted(shards.items()):
        key = shard_key(site_dir, pages, html.state if html else None)
        bundle = cache.get(name, key)
        if bundle is None:
            todo.append((name, key, [page for page, _ in pages]))
            counts["indexed"] += 1
            continue
        counts["cached"] += 1
        if not same_bundle(bundle, out / name):
            shutil.rmtree(out / name, ignore_errors=True)
            link_tree(bundle, out / name)

    for name, key, html_pages in todo:
        bundle = cache.put(name, key, lambda dest, p=html_pages: run_pagefind(site_dir, p, dest))
        shutil.rmtree(out / name, ignore_errors=True)
        link_tree(bundle, out / name)
    if shards:
        # The engine is the same in every year's bundle (same Pagefind version): one
        # copy at pagefind/pagefind.js, which the search page preloads and imports
        # whatever year it asks (theme/recherche.html, theme/assets/recherche.js).
        # Kept in the cache while its bytes are the same, so a rebuild links the
        # same file again (an unchanged file keeps its inode, as the years' do).
        engine = tuned_engine((out / max(shards) / "pagefind.js").read_bytes())
        kept = cache.folder / "pagefind.js"
        if not kept.is_file() or kept.read_bytes() != engine:
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.with_name(".pagefind.js.new").write_bytes(engine)
            os.replace(kept.with_name(".pagefind.js.new"), kept)
        if not same_file(kept, out / "pagefind.js"):
            link_tree_file(kept, out / "pagefind.js")
    cache.keep_only(set(shards))
    return counts


# Pagefind's module waits for its engine by polling every 50 ms: a search asked while
# the WebAssembly and the metadata load (the search page asks at once, so that the
# files load while the page is parsed) starts up to 50 ms after the engine is ready,
# 25 ms on average, on the path to the first results. The shared copy polls every
# 5 ms instead: at most about 60 short timer callbacks during a load of 300 ms.
ENGINE_WAITS = (
    (b"throw this.initError;}await asyncSleep(50);}", b"throw this.initError;}await asyncSleep(5);}"),
    (b"while(this.primary.wasm===null){await asyncSleep(50);}", b"while(this.primary.wasm===null){await asyncSleep(5);}"),
)


def tuned_engine(engine: bytes) -> bytes:
    """pagefind.js with its waits for the engine shortened (ENGINE_WAITS). A Pagefind
    version written otherwise is published as it is: searches then work, 25 ms
    slower (tests/test_search.py notices the change of version)."""
    for slow, fast in ENGINE_WAITS:
        if engine.count(slow) == 1:
            engine = engine.replace(slow, fast)
    return engine


def same_file(first: Path, second: Path) -> bool:
    """The same file under two names (a hard link)."""
    try:
        a, b = os.stat(first), os.stat(second)
    except OSError:
        return False
    return (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev)


def search_form_context(acts, config) -> dict:
    """What the search page offers in its form: only values some act has."""
    from .identifiers import nomenclature_labels
    from .rules import RULES

    labels = nomenclature_labels()
    codes = set()
    for act in acts:
        code = act.meta.nomenclature
        if code is not None:
            codes.add(code.level1_code)
            if code.level2_code:
                codes.add(code.level2_code)
    matieres = []
    for code, label in labels.items():
        if "." not in code and code in codes:
            children = [(c, l) for c, l in labels.items() if c.startswith(f"{code}.") and c in codes]
            matieres.append({"code": code, "libelle": label, "enfants": children})
    present = {act.type for act in acts}
    keys = {act.meta.collectivite for act in acts}
    return {
        "types": [(key, rules) for key, rules in RULES.items() if key in present],
        "annees": sorted({act.year for act in acts}, reverse=True),
        "index": sorted(set(index_names(acts).values()), reverse=True),  # newest first
        "matieres": matieres,
        "collectivites": [(key, coll) for key, coll in config.collectivites.items() if key in keys],
    }


if __name__ == "__main__":  # pragma: no cover - a developer's aid: index a built site
    print(json.dumps({"pagefind": pagefind_version(), "python": sys.version}))
