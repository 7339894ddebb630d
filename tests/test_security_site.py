"""The built site against hostile acts: every field and the body of published acts
carry scripts, event handlers, javascript: links, iframes, trackers and formulas;
the site still builds, shows the text, and no built file (HTML, CSS, XML/Atom, JSON,
CSV, JS, PDF — whatever the stages produce) holds any of it as active content.
Also: the output audit, the Content-Security-Policy, and Chromium's own view."""

from __future__ import annotations

import html
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import zlib
from pathlib import Path

import pytest

from generator import site as site_module
from generator.audit import audit_css, audit_html, audit_site
from generator.site import BuildError
from tests.securityscan import SCANNERS, Elements, pdf_uris, scan_html, scan_site
from tests.sitebuild import EXAMPLE_DAY, browser, build_copy, copy_project, serve

MARKER = "XSS-"
PAYLOADS = [
    "<script>alert('XSS-1')</script>",
    "<img src=x onerror=alert('XSS-2')>",
    "<svg onload=alert('XSS-3')>",
    "<iframe src=\"javascript:alert('XSS-4')\"></iframe>",
    "[lien](javascript:alert('XSS-5'))",
    "[lien](&#106;avascript:alert('XSS-6'))",
    "![pixel](https://tracker.example/XSS-7.gif)",
    "*mot*{: onclick=\"alert('XSS-8')\" }",
    "\"><script>alert('XSS-9')</script>",
    "</title><script>alert('XSS-10')</script>",
    "<a href=\"javascript:alert('XSS-11')\">a</a>",
    "<scr<script>ipt>alert('XSS-12')</script>",
]
HOSTILE = " ".join(PAYLOADS)
SHORT = " ".join(PAYLOADS[:6])  # objet: 499 characters at most

BODY = """
Vu le code <script>alert('XSS-20')</script>, [lien](java
script:alert('XSS-21')) et ![p][i],
{: onclick="alert('XSS-22')" }

Considérant [x][r] et <!-- <script>alert('XSS-23')</script> --> ;

[r]: javascript:alert('XSS-24')
[i]: https://tracker.example/XSS-25.gif

## DÉCIDE

**Article 1** : *mot*{: onmouseover=alert('XSS-26')} [ok](https://exemple.fr){: href="javascript:alert('XSS-27')"} \
<img src=x onerror=alert('XSS-28')> 1<sup onclick=alert('XSS-29')>er</sup>

**Article 2** : Texte.

> [x](java
> script:alert('XSS-30'))

**Article 3** : <svg><script>alert('XSS-31')</script></svg> <iframe src=//tracker.example/XSS-32></iframe> \
[d](data:text/html,<script>alert('XSS-33')</script>) [e](&#x6A;avascript&#58;alert('XSS-34'))
"""

ANNEX = "# Annexe <script>alert('XSS-40')</script>\n\n[x](javascript:alert('XSS-41'))\n{: onclick=alert('XSS-42') }\n"


def front(fields: dict) -> str:
    """YAML front matter; JSON values are valid YAML and quote everything."""
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in fields.items()) + "---\n"


def signataire(value: str) -> dict:
    return {"prenom": value, "nom": value, "qualite": value, "delegation": value}


DECISION = front({
    "type": "decision", "numero": "2026-901", "date": "2026-06-01", "objet": SHORT, "nomenclature": "1.1",
    "collectivite": "lens", "autorite": HOSTILE, "signataire": signataire(HOSTILE), "lieu": HOSTILE,
    "statut": "publie", "mise_en_ligne": "2026-06-02",
    "annexes": [{"fichier": "annexes/hostile.md", "titre": HOSTILE}],
}) + BODY

DELIBERATION = front({
    "type": "deliberation", "numero": "2026-902", "date": "2026-06-03", "objet": SHORT, "nomenclature": "5.2",
    "collectivite": "lens", "rapporteur": HOSTILE, "signataire": signataire(HOSTILE),
    "seance": {"date": "2026-06-03", "heure": "18:00", "lieu": HOSTILE, "organe": "Conseil municipal " + SHORT,
               "president": HOSTILE, "secretaire": HOSTILE, "presents": [HOSTILE, "Jeanne MARTIN"],
               "representes": [{"mandant": HOSTILE, "mandataire": HOSTILE}], "excuses": [HOSTILE],
               "absents": [HOSTILE], "quorum": {"atteint": True, "mention": HOSTILE}},
    "vote": {"effectif": 39, "votants": 35, "pour": 30, "contre": 3, "abstention": 2},
    "statut": "publie", "mise_en_ligne": "2026-06-04",
}) + "\nVu <script>alert('XSS-50')</script>,\n\nAprès en avoir délibéré, le conseil municipal DÉCIDE :\n\n" \
     "**Article 1** : [x](javascript:alert('XSS-51'))\n"

