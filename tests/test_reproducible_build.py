"""Reproducible builds: two builds of the same acts give byte-identical sites, whatever
the folder, the time zone, Python's hash seed or the day they run; the dates the site
shows (sitemap) come from the acts, never from the clock. Every file is compared by
its bytes, the search index too (Pagefind's hash-map order is put right by
generator/pagefind_stable.py)."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitebuild import EXAMPLE_DAY, build_copy, copy_project

NEWEST_MISE_EN_LIGNE = "2026-11-23"  # of the example acts
FAKETIME = shutil.which("faketime")  # Debian's libfaketime (scripts/setup.sh)


def project_with_site_url(dest: Path) -> Path:
    """The example project with a site_url, so that the sitemap lists every page."""
    root = copy_project(dest)
    config = root / "mkdocs.yml"
    config.write_text("site_url: https://actes.example.org/\n" + config.read_text("utf-8"), "utf-8")
    return root


def digests(site: Path) -> dict[str, str]:
    """A digest of every file of the site."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def start(root: Path, clock: str | None = None, **env: str) -> subprocess.Popen:
    """`actes build` in its own process; with `clock`, under libfaketime at that time."""
    environment = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "ACTES_DATE")}
    command = [sys.executable, "-m", "generator", "build"]
    if clock:
        command = [FAKETIME, clock, *command]
    return subprocess.Popen(command, cwd=root, env={**environment, **env},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish(process: subprocess.Popen) -> None:
    output, _ = process.communicate(timeout=600)
    assert process.returncode == 0, output


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """Two builds of the same acts in different folders, time zones and hash seeds,
    the second one four weeks later by its clock (no act is scheduled in between,
    no year ends: the register of a year is bound when it ends)."""
    if FAKETIME is None:
        pytest.skip("faketime absent : lancer scripts/setup.sh")
    first = project_with_site_url(tmp_path_factory.mktemp("premier") / "projet")
    second = project_with_site_url(tmp_path_factory.mktemp("second") / "ailleurs" / "projet")
    runs = [start(first, PYTHONHASHSEED="1", TZ="UTC", ACTES_DATE=EXAMPLE_DAY.isoformat(), LC_ALL="C.UTF-8"),
            start(second, clock="2026-12-20 10:00:00", PYTHONHASHSEED="4242", TZ="Pacific/Kiritimati",
                  LANG="fr_FR.UTF-8")]
    for run in runs:
        finish(run)
    return first / "site", second / "site"


def test_two_builds_are_byte_identical(two_builds):
    first, second = two_builds
    a, b = digests(first), digests(second)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    assert len(a) > 50
    assert any(name.endswith(".pf_filter") for name in a)  # the search index is among them


def mises_en_ligne(root: Path) -> set[str]:
    return {m for p in (root / "acts").rglob("*.md") for m in re.findall(r"^mise_en_ligne: (\S+)", p.read_text("utf-8"),
                                                                          re.M)}


def test_sitemap_dates_come_from_the_acts(two_builds):
    sitemap = (two_builds[0] / "sitemap.xml").read_text("utf-8")
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap))
    assert dates <= mises_en_ligne(two_builds[0].parent) and max(dates) == NEWEST_MISE_EN_LIGNE
    assert sitemap.count("<loc>https://actes.example.org/") > 20


def gzip_mtime(path: Path) -> int:
    return struct.unpack("<I", path.read_bytes()[4:8])[0]


def test_compressed_sitemap_holds_no_build_time(two_builds):
    path = two_builds[0] / "sitemap.xml.gz"
    stamp = gzip_mtime(path)
    newest = int(dt.datetime.fromisoformat(NEWEST_MISE_EN_LIGNE).replace(tzinfo=dt.timezone.utc).timestamp())
    assert stamp in (0, newest)
    assert gzip.decompress(path.read_bytes()) == (two_builds[0] / "sitemap.xml").read_bytes()


def test_source_date_epoch_is_restored_after_the_build(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    build_copy(copy_project(tmp_path / "p"))
    assert os.environ["SOURCE_DATE_EPOCH"] == "1767225600"


def test_the_build_leaves_the_environment_as_it_found_it(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build_copy(copy_project(tmp_path / "p"))
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_a_new_act_moves_the_date_of_the_site(tmp_path):
    root = project_with_site_url(tmp_path / "p")
    act = (root / "acts/2026/decision-2026-92.md").read_text("utf-8")
    newer = act.replace("numero: 2026-92", "numero: 2026-93").replace(
        re.search(r"mise_en_ligne: \S+", act).group(0), "mise_en_ligne: 2026-11-30")
    (root / "acts/2026/decision-2026-93.md").write_text(newer, "utf-8")
    build_copy(root, on=dt.date(2026, 12, 1))
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", (root / "site/sitemap.xml").read_text("utf-8")))
    assert max(dates) == "2026-11-30" and "2026-11-30" in dates
