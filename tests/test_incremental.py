"""Incremental builds: after a change, only the pages that show it are written
again, and the site is the one a cold build of the same acts produces."""

from __future__ import annotations

from generator.publish import publish

import datetime as dt
import gzip
import json
import os
import shutil
from pathlib import Path

import pytest

from generator.site import BuildError, build
from tests.sitebuild import EXAMPLE_DAY, copy_project

ACT = "acts/2026/decision-2026-102.md"
ACT_PAGE = "actes/2026/decision-2026-102/index.html"
OLD_OBJET = "contrat de maintenance, assistance et prestations diverses"
NEW_OBJET = "contrat de maintenance corrective, assistance et prestations diverses"
# The act's PDF, and the data files that list every act or the register (with the
# rectification): they change with the act.
DATA_FILES = {"actes/2026/decision-2026-102.pdf", "donnees/actes.csv", "donnees/actes.json",
              "donnees/registre-publication.json", "flux/actes.atom", "flux/decision.atom"}
ALWAYS = {"sitemap.xml", "sitemap.xml.gz", "404.html"}  # list every page / carry the build date

NEW_ACT = """\
---
type: decision
numero: 2026-103
date: 2026-06-02
objet: Décision relative au stationnement rue Jean Jaurès pendant les travaux
nomenclature: "6.1"
collectivite: lens
autorite: Le Maire de la Ville de Lens,
signataire: {prenom: Pierre, nom: MAZURE, qualite: L'adjoint au Maire}
lieu: Lens
modifie:
  - décision 2026-102
statut: publie
mise_en_ligne: 2026-06-03
---

Vu le code général des collectivités territoriales,

## DÉCIDE

**Article 1** : Le stationnement est interdit rue Jean Jaurès du 8 au 12 juin 2026.
"""


def run_build(root: Path) -> list[str]:
    messages: list[str] = []
    build(root, on=EXAMPLE_DAY, report=messages.append)
    return messages


def inodes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*") if p.is_file()}


def rewritten(before: dict[str, int], after: dict[str, int], search: bool = False) -> set[str]:
    return {p for p, ino in after.items() if before.get(p) != ino and p.startswith("pagefind/") == search}


def cold_copy(root: Path, dest: Path, on: dt.date = EXAMPLE_DAY) -> Path:
    """The same project, built from nothing."""
    dest.mkdir()
    for name in ("mkdocs.yml", "acts", "theme"):
        source = root / name
        shutil.copytree(source, dest / name) if source.is_dir() else shutil.copy2(source, dest / name)
    build(dest, on=on)
    return dest / "site"


# -- Pagefind's files, compared by content ------------------------------------
# Pagefind writes the values of a filter in hash-map order, so two runs over the
# same pages can differ in bytes (and in the hashed file names that follow).
# Its files are gzip + "pagefind_dcd" + CBOR: decoded and put in order, they
# must be equal.

