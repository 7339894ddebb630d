"""The render stage: the registry -> Markdown pages in the docs folder.

Jinja2 templates in `site_templates/` present everything; this module only
decides which pages exist, at which path, with which data. Pages are plain
Markdown with front matter choosing a theme template, so MkDocs (or any
successor that reads Markdown) only turns them into HTML.

Only the files whose content changed are written, and files no page produces
any more are removed, so an unchanged act leaves its page untouched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import posixpath
import re
import shutil
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from . import sanitize
from .forking import fork_map
from .check import CheckResult
from .config import Collectivite, SiteConfig
from .frenchtext import date_fr, fait_a, month_fr, plural
from .identifiers import NATURE_CODES, NomenclatureCode, fold, nomenclature_labels
from .model import Act
from .registry import Registry, seance_key
from .rendercache import RenderCache
from .rules import RULES

PAGE_SIZE = 200  # rows per index page: an index stays readable on a phone
LATEST = 20  # acts on the home page
TEMPLATES = Path(__file__).resolve().parent.parent / "site_templates"


@dataclass
class Page:
    path: str  # posix path in the docs folder: "actes/2026/decision-2026-102.md"
    template: str
    context: dict = field(default_factory=dict)


@dataclass
class RenderReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)


def is_public(act: Act, today: dt.date) -> bool:
    """Published, and its mise en ligne has come (scheduled publication)."""
    meta = act.meta
    return meta.statut == "publie" and meta.mise_en_ligne is not None and meta.mise_en_ligne <= today


class SiteMap:
    """Where each act, séance and index lives, and what the templates ask about acts."""

    def __init__(self, registry: Registry, config: SiteConfig, acts: list[Act]):
        self.registry = registry
        self.config = config
        self.acts = acts
        self.shown = {id(a) for a in acts}
        self.default = config.default_collectivite

    # -- paths ---------------------------------------------------------------
    def act_path(self, act: Act) -> str:
        known = act.page  # asked about ten times per act, by each stage's SiteMap
        if known is not None and known[0] == self.default:
            return known[1]
        rules = RULES[act.type]
        folder = "actes" if act.meta.collectivite == self.default else f"actes/{act.meta.collectivite}"
        path = f"{folder}/{act.year}/{rules.url_prefix}-{act.numero.slug()}.md"
        act.page = (self.default, path)
        return path

    def annex_path(self, act: Act, index: int, name: str) -> str:
        base = self.act_path(act)[: -len(".md")]
        suffix = Path(name).suffix.lower()
        return f"{base}-annexe-{index + 1}{suffix}"

    def seance_path(self, act: Act) -> str | None:
        key = seance_key(act)
        if key is None:
            return None
        coll, organe, date = key
        organe_slug = re.sub(r"[^a-z0-9]+", "-", fold(organe)).strip("-") or "seance"
        return f"seances/{coll}/{date}-{organe_slug}.md"

    def matiere_path(self, code: str) -> str:
        return f"matieres/{code}/index.md"

    # -- questions templates ask -------------------------------------------
    def rules(self, act: Act):
        return RULES[act.type]

    def title(self, act: Act) -> str:
        return f"{RULES[act.type].title} n° {act.numero}"

    def collectivite(self, act: Act) -> Collectivite | None:
        return self.config.collectivites.get(act.meta.collectivite or "")

    def visible(self, act: Act) -> bool:
        return id(act) in self.shown

    def links(self, act: Act) -> dict[str, list]:
        """Relations shown on the act's page, only towards acts on the site."""
        grouped: dict[str, list] = defaultdict(list)
        seen: set[tuple[str, int]] = set()  # by identity: comparing acts field by field is slow
        for link in [*self.registry.links_from(act), *self.registry.links_to(act)]:
            if self.visible(link.target) and (link.relation, id(link.target)) not in seen:
                seen.add((link.relation, id(link.target)))
                grouped[link.relation].append(link.target)
        return dict(grouped)

    def seance_acts(self, act: Act) -> list[Act]:
        return [a for a in self.registry.seance_of(act) if self.visible(a)]


def paginate(rows: list, size: int = PAGE_SIZE) -> list[list]:
    return [rows[i : i + size] for i in range(0, len(rows), size)] or [[]]


