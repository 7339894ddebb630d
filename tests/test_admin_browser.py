"""The web editor in local mode, as a person uses it: Chromium opens the admin
page (Decap CMS from our own files), decap-server (MODE=git, started here on a
loopback port and stopped after) saves to a real git repository. A draft
décision is created through the form, reviewed and published; the file it
writes to acts/ passes `actes check`. No request leaves 127.0.0.1."""

from __future__ import annotations

import pytest

from generator.editor import find_decap_server, local_editor
from generator.yamlsafe import read_yaml
from tests.gitrepo import actes, example_repo, git
from tests.sitebuild import browser

OBJET = "Décision relative à la location d'une nacelle pour les illuminations de Noël"


@pytest.fixture
def repo(tmp_path):
    find_decap_server(tmp_path)  # fails loudly (French) if `npm ci` was not run
    return example_repo(tmp_path / "depot")


def type_into(page, selector: str, text: str) -> None:
    """Replaces a Decap text field's value the way a person does (select all, type)."""
    page.locator(selector).click()
    page.keyboard.press("Control+a")
    page.keyboard.type(text)


def test_draft_decision_through_the_form_passes_check(repo):
    with local_editor(repo) as editor, browser() as instance:
        context = instance.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
        outside: list[str] = []
        context.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                      if not route.request.url.startswith("http://127.0.0.1:") else route.continue_())
        page = context.new_page()
        confirmations: list[str] = []
        page.on("dialog", lambda dialog: (confirmations.append(dialog.message), dialog.accept()))

        page.goto(editor.url + "#/collections/decision/new")
        page.get_by_role("button", name="Se connecter").click()  # French UI: locale fr
        number = page.locator("[id^=numero-field]")
        number.wait_for()
        assert number.input_value() == "2026-103"  # the next free number, from the registry
        page.locator("[id^=date-field]").first.fill("2026-11-23")
        type_into(page, "[id^=objet-field]", OBJET)

        # A matière that does not exist is refused by the form itself, in French.
        type_into(page, "[id^=nomenclature-field]", "12.3")
        page.get_by_role("button", name="Enregistrer").click()
        assert page.get_by_text("ne correspond pas au schéma").first.is_visible()
        assert git(repo, "branch", "--list", "cms/*") == ""

        type_into(page, "[id^=nomenclature-field]", "1.1")
        page.get_by_role("button", name="Enregistrer").click()
        page.wait_for_url("**/entries/2026/decision-2026-103")
        # Editorial workflow: the draft is a branch, main is untouched.
        assert git(repo, "branch", "--list", "cms/*").strip() == "cms/decision/2026/decision-2026-103"
        assert not (repo / "acts/2026/decision-2026-103.md").exists()
        draft = git(repo, "show", "cms/decision/2026/decision-2026-103:acts/2026/decision-2026-103.md")

        page.get_by_role("button", name="Statut: Brouillon").click()
        page.get_by_role("menuitem", name="Prêt").click()
        page.get_by_role("button", name="Statut: Prêt").wait_for()
        page.get_by_role("button", name="Publier").click()
        page.get_by_role("menuitem", name="Publier maintenant").click()
        page.get_by_text("Entrée publiée").or_(page.get_by_text("Chargement de l'entrée")).first.wait_for()
        for _ in range(50):
            if (repo / "acts/2026/decision-2026-103.md").exists():
                break
            page.wait_for_timeout(100)
        assert confirmations == ["Voulez-vous vraiment publier cette entrée ?"]
        assert outside == []
        context.close()

    written = (repo / "acts/2026/decision-2026-103.md").read_text("utf-8")
    assert written.rstrip("\n") == draft  # the branch held the very file main now has
    doc, issues = read_yaml(written.split("---\n")[1])
    assert issues == []
    assert list(doc.data) == ["type", "numero", "date", "objet", "nomenclature", "collectivite", "autorite",
                              "signataire", "lieu", "statut"]  # our key names, in the model's order
    assert doc.data["type"] == "decision" and doc.data["date"] == "2026-11-23"
    assert doc.data["signataire"] == {"prenom": "Sylvain", "nom": "ROBERT", "qualite": "Maire"}
    assert "## DÉCIDE" in written and "**Article 1** :" in written
    assert git(repo, "status", "--porcelain") == ""

    done = actes(repo, "check", "acts/2026/decision-2026-103.md")
    assert done.returncode == 0, done.stdout
    assert "acts/2026/decision-2026-103.md — Décision n° 2026-103 du 23/11/2026 (projet)" in done.stdout
    assert " 0 erreur" in done.stdout
