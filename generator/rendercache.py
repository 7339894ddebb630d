"""Skips rendering act pages whose inputs did not change.

Rendering the page of an act (acte.md.j2) costs more than anything else the
generator does per act. What goes into that page is listed here and nothing
else: the templates and the generator's code, mkdocs.yml, the act file's
bytes, where the page is, the acts it is linked with (their titles and
addresses, as the page shows them), its séance page and its annexes. When the
key of a page is the one recorded for the Markdown already in the docs folder,
the page is kept as it is.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .actcache import code_digest

CACHED_TEMPLATES = ("acte.md.j2",)
# Pages made of acts and plain values (lists by matière, type, collectivité and
# year, séances, matières): a row shows an act's date, title, objet, matière or
# vote, all from its file; the key names each act by its file digest and page,
# plus the page's other values (séance and collectivité models by their data)
# and what the page asks of the publication stage (page_extras).
LIST_TEMPLATES = ("liste.md.j2", "registre.md.j2", "seance.md.j2", "matiere.md.j2")
# Templates that read `today` only as page_extras names it (the registre: the year,
# to say whether the year's printable register is still to come). The day itself
# is not part of their keys, so a new day does not render every page again.
DAY_IN_EXTRAS = ("registre.md.j2",)


def page_extras(page, publication, today) -> list:
    """What a cached list page shows besides its context."""
    if page.template == "registre.md.j2":
        files = publication.registre(page.context["annee"]) if publication is not None else None
        return [today.year, files]
    if page.template == "seance.md.j2":
        return [publication.seance_pdf(page.path) if publication is not None else None]
    return []


def templates_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class RenderCache:
    def __init__(self, out_dir: Path, templates: Path, config_file: Path, drafts: bool, today):
        self.out_dir = out_dir
        self.file = out_dir.parent / "cache" / f"rendu-{out_dir.name}.json"
        # The templates cached pages are made of (the pages and the shared parts).
        source = "".join(p.read_text("utf-8") for p in sorted(templates.glob("*.j2"))
                         if (p.name in CACHED_TEMPLATES + LIST_TEMPLATES or p.name.startswith("_"))
                         and p.name not in DAY_IN_EXTRAS)
        salt = hashlib.sha256()
        for part in (templates_digest(templates), code_digest(), str(drafts),
                     # Act pages do not show the day; if a template ever does, the day joins the key.
                     today.isoformat() if "today" in source else ""):
            salt.update(part.encode() + b"\0")
        salt.update(config_file.read_bytes() if config_file.is_file() else b"")
        self.salt = salt.hexdigest()
        self.today = today
        self.kept = 0
        self.entries: dict[str, list] = {}
        self.next: dict[str, list] = {}
        try:
            stored = json.loads(self.file.read_text("utf-8"))
            if stored.get("salt") == self.salt:
                self.entries = stored["pages"]
        except (OSError, ValueError, KeyError):
            pass

    def key(self, page, site, publication=None) -> str | None:
        if page.template in LIST_TEMPLATES:
            return self.list_key(page, site, page_extras(page, publication, self.today))
        if page.template not in CACHED_TEMPLATES:
            return None
        act = page.context["acte"]
        links = {relation: [(site.title(other), site.act_path(other)) for other in others]
                 for relation, others in site.links(act).items()}
        parts = [page.path, act.path, act.sha256, links, site.seance_path(act), page.context.get("annexes")]
        if publication is not None:  # the PDF offered on the page, with its size and SHA-256
            pdf = publication.pdf(act)
            parts += [(pdf.path, pdf.sha256, pdf.octets) if pdf else None, publication.rectifications(act)]
        return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()

    def list_key(self, page, site, extras: list) -> str | None:
        import datetime as dt

        from pydantic import BaseModel

        from .model import Act

        def plain(value):
            if isinstance(value, Act):
                return ["acte", value.path, value.sha256, site.act_path(value)]
            if isinstance(value, BaseModel):
                return [type(value).__name__, value.model_dump(mode="json")]
            if isinstance(value, dt.date):
                return value.isoformat()
            if isinstance(value, dict):
                return {str(k): plain(v) for k, v in value.items()}
            if isinstance(value, (list, tuple)):
                return [plain(v) for v in value]
            if value is None or isinstance(value, (str, int, float, bool)):
                return value
            raise TypeError  # a value this key does not know how to name: render the page

        try:
            parts = [page.path, page.template, plain(page.context)]
        except TypeError:
            return None
        return hashlib.sha256(json.dumps([parts, extras], sort_keys=True, default=str).encode()).hexdigest()

    def fresh(self, path: str, key: str) -> bool:
        entry = self.entries.get(path)
        if not entry or entry[0] != key:
            return False
        try:
            if (self.out_dir / path).stat().st_size != entry[1]:
                return False
        except OSError:
            return False
        self.next[path] = entry
        self.kept += 1
        return True

    def store(self, path: str, key: str, size: int) -> None:
        self.next[path] = [key, size]

    def save(self) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_suffix(".tmp")
        tmp.write_text(json.dumps({"salt": self.salt, "pages": self.next}), "utf-8")
        os.replace(tmp, self.file)