def listing_pages(folder: str, title: str, acts: list[Act], template: str = "liste.md.j2", **extra) -> list[Page]:
    """An index of acts over as many pages as needed: folder/index.md, folder/page-2.md …"""
    chunks = paginate(acts)
    paths = [f"{folder}/index.md" if i == 0 else f"{folder}/page-{i + 1}.md" for i in range(len(chunks))]
    pages = []
    for number, (path, chunk) in enumerate(zip(paths, chunks), start=1):
        pagination = {
            "numero": number,
            "total": len(chunks),
            "precedente": paths[number - 2] if number > 1 else None,
            "suivante": paths[number] if number < len(chunks) else None,
            "pages": paths,
        }
        # The count is on the first page only: with it on every page, one new act
        # would change every page of the list (and each page's HTML after it).
        count = {"nombre": len(acts)} if number == 1 else {}
        pages.append(Page(path, template, {"titre": title, "actes": chunk, "pagination": pagination,
                                           **count, **extra}))
    return pages


def by_month(acts: Iterable[Act]) -> list[tuple[str, list[Act]]]:
    groups: dict[tuple[int, int], list[Act]] = defaultdict(list)
    for act in acts:
        groups[(act.meta.date.year, act.meta.date.month)].append(act)
    return [(month_fr(*key), groups[key]) for key in sorted(groups)]


class PageSet:
    """Every page of the site, for one set of acts."""

    def __init__(self, result: CheckResult, acts: list[Act], today: dt.date, drafts: bool, root: Path):
        self.site = SiteMap(result.registry, result.config, acts)
        self.config = result.config
        self.acts = acts
        self.today = today
        self.drafts = drafts
        self.root = root

    def pages(self) -> Iterator[Page]:
        yield from self.act_pages()
        yield from self.home()
        yield from self.registre()
        yield from self.matieres()
        yield from self.types()
        yield from self.seances()
        yield from self.collectivites()
        yield from self.static_pages()

    def act_pages(self) -> Iterator[Page]:
        for act in self.acts:
            annexes = []
            for index, annexe in enumerate(act.meta.annexes):
                path = self.site.annex_path(act, index, annexe.fichier)
                annexes.append({"titre": annexe.titre or f"Annexe {index + 1}", "path": path,
                                "source": annexe.fichier, "markdown": path.endswith(".md")})
                if path.endswith(".md"):
                    source = (self.root / act.path).parent / annexe.fichier
                    yield Page(path, "annexe.md.j2", {"acte": act, "annexe": annexes[-1], "numero": index + 1,
                                                      "texte": source.read_text("utf-8")})
            yield Page(self.site.act_path(act), "acte.md.j2", {"acte": act, "annexes": annexes})

    def home(self) -> Iterator[Page]:
        latest = sorted(self.acts, key=lambda a: (a.meta.mise_en_ligne or a.meta.date, a.meta.date), reverse=True)
        years = sorted({a.year for a in self.acts}, reverse=True)
        yield Page("index.md", "accueil.md.j2", {"actes": latest[:LATEST], "annees": years,
                                                  "nombre": len(self.acts)})

    def registre(self) -> Iterator[Page]:
        years: dict[int, list[Act]] = defaultdict(list)
        for act in self.acts:
            years[act.year].append(act)
        yield Page("registre/index.md", "registre_index.md.j2",
                   {"annees": [(y, len(years[y])) for y in sorted(years, reverse=True)]})
        for year, acts in years.items():
            yield from listing_pages(f"registre/{year}", f"Registre des actes de {year}", acts,
                                     "registre.md.j2", annee=year, par_mois=True)

    def matieres(self) -> Iterator[Page]:
        labels = nomenclature_labels()
        counts: dict[str, list[Act]] = defaultdict(list)
        for act in self.acts:
            code = act.meta.nomenclature
            if code is None:
                continue
            counts[code.level1_code].append(act)
            if code.level2_code:
                counts[code.level2_code].append(act)
        tree = []
        for code, label in labels.items():
            if "." in code:
                continue
            children = [(c, l, len(counts.get(c, []))) for c, l in labels.items()
                        if c.startswith(f"{code}.") and counts.get(c)]
            tree.append({"code": code, "libelle": label, "nombre": len(counts.get(code, [])), "enfants": children})
        yield Page("matieres/index.md", "matieres_index.md.j2", {"arbre": tree})
        for node in tree:
            if not node["nombre"]:
                continue
            direct = [a for a in counts[node["code"]] if a.meta.nomenclature.level2 is None]
            yield Page(self.site.matiere_path(node["code"]), "matiere.md.j2",
                       {"noeud": node, "actes": direct})
            for code, label, _ in node["enfants"]:
                yield from listing_pages(f"matieres/{code}", f"{code} — {label}", counts[code], "liste.md.j2",
                                         parent={"code": node["code"], "libelle": node["libelle"]},
                                         matiere=code)

    def types(self) -> Iterator[Page]:
        present = [(key, rules, [a for a in self.acts if a.type == key]) for key, rules in RULES.items()]
        yield Page("types/index.md", "types_index.md.j2",
                   {"types": [(key, rules, len(acts)) for key, rules, acts in present]})
        for key, rules, acts in present:
            years: dict[int, list[Act]] = defaultdict(list)
            for act in acts:
                years[act.year].append(act)
            yield Page(f"types/{key}/index.md", "type.md.j2",
                       {"cle": key, "regles": rules, "annees": [(y, len(years[y])) for y in sorted(years, reverse=True)]})
            for year, year_acts in years.items():
                yield from listing_pages(f"types/{key}/{year}", f"{rules.plural} — {year}", year_acts,
                                         "liste.md.j2", type_cle=key, annee=year)

    def seances(self) -> Iterator[Page]:
        groups: dict[str, list[Act]] = defaultdict(list)
        for act in self.acts:
            path = self.site.seance_path(act)
            if path:
                groups[path].append(act)
        entries = []
        for path, acts in groups.items():
            pv = next((a for a in acts if a.type == "proces_verbal"), None)
            deliberations = sorted((a for a in acts if a.type == "deliberation"),
                                   key=lambda a: (a.meta.seance.rang or 0, str(a.numero)))
            first = pv or acts[0]
            entries.append({"path": path, "seance": first.meta.seance, "collectivite": self.site.collectivite(first),
                            "pv": pv, "deliberations": deliberations, "date": first.meta.seance.date})
            yield Page(path, "seance.md.j2", entries[-1])
        entries.sort(key=lambda e: e["date"], reverse=True)
        yield Page("seances/index.md", "seances_index.md.j2", {"seances": entries})

    def collectivites(self) -> Iterator[Page]:
        if len(self.config.collectivites) < 2:
            return
        yield Page("collectivites/index.md", "collectivites_index.md.j2",
                   {"collectivites": [(k, c, sum(a.meta.collectivite == k for a in self.acts))
                                      for k, c in self.config.collectivites.items()]})
        for key, coll in self.config.collectivites.items():
            acts = [a for a in self.acts if a.meta.collectivite == key]
            yield from listing_pages(f"collectivites/{key}", coll.nom, acts, "liste.md.j2",
                                     collectivite_cle=key, par_mois=True)

    def static_pages(self) -> Iterator[Page]:
        from .search import search_form_context

        for name in ("recherche", "a-propos", "accessibilite", "mentions-legales", "donnees"):
            yield Page(f"{name}.md", f"{name}.md.j2",
                       search_form_context(self.acts, self.config) if name == "recherche" else {})
        # The collectivité's colour, from mkdocs.yml (extra.collectivites.*.couleur).
        default = self.config.collectivites.get(self.config.default_collectivite or "")
        yield Page("assets/couleurs.css", "couleurs.css.j2", {"couleur": default.couleur if default else None})


