"""The fast paths of `actes check` give exactly what the plain paths give.

- YAML: scalars built from their tag and value, lines from the parser's count and a
  lean resolver, compared with PyYAML's constructor, lines by bisection and PyYAML's
  resolver (the reader as it was before the fast path) on generated documents;
- body: the cheap tests taken before the article regex and before folding;
- run_check: acts read and validated by several processes give the same acts,
  problems and registry as one process, errors and cross-file duplicates included.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.synth import generate
from generator import yamlsafe
from generator import body as body_module
from generator.body import _ARTICLE, _MAYBE_ARTICLE, ActBody, Block, _place_before, _place_other
from generator.check import run_check
from generator.load import _front_matter
from generator.yamlsafe import MAX_DEPTH, YamlIssue, dotted, read_yaml

EXAMPLES = int(os.environ.get("ACTES_FUZZ_EXAMPLES", "300"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DAY = dt.date(2026, 6, 15)


# ---------------------------------------------------------------------------
# YAML: the reader before its fast path, kept here as the reference


class _ReferenceFast(yamlsafe.FastStrictLoader):
    resolve = yaml.resolver.BaseResolver.resolve


class _ReferenceStrict(yamlsafe.StrictLoader):
    resolve = yaml.resolver.BaseResolver.resolve


class _ReferenceComposer(yamlsafe._Composer):
    """PyYAML's constructor for every scalar; lines counted from the "\\n" positions."""

    def __init__(self, loader, line_offset: int, text: str):
        super().__init__(loader, line_offset, text)
        self.reference_offset = line_offset
        self.all_newlines = yamlsafe._newlines(text)

    def line(self, node: yaml.Node) -> int:
        return yamlsafe._line_at(node.start_mark, self.all_newlines) + self.reference_offset

    def build(self, node: yaml.Node, path=(), depth: int = 0) -> object:
        self.doc.lines[path] = self.line(node)
        if id(node) in self.seen:
            if not self.alias_reported:
                probe = path
                while probe and probe not in self.doc.key_lines:
                    probe = probe[:-1]
                line = self.doc.key_lines.get(probe, self.line(node))
                self.issues.append(YamlIssue(line, dotted(path), "les alias YAML (« *nom ») ne sont pas acceptés"))
                self.alias_reported = True
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.issues.append(
                YamlIssue(self.line(node), dotted(path), f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux)")
            )
            return None
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in yamlsafe._COLLECTION_TAGS:
            self.issues.append(YamlIssue(self.line(node), dotted(path),
                                         f"étiquette YAML « {node.tag} » refusée : écrire la valeur sans « ! »"))
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*path, i), depth + 1) for i, child in enumerate(node.value)]
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError:
            self.issues.append(YamlIssue(self.line(node), dotted(path),
                                         f"étiquette YAML « {node.tag} » refusée : écrire la valeur sans « ! »"))
            return None


def reference_read_yaml(text: str, line_offset: int):
    return yamlsafe._read(text, line_offset, _ReferenceFast, _ReferenceStrict, _ReferenceComposer)


def outcome(reader, text: str, line_offset: int):
    """Everything a reader gives, types included (True == 1 in Python, not in repr)."""
    try:
        doc, issues = reader(text, line_offset)
    except Exception as exc:  # the same exception is the same behaviour
        return ("exception", type(exc).__name__)
    if doc is None:
        return (None, issues)
    return (repr(doc.data), doc.lines, doc.key_lines, issues)


def assert_same_reading(text: str, line_offset: int = 1) -> None:
    assert outcome(read_yaml, text, line_offset) == outcome(reference_read_yaml, text, line_offset)


SCALARS = ["true", "True", "TRUE", "tRUE", "false", "yes", "no", "on", "~", "null", "Null", "NULL", "nul", "",
           "0", "-0", "+0", "00", "12", "-3", "+4", "0123", "1_000", "0x1F", "0o17", "0b101", "1:30", "7.10", "1e5",
           ".inf", ".nan", "2026-05-22", "2026-02-30", "2026-05-22 10:00:00", "Été « x »", "😀", "a b", "- x",
           '"0123"', "'true'", '"a\\u2028b"', '"a\\x85b"', '"a\\rb"', "'x'", '"\\t"', "|\n  bloc\n  texte",
           ">\n  plié\n\n  texte", "!!bool yes", "!!bool maybe", "!!bool true", "!!int 0x1F", "!!int 12",
           "!!int 1_0", "!!float 1.5", "!!str 12", "!!str", "!!null x", "!!null", "!!timestamp 2026-05-22",
           "!!binary aGVsbG8=", "!ENV HOME", "!!set {a}", "!!omap [a: 1]", "&a x", "*a", "[1, true, ~, x]",
           "{a: 1, b: no}", "[[1], {c: [d]}]", "!!seq [1]", "!!map {a: 1}", "!foo [1]"]
