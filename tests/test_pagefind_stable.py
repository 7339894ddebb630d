"""Pagefind bundles made byte-stable (generator/pagefind_stable.py): Pagefind writes
filter values and the list of filters in hash-map order, different at each run."""

from __future__ import annotations

import gzip
import json
import random
import shutil
from pathlib import Path

import pytest

from generator import pagefind_stable as stable
from generator import search
from generator.search import run_pagefind
from tests.sitebuild import build_copy, copy_project
from tests.test_incremental import decoded, ordered


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """Pagefind's own bundle (not yet stabilised) of the example acts of 2025."""
    root = copy_project(tmp_path_factory.mktemp("stable") / "p")
    build_copy(root)
    site = root / "site"
    pages = sorted(p.relative_to(site).as_posix() for p in (site / "actes/somme-numerique/2025").glob("*/index.html"))
    out = root / "pagefind-brut"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "stabilise", lambda folder: None)
        run_pagefind(site, pages, out)
    return out


def shuffled(bundle: Path, dest: Path, seed: int) -> Path:
    """The bundle as another Pagefind run may write it: filter values and the
    metadata's filters in another order (same names: Pagefind's are not used)."""
    shutil.copytree(bundle, dest)
    rng = random.Random(seed)
    for path in (dest / "filter").iterdir():
        data = gzip.decompress(path.read_bytes())
        head, (name, values), _ = stable._array(data, len(stable.SIGNATURE))
        values_head, items, _ = stable._array(values, 0)
        rng.shuffle(items)
        path.write_bytes(gzip.compress(stable.SIGNATURE + head + name + values_head + b"".join(items)))
    meta, = dest.glob("*.pf_meta")
    data = gzip.decompress(meta.read_bytes())
    head, parts, _ = stable._array(data, len(stable.SIGNATURE))
    filters_head, filters, _ = stable._array(parts[stable.META_FILTERS], 0)
    rng.shuffle(filters)
    parts[stable.META_FILTERS] = filters_head + b"".join(filters)
    meta.write_bytes(gzip.compress(stable.SIGNATURE + head + b"".join(parts)))
    return dest


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_orders_of_the_same_index_give_the_same_bytes(bundle, tmp_path):
    first, second = shuffled(bundle, tmp_path / "a", 1), shuffled(bundle, tmp_path / "b", 2)
    matiere = next(p for p in (bundle / "filter").iterdir() if decoded(p)[0] == "matiere")
    assert len(decoded(matiere)[1]) >= 4  # enough values for the two orders to differ
    assert files(first) != files(second)
    stable.stabilise(first)
    stable.stabilise(second)
    assert files(first) == files(second)


def test_stabilising_keeps_the_content_and_the_links_between_files(bundle, tmp_path):
    copy = shutil.copytree(bundle, tmp_path / "c")
    stable.stabilise(copy)
    before = {decoded(p)[0]: ordered(decoded(p)) for p in (bundle / "filter").iterdir()}
    after = {decoded(p)[0]: ordered(decoded(p)) for p in (copy / "filter").iterdir()}
    assert after == before
    meta_name = "pagefind." + json.loads((copy / "pagefind-entry.json").read_text("utf-8"))[
        "languages"]["fr"]["hash"] + ".pf_meta"
    assert [p.name for p in copy.glob("*.pf_meta")] == [meta_name]
    meta = decoded(copy / meta_name)
    assert sorted(f"{h}.pf_filter" for _, h in meta[stable.META_FILTERS]) == sorted(p.name for p in (copy / "filter").iterdir())
    old_meta = decoded(next(bundle.glob("*.pf_meta")))
    assert meta[:stable.META_FILTERS] == old_meta[:stable.META_FILTERS]  # pages and word chunks untouched
    assert files(copy / "fragment") == files(bundle / "fragment") and files(copy / "index") == files(bundle / "index")
    once = files(copy)
    stable.stabilise(copy)  # once stable, stays as it is
    assert files(copy) == once


def test_an_unknown_layout_is_a_french_error(bundle, tmp_path):
    copy = shutil.copytree(bundle, tmp_path / "e")
    meta, = copy.glob("*.pf_meta")
    meta.write_bytes(gzip.compress(b"pagefind_dcd\x82\x01\x02"))
    with pytest.raises(stable.UnexpectedFormat, match="structure inattendue"):
        stable.stabilise(copy)
    meta.write_bytes(b"pas du gzip")
    with pytest.raises(stable.UnexpectedFormat, match="illisible"):
        stable.stabilise(copy)