# ---------------------------------------------------------------------------
# Jinja2 environment


def relative(from_page: str, to_page: str) -> str:
    """A Markdown link from one page to another; MkDocs turns .md links into URLs."""
    if to_page.startswith(("http://", "https://", "#")):
        return to_page
    start = posixpath.dirname(from_page)
    if "." in (start[:1], to_page[:1]) or "//" in start + to_page or start.startswith("/"):
        return posixpath.relpath(to_page, start or ".")
    # The generator's own clean paths: posixpath.relpath without its abspath calls
    # (seven links a page, 20,000 pages).
    here, there = start.split("/") if start else [], to_page.split("/")
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:]) or "."


def make_environment(site: SiteMap, config: SiteConfig, today: dt.date, drafts: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # output is Markdown: values go through |t or |md explicitly
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a build: no stat() per include
    )

    @jinja2.pass_context
    def link(ctx, target) -> str:
        path = target if isinstance(target, str) else site.act_path(target)
        return relative(ctx["page_path"], path)

    env.filters.update(
        t=sanitize.text,
        md=sanitize.markdown,
        date_fr=date_fr,
        fait_a=fait_a,
        link=link,
        yaml_str=sanitize.yaml_str,
        cell=sanitize.cell,
        plural=plural,
        upper_fr=lambda v: str(v).upper(),
    )
    env.globals.update(
        site=site,
        config=config,
        rules=RULES,
        natures=NATURE_CODES,
        labels=nomenclature_labels(),
        today=today,
        drafts=drafts,
        by_month=by_month,
        NomenclatureCode=NomenclatureCode,
    )
    return env


# ---------------------------------------------------------------------------
# Writing