KEYS = ["type", "numero", "a", "b", "Été", "1", "true", "~", '"q"', "<<", "? [k]"]


@st.composite
def documents(draw) -> str:
    """Front matters of a few keys with tricky scalars, nested one level, sometimes
    with line breaks YAML counts and editors do not."""
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        key = draw(st.sampled_from(KEYS))
        if draw(st.booleans()):
            lines.append(f"{key}: {draw(st.sampled_from(SCALARS))}")
        else:
            lines.append(f"{key}:")
            for _ in range(draw(st.integers(0, 3))):
                value = draw(st.sampled_from(SCALARS))
                lines.append(f"  - {value}" if draw(st.booleans()) else f"  {draw(st.sampled_from(KEYS))}: {value}")
    text = "\n".join(lines) + draw(st.sampled_from(["\n", ""]))  # front matter ends without "\n"
    if draw(st.booleans()):
        text = draw(st.sampled_from(["\ufeff", "\n", "# note\n"])) + text
    if draw(st.booleans()):
        text = text.replace("Été", draw(st.sampled_from(["É\u2028té", "É\x85té", "É\rté", "É\u2029té", "É\ufeffté"])))
    return text


@SETTINGS
@given(text=documents(), offset=st.integers(0, 3))
def test_yaml_fast_path_reads_like_the_reference(text, offset):
    assert_same_reading(text, offset)


@SETTINGS
@given(value=st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30) | st.binary(max_size=8)
    | st.dates() | st.sampled_from(SCALARS),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10), flow=st.booleans())
def test_yaml_fast_path_reads_dumped_data_like_the_reference(value, flow):
    assert_same_reading(yaml.safe_dump({"x": value}, allow_unicode=True, default_flow_style=flow))


@SETTINGS
@given(text=st.text(alphabet=st.sampled_from(list("ab:- \n\t'\"[]{},#&*!|>?~0123\u2028\x85\r\ufeff%@`é")), max_size=80))
def test_yaml_fast_path_reads_any_text_like_the_reference(text):
    assert_same_reading(text)


# Front matters shaped like acts (block mappings and sequences of one-line scalars,
# the subset yamlsafe.read_plain_block reads without the parser), with the near
# misses that must leave it: continued lines, empty values, odd indentation…
PLAIN_VALUES = ["Jean DUPONT", "Convention n° 12 : avenant", "a:b", "x #1", "x # note", "14:00", "2026-05-22",
                "1.4", '"1.4"', "'2026-102'", '"a \' b"', "'l''acte'", '"a\\nb"', '"x', "x'", "-1", "- y",
                "~", "null", "0", "012", "12", "True", "yes", "é « ok » 😀", "[a]", "{a: 1}", "&a x", "*a",
                "!!str 1", "|", "x:", "a : b", "%x", "@x", "`x`", "? x", ", x", "a\u00a0", "x  ", "#x",
                '"1.1"    # note', "'x' # c", '"a"#c', '"a" b', "# c", "x  # c: d", "'a''b' # c", "x: # c",
                '"a # b"', "'#'", "a#b", "{mandant: A B, mandataire: C}", "{a: 1} # c", "{a: 1}x",
                "{a: x, a: y}", "{a: [1]}", '{a: "x"}', "{}", "{a: 1,}", "{a:1}", "{ a: 1 , b: ~ }", "{a: b: c}",
                "{a: x #}", "{a: -x}", "{a: 'x'}", "{a: b c, d: e}"]
GOOD_VALUES = ["Jean DUPONT", "2026-05-22", '"1.4"', "12", "true", "~", "Pour le Maire, l'adjoint délégué",
               "'2026-102'", "{de: A B, a: C}", "x # note", "n°#3"]
PLAIN_KEYS = ["type", "numero", "objet", "signataire", "nom", "a", "b", "a-b", "Été", "true", "1"]


