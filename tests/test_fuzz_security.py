"""Property-based fuzzing (hypothesis) of what reads or publishes untrusted text: the
sanitiser rendered through Python-Markdown, page titles, the YAML reader, acts damaged
byte by byte, and the identifiers. (test_fuzz.py fuzzes the loader and the validator
with arbitrary bytes and front matter.)

The budget is bounded for CI (ACTES_FUZZ_EXAMPLES examples per property, 120 by
default); run deeper locally with e.g. `ACTES_FUZZ_EXAMPLES=5000 .venv/bin/python
-m pytest tests/test_fuzz.py`. A crash hypothesis finds is added as an explicit
@example, so it stays a regression test.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator import sanitize
from generator.config import SiteConfig
from generator.identifiers import ActesId, ActNumber, ActRef, NomenclatureCode
from generator.load import load_text
from generator.validate import Context, validate_act
from generator.yamlsafe import read_yaml
from tests.test_security_sanitize import active_parts, render

EXAMPLES = int(os.environ.get("ACTES_FUZZ_EXAMPLES", "120"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PATH = "acts/2026/decision-2026-1.md"
MESSAGE = re.compile(r"^acts/2026/decision-2026-1\.md:\d+: \S.* — \S")

# Pieces of Markdown, HTML, URLs and entities that attacks are made of; hypothesis
# strings them together with random characters.
MARKDOWN_ATOMS = [
    "[", "]", "(", ")", "![", "](", "]:", "[x]", "[r]: ", "{", "}", "{: ", " }", "<", ">", "> ", "\n", "\n\n",
    "\t", "    ", "\\", "`", "*", "_", "&", "&#", "#", ";", ":", "javascript", "JaVaScRiPt", "java", "script",
    "vbscript", "data", "data:image/svg+xml,", "https", "http", "://", "//", "\\\\", "evil.example", "alert(1)",
    "onclick=", "onerror", "style=", "href=", "src=", "=", '"', "'", "&#106;", "&#58;", "&colon;", "&Tab;",
    "&#x09;", "&#10;", "&NewLine;", "<sup>", "</sup>", "<br>", "<script>", "<img src=x ", "<svg onload=",
    "<a href=", "<!--", "-->", "- ", "1. ", "## ", "| ", "|---|", ":   ", "x", " ", "é", "\u2028", "\x01",
    "\x02", "\x03", "wzxhzdk:0", "mailto:", "tel:", "#ancre", "../", "plan.png",
]
markdown_texts = st.lists(st.one_of(st.sampled_from(MARKDOWN_ATOMS), st.text(max_size=3)), max_size=40).map("".join)


@FUZZ
@given(markdown_texts)
@example("[x](java\n> script:alert(1))")
@example("![a`[`b](https://evil.example/x.png)")
@example("[x][r]\n\n[r]: &#106;avascript:alert(1)")
def test_sanitised_markdown_renders_inert(text):
    out = render(sanitize.markdown(text))
    assert active_parts(out) == []


@FUZZ
@given(st.text(max_size=200))
def test_sanitised_markdown_of_any_text_renders_inert(text):
    assert active_parts(render(sanitize.markdown(text))) == []


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(MARKDOWN_ATOMS), st.text(max_size=3)), max_size=30).map("".join))
def test_text_filter_renders_inert_and_reads_back(value):
    value = value.replace("\x01", "").replace("\x02", "").replace("\x03", "")
    for context in ("<p>{}</p>", "Terme\n:   {}\n", "| a |\n|:--|\n| {} |\n", "[{}](acte.md)"):
        cell = sanitize.cell(value) if context.startswith("|") else sanitize.text(value)
        out = render(context.format(cell))
        assert active_parts(out) == []
        assert [a.get("href") for t, a in _tags(out) if t == "a"] in ([], ["acte.md"])


def _tags(out):
    from tests.securityscan import Elements

    return Elements(out).tags


@FUZZ
@given(st.text(max_size=120))
@example("\x80")  # found by hypothesis: YAML cannot hold C1 controls, MkDocs could not read the page
def test_yaml_str_is_valid_yaml_and_html_escaped(value):
    read = yaml.safe_load(f"title: {sanitize.yaml_str(value)}\n")["title"]
    assert isinstance(read, str) and "<" not in read and ">" not in read and '"' not in read
    printable = re.sub("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", "", value)
    expected = re.sub(r"[\n\r\u0085\u2028\u2029]+", " ", printable)
    assert html.unescape(read) == expected


# -- YAML reader, loader, validator --------------------------------------------------

YAML_ATOMS = [
    "type", "numero", "objet", "date", "signataire", "seance", "vote", "annexes", "presents", ": ", ":", "\n",
    "  ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: ", "!!python/object:os.system ", "!ENV ", "!!str ",
    "? ", "|", ">", '"', "'", "#", "---", "...", "%YAML 1.1", "2026-05-22", "2026-02-30", "yes", "0123", "7.10",
    "1:30", "~", "null", "true", "\t", "\x07", "\ufeff", "é", "\u2028", "x", "1",
]
yaml_texts = st.lists(st.one_of(st.sampled_from(YAML_ATOMS), st.text(max_size=4)), max_size=60).map("".join)


@FUZZ
@given(yaml_texts)
@example("a: &a [*a]")
@example("x: " + "[" * 100)
def test_read_yaml_never_raises(text):
    doc, issues = read_yaml(text, line_offset=1)
    assert doc is not None or issues
    for issue in issues:
        assert issue.line >= 2 and issue.message


VALID = (Path(__file__).parent / "conftest.py").read_text("utf-8").split('DECISION = """\\\n')[1].split('"""')[0]


@FUZZ
@given(st.data())
def test_loader_and_validator_never_raise_on_damaged_acts(data):
    """A valid act with random damage: bytes replaced, inserted or deleted."""
    source = bytearray(VALID.encode())
    for _ in range(data.draw(st.integers(1, 6))):
        position = data.draw(st.integers(0, len(source)))
        action = data.draw(st.sampled_from(["replace", "insert", "delete"]))
        piece = data.draw(st.one_of(st.binary(min_size=1, max_size=3),
                                    st.sampled_from([b"\n", b": ", b"- ", b"[", b"{", b"\t", b"---\n", b"&a", b"*a",
                                                     b"\xff", b"\x00", b"\xc3", b"'", b'"'])))
        if action == "replace":
            source[position:position + len(piece)] = piece
        elif action == "insert":
            source[position:position] = piece
        else:
            del source[position:position + len(piece)]
    check_one(bytes(source))


def check_one(data: bytes, tmp=Path("/nonexistent-fuzz-root")):
    raw = load_text(data, PATH)
    act, problems = validate_act(raw, Context(SiteConfig(), dt.date(2026, 6, 15), tmp))
    for problem in problems:
        assert MESSAGE.match(str(problem)), str(problem)


# -- identifiers: parse, or a French error; what parses prints back the same ----------

identifier_texts = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"[A-Z]{0,3}20[0-9]{2}[-_ ][0-9]{1,4}", fullmatch=True),
    st.from_regex(r"0?[0-9]{1,2}[ .-]{0,3}[0-9]{1,2}", fullmatch=True),
    st.from_regex(r"[0-9]{3}-[0-9]{9}-20[0-9]{6}-[A-Z0-9_]{1,16}-[A-Z]{2}", fullmatch=True),
    st.from_regex(r"(décision|arrêté|délibération|pv|acte) (n° )?[A-Z]?20[0-9]{2}-[0-9]{1,3}", fullmatch=True),
)


@FUZZ
@given(identifier_texts)
@pytest.mark.parametrize("kind", [ActNumber, NomenclatureCode, ActesId, ActRef])
def test_identifiers_parse_or_refuse_in_french(kind, text):
    try:
        value = kind.parse(text)
    except ValueError as exc:
        message = str(exc)
        assert message and not message.startswith(("invalid", "Invalid", "could not")), message
        return
    assert kind.parse(str(value)) == value
    assert str(kind.parse(str(value))) == str(value)
