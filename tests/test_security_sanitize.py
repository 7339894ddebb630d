"""The sanitiser against hostile text: every case is rendered by Python-Markdown with
the extensions of mkdocs.yml, as MkDocs renders the generated pages, and the HTML
is read back with an HTML parser."""

from __future__ import annotations

import html
import json
import re

import markdown as python_markdown
import pytest
import yaml

from generator import sanitize
from tests.securityscan import Elements, scheme
from tests.sitebuild import REPO


def mkdocs_extensions() -> list:
    """The markdown_extensions of mkdocs.yml, as MkDocs passes them."""
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    config = yaml.load(text, Loader=yaml.BaseLoader)
    names, configs = [], {}
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            (name, options), = item.items()
            names.append(name)
            configs[name] = {k: (v == "true" if v in ("true", "false") else v) for k, v in (options or {}).items()}
        else:
            names.append(item)
    return [names, configs]


EXTENSIONS, EXTENSION_CONFIGS = mkdocs_extensions()


def render(text: str) -> str:
    return python_markdown.markdown(text, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


def active_parts(source: str) -> list[str]:
    """What in this HTML could run a script or call another host."""
    found = []
    for tag, attrs in Elements(source).tags:
        if tag not in ("p", "a", "img", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "hr",
                       "h1", "h2", "h3", "h4", "h5", "h6", "br", "sup", "sub", "b", "i", "u", "s", "abbr",
                       "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd"):
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            allowed = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}.get(tag, set())
            if re.fullmatch(r"h[1-6]", tag):
                allowed = {"id"}
            if tag in ("th", "td") and name == "style" and re.fullmatch(r"text-align: (left|right|center);", value):
                continue
            if name not in allowed:
                found.append(f"<{tag} {name}={value!r}>")
        if tag == "a" and scheme(attrs.get("href", "")) not in ("", "http", "https", "mailto", "tel"):
            found.append(f"<a href={attrs['href']!r}>")
        if tag == "img":
            src = re.sub(r"[\t\n\r]", "", attrs.get("src", "")).strip()
            if scheme(src) or re.match(r"[/\\]{2}", src):
                found.append(f"<img src={attrs['src']!r}>")
    return found


def safe_html(text: str) -> str:
    out = render(sanitize.markdown(text))
    assert active_parts(out) == [], f"{text!r} -> {out!r}"
    return out


# -- raw HTML -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "<iframe src=https://evil.example></iframe>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<!-- <script>alert(1)</script> -->",
    "<style>body{background:url(https://evil.example/x)}</style>",
    "<a href=\"javascript:alert(1)\">clic</a>",
    "<div markdown=\"1\">[x](javascript:alert(1))</div>",
    "<sup onclick=alert(1)>er</sup>",
    "<br onmouseover=alert(1)>",
    "<b style=\"background:url(https://evil.example/x)\">gras</b>",
    "<object data=x.swf></object><embed src=x.swf>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<base href=https://evil.example/>",
    "<meta http-equiv=refresh content=\"0;url=https://evil.example\">",
    "<form action=https://evil.example><input type=submit></form>",
    "<https://evil.example/autolien>",
    "<javascript:alert(1)>",
    "\x02wzxhzdk:0\x03",
])
def test_raw_html_is_text(text):
    out = safe_html(text)
    assert "<script" not in out and "<iframe" not in out and "<svg" not in out


def test_allowed_inline_tags_without_attributes_are_kept():
    out = safe_html("Le 1<sup>er</sup> janvier, H<sub>2</sub>O, <em>x</em> <STRONG>y</STRONG> <br> <abbr>CGCT</abbr>")
    for tag in ("<sup>er</sup>", "<sub>2</sub>", "<em>x</em>", "<strong>y</strong>", "<abbr>CGCT</abbr>"):
        assert tag in out
    assert "<br" in out