@st.composite
def block_documents(draw, depth: int = 0) -> str:
    def value() -> str:
        return draw(st.sampled_from(GOOD_VALUES if draw(st.integers(0, 5)) else PLAIN_VALUES))

    def block(indent: int, level: int) -> list[str]:
        lines = []
        pad = " " * indent
        if level and draw(st.integers(0, 3)) == 0:  # a sequence
            for _ in range(draw(st.integers(1, 3))):
                if level < 3 and draw(st.booleans()):
                    inner = block(indent + 2, level + 1)
                    if inner and not inner[0].lstrip().startswith("- "):
                        lines.append(pad + "- " + inner[0].lstrip())
                        lines.extend(inner[1:])
                        continue
                lines.append(pad + "- " + value())
            return lines
        for _ in range(draw(st.integers(1, 4))):
            key = draw(st.sampled_from(PLAIN_KEYS[:6] if draw(st.integers(0, 3)) else PLAIN_KEYS))
            choice = draw(st.integers(0, 6))
            if level < 3 and choice == 0:
                lines.append(f"{pad}{key}:")
                lines.extend(block(indent + draw(st.sampled_from([2, 2, 4, 1])), level + 1))
            elif level < 3 and choice == 1:  # an indentless sequence, as PyYAML writes them
                lines.append(f"{pad}{key}:")
                lines.extend(pad + "- " + value() for _ in range(draw(st.integers(1, 2))))
            elif choice == 2 and draw(st.booleans()):
                lines.append(f"{pad}{key}:" + draw(st.sampled_from(["", " ", "  "])))
            else:
                lines.append(f"{pad}{key}:{draw(st.sampled_from([' ', '  ']))}{value()}")
            if draw(st.integers(0, 29)) == 0:
                lines.append(draw(st.sampled_from(["", "   ", "# note", "  # note", f"{pad}  suite", " x: 1"])))
        return lines

    text = "\n".join(block(draw(st.sampled_from([0, 0, 0, 2])), 0))
    return text + draw(st.sampled_from(["\n", "", "\n\n"]))


@SETTINGS
@given(text=block_documents(), offset=st.integers(0, 3))
def test_plain_block_reader_reads_like_the_parser(text, offset):
    assert_same_reading(text, offset)
    doc = yamlsafe.read_plain_block(text, offset)
    if doc is not None:  # and when it reads, it is the parser's reading, not a fallback
        reference, issues = reference_read_yaml(text, offset)
        assert not issues and (repr(doc.data), doc.lines, doc.key_lines) == \
            (repr(reference.data), reference.lines, reference.key_lines)


def test_plain_block_reader_reads_the_acts_it_is_for():
    """The example acts and a synthetic archive's are read without the parser."""
    texts = [_front_matter(path.read_text("utf-8"), "x")[0] for path in sorted(Path("acts").rglob("*.md"))
             if "annexes" not in path.parts]
    assert len(texts) >= 8
    for text in texts:
        assert yamlsafe.read_plain_block(text, 1) is not None, text
        assert_same_reading(text)


@pytest.mark.parametrize("text", [
    "a: 1\nb: !!bool yes\nc: !!int 0x1F\nd: !!float 1.5\ne: !!null x\nf: !!str 12\n",
    'objet: "Avenant\u2028n°1"\nnumero: 1\nnumero: 2\n',
    "a: « Été » 😀😀\nb: x\nb: y\n",
    "a: &x 1\nb: *x\n",
    "a: !!binary aGVsbG8=\nb: !ENV HOME\n",
    "?", "a:", "a:\n  -\n  -", "\ufeffa: 1\nb: 2\nc:",  # marks at the end; libyaml skips a BOM
    "type:\n  - true\n  - \n", "a:\n- x\n-\n", "a:\n  - \u00a0x\n",  # empty items leave the plain reader
])
def test_yaml_fast_path_examples(text):
    assert_same_reading(text)


# ---------------------------------------------------------------------------
# Body: cheap tests that must never change a decision


heads = st.text(alphabet=st.sampled_from(list("#*_ \t\u00a0\u2003\n>aArRtTiIcClLeE.1er:-–Kſ")), max_size=24)


@SETTINGS
@given(text=heads)
def test_article_prefilter_never_hides_an_article(text):
    if not _MAYBE_ARTICLE.match(text):
        assert not _ARTICLE.match(text.partition("\n")[0].strip())