def cbor(data: bytes, at: int = 0):
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info < 24:
        value = info
    else:
        size = 1 << (info - 24)
        value = int.from_bytes(data[at:at + size], "big")
        at += size
    if major == 0:
        return value, at
    if major == 1:
        return -1 - value, at
    if major in (2, 3):
        chunk = data[at:at + value]
        return (chunk.decode() if major == 3 else chunk.hex()), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = cbor(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = []
        for _ in range(value):
            key, at = cbor(data, at)
            item, at = cbor(data, at)
            pairs.append([key, item])
        return pairs, at
    if major == 7:
        return {20: False, 21: True, 22: None}.get(info, value), at
    raise ValueError(f"CBOR type {major} not expected")


def ordered(value):
    if isinstance(value, list):
        return sorted((ordered(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    return value


def decoded(path: Path):
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(b"pagefind_dcd")
    value, end = cbor(data, len(b"pagefind_dcd"))
    assert end == len(data)
    return value


def bundle_content(bundle: Path) -> dict:
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    return {
        "pages": sum(lang["page_count"] for lang in entry["languages"].values()),
        "fragments": sorted(p.name for p in (bundle / "fragment").iterdir()),  # named by their content
        "words": sorted(p.name for p in (bundle / "index").iterdir()),
        "filters": ordered([decoded(p) for p in (bundle / "filter").iterdir()]),
        "code": {name: (bundle / name).read_bytes() for name in ("pagefind.js", "pagefind-worker.js", "wasm.fr.pagefind")},
    }


def assert_same_site(site: Path, cold: Path) -> None:
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    cold_files = {p.relative_to(cold).as_posix() for p in cold.rglob("*") if p.is_file()}
    plain = sorted(p for p in files if not p.startswith("pagefind/"))
    assert plain == sorted(p for p in cold_files if not p.startswith("pagefind/"))
    for rel in plain:
        assert (site / rel).read_bytes() == (cold / rel).read_bytes(), f"{rel} differs from a cold build"
    years = sorted(p.name for p in (site / "pagefind").iterdir() if p.is_dir())
    assert years == sorted(p.name for p in (cold / "pagefind").iterdir() if p.is_dir())
    for year in years:
        assert bundle_content(site / "pagefind" / year) == bundle_content(cold / "pagefind" / year), year


# -- the tests -------------------------------------------------------------------

@pytest.fixture
def project(tmp_path) -> Path:
    root = copy_project(tmp_path / "projet")
    messages = run_build(root)
    assert any("construction complète" in m for m in messages)
    return root


def rectify_objet(project: Path) -> None:
    """Changes the objet of a published act the only lawful way: a recorded rectification."""
    source = project / ACT
    source.write_text(source.read_text("utf-8").replace(OLD_OBJET, NEW_OBJET), "utf-8")
    publish(project, [source], EXAMPLE_DAY, motif="erreur matérielle dans l'objet")


def test_changing_one_act_rewrites_its_page_and_the_indexes_that_list_it(project, tmp_path):
    site = project / "site"
    showing = {p.relative_to(site).as_posix() for p in site.rglob("*.html")
               if OLD_OBJET in p.read_text("utf-8")}
    assert ACT_PAGE in showing and "registre/2026/index.html" in showing and len(showing) >= 4
    before = inodes(site)
    rectify_objet(project)

    messages = run_build(project)

    after = inodes(site)
    pages = {p for p in showing if not p.startswith("widget/")}  # the widget is a data file, not a page
    assert f"HTML : {len(pages)} page(s) reconstruite(s), 0 retirée(s)" in messages
    assert rewritten(before, after) == showing | ALWAYS | DATA_FILES
    # Search: only the 2026 index was made again; 2024 and 2025 are the same files.
    assert {p.split("/")[1] for p in rewritten(before, after, search=True)} == {"2026"}
    assert NEW_OBJET in (site / ACT_PAGE).read_text("utf-8")
    assert_same_site(site, cold_copy(project, tmp_path / "froid"))


def test_adding_and_removing_an_act_equal_a_cold_build(project, tmp_path):
    site = project / "site"
    before = inodes(site)
    (project / "acts/2026/decision-2026-103.md").write_text(NEW_ACT, "utf-8")
    messages = run_build(project)
    assert not any("construction complète" in m for m in messages)
    new_page = "actes/2026/decision-2026-103/index.html"
    assert new_page in rewritten(before, inodes(site))
    assert "actes/2024/deliberation-dlb03_18122024/index.html" not in rewritten(before, inodes(site))
    # The act it modifies now says so: its page was rendered again, though its file did not change.
    assert ACT_PAGE in rewritten(before, inodes(site))
    assert "Modifié par" in (site / ACT_PAGE).read_text("utf-8")
    assert_same_site(site, cold_copy(project, tmp_path / "froid-ajout"))

    (project / "acts/2026/decision-2026-103.md").unlink()
    messages = run_build(project)
    assert "HTML :" in " ".join(messages) and not (site / new_page).exists()
    assert not (site / "actes/2026/decision-2026-103").exists()
    assert_same_site(site, cold_copy(project, tmp_path / "froid-retrait"))


def test_no_change_keeps_the_site_as_it_is(project):
    site = project / "site"
    before = inodes(site)
    messages = run_build(project)
    assert messages == ["Site à jour : rien n'a changé depuis la dernière construction (actes, annexes, "
                        "réglages, thème, date) ; site est conservé tel quel"]
    assert inodes(site) == before  # not one file written, not even the sitemap
    assert not list(project.glob(".site-build-*"))


def test_a_file_saved_unchanged_rewrites_nothing_but_the_sitemap(project):
    site = project / "site"
    before = inodes(site)
    act = project / ACT
    act.write_bytes(act.read_bytes())  # saved again: new times, same text
    messages = run_build(project)
    assert "HTML : 0 page(s) reconstruite(s), 0 retirée(s)" in messages
    assert rewritten(before, inodes(site)) == ALWAYS
    assert rewritten(before, inodes(site), search=True) == set()


@pytest.mark.parametrize("change", ["annexe ajoutée", "autre jour", "projets", "gabarit", "site retouché",
                                    "échec"])
def test_anything_the_site_is_made_from_means_a_real_build(project, change):
    on = EXAMPLE_DAY
    if change == "annexe ajoutée":
        (project / "acts/2026/plan.pdf").write_bytes(b"%PDF-1.4 plan")
    elif change == "autre jour":
        on = EXAMPLE_DAY + dt.timedelta(days=1)
    elif change == "gabarit":
        (project / "theme/partials").mkdir(exist_ok=True)
        (project / "theme/partials/vide.html").write_text("", "utf-8")
    elif change == "site retouché":
        (project / "site/sitemap.xml").write_bytes((project / "site/sitemap.xml").read_bytes())
    elif change == "échec":
        act = project / ACT
        text = act.read_text("utf-8")
        act.write_text(text.replace("numero:", "numero: [", 1), "utf-8")
        with pytest.raises(BuildError):
            run_build(project)
        act.write_text(text, "utf-8")
    messages: list[str] = []
    build(project, on=on, drafts=change == "projets", report=messages.append)
    assert not any(m.startswith("Site à jour") for m in messages), change
    assert any(m.startswith("HTML :") for m in messages), change
    # ...and the build after it has nothing left to do.
    again: list[str] = []
    build(project, on=on, drafts=change == "projets", report=again.append)
    assert again[0].startswith("Site à jour"), change


def test_a_new_year_offers_the_ended_year_s_registre_as_a_cold_build_does(project, tmp_path):
    """The registre page of a year says its printable register is to come, then links
    it once the year has ended: a page kept from the cache must not miss that."""
    site = project / "site"
    new_year = dt.date(EXAMPLE_DAY.year + 1, 1, 4)
    assert "sera produit après la fin de l'année" in (site / "registre/2026/index.html").read_text("utf-8")
    build(project, on=new_year)
    page = (site / "registre/2026/index.html").read_text("utf-8")
    assert "sera produit après la fin de l'année" not in page and "Registre 2026 à imprimer" in page
    assert_same_site(site, cold_copy(project, tmp_path / "froid-annee", on=new_year))


def test_the_previous_site_is_copied_by_hard_links_in_the_background(tmp_path, monkeypatch):
    from generator.incremental import SiteClone

    previous = tmp_path / "site"
    (previous / "actes").mkdir(parents=True)
    (previous / "actes/page.html").write_text("<p>acte</p>", "utf-8")
    copies = []
    for name, path_env in (("copie", None), ("sans-cp", "")):
        if path_env is not None:
            monkeypatch.setenv("PATH", path_env)  # no `cp`: the copy is made in Python
        staging = tmp_path / name
        staging.mkdir()
        SiteClone(previous, staging).wait()
        assert (staging / "actes/page.html").stat().st_ino == (previous / "actes/page.html").stat().st_ino
        copies.append(staging)
    dropped = tmp_path / "abandon"
    dropped.mkdir()
    SiteClone(previous, dropped).discard()  # a full build starts from an empty folder
    assert dropped.is_dir() and not any(dropped.iterdir())
    assert (previous / "actes/page.html").read_text("utf-8") == "<p>acte</p>"


def test_theme_or_config_change_rebuilds_everything(project):
    site = project / "site"
    before = inodes(site)
    css = project / "theme/assets/actes.css"
    css.write_text(css.read_text("utf-8") + "\n.acte { color: #000; }\n", "utf-8")
    messages = run_build(project)
    assert any("construction complète : mkdocs.yml, le thème ou les outils ont changé" in m for m in messages)
    after = inodes(site)
    assert ACT_PAGE in rewritten(before, after) and "index.html" in rewritten(before, after)
    assert ".acte { color: #000; }" in (site / "assets/actes.css").read_text("utf-8")


def test_published_site_is_untouched_until_the_swap(project):
    """The staging folder shares files with site/ through hard links: a rebuilt
    page must be a new file, never the old one written over."""
    site = project / "site"
    page = site / ACT_PAGE
    kept = project / "ancienne-page.html"
    os.link(page, kept)  # another name for the published file
    published = kept.read_bytes()
    rectify_objet(project)
    run_build(project)
    assert kept.read_bytes() == published
    assert NEW_OBJET in page.read_text("utf-8")


def test_a_site_folder_changed_by_hand_gets_a_full_build(project):
    shutil.rmtree(project / "site")
    messages = run_build(project)
    assert any("construction complète : premier site" in m for m in messages)
    sitemap = project / "site/sitemap.xml"
    sitemap.unlink()
    shutil.copy(project / "site/404.html", sitemap)  # not the file the last build wrote
    messages = run_build(project)
    assert any("construction complète" in m for m in messages)


# -- the cache of validated acts ------------------------------------------------

def check_with_cache(root: Path):
    from generator.check import run_check

    return run_check(root, on=EXAMPLE_DAY, cache=root / "build/cache")


def test_act_cache_reads_again_only_changed_files(tmp_path):
    from generator.actcache import ActCache
    from generator.check import run_check

    root = copy_project(tmp_path / "cache")
    first = check_with_cache(root)
    source = root / ACT
    source.write_text(source.read_text("utf-8").replace("objet: ", "objet: \n", 1), "utf-8")  # YAML broken
    cached = ActCache(root / "build/cache", root / "mkdocs.yml", EXAMPLE_DAY)
    assert len(cached.entries) == first.files
    second = check_with_cache(root)
    fresh = run_check(root, on=EXAMPLE_DAY)
    assert [str(p) for p in second.problems] == [str(p) for p in fresh.problems]
    assert any(p.path == ACT and "YAML" in p.message for p in second.errors)
    assert [a.sha256 for a in second.acts] == [a.sha256 for a in fresh.acts]


def test_act_cache_sees_a_missing_annex_and_a_new_day(tmp_path):
    from generator.check import run_check

    root = copy_project(tmp_path / "annexe")
    assert not check_with_cache(root).errors
    annex = root / "acts/2024/annexes/convention-mutualisation-dmsi.md"
    annex.unlink()
    after = check_with_cache(root)
    assert [str(p) for p in after.problems] == [str(p) for p in run_check(root, on=EXAMPLE_DAY).problems]
    assert any("annexe" in p.field or "annexe" in p.message for p in after.errors)
    # The day is part of the key: a mise en ligne in the future is an error again.
    early = run_check(root, on=dt.date(2024, 1, 1), cache=root / "build/cache")
    assert [str(p) for p in early.problems] == [str(p) for p in run_check(root, on=dt.date(2024, 1, 1)).problems]


def test_mkdocs_error_in_the_child_process_is_a_french_build_error(tmp_path):
    from generator.site import BuildError

    root = copy_project(tmp_path / "theme-inconnu")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("name: material", "name: inexistant"), "utf-8")
    with pytest.raises(BuildError, match=r"^MkDocs a échoué : "):
        run_build(root)
    assert not (root / "site").exists() and not list(root.glob(".site-build-*"))


def test_full_build_is_byte_for_byte_mkdocs_own_build(project, tmp_path, monkeypatch):
    """The full build reads, writes and lets go of one page at a time (bounded
    memory at 50,000 acts): the site is still exactly what `mkdocs build` makes."""
    from generator import incremental

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795392000")
    docs = project / "build/docs"
    ours, reference = tmp_path / "nous", tmp_path / "mkdocs"
    ours.mkdir(), reference.mkdir()
    nav = incremental.full_build(project / "mkdocs.yml", docs, ours)
    incremental.mkdocs_own_build(project / "mkdocs.yml", docs, reference)
    files = sorted(p.relative_to(ours).as_posix() for p in ours.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(reference).as_posix() for p in reference.rglob("*") if p.is_file())
    assert len([f for f in files if f.startswith("actes/") and f.endswith("/index.html")]) >= 10
    for rel in files:
        assert (ours / rel).read_bytes() == (reference / rel).read_bytes(), rel
    assert nav and nav[0][0]  # the navigation's titles, for the next incremental build


def test_the_previous_site_is_deleted_after_the_swap(project):
    import time

    act = project / ACT
    act.write_bytes(act.read_bytes())
    (project / ".site-trash-oublie").mkdir()  # left by a deletion that was stopped
    (project / ".site-trash-oublie/page.html").write_text("ancienne", "utf-8")
    run_build(project)
    assert (project / "site/index.html").is_file()
    assert not list(project.glob(".site-build-*"))
    deadline = time.monotonic() + 60
    while list(project.glob(".site-trash-*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not list(project.glob(".site-trash-*"))  # deleted in the background, all of them


def test_act_cache_writes_only_the_shard_of_a_changed_act(tmp_path):
    root = copy_project(tmp_path / "projet")
    check_with_cache(root)
    shards = root / "build/cache/actes"
    before = {p.name: p.stat().st_mtime_ns for p in shards.iterdir()}
    act = root / ACT
    act.write_text(act.read_text("utf-8") + "\n", "utf-8")
    result = check_with_cache(root)
    after = {p.name: p.stat().st_mtime_ns for p in shards.iterdir()}
    assert len([name for name in after if after[name] != before.get(name)]) == 1
    assert len(result.acts) == 10  # (a published act changed: check says so, the cache is still used)
    act.unlink()  # a removed act leaves its shard
    check_with_cache(root)
    import pickle
    from generator.actcache import SHARDS, shard_of

    shard = shards / f"{shard_of(str(act)):02d}.pickle"
    entries = pickle.loads(shard.read_bytes())[1] if shard.exists() else {}
    assert str(act) not in entries and len(list(shards.iterdir())) <= SHARDS
