"""bench/scale.py keeps working: a tiny archive, without the browser part."""

from __future__ import annotations

import json

from bench import scale


def test_scale_bench_runs_on_a_tiny_archive(tmp_path, capsys):
    assert scale.main(["30", "--out", str(tmp_path), "--no-browser"]) == 0
    printed = capsys.readouterr().out
    assert "part du générateur / mkdocs seul" in printed
    figures = json.loads((tmp_path / "scale-30.json").read_text("utf-8"))
    assert figures["generator"]["errors"] == 0 and figures["generator"]["acts"] == 30
    # The rebuilds were incremental, and one act (then two) changed the pages.
    for step in ("rebuild_one_changed", "rebuild_one_added"):
        assert not any("construction complète" in m for m in figures[step]["messages"]), step
    # Nothing changed: the build says so and leaves the site as it is.
    assert figures["rebuild_no_change"]["messages"][0].startswith("Site à jour")
    assert figures["search_index"]["bytes"] > 0
    assert figures["cold_build"]["peak_bytes"] > figures["cold_build"]["peak_self"] > 0
    # The PSS of the build's process tree was sampled (a page shared by forked workers counts once).
    assert figures["cold_build"]["peak_pss"] > 10_000_000