@SETTINGS
@given(start=st.sampled_from(["Vu ", "Considérant", "Considerant"]),
       rest=st.text(alphabet=st.sampled_from(list("*_`#> \n\tvVuUbé,:x")), max_size=50))
def test_visas_and_considerants_placed_as_when_folded(start, rest):
    block = Block(start + rest, 3)
    fast, folded = ActBody(), ActBody()
    assert _place_before(fast, block, None) is not None
    _place_other(folded, block, None)
    assert (fast.visas, fast.considerants, fast.expose) == (folded.visas, folded.considerants, folded.expose)


@SETTINGS
@given(text=st.text(alphabet=st.sampled_from(list("#>*_` \t\u00a0,.:;aAÀàpPrRèeEÈéÉsSdDcCiItTlLbBvVoOnNmMxX'-\u0301ſ"
                                                   "\u2028\n")), max_size=40)
       | st.sampled_from(["Le Conseil municipal,", "DÉCIDE :", "LE CONSEIL, après en avoir délibéré, DÉCIDE :",
                          "Après en avoir délibéré, le conseil décide", "**ARRÊTE :**", "Le maire arrete",
                          "LE MAIRE ARRETE", "Il décide", "Le bureau DELIBERE.", "x DECIDENT", "Ils arretent"]),
       prefix=st.sampled_from(["", "Le rapport ", "** ", "# ", "a"]))
def test_dispositif_prefilter_never_hides_a_dispositif(text, prefix):
    first = (prefix + text).strip().partition("\n")[0]
    assert body_module.dispositif_of(Block(prefix + text, 1)) == body_module.dispositif_of_line(first)


def reference_place_other(body: ActBody, block: Block, last):
    """_place_other as it was: the start of every paragraph folded."""
    start = body_module.plain(block.text[:40].split("\n")[0])
    if body_module._VU.match(start):
        target = body.visas
    elif start.startswith("considerant"):
        target = body.considerants
    elif (last is body.visas or last is body.considerants) and body_module._continues(block):
        last[-1] = Block(f"{last[-1].text}\n\n{block.text}", last[-1].line)
        return last
    else:
        target = body.expose
    target.append(block)
    return target


@SETTINGS
@given(text=st.text(alphabet=st.sampled_from(list("#>*_` \t\u00a0\nvVuUcCoOnNsSiIdDéÉrRaAeEtTlL-1)ſ\u0301")), max_size=30),
       last=st.sampled_from([None, "visas", "considerants", "expose"]))
def test_paragraph_prefilter_places_as_when_folded(text, last):
    placed = []
    for place in (body_module._place_other, reference_place_other):
        body = ActBody(visas=[Block("Vu x", 1)], considerants=[Block("Considérant y", 2)], expose=[Block("z", 3)])
        target = place(body, Block(text, 4), getattr(body, last) if last else None)
        placed.append((body, [name for name in ("visas", "considerants", "expose") if getattr(body, name) is target]))
    assert placed[0] == placed[1]


def reference_article_of(block: Block):
    """article_of as it was (label spaces by regex, number by its word)."""
    found = body_module.article_of(block)
    if found is None:
        return None
    match = _ARTICLE.match(block.text.partition("\n")[0].strip())
    raw = match["num"].lower()
    numero = 1 if raw in ("premier", "unique") else int(raw)
    assert (found[0].numero, found[0].label) == (numero, re.sub(r"\s+", " ", match["label"]).strip())
    return found


def reference_parse_body(text: str, first_line: int) -> ActBody:
    """parse_body without its shortcuts: every paragraph asked every question."""
    b = body_module
    body, state, last, pending = ActBody(line=first_line), "before", None, []
    for block in b.split_blocks(text, first_line):
        if state != "annexes" and block.text[:1] == "#" and b._ANNEX.match(block.text) \
                and (body.articles or body.dispositif):
            state = "annexes"
        if state == "annexes":
            body.annexes_texte.append(block)
            continue
        if state in ("articles", "cloture") and b._may_close(block.text) \
                and b._CLOSING.match(b.plain(block.text[:120])):
            state = "cloture"
        if state == "cloture":
            body.cloture.append(block)
            continue
        found = reference_article_of(block)
        if found and state in ("dispositif", "articles"):
            b._close_article(body, pending)
            body.articles.append(found[0])
            pending, state = [found[0].texte], "articles"
            continue
        if state == "articles":
            pending.append(block.text)
            continue
        if state == "before":
            first = block.text.strip().partition("\n")[0]
            word = None if b._is_visa_or_considerant(block.text) else b.dispositif_of_line(first)
            if word:
                body.dispositif, body.dispositif_line, state = word, block.line, "dispositif"
                if word == b.AFTER_DEBATE and not b._AFTER_DEBATE.fullmatch(b.plain(block.text[:60]).rstrip(" :.,")):
                    body.dispositif_texte.append(block)
                continue
            if found:
                body.articles.append(found[0])
                pending, state = [found[0].texte], "articles"
                continue
            last = reference_place_other(body, block, last) if not (
                block.text.startswith("Vu ") or block.text.startswith(("Considérant", "Considerant"))) \
                else b._place_before(body, block, last)
            continue
        body.dispositif_texte.append(block)
    b._close_article(body, pending)
    return body


