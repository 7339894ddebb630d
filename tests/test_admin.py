"""The web editor's configuration is generated from the act schema: every field
of model.py with its widget, the required flags of rules.py, and patterns that
JavaScript (Node, as in the browser) and our parsers read the same way."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import typing

import pytest
import yaml
from pydantic import BaseModel

from generator import model
from generator.admin import PATTERNS, VENDOR, EditorSettings, decap_config, read_settings
from generator.check import run_check
from generator.identifiers import ActesId, ActNumber, NomenclatureCode
from generator.rules import RULES
from generator.site import BuildError
from tests.sitebuild import EXAMPLE_DAY, REPO, build_copy, copy_project


@pytest.fixture(scope="module")
def example_result():
    return run_check(REPO, on=EXAMPLE_DAY)


@pytest.fixture(scope="module")
def config(example_result):
    return decap_config(example_result, EditorSettings(), day=EXAMPLE_DAY)


def collection(config, name):
    return next(c for c in config["collections"] if c["name"] == name)


def by_name(fields):
    return {f["name"]: f for f in fields}


def nested_model(annotation) -> type[BaseModel] | None:
    """The pydantic model inside Optional[...] / list[...] / Annotated[...], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = nested_model(arg)
        if found:
            return found
    return None


def assert_same_fields(fields: list[dict], cls: type[BaseModel], where: str) -> None:
    assert [f["name"] for f in fields] == list(cls.model_fields), where
    for field in fields:
        inner = nested_model(cls.model_fields[field["name"]].annotation)
        if inner is not None:
            assert "fields" in field, f"{where}.{field['name']}: sous-champs attendus"
            assert_same_fields(field["fields"], inner, f"{where}.{field['name']}")


def test_every_collection_has_every_model_field_in_order_then_the_body(config):
    assert [c["name"] for c in config["collections"]] == list(RULES)
    for coll in config["collections"]:
        assert_same_fields(coll["fields"][:-1], model.ActMeta, coll["name"])
        assert coll["fields"][-1]["name"] == "body" and coll["fields"][-1]["widget"] == "markdown"


@pytest.mark.parametrize("type_", list(RULES))
def test_required_flags_come_from_rules(config, type_):
    rules = RULES[type_]
    fields = by_name(collection(config, type_)["fields"])
    required = {name for name, f in fields.items() if f["required"] and name != "body"}
    assert required == set(rules.required)
    seance = by_name(fields["seance"]["fields"])
    assert {n for n, f in seance.items() if f["required"]} == set(rules.seance_required)
    # Inside objects, the model's own required fields.
    assert {n for n, f in by_name(fields["signataire"]["fields"]).items() if f["required"]} == {"prenom", "nom", "qualite"}
    representes = by_name(seance["representes"]["fields"])
    assert representes["mandant"]["required"] and representes["mandataire"]["required"]


def test_widgets_follow_the_python_types(config):
    fields = by_name(collection(config, "deliberation")["fields"])
    assert fields["type"] == {"label": "Type d'acte", "name": "type", "widget": "hidden", "required": True,
                              "default": "deliberation"}
    for name in ("date", "mise_en_ligne"):
        assert fields[name]["widget"] == "datetime"
        assert (fields[name]["format"], fields[name]["time_format"]) == ("YYYY-MM-DD", False)
    assert fields["statut"]["widget"] == "select"
    assert [o["value"] for o in fields["statut"]["options"]] == ["projet", "publie"]
    assert fields["statut"]["default"] == "projet"
    assert [o["value"] for o in fields["collectivite"]["options"]] == ["lens", "somme-numerique"]
    for name in ("signataire", "seance", "vote", "transmission"):
        assert fields[name]["widget"] == "object"
    seance = by_name(fields["seance"]["fields"])
    assert seance["presents"]["widget"] == "list" and seance["presents"]["field"]["widget"] == "string"
    assert seance["representes"]["widget"] == "list" and "fields" in seance["representes"]
    assert seance["date"]["widget"] == "datetime" and seance["convocation"]["widget"] == "datetime"
    assert by_name(seance["quorum"]["fields"])["atteint"]["widget"] == "boolean"
    vote = by_name(fields["vote"]["fields"])
    assert vote["pour"] == {**vote["pour"], "widget": "number", "value_type": "int", "min": 0}
    assert [o["value"] for o in vote["resultat"]["options"]] == ["adopte", "rejete"]
    assert fields["modifie"]["widget"] == "list" and fields["annexes"]["widget"] == "list"
    for path, field in (("numero", fields["numero"]), ("nomenclature", fields["nomenclature"]),
                        ("transmission.id", by_name(fields["transmission"]["fields"])["id"]),
                        ("seance.heure", seance["heure"])):
        assert field["pattern"] == list(PATTERNS[path])