# Cells a spreadsheet would run, for CSV exports (SCDL) once they exist.
FORMULA = front({
    "type": "arrete", "numero": "A2026-903", "date": "2026-06-05",
    "objet": "=HYPERLINK(\"https://tracker.example/XSS-60\";\"clic\")", "nomenclature": "6.1", "collectivite": "lens",
    "autorite": "@SUM(1+1)*cmd|' /C calc'!A0 XSS-61",
    "signataire": {"prenom": "+cmd", "nom": "-2+3 XSS-62", "qualite": "=1+1"}, "lieu": "Lens",
    "statut": "publie", "mise_en_ligne": "2026-06-06",
}) + "\n## ARRÊTE\n\n**Article 1** : =cmd|' /C calc'!A0 XSS-63\n"

MARKERS = (MARKER,)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("hostile"))
    (root / "acts/2026/annexes").mkdir(parents=True, exist_ok=True)
    (root / "acts/2026/decision-2026-901.md").write_text(DECISION, "utf-8")
    (root / "acts/2026/annexes/hostile.md").write_text(ANNEX, "utf-8")
    (root / "acts/2026/deliberation-2026-902.md").write_text(DELIBERATION, "utf-8")
    (root / "acts/2026/arrete-A2026-903.md").write_text(FORMULA, "utf-8")
    build_copy(root)  # the output audit runs here: it must find nothing
    return root / "site"


HOSTILE_PAGES = ["actes/2026/decision-2026-901/index.html", "actes/2026/decision-2026-901-annexe-1/index.html",
                 "actes/2026/deliberation-2026-902/index.html", "actes/2026/arrete-a2026-903/index.html"]


def visible_text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_hostile_acts_are_published_as_text(hostile_site):
    """Nothing is lost: the payloads are on the pages, as text a reader can see."""
    decision = visible_text((hostile_site / HOSTILE_PAGES[0]).read_text("utf-8"))
    for payload in ("<script>alert('XSS-1')</script>", "<svg onload=alert('XSS-3')>", "alert('XSS-20')",
                    "<img src=x onerror=alert('XSS-28')>"):
        assert payload in decision
    for page in HOSTILE_PAGES:
        assert MARKER in (hostile_site / page).read_text("utf-8"), page


# The kinds of file the stages produce or will produce (feeds, exports, PDF, search).
@pytest.mark.parametrize("suffix", [".html", ".svg", ".css", ".js", ".xml", ".json", ".csv", ".pdf"])
def test_no_built_file_holds_active_content(hostile_site, suffix):
    files = [f for f in hostile_site.rglob(f"*{suffix}") if f.is_file()]
    if not files:
        pytest.skip(f"le site ne contient pas encore de fichier {suffix}")
    scanner = SCANNERS[suffix]
    findings = {f.relative_to(hostile_site).as_posix(): scanner(f, MARKERS) for f in files}
    assert {path: found for path, found in findings.items() if found} == {}


def test_every_page_of_the_hostile_site_is_clean(hostile_site):
    assert scan_site(hostile_site, MARKERS) == {}


def test_no_image_of_an_act_loads_from_outside(hostile_site):
    """A reference-style image (its definition may be anywhere on the page) becomes
    a link: the reader may follow it, the browser does not fetch it."""
    for page in HOSTILE_PAGES:
        for tag, attrs in Elements((hostile_site / page).read_text("utf-8")).tags:
            assert tag != "img" or "tracker.example" not in attrs.get("src", ""), (page, attrs)
    page = (hostile_site / HOSTILE_PAGES[0]).read_text("utf-8")
    assert '<a href="https://tracker.example/XSS-25.gif">p</a>' in page


