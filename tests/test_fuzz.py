"""Whatever a file holds, reading and checking it gives problems, never an exception.

Hypothesis feeds arbitrary bytes, arbitrary front matter (dicts dumped with
yaml) and valid acts with fields replaced by arbitrary values to `load_text` +
`validate_act`, then builds the registry and runs the checks across acts.
"""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check import run_check
from generator.config import load_config
from generator.load import load_text
from generator.numbering import check_duplicates, check_gaps
from generator.problems import Problem, Severity
from generator.references import check_proces_verbaux, check_references
from generator.registry import Registry
from generator.validate import Context, validate_act
from generator.yamlsafe import read_yaml

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# 300 examples per test in the suite; ACTES_FUZZ_EXAMPLES=5000 for a longer hunt on demand.
EXAMPLES = int(os.environ.get("ACTES_FUZZ_EXAMPLES", "300"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PATH = "acts/2026/fuzz.md"

FIELDS = ["type", "numero", "date", "objet", "nomenclature", "collectivite", "autorite", "signataire", "lieu",
          "statut", "mise_en_ligne", "transmission", "seance", "vote", "rapporteur", "annexes", "modifie", "abroge",
          "rectifie", "deliberations", "a_verifier"]
NESTED = ["prenom", "nom", "qualite", "delegation", "id", "heure", "organe", "convocation", "president",
          "secretaire", "presents", "representes", "mandant", "mandataire", "excuses", "absents", "quorum",
          "atteint", "en_exercice", "mention", "rang", "effectif", "votants", "pour", "contre", "abstention",
          "unanimite", "resultat", "fichier", "titre"]
TRAPS = ["2026-02-30", "2026-13-01", "0123", "yes", "no", "on", "7.10", "1.1", "01 - 01", "1.9", "10", "2026-102",
         "2025-1", "A2026-3", "DLB03_18122024", "062-216204982-20241218-DLB03_18122024-DE", "062-1-2-3-XX",
         "décision 2026-92", "lettre 2026-1", "2026-1", "publie", "projet", "decision", "arrete", "deliberation",
         "proces_verbal", "lens", "somme-numerique", "../../../../etc/passwd", "/etc/passwd", "~", "18:00", "25:61",
         "adopte", "a\nb", "x" * 600, "", " ", "\u2028", "\t", "*", "&", "!!python/name:os.system", "[", "{", "---"]

keys = st.sampled_from(FIELDS + NESTED) | st.text(max_size=12)
scalars = (st.none() | st.booleans() | st.integers(min_value=-(10**6), max_value=10**12)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=40)
           | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)) | st.sampled_from(TRAPS))
# Fields hold a scalar, a list or a group of fields: two levels, cheap to draw.
shallow = (scalars | st.lists(scalars, max_size=3)
           | st.dictionaries(st.sampled_from(NESTED) | st.text(max_size=6), scalars | st.lists(scalars, max_size=2),
                             max_size=4))
# Anything, nested (depth is the loader's business, see test_yaml).
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=4),
                      max_leaves=8)
front_matters = st.fixed_dictionaries(
    {}, optional={"type": st.sampled_from(["decision", "arrete", "deliberation", "proces_verbal"]) | scalars,
                  **{name: shallow for name in FIELDS[1:]}},
) | st.dictionaries(keys, values, max_size=6)
bodies = st.lists(
    st.sampled_from(["Vu la décision n° 2023-284,", "Vu l'arrêté n° 2026 - 631,", "Considérant que …", "## DÉCIDE",
                     "## ARRÊTE", "Après en avoir délibéré, le conseil DÉCIDE :", "**Article 1** : x", "## Article 2",
                     "Article 1er -", "Fait à Lens, le 1er juin", "## Annexe : plan", "- liste", "texte"])
    | st.text(max_size=80),
    max_size=8,
).map("\n\n".join)