# -- links ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x]( javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript&#58;alert(1))",
    "[x](&#0000106&#0000097vascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](java&Tab;script:alert(1))",
    "[x](java&#9;script:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](java\nscript:alert(1))",
    "> [x](java\n> script:alert(1))",
    "- [x](java\n  script:alert(1))",
    "[x](\x01javascript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](javascript:alert(1) \"titre\")",
    "[x](javascript:alert`1`)",
    "[a [b] c](javascript:alert(1))",
    "[a [b](javascript:alert(1)) c](https://exemple.fr)",
    "[x](javascript:a)(javascript:b)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[x][r]\n\n[r]:\n  javascript:alert(1)",
    "[x]\n\n[x]: <javascript:alert(1)>",
    "> [x][r]\n>\n> [r]: javascript:alert(1)",
    "[x][r]\n\n[r]: &#106;avascript:alert(1) \"t\"",
    "[r\\]: javascript:alert(1)\n\n[x][r\\]",
    "[x](https://ok.fr){: href=\"javascript:alert(1)\" }",
])
def test_unsafe_link_targets_never_become_links(text):
    out = safe_html(text)
    assert "javascript:" not in "".join(a.get("href", "") for t, a in Elements(out).tags if t == "a").lower()


def test_unsafe_inline_link_keeps_its_words():
    assert render(sanitize.markdown("Voir [le texte](javascript:alert(1)) ici.")) == "<p>Voir le texte ici.</p>"


@pytest.mark.parametrize(("text", "href"), [
    ("[Légifrance](https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006390228)",
     "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006390228"),
    ("[Lens](https://fr.wikipedia.org/wiki/Lens_(Pas-de-Calais))", "https://fr.wikipedia.org/wiki/Lens_(Pas-de-Calais)"),
    ("[mairie](mailto:mairie@villedelens.fr)", "mailto:mairie@villedelens.fr"),
    ("[accueil](tel:+33321696000)", "tel:+33321696000"),
    ("[article 2](#article-2)", "#article-2"),
    ("[décision](../2026/decision-2026-92.md)", "../2026/decision-2026-92.md"),
    ("[x](https://exemple.fr \"un titre\")", "https://exemple.fr"),
    ("[x][1]\n\n[1]: https://exemple.fr/a", "https://exemple.fr/a"),
])
def test_safe_links_are_kept(text, href):
    out = safe_html(text)
    assert [a["href"] for t, a in Elements(out).tags if t == "a"] == [href]


# -- images ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "![pixel](https://tracker.example/p.gif)",
    "![pixel](//tracker.example/p.gif)",
    "![pixel](\\\\tracker.example/p.gif)",
    "![pixel](https:tracker.example/p.gif)",
    "![pixel](data:image/svg+xml;base64,PHN2Zz4=)",
    "![pixel](javascript:alert(1))",
    "![pixel][i]\n\n[i]: https://tracker.example/p.gif",
    "![pixel]\n\n[pixel]: https://tracker.example/p.gif",
    "![a`]`](https://tracker.example/p.gif)",
    "![a`[`b](https://tracker.example/p.gif)",
    "![x](javascript:a)(https://tracker.example/p.gif)",
])
def test_images_never_load_from_another_host(text):
    out = safe_html(text)
    assert all(t != "img" for t, _ in Elements(out).tags)


def test_external_image_is_replaced_by_a_note():
    out = render(sanitize.markdown("![Plan du quartier](https://tracker.example/p.gif)"))
    assert out == "<p>&#91;image retirée : Plan du quartier&#93;</p>"
    assert "tracker.example" not in out


def test_image_of_the_site_itself_is_kept():
    out = safe_html("![Plan](plan.png)")
    assert Elements(out).tags == [("p", {}), ("img", {"alt": "Plan", "src": "plan.png"})]


# -- attribute lists (attr_list is enabled in mkdocs.yml) -------------------------

@pytest.mark.parametrize("text", [
    "Paragraphe\n{: onclick=\"alert(1)\" }",
    "Paragraphe\n{onclick=alert(1)}",
    "*mot*{: onmouseover=alert(1) }",
    "`code`{: onclick=alert(1) }",
    "## Titre {: onclick=alert(1) }",
    "[ok](https://ok.fr){: style=\"background:url(https://evil.example/x)\" }",
    "[ok](https://ok.fr){ onclick=alert(1) }",
    "Terme\n:   définition {: onclick=alert(1) }",
    "| a | b |\n|---|---|\n| *x*{: onclick=alert(1)} | y |",
    "texte \\{: onclick=x}\n{: onclick=alert(1) }",
    "- élément\n{: onclick=alert(1) }",
])
def test_attribute_lists_add_nothing(text):
    out = safe_html(text)
    assert "onclick" not in "".join(" ".join(a) for _, a in Elements(out).tags)


def test_braces_without_attribute_list_are_kept_as_written():
    assert render(sanitize.markdown("{a}")) == "<p>&#123;a}</p>"
    assert html.unescape(render(sanitize.markdown("Vu l'article {2}"))) == "<p>Vu l'article {2}</p>"