def test_page_titles_stay_text(hostile_site):
    page = (hostile_site / HOSTILE_PAGES[0]).read_text("utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<" not in title and "Décision n° 2026-901" in html.unescape(title)
    description = re.search(r'<meta name="description" content="([^"]*)">', page).group(1)
    assert "alert('XSS-1')" in html.unescape(description)


# -- the scanners see what they must (they guard every test above) ------------------

@pytest.mark.parametrize("bad", [
    "<p onclick=x>", "<a href='javascript:x'>", "<a href='java&#9;script:x'>", "<img src='https://t.example/p'>",
    "<iframe src=x>", "<script>alert(1)</script>", "<link rel=stylesheet href='//cdn.example/x.css'>",
    "<div style=\"background:url('https://t.example/x')\">", "<object data=x>", "<base href=/>",
    "<meta http-equiv=refresh content='0;url=x'>", "<script src='https://cdn.example/x.js'></script>",
])
def test_the_html_scanner_sees_active_content(bad):
    assert scan_html(bad) != []


def test_the_scanners_of_other_files_see_active_content(tmp_path):
    samples = {
        "feed.xml": "<feed><entry><content type=\"html\">&lt;img src=x onerror=alert(1)&gt;</content></entry></feed>",
        "feed.json": json.dumps({"items": [{"content_html": "<script>alert(1)</script>", "url": "javascript:x"}]}),
        "export.csv": "objet\n=HYPERLINK(\"https://t.example\")\n",
        "search.js": "var x = 'XSS-1';",
        "acte.pdf": "%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>",
        "style.css": "body { background: url(https://t.example/x.png) }",
    }
    for name, content in samples.items():
        (tmp_path / name).write_text(content, "utf-8")
        assert SCANNERS[Path(name).suffix](tmp_path / name, MARKERS) != [], name


def test_the_pdf_scanner_reads_compressed_object_streams(tmp_path):
    """WeasyPrint writes link annotations in Flate-compressed object streams: a
    javascript: link or a script action there must be seen, a web link must not."""
    def pdf(objects: bytes) -> Path:
        path = tmp_path / "acte.pdf"
        stream = zlib.compress(objects)
        path.write_bytes(b"%PDF-1.7\n1 0 obj\n<</Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length "
                         + str(len(stream)).encode() + b">>\nstream\n" + stream + b"\nendstream\nendobj\n%%EOF\n")
        return path

    assert SCANNERS[".pdf"](pdf(b"2 0 <</S /URI/URI (javascript:alert\\(1\\))>>"), MARKERS) == [
        "/URI 'javascript:alert(1)' in a PDF"]
    assert SCANNERS[".pdf"](pdf(b"2 0 <</S /URI/URI <6A6176617363726970743A78>>>"), MARKERS) == [
        "/URI 'javascript:x' in a PDF"]
    assert SCANNERS[".pdf"](pdf(b"2 0 <</OpenAction <</S/JavaScript/JS(app.alert\\(1\\))>>>>"), MARKERS) == [
        "/JS in a PDF", "/JavaScript in a PDF"]
    assert SCANNERS[".pdf"](pdf(b"2 0 <</S /URI/URI (https://exemple.fr)>>"), MARKERS) == []


def test_the_pdf_of_a_hostile_act_links_only_to_the_web(hostile_site):
    """The one safe link of the hostile décision is in its PDF; none of the
    javascript:, data: or disguised links are (the scanner sees the links)."""
    assert pdf_uris(hostile_site / "actes/2026/decision-2026-901.pdf") == ["https://exemple.fr"]


# -- the output audit (generator/audit.py): the build's own last check ----------------

@pytest.mark.parametrize(("page", "message"), [
    ("<p onclick=\"x()\">a</p>", "attribut d'événement « onclick » sur <p> interdit"),
    ("<a href=\"&#106;avascript:x()\">a</a>", "adresse « javascript:x() » (<a href>) : schéma interdit"),
    ("<a href=\"data:text/html,x\">a</a>", "adresse « data:text/html,x » (<a href>) : schéma interdit"),
    ("<img src=\"https://tracker.example/p.gif\">", "ressource chargée hors du site : « https://tracker.example/p.gif » "
                                                     "(<img src>)"),
    ("<img srcset=\"a.png 1x, //cdn.example/b.png 2x\">", "ressource chargée hors du site : « //cdn.example/b.png » "
                                                          "(<img srcset>)"),
    ("<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\">", "ressource chargée hors du site : "
                                                                     "« https://cdn.example/x.css » (<link href>)"),
    ("<div style=\"background:url(//t.example/x)\"></div>", "ressource chargée hors du site : « //t.example/x » "
                                                            "(style de <div>)"),
    ("<iframe src=\"a.html\"></iframe>", "élément <iframe> interdit"),
    ("<base href=\"https://t.example/\">", "élément <base href> interdit"),
    ("<meta http-equiv=\"refresh\" content=\"0;url=https://t.example\">", "redirection <meta http-equiv=refresh> "
                                                                           "interdite"),
    ("<script>alert(1)</script>", "script en ligne interdit (Content-Security-Policy) : le placer dans un fichier .js "
                                  "du thème"),
    ("<svg><a xlink:href=\"javascript:x()\">a</a></svg>", "adresse « javascript:x() » (<a xlink:href>) : schéma "
                                                          "interdit"),
])
def test_audit_names_what_it_refuses(page, message):
    assert [f"{f}" for f in audit_html(f"<html>\n<body>\n{page}\n</body></html>", "page.html")] == [
        f"page.html:3: {message}"]


def test_audit_accepts_what_the_site_itself_uses():
    page = ('<link rel="stylesheet" href="../assets/a.css"><script src="../assets/b.js"></script>'
            '<script id="__config" type="application/json">{"base": ".."}</script>'
            '<a href="https://www.legifrance.gouv.fr/">L</a><a href="mailto:a@b.fr">m</a><a href="#x">x</a>'
            '<img src="plan.png" alt=""><td style="text-align: left;">x</td>'
            '<svg viewBox="0 0 24 24"><path d="M0 0"/></svg><input type="checkbox" autocomplete="off">'
            '<base target="_top">')
    assert audit_html(page, "page.html") == []
    assert audit_css("a{mask-image:url(\"data:image/svg+xml;charset=utf-8,<svg/>\")} b{background:url(../i.png)}",
                     "a.css") == []
    assert [str(f) for f in audit_css("a{}\n@import 'https://cdn.example/f.css';", "a.css")] == [
        "a.css:2: ressource chargée hors du site : « https://cdn.example/f.css »"]


def test_audit_finds_nothing_in_the_hostile_site(hostile_site):
    assert audit_site(hostile_site) == []


def test_audit_of_an_incremental_build_reads_only_new_files(tmp_path):
    published, staging = tmp_path / "site", tmp_path / "staging"
    for folder in (published, staging):
        (folder / "a").mkdir(parents=True)
    (published / "a/ancienne.html").write_text("<script>deja()</script>", "utf-8")
    os.link(published / "a/ancienne.html", staging / "a/ancienne.html")  # unchanged: the same file
    (published / "a/refaite.html").write_text("<p>avant</p>", "utf-8")
    (staging / "a/refaite.html").write_text("<p>après</p>\n<script>nouveau()</script>", "utf-8")
    (staging / "a/style.css").write_text("a{background:url(https://cdn.example/i.png)}", "utf-8")
    found = [str(f) for f in audit_site(staging, published)]
    assert found == ["a/refaite.html:2: script en ligne interdit (Content-Security-Policy) : "
                     "le placer dans un fichier .js du thème",
                     "a/style.css:1: ressource chargée hors du site : « https://cdn.example/i.png »"]
    assert len(audit_site(staging)) == 3  # without the published site, every file is read


def test_build_refuses_to_publish_what_a_later_stage_made_active(tmp_path, monkeypatch):
    """A stage (search, feeds, PDF…) that writes an inline script: the build stops,
    says where, and the previous site stays."""
    root = copy_project(tmp_path / "p")
    build_copy(root)
    before = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}

    def careless_stage(result, staging, ctx):
        # (a new file put in place: staging shares unchanged files with site/ by hard links)
        page = staging / "recherche/index.html"
        new = staging / "recherche/index.html.new"
        new.write_text(page.read_text("utf-8").replace("</body>", "<script>chercher()</script></body>"), "utf-8")
        os.replace(new, page)

    monkeypatch.setattr(site_module, "POST_STAGES", [("recherche", careless_stage)])
    act = next((root / "acts").rglob("*.md"))
    act.write_bytes(act.read_bytes())  # saved again: a real build, not "site à jour"
    with pytest.raises(BuildError) as raised:
        build_copy(root)
    assert str(raised.value).startswith("publication refusée : 1 contenu(s) actif(s) ou ressource(s) externe(s)")
    assert re.search(r"recherche/index\.html:\d+: script en ligne interdit", str(raised.value))
    after = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not list(root.glob(".site-build-*"))