@pytest.fixture(scope="module")
def env(tmp_path_factory, samples):
    """A project root, its configuration and the valid sample acts, shared by every example."""
    root = tmp_path_factory.mktemp("fuzz")
    (root / "mkdocs.yml").write_text(samples.CONFIG, "utf-8")
    (root / "acts/2026").mkdir(parents=True)
    config, found = load_config(root / "mkdocs.yml")
    assert found == []
    ctx = Context(config, dt.date(2026, 6, 15), root)
    valid = {}
    for name, text in samples.FILES.items():
        act, act_problems = validate_act(load_text(text.encode(), name), ctx)
        assert act_problems == []
        valid[name] = (act, text)
    return root, ctx, valid


def check_everything(data: bytes, env) -> list[Problem]:
    _, ctx, samples = env
    raw = load_text(data, PATH)
    act, problems = validate_act(raw, ctx)
    acts = [a for a, _ in samples.values()]
    if act is not None and act.meta.type:
        acts.append(act)
    registry = Registry.build(acts)
    for check in (check_duplicates, check_gaps, check_references, check_proces_verbaux):
        problems += check(registry)
    lines = max(data.count(b"\n"), re.sub(rb"\r\n?", b"\n", data).count(b"\n")) + 1
    for problem in problems:
        assert isinstance(problem, Problem)
        assert isinstance(problem.severity, Severity)
        assert isinstance(problem.message, str) and problem.message
        assert isinstance(problem.field, str) and problem.field
        if problem.path == PATH:
            assert 1 <= problem.line <= lines + 1, (problem, lines)
        # Every message is French: no pydantic or PyYAML wording leaks through
        # (what the file itself says is quoted « like this », or is a field name).
        ours = re.sub(r"«[^»]*»", "«»", problem.message).replace(problem.field, "")
        for english in ("Input should", "validation error", "could not", "expected", "found", "while "):
            assert english not in ours, problem
        str(problem)
    return problems


@SETTINGS
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes(env, data):
    check_everything(data, env)


@SETTINGS
@given(front=st.binary(max_size=1500), body=st.binary(max_size=500),
       bom=st.booleans(), crlf=st.booleans())
def test_arbitrary_bytes_between_fences(env, front, body, bom, crlf):
    data = (b"\xef\xbb\xbf" if bom else b"") + b"---\n" + front + b"\n---\n" + body
    if crlf:
        data = data.replace(b"\n", b"\r\n")
    check_everything(data, env)


@SETTINGS
@given(meta=front_matters, body=bodies, flow=st.booleans())
def test_arbitrary_front_matter(env, meta, body, flow):
    front = yaml.dump(meta, Dumper=DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=flow)
    check_everything(f"---\n{front}---\n\n{body}\n".encode("utf-8", "surrogatepass"), env)


@SETTINGS
@given(sample=st.sampled_from(["decision", "arrete", "deliberation", "proces"]),
       changes=st.dictionaries(st.sampled_from(FIELDS), shallow, min_size=1, max_size=4),
       removed=st.sets(st.sampled_from(FIELDS), max_size=3))
def test_valid_acts_with_arbitrary_fields(env, sample, changes, removed):
    _, _, samples = env
    text = next(t for name, (_, t) in samples.items() if sample in name)
    front, _, body = text[4:].partition("\n---\n")
    doc, issues = read_yaml(front)
    assert issues == []
    meta = {k: v for k, v in doc.data.items() if k not in removed}
    meta.update(changes)
    dumped = yaml.dump(meta, Dumper=DUMPER, allow_unicode=True, sort_keys=False)
    check_everything(f"---\n{dumped}---\n{body}".encode("utf-8", "surrogatepass"), env)


@settings(max_examples=max(EXAMPLES // 8, 20), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.lists(st.binary(max_size=400) | front_matters.map(
    lambda m: f"---\n{yaml.dump(m, Dumper=DUMPER, allow_unicode=True)}---\n".encode("utf-8", "surrogatepass")),
    max_size=4))
def test_whole_check_on_arbitrary_trees(tmp_path_factory, samples, data):
    root = tmp_path_factory.mktemp("arbre")
    (root / "mkdocs.yml").write_text(samples.CONFIG, "utf-8")
    (root / "acts/2026").mkdir(parents=True)
    for index, content in enumerate(data):
        (root / f"acts/2026/acte-{index}.md").write_bytes(content)
    result = run_check(root, on=dt.date(2026, 6, 15))
    assert all(isinstance(p, Problem) for p in result.problems)
    assert result.files == len(data)