BODY_LINES = ["Vu le code", "VU la loi", "Considérant que", "considérant", "Le conseil,", "**ARRÊTE :**", "## DÉCIDE",
              "DÉLIBÈRE", "Après en avoir délibéré, le conseil décide :", "## Article 1 – Objet", "**Article 2** : texte",
              "Article 1er - x", "ARTICLE PREMIER :", "Art. 3", "## Article", "Fait à Lens, le 1er mai", "Pour le Maire",
              "pour extrait", "# Annexe 1", "## annexe", "- item", "1) item", "suite en minuscules", "Texte.", "  ",
              "\t", "\u00a0", "\u2003x", "ſ", "art", "#", "*", "**", "_", "> citation", "Part", "fait", "P", "x\x0c",
              "Article ١٢ : chiffres", "ARTICLE\u00a02 :", "Article  4\t:", "\u2028"]


@SETTINGS
@given(parts=st.lists(st.tuples(st.sampled_from(BODY_LINES), st.sampled_from(["\n", "\n\n", "\n  \n", " \n\n\n", "\n\t\n"])),
                      max_size=25), first=st.integers(1, 40))
def test_body_split_fast_paths_change_nothing(parts, first):
    text = "".join(line + sep for line, sep in parts)
    for block in body_module.split_blocks(text, first):
        assert body_module.article_of(block) == reference_article_of(block)
    fast = body_module.parse_body(text, first)
    assert reference_parse_body(text, first) == fast
    assert pickle.loads(pickle.dumps(fast, protocol=pickle.HIGHEST_PROTOCOL)) == fast


# ---------------------------------------------------------------------------
# run_check in several processes


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """A synthetic archive with problems of every kind, in files spread over the chunks."""
    root = tmp_path_factory.mktemp("archive")
    paths = generate(root, 120, seed=3)
    shutil.copyfile(paths[5], paths[5].with_name("copie-" + paths[5].name))  # same number twice
    shutil.copyfile(paths[90], paths[90].parent.parent / paths[10].parent.name / "double.md")
    paths[20].write_bytes(b"\xff\xfe" + paths[20].read_bytes())  # not UTF-8
    paths[40].write_text(paths[40].read_text("utf-8").replace("numero:", "numero: [", 1), "utf-8")  # YAML error
    paths[60].write_text(paths[60].read_text("utf-8").replace("\ntype:", "\ntype: inconnu\ntype:", 1), "utf-8")
    paths[80].write_text(re.sub(r"\ndate: .*", "\ndate: 2026-02-30", paths[80].read_text("utf-8"), count=1), "utf-8")
    paths[100].write_text("pas d'en-tête\n", "utf-8")
    paths[119].write_text(paths[119].read_text("utf-8").replace("objet:", "objet_: x\nobjet:", 1), "utf-8")
    return root


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@pytest.mark.parametrize("jobs", [2, 3])
def test_parallel_check_gives_the_serial_result(archive, jobs):
    serial = run_check(archive, on=DAY, jobs=1)
    before = children_cpu()
    parallel = run_check(archive, on=DAY, jobs=jobs)
    assert children_cpu() > before  # worker processes did run
    assert len({p.path for p in serial.errors}) >= 8  # the files spoiled above, each with its error
    assert sum("déjà utilisé" in p.message for p in serial.errors) >= 4  # both pairs of duplicates
    assert parallel.problems == serial.problems
    assert [str(p) for p in parallel.problems] == [str(p) for p in serial.problems]
    assert parallel.acts == serial.acts
    assert parallel.files == serial.files and parallel.context == serial.context
    assert parallel.registry.by_key == serial.registry.by_key