# -- Content-Security-Policy ---------------------------------------------------------

def csp_of(page: str) -> dict[str, list[str]]:
    metas = [a for t, a in Elements(page).tags if t == "meta" and a.get("http-equiv", "").lower()
             == "content-security-policy"]
    assert len(metas) == 1
    return {d.split()[0]: d.split()[1:] for d in metas[0]["content"].split(";") if d.strip()}


def test_every_page_has_the_policy_before_any_script(hostile_site):
    # Every page of the theme. The widget (no script, meant for an iframe elsewhere) and
    # the web editor (Decap, a single external script) are not theme pages.
    for page in hostile_site.rglob("*.html"):
        if page.relative_to(hostile_site).parts[0] in ("widget", "admin"):
            continue
        text = page.read_text("utf-8")
        policy = csp_of(text)
        assert text.index('http-equiv="Content-Security-Policy"') < text.index("<script"), page
        assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"]  # no inline script, no eval
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
        for directive in ("default-src", "img-src", "style-src", "font-src", "connect-src"):
            assert all(source in ("'self'", "'unsafe-inline'", "data:") for source in policy[directive]), directive


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_preview_has_no_policy_so_that_live_reload_works(tmp_path):
    """`actes serve` (MkDocs' live reload injects an inline script) is the one place
    without the policy; the built site always has it."""
    root = copy_project(tmp_path / "p")
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--adresse", f"127.0.0.1:{port}"],
                               cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "ACTES_DATE": EXAMPLE_DAY.isoformat()})
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
                break
            except OSError:
                assert time.monotonic() < deadline and process.poll() is None, "actes serve ne répond pas"
                time.sleep(0.5)
    finally:
        process.send_signal(signal.SIGINT)  # as Ctrl+C: MkDocs removes its temporary folder
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    assert "livereload" in page
    assert "Content-Security-Policy" not in page