class DocsWriter:
    """Writes pages into the docs folder, touching only what changed."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.report = RenderReport()
        self.produced: set[str] = set()

    def write(self, path: str, content: bytes) -> None:
        target = self.out_dir / path
        self.produced.add(path)
        if target.is_file() and target.stat().st_size == len(content) and _digest_file(target) == _digest(content):
            self.report.unchanged += 1
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(content)
        os.replace(tmp, target)
        self.report.written.append(path)

    def keep(self, path: str) -> None:
        """A page known to be up to date, left as it is."""
        self.produced.add(path)
        self.report.unchanged += 1

    def copy(self, path: str, source: Path) -> None:
        self.write(path, source.read_bytes())
        self.report.copied.append(path)

    def link(self, path: str, source: Path) -> None:
        """A file of build/cache (PDF, data file): those are written once and only
        ever replaced (os.replace), never changed in place, so the docs folder
        can share them. Unchanged means the very same file: nothing is read
        (20,000 PDFs are a gigabyte or two)."""
        target = self.out_dir / path
        try:
            if os.path.samefile(source, target):
                self.produced.add(path)
                self.report.unchanged += 1
                self.report.copied.append(path)
                return
        except OSError:
            pass
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.unlink(missing_ok=True)
            os.link(source, tmp)
            os.replace(tmp, target)
        except OSError:  # another file system: a copy
            self.copy(path, source)
            return
        self.produced.add(path)
        self.report.written.append(path)
        self.report.copied.append(path)

    def remove_stale(self) -> None:
        if not self.out_dir.exists():
            return
        for folder, subfolders, files in os.walk(self.out_dir, topdown=False):
            base = Path(folder)
            rel_folder = base.relative_to(self.out_dir).as_posix()
            prefix = "" if rel_folder == "." else rel_folder + "/"
            for name in sorted(files):
                if prefix + name not in self.produced:
                    (base / name).unlink()
                    self.report.removed.append(prefix + name)
            if base != self.out_dir and not any(base.iterdir()):
                base.rmdir()


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _digest_file(path: Path) -> str:
    return _digest(path.read_bytes())


PARALLEL_FROM = 400  # pages to render before it pays to start worker processes


def render_one(env: jinja2.Environment, page: Page) -> bytes:
    return env.get_template(page.template).render(page.context, page_path=page.path).encode("utf-8")


def render_pages(env: jinja2.Environment, pages: list[Page]) -> Iterator[bytes]:
    """The Markdown of each page, in order. Many pages (a cold build: one per act)
    are rendered by forked workers, one per processor (generator/forking.py)."""
    return fork_map(lambda page: render_one(env, page), pages, at_least=PARALLEL_FROM, chunk=64)


def bytecode_cache(root: Path) -> jinja2.BytecodeCache:
    folder = root / "build" / "cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def select_acts(result: CheckResult, today: dt.date, drafts: bool) -> list[Act]:
    """The public site shows published acts whose mise en ligne has come; the
    preview shows drafts too."""
    return [a for a in result.acts if a.type in RULES and a.meta.numero is not None and a.meta.date is not None
            and (drafts or is_public(a, today))]


def render_site(result: CheckResult, root: Path, out_dir: Path, today: dt.date, drafts: bool = False,
                extra_files: dict[str, Path] | None = None, extra_globals: dict | None = None,
                use_cache: bool = False) -> RenderReport:
    """With use_cache, act pages whose inputs did not change are not rendered
    again (generator/rendercache.py): what `actes build` does."""
    acts = select_acts(result, today, drafts)
    pages = PageSet(result, acts, today, drafts, root)
    env = make_environment(pages.site, result.config, today, drafts)
    if use_cache:  # compiled templates are kept (Jinja2 checks each one's source before use)
        env.bytecode_cache = bytecode_cache(root)
    env.globals.update(extra_globals or {})  # e.g. `publication` (PDFs, feeds) from site.PRE_STAGES
    writer = DocsWriter(out_dir)
    cache = RenderCache(out_dir, TEMPLATES, root / "mkdocs.yml", drafts, today) if use_cache else None
    stale: list[tuple[Page, str | None]] = []
    for page in pages.pages():
        key = cache.key(page, pages.site, env.globals.get("publication")) if cache else None
        if key and cache.fresh(page.path, key):
            writer.keep(page.path)
        else:
            stale.append((page, key))
    for (page, key), content in zip(stale, render_pages(env, [page for page, _ in stale])):
        writer.write(page.path, content)
        if key:
            cache.store(page.path, key, len(content))
    for act in acts:
        for index, annexe in enumerate(act.meta.annexes):
            path = pages.site.annex_path(act, index, annexe.fichier)
            if not path.endswith(".md"):
                writer.copy(path, (root / act.path).parent / annexe.fichier)
    for path, source in (extra_files or {}).items():
        writer.link(path, source)
    writer.remove_stale()
    if cache:
        cache.save()
    return writer.report