def test_defaults_come_from_the_configuration_and_the_registry(config):
    fields = by_name(collection(config, "decision")["fields"])
    assert fields["numero"]["default"] == "2026-103"  # next after 2026-102
    assert "2026-103 (Ville de Lens), 2026-1 (Syndicat mixte Somme Numérique)" in fields["numero"]["hint"]
    assert fields["autorite"]["default"].startswith("Le Maire de la Ville de Lens")
    assert {f["name"]: f.get("default") for f in fields["signataire"]["fields"]} == {
        "prenom": "Sylvain", "nom": "ROBERT", "qualite": "Maire", "delegation": None}
    body = fields["body"]["default"]
    assert body.startswith("Vu le code général des collectivités territoriales,") and "## DÉCIDE" in body
    assert collection(config, "arrete")["fields"][-1]["default"].count("## ARRÊTE") == 1


def test_collections_share_acts_and_the_editorial_workflow(config):
    assert config["locale"] == "fr"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["name"] == "proxy"
    for coll in config["collections"]:
        assert coll["folder"] == "acts"
        assert coll["path"] == f"{{{{year}}}}/{RULES[coll['name']].url_prefix}-{{{{numero}}}}"
        assert coll["filter"] == {"field": "type", "value": coll["name"]}
        assert (coll["format"], coll["extension"], coll["delete"]) == ("frontmatter", "md", False)


def test_git_host_settings_from_mkdocs_yml(project, samples):
    config_text = samples.CONFIG + "  editeur:\n    backend: github\n    depot: ville-de-lens/actes\n"
    root = project(samples.FILES, config=config_text)
    settings, problems = read_settings(root)
    assert problems == []
    config = decap_config(run_check(root), settings)
    assert config["backend"]["name"] == "github" and config["backend"]["repo"] == "ville-de-lens/actes"
    assert config["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1", "allowed_hosts": ["127.0.0.1", "localhost"]}
    assert config["site_url"] == "https://actes.example.org/"


@pytest.mark.parametrize("block, message", [
    ("  editeur:\n    backend: github\n",
     "mkdocs.yml:21: extra.editeur.depot — dépôt manquant pour le backend github : « propriétaire/nom »"),
    ("  editeur:\n    backend: bitbucket\n    depot: a/b\n", "mkdocs.yml:22: extra.editeur.backend — "),
])
def test_bad_editor_settings_are_french_problems(project, samples, block, message):
    root = project(samples.FILES, config=samples.CONFIG + block)
    settings, problems = read_settings(root)
    assert len(problems) == 1 and str(problems[0]).startswith(message)


# ---------------------------------------------------------------------------
# Patterns: JavaScript (as Decap runs them) and our parsers agree

EXAMPLES = {
    "numero": (ActNumber.parse, [
        "2026-102", "2026 - 92", "2026–92", "A2023-15", "B2025-01", "DLB03_18122024", "PV-B2025-09-29", "2026/5",
        "", "-2026", "2026 102", "numéro 5", "A" * 41, "2026-", "a b"]),
    "nomenclature": (NomenclatureCode.parse, [
        "1.1", "01-01", "01 - 01", "7.10", "9", "09 – 01", "1.1.2", "5.8", "1.07",
        "12.1", "1.8", "0.1", "7.11", "1,1", "10", "1.1.123", "07.010", "1.00", "1.", "x"]),
    "transmission.id": (ActesId.parse, [
        "062-216204982-20241218-DLB03_18122024-DE", "02A-216204982-20241218-A_1-AR",
        "062-216204982-20241218-dlb03-DE", "062-216204982-20241218-DLB-XX", "62-216204982-20241218-DLB-DE",
        "062-216204982-20241218-ABCDEFGHIJKLMNOP-DE", "062-21620498-20241218-DLB-DE"]),
    "seance.heure": (model.parse_time, [
        "14:00", "14h", "17h30", "9:05", "14 heures", "14H30", "14 h 30",
        "24:00", "14:60", "14.30", "quatorze heures", "09:5"]),
}
# The pattern is looser where a regular expression cannot follow the parser: a
# calendar date. `actes check` still reports it, with its line.
LOOSER = {("transmission.id", "062-216204982-20241399-DLB-DE")}