# -- in Chromium: the browser's own parser and policy ----------------------------------

WATCH = """
window.__found = [];
document.addEventListener('securitypolicyviolation',
    e => window.__found.push('CSP ' + e.violatedDirective + ' ' + e.blockedURI));
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => window.__found.push(name + '(' + args.join(',') + ')');
}
"""

DOM_CHECK = """() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            if (attr.name.startsWith('on')) found.push(el.tagName + ' ' + attr.name);
        }
        for (const type of ['mouseover', 'mouseenter', 'focus', 'click']) {
            if (el.tagName !== 'A' && el.tagName !== 'INPUT' && el.tagName !== 'LABEL')
                el.dispatchEvent(new Event(type));
        }
    }
    for (const a of document.querySelectorAll('a[href]')) {
        if (!['http:', 'https:', 'mailto:', 'tel:'].includes(a.protocol)) found.push('a ' + a.href);
    }
    for (const el of document.querySelectorAll('img, script[src], link[href], iframe, object, embed')) {
        const url = el.src || el.href || el.data || '';
        if (url && new URL(url, location).origin !== location.origin) found.push(el.tagName + ' ' + url);
        if (['IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName)) found.push(el.tagName);
    }
    for (const s of document.querySelectorAll('script:not([src])')) {
        if (s.type !== 'application/json') found.push('inline script ' + s.textContent.slice(0, 40));
    }
    return found.concat(window.__found);
}"""


@pytest.fixture(scope="module")
def chromium_tab(hostile_site):
    with serve(hostile_site, prefix="actes-administratifs") as url, browser() as instance:
        context = instance.new_context(locale="fr-FR")
        outside: list[str] = []
        context.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                      if not route.request.url.startswith("http://127.0.0.1") else route.continue_())
        tab = context.new_page()
        tab.add_init_script(WATCH)
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.on("dialog", lambda dialog: (errors.append(f"dialog {dialog.message}"), dialog.dismiss()))
        tab.base_url, tab.outside, tab.errors = url, outside, errors
        yield tab
        context.close()


@pytest.mark.parametrize("path", [
    *[p.removesuffix("index.html") for p in HOSTILE_PAGES], "", "registre/2026/", "types/arrete/2026/", "séance",
])
def test_chromium_runs_nothing_from_the_acts(chromium_tab, hostile_site, path):
    if path == "séance":  # its address is made from the (hostile) organe
        folder, = (p for p in (hostile_site / "seances/lens").iterdir() if p.name.startswith("2026-06-03") and p.is_dir())
        path = folder.relative_to(hostile_site).as_posix() + "/"
    chromium_tab.goto(chromium_tab.base_url + path)
    chromium_tab.wait_for_load_state("networkidle")
    assert chromium_tab.evaluate(DOM_CHECK) == []
    assert chromium_tab.errors == []
    assert chromium_tab.outside == []
    # Material's JavaScript ran under the policy: it replaces the no-js class.
    assert "no-js" not in chromium_tab.evaluate("document.documentElement.className")
    assert chromium_tab.evaluate("typeof __md_get") == "function"


def test_chromium_policy_blocks_an_inline_script(chromium_tab):
    """Guards the test above: the policy is in force, an injected handler does not run."""
    chromium_tab.goto(chromium_tab.base_url)
    chromium_tab.evaluate("""() => {
        const s = document.createElement('script'); s.textContent = "alert('injecte')"; document.body.append(s);
        document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="alert(1)">');
    }""")
    chromium_tab.wait_for_timeout(300)
    found = chromium_tab.evaluate("window.__found")
    assert not any(f.startswith("alert") for f in found)
    assert any(f.startswith("CSP script-src") for f in found)