def test_parallel_check_of_some_paths_gives_the_serial_result(archive):
    paths = [archive / "acts" / sorted(p.name for p in (archive / "acts").iterdir())[0]]
    serial = run_check(archive, paths, on=DAY, jobs=1)
    parallel = run_check(archive, paths, on=DAY, jobs=2)
    assert serial.context and parallel.context == serial.context
    assert parallel.problems == serial.problems
    assert parallel.acts == serial.acts


def test_check_without_texts_reports_the_same_problems(archive):
    """`actes check` (texts=False): acts validated by a worker come back as outlines,
    procès-verbaux whole; the problems, numbers and links are those of the full run."""
    serial = run_check(archive, on=DAY, jobs=1)
    outlined = run_check(archive, on=DAY, jobs=2, texts=False)
    assert [str(p) for p in outlined.problems] == [str(p) for p in serial.problems]
    assert [(a.path, a.meta, a.lines, a.sha256) for a in outlined.acts] == \
        [(a.path, a.meta, a.lines, a.sha256) for a in serial.acts]
    assert [a.body.outline() for a in outlined.acts] == [a.body.outline() for a in serial.acts]
    bare = [a for a in outlined.acts if a.body.articles and not any(x.texte for x in a.body.articles)]
    assert bare and all(a.type != "proces_verbal" for a in bare)  # some did come from a worker, without text
    pvs = [a for a in outlined.acts if a.type == "proces_verbal"]
    assert pvs and [a.body for a in pvs] == [a.body for a in serial.acts if a.type == "proces_verbal"]
    def paths(index: dict) -> dict:
        return {key: [act.path for act in acts] for key, acts in index.items()}

    assert paths(outlined.registry.by_key) == paths(serial.registry.by_key)


def test_parallel_check_with_the_build_cache(archive, tmp_path):
    serial = run_check(archive, on=DAY, jobs=1)
    cold = run_check(archive, on=DAY, cache=tmp_path, jobs=2)
    warm = run_check(archive, on=DAY, cache=tmp_path, jobs=2)
    assert cold.problems == warm.problems == serial.problems
    assert cold.acts == warm.acts == serial.acts


# ---------------------------------------------------------------------------
# Imports: `actes check` loads what checking needs, not what building the site needs


def test_check_does_not_import_the_site_builders(project, samples):
    root = project(samples.FILES)
    code = ("import sys\nfrom generator.cli import main\ncode = main(['check'])\n"
            "print(code, sorted({m.split('.')[0] for m in sys.modules} & {'jinja2', 'mkdocs', 'material', "
            "'markdown', 'weasyprint', 'playwright', 'pagefind'}), file=sys.stderr)\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                         env={**os.environ, "ACTES_DATE": samples.TODAY.isoformat()})
    assert "OK : 4 fichiers, 4 actes, 0 erreur" in run.stdout
    assert run.stderr.strip().splitlines()[-1] == "0 []"


# ---------------------------------------------------------------------------
# Front matter: found by reading its lines only


def reference_split_front_matter(text: str) -> tuple:
    """The split as it was: every line of the file, then the body joined again."""
    lines = text.split("\n")
    if not text.strip():
        return None, 0, "", "fichier vide"
    if lines[0].strip() != "---":
        return None, 0, "", "en-tête YAML absent"
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), index, "\n".join(lines[index + 1:]), None
    return None, 0, "", "en-tête YAML non terminé"


@SETTINGS
@given(text=st.lists(st.sampled_from(["---", "--- ", " ---", "...", "... ", "a: 1", "", " ", "\t", "\u2028", "x"]),
                     max_size=8).map("\n".join))
def test_front_matter_split_as_before(text):
    front, closing, body, problems = _front_matter(text, "acts/x.md")
    expected = reference_split_front_matter(text)
    assert (front, closing, body) == expected[:3]
    assert [p.message.startswith(expected[3]) for p in problems] == ([True] if expected[3] else [])


def test_fold_of_ascii_text_is_its_lower_case():
    from generator.identifiers import _FOLD, fold

    every_ascii = "".join(chr(code) for code in range(128))
    assert fold(every_ascii) == every_ascii.translate(_FOLD).lower() == every_ascii.lower()
    assert fold("Arrêté ARRETE") == "arrete arrete"