def parser_accepts(parse, value: str) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


def javascript_verdicts(cases: dict[str, list[str]]) -> dict[str, list[bool]]:
    script = ("const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "const out = {};"
              "for (const [pattern, values] of Object.entries(cases))"
              "  out[pattern] = values.map(v => new RegExp(pattern).test(v));"
              "console.log(JSON.stringify(out));")
    done = subprocess.run([shutil.which("node") or "node", "-e", script], input=json.dumps(cases),
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_patterns_accept_exactly_what_the_parsers_accept():
    cases = {PATTERNS[path][0]: values for path, (_, values) in EXAMPLES.items()}
    for path, value in LOOSER:
        cases[PATTERNS[path][0]] = [*cases[PATTERNS[path][0]], value]
    verdicts = javascript_verdicts(cases)
    for path, (parse, values) in EXAMPLES.items():
        got = dict(zip(values, verdicts[PATTERNS[path][0]]))
        expected = {v: parser_accepts(parse, v) for v in values}
        assert got == expected, path
        assert any(expected.values()) and not all(expected.values()), f"{path}: examples of both kinds"
    for path, value in LOOSER:
        assert verdicts[PATTERNS[path][0]][-1] and not parser_accepts(EXAMPLES[path][0], value)


# ---------------------------------------------------------------------------
# The built site serves the editor from our own files


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("admin"))
    build_copy(root)
    return root


def test_build_adds_admin_with_the_generated_config(built, example_result):
    admin = built / "site" / "admin"
    written = yaml.safe_load((admin / "config.yml").read_text("utf-8"))
    assert written == decap_config(run_check(built, on=EXAMPLE_DAY), EditorSettings(), day=EXAMPLE_DAY)
    page = (admin / "index.html").read_text("utf-8")
    assert '<html lang="fr">' in page and '<script src="decap-cms.js"></script>' in page
    assert "http" not in page  # no CDN, no third party: everything is relative
    assert (admin / "decap-cms.js").read_bytes() == (VENDOR / "decap-cms.js").read_bytes()
    chunks = {p.name for p in VENDOR.glob("*.decap-cms.js")}
    assert chunks and chunks <= {p.name for p in admin.iterdir()}


def test_bad_editor_settings_stop_the_build_and_keep_the_previous_site(built):
    site_before = sorted(p.relative_to(built) for p in (built / "site").rglob("*"))
    config = built / "mkdocs.yml"
    original = config.read_text("utf-8")
    config.write_text(original.replace("  publication:", "  editeur:\n    backend: gitlab\n  publication:"), "utf-8")
    try:
        with pytest.raises(BuildError, match="configuration de l'éditeur invalide : mkdocs.yml:.*extra.editeur.depot"):
            build_copy(built)
    finally:
        config.write_text(original, "utf-8")
    assert sorted(p.relative_to(built) for p in (built / "site").rglob("*")) == site_before


def test_vendored_bundle_matches_its_checksums_and_licence():
    sums = {}
    for line in (VENDOR / "SHA256SUMS").read_text("utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        sums[name] = digest
    files = {p.name for p in VENDOR.iterdir()} - {"SHA256SUMS"}
    assert set(sums) == files
    for name, digest in sums.items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name
    assert (VENDOR / "VERSION").read_text().strip() == "3.16.3"
    assert "MIT License" in (VENDOR / "LICENSE").read_text("utf-8")


# ---------------------------------------------------------------------------
# actes editeur: refusals before anything starts


def test_editor_refuses_a_work_tree_with_uncommitted_changes(tmp_path):
    from tests.gitrepo import actes, example_repo

    repo = example_repo(tmp_path / "depot")
    (repo / "acts/2026/notes.txt").write_text("brouillon\n", "utf-8")
    done = actes(repo, "editeur")
    assert done.returncode == 1
    assert done.stderr.startswith("ÉCHEC : des modifications ne sont pas enregistrées dans git (git status).")


def test_editor_outside_a_git_repository(project, samples):
    from tests.gitrepo import actes

    root = project(samples.FILES)
    done = actes(root, "editeur")
    assert done.returncode == 1
    assert done.stderr.strip() == (f"ÉCHEC : {root} n'est pas un dépôt git : l'éditeur enregistre chaque projet "
                                   "dans une branche")