# -- brackets: the quadratic case of Python-Markdown -------------------------------

def test_unbalanced_brackets_become_text():
    # Python-Markdown takes minutes on 20,000 unmatched "[" (bench/bench_hostile.py):
    # each one makes its link parser scan to the end of the paragraph.
    out = sanitize.markdown("[" * 20_000 + " fin")
    assert "[" not in out and out.count("&#91;") == 20_000


def test_deep_nesting_becomes_text():
    depth = sanitize.MAX_BRACKET_DEPTH + 3
    out = sanitize.markdown("[" * depth + "x" + "]" * depth + "(javascript:alert(1))")
    assert out.count("&#91;") == 3 and out.count("&#93;") == 3
    safe_html("[" * depth + "x" + "]" * depth + "(javascript:alert(1))")


def test_balanced_brackets_are_kept():
    assert sanitize.markdown("Article 1er [sic] et [...]") == "Article 1er [sic] et [...]"


def test_link_text_over_two_lines_stays_text():
    # Links are matched on one line: a line break makes the construct ambiguous.
    out = safe_html("[texte du\nlien](https://exemple.fr)")
    assert "<a" not in out and "texte du" in out


# -- front-matter values ----------------------------------------------------------

HOSTILE_VALUE = ("Objet <script>alert(1)</script> [lien](javascript:alert(2)) ![p](https://tracker.example/p.gif) "
                 "*x*{: onclick=alert(3) } \" onmouseover=\"alert(4) </p><img src=x onerror=alert(5)>")


@pytest.mark.parametrize("context", [
    "<p class=\"acte-objet\">{}</p>",  # an HTML block
    "Auteur\n:   {}\n",  # a definition list (Markdown inside)
    "| a | b |\n|:--|:--|\n| {} | x |\n",  # a table cell (Markdown inside)
    "[{}](../acte.md)",  # link text
    "# {}",
])
def test_text_filter_is_inert_in_every_context(context):
    value = sanitize.cell(HOSTILE_VALUE) if context.startswith("|") else sanitize.text(HOSTILE_VALUE)
    out = render(context.format(value))
    links = [a.get("href") for t, a in Elements(out).tags if t == "a"]
    assert links in ([], ["../acte.md"])
    assert [t for t, _ in Elements(out).tags if t in ("script", "img", "iframe")] == []
    assert not any(name.startswith("on") for _, attrs in Elements(out).tags for name in attrs)
    assert "Objet" in html.unescape(out)


def test_text_reads_as_written():
    value = "Délibération n° 2026-1 [annexe] {x} <b> & « guillemets »"
    assert html.unescape(render(f"<p>{sanitize.text(value)}</p>")) == f"<p>{value}</p>"
    assert html.unescape(render(f"Terme\n:   {sanitize.text(value)}")).endswith(f"<dd>{value}</dd>\n</dl>")


def test_cell_stays_in_its_cell():
    value = sanitize.cell("un | deux\ntrois")
    out = render(f"| a | b |\n|:--|:--|\n| {value} | x |\n")
    assert out.count("<td") == 2 and "un | deux trois" in html.unescape(out)


@pytest.mark.parametrize("value", [
    "</title><script>alert(1)</script>",
    "\" onmouseover=\"alert(1)",
    "Objet\nsur deux lignes\u2028et un séparateur",
    "guillemets \" et \\ barre",
    "---\ntitle: autre",
])
def test_yaml_str_is_html_escaped_yaml(value):
    written = sanitize.yaml_str(value)
    read = yaml.safe_load(f"title: {written}\n")["title"]
    assert "<" not in read and '"' not in read and "\n" not in read
    assert html.unescape(read) == re.sub(r"[\n\u2028]", " ", value)
    assert json.loads(written) == read


def test_yaml_str_in_material_title_and_meta():
    """Material prints page.meta.title unescaped in <title> and content="…"."""
    value = sanitize.yaml_str("A </title><script>alert(1)</script> \" onmouseover=\"alert(2)")
    title = yaml.safe_load(f"t: {value}")["t"]
    page = f'<title>{title}</title><meta name="description" content="{title}">'
    tags = Elements(page).tags
    assert [t for t, _ in tags] == ["title", "meta"]
    assert set(tags[1][1]) == {"name", "content"}
