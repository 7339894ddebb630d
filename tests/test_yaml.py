"""The strict YAML reader (yamlsafe): YAML 1.1 traps, lines, aliases, nesting."""

from __future__ import annotations

import time

import pytest

from generator.yamlsafe import MAX_DEPTH, YamlIssue, dotted, read_yaml


def data_of(text: str):
    doc, issues = read_yaml(text)
    assert issues == []
    return doc.data


@pytest.mark.parametrize(
    ("written", "value"),
    [
        # YAML 1.1 would turn these into booleans, octal, sexagesimal numbers or dates.
        ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("y", "y"), ("n", "n"),
        ("Oui", "Oui"), ("NO", "NO"),
        ("0123", "0123"), ("0o17", "0o17"), ("0x1F", "0x1F"), ("0b101", "0b101"),
        ("1:30", "1:30"), ("18:00", "18:00"), ("190:20:30", "190:20:30"),
        ("2026-05-22", "2026-05-22"), ("2026-02-30", "2026-02-30"), ("2026-05-22 10:00:00", "2026-05-22 10:00:00"),
        ("1_000", "1_000"), (".inf", ".inf"), (".nan", ".nan"), ("1e5", "1e5"),
        # Decimal numbers stay text as well: "7.10" is a matière, not the float 7.1.
        ("7.10", "7.10"), ("1.1", "1.1"), ("12.0", "12.0"),
        # What is resolved.
        ("true", True), ("False", False), ("TRUE", True),
        ("12", 12), ("0", 0), ("-3", -3), ("+4", 4),
        ("~", None), ("null", None), ("", None),
        ('"0123"', "0123"), ("'true'", "true"),
    ],
)
def test_implicit_types(written, value):
    data = data_of(f"x: {written}\n")
    assert data == {"x": value}
    assert type(data["x"]) is type(value)


def test_explicit_timestamp_tag_stays_text():
    assert data_of("x: !!timestamp 2026-05-22\n") == {"x": "2026-05-22"}


def test_lines_of_values_and_keys():
    doc, issues = read_yaml("a: 1\nb:\n  c: x\n  d:\n    - u\n    - v\ne: |\n  bloc\n", line_offset=1)
    assert issues == []
    assert doc.key_lines == {("a",): 2, ("b",): 3, ("b", "c"): 4, ("b", "d"): 5, ("e",): 8}
    assert doc.lines[("b", "d", 0)] == 6
    assert doc.lines[("b", "d", 1)] == 7
    assert doc.lines[("b",)] == 4  # a mapping value starts on its first key


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_unicode_line_separators_do_not_shift_lines(separator):
    # YAML counts U+2028, U+2029 and U+0085 as line breaks; editors and the
    # messages count "\n" only. A separator pasted from a word processor must not
    # move every following problem to the wrong line.
    text = f'objet: "Avenant{separator}n°1"\nnumero: 1\nnumero: 2\n'
    doc, issues = read_yaml(text, line_offset=1)
    assert doc.data["numero"] == 1
    assert doc.key_lines[("numero",)] == 3
    assert issues == [YamlIssue(4, "numero", "clé en double (déjà définie ligne 3)")]


def test_lines_after_non_ascii_and_astral_characters():
    text = "a: « Été » 😀😀\nb: x\nb: y\n"
    _, issues = read_yaml(text)
    assert issues == [YamlIssue(3, "b", "clé en double (déjà définie ligne 2)")]


def test_duplicate_keys():
    _, issues = read_yaml("type: decision\nnumero: 1\ntype: arrete\n", line_offset=1)
    assert issues == [YamlIssue(4, "type", "clé en double (déjà définie ligne 2)")]


def test_duplicate_nested_keys():
    doc, issues = read_yaml("signataire:\n  nom: A\n  prenom: B\n  nom: C\n", line_offset=1)
    assert issues == [YamlIssue(5, "signataire.nom", "clé en double (déjà définie ligne 3)")]
    assert doc.data == {"signataire": {"nom": "A", "prenom": "B"}}  # the first value is kept


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("type: decision\nobjet: Avenant : prolongation: 2 mois\n", 3,
         "erreur de syntaxe YAML : « : » inattendu (une valeur contenant « : » doit être entre guillemets)"),
        ("type: decision\nobjet: a\n  b: c\n", 4,
         "erreur de syntaxe YAML : « : » inattendu (une valeur contenant « : » doit être entre guillemets)"),
        ("type: decision\nsignataire:\n\tnom: X\n", 4,
         "erreur de syntaxe YAML : tabulation interdite : indenter avec des espaces"),
        ("type: decision\nobjet: @mairie\n", 3,
         "erreur de syntaxe YAML : caractère « @ » inattendu en début de valeur (mettre la valeur entre guillemets)"),
        ("type: decision\nobjet: `code`\n", 3,
         "erreur de syntaxe YAML : caractère « ` » inattendu en début de valeur (mettre la valeur entre guillemets)"),
        ("type: decision\nobjet: 'Avenant n°1\nlieu: Lens\n", 3,
         "erreur de syntaxe YAML : fin du texte inattendue (guillemet ou crochet non fermé ?)"),
        ("type: decision\nannexes: [a.pdf, b.pdf\nlieu: Lens\n", 3,
         "erreur de syntaxe YAML : crochet « ] » ou virgule manquant"),
        ("type: decision\nvote: {pour: 1, contre: 2\n", 3,
         "erreur de syntaxe YAML : accolade « } » ou virgule manquante"),
        ("type: decision\nsignataire:\n  nom: X\n prenom: Y\n", 5,
         "erreur de syntaxe YAML : clé attendue (indentation incorrecte ?)"),
        ("seance:\n  presents:\n    - A\n    B: 2\n", 5,
         "erreur de syntaxe YAML : tiret « - » attendu (indentation de la liste incorrecte ?)"),
        ("type: decision\nobjet\nlieu: Lens\n", 4,
         "erreur de syntaxe YAML : « : » manquant après une clé"),
        ("type: decision\nobjet: }\n", 3,
         "erreur de syntaxe YAML : valeur illisible (la mettre entre guillemets)"),
        ("type: decision\n---\nlieu: Lens\n", 3,
         "erreur de syntaxe YAML : ligne « --- » en trop (un seul en-tête YAML attendu)"),
        ("type: decision\nobjet: *x\n", 3, "erreur de syntaxe YAML : alias YAML non défini"),
    ],
)
def test_syntax_errors_in_french_with_their_line(text, line, message):
    doc, issues = read_yaml(text, line_offset=1)
    assert doc is None
    assert issues == [YamlIssue(line, "en-tête", message)]


def test_syntax_error_messages_are_french_in_the_pure_python_loader_too():
    # Deep documents go to the pure-Python parser, whose wording differs from libyaml's.
    # Brackets inside quotes count in the estimate of the depth, so this goes there.
    text = 'objet: "' + "[" * 60 + '"\nannexes: [a.pdf, b.pdf\nlieu: Lens\n'
    doc, issues = read_yaml(text, line_offset=1)
    assert doc is None
    assert issues == [YamlIssue(3, "en-tête", "erreur de syntaxe YAML : crochet « ] » ou virgule manquant")]
    text = 'objet: "' + "[" * 60 + '"\nsignataire:\n  nom: X\n prenom: Y\n'
    doc, issues = read_yaml(text, line_offset=1)
    assert issues == [YamlIssue(5, "en-tête", "erreur de syntaxe YAML : clé attendue (indentation incorrecte ?)")]
    text = 'objet: "' + "[" * 60 + '"\nlieu: Lens\nlieu: Arras\n'
    doc, issues = read_yaml(text, line_offset=1)
    assert issues == [YamlIssue(4, "lieu", "clé en double (déjà définie ligne 3)")]


def test_control_character_named_with_its_line():
    _, issues = read_yaml("type: decision\nobjet: Avenant\x07 n°1\n", line_offset=1)
    assert issues == [YamlIssue(3, "en-tête", "caractère de contrôle U+0007 interdit dans l'en-tête YAML")]


def test_aliases_refused():
    doc, issues = read_yaml("a: &x valeur\nb: *x\n")
    assert issues == [YamlIssue(2, "b", "les alias YAML (« *nom ») ne sont pas acceptés")]
    assert doc.data == {"a": "valeur", "b": None}


def test_alias_bomb_refused_quickly():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 30):  # 9**30 strings once expanded
        name, prev = f"n{i}", "a" if i == 1 else f"n{i - 1}"
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    started = time.process_time()
    doc, issues = read_yaml("\n".join(lines) + "\n", line_offset=1)
    assert time.process_time() - started < 1.0
    assert issues == [YamlIssue(3, "n1[0]", "les alias YAML (« *nom ») ne sont pas acceptés")]  # reported once


def test_merge_key_refused():
    _, issues = read_yaml("a: {x: 1}\nb:\n  !!merge <<: {x: 2}\n")
    assert issues == [YamlIssue(3, "b", "fusion YAML « << » interdite")]


def test_complex_key_refused():
    doc, issues = read_yaml("? [a, b]\n: c\nd: e\n")
    assert issues == [YamlIssue(1, "en-tête", "clé composée interdite")]
    assert doc.data == {"d": "e"}


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("x: !!python/object/apply:os.system [ls]\n", "tag:yaml.org,2002:python/object/apply:os.system"),
        ("x: !!python/name:builtins.print\n", "tag:yaml.org,2002:python/name:builtins.print"),
        ("x: !ENV HOME\n", "!ENV"),
    ],
)
def test_unknown_tags_refused_in_french(text, tag):
    doc, issues = read_yaml(text)
    assert issues == [YamlIssue(1, "x", f"étiquette YAML « {tag} » refusée : écrire la valeur sans « ! »")]
    assert doc.data == {"x": None}


@pytest.mark.parametrize(
    "text",
    [
        "x: " + "[" * 5000 + "]" * 5000 + "\n",  # flow: pure-Python parser, RecursionError caught
        "x: " + "[" * 40 + "]" * 40 + "\n",  # within libyaml's safe range: depth checked while composing
        "x: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n",
        "x:\n" + "".join("  " * i + "- \n" for i in range(1, 1500)),  # block sequences
        "".join("  " * i + f"k{i}:\n" for i in range(1500)) + "  " * 1500 + "fin: 1\n",  # block mappings
    ],
    ids=["flow-5000", "flow-40", "mapping-3000", "block-seq-1500", "block-map-1500"],
)
def test_deep_nesting_refused_quickly(text):
    started = time.process_time()  # CPU time: other processes on the machine do not count
    doc, issues = read_yaml(text, line_offset=1)
    assert time.process_time() - started < 1.0
    assert len(issues) == 1
    assert issues[0].message == f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux)"
    assert issues[0].line >= 2


def test_nesting_up_to_the_limit_is_read():
    text = "x: " + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1) + "\n"
    doc, issues = read_yaml(text)
    assert issues == []


def test_empty_document():
    doc, issues = read_yaml("")
    assert issues == [] and doc.data is None
    doc, issues = read_yaml("# rien\n")
    assert issues == [] and doc.data is None


@pytest.mark.parametrize(
    ("path", "shown"),
    [((), "en-tête"), (("numero",), "numero"), (("seance", "presents", 2), "seance.presents[2]"),
     (("annexes", 0, "fichier"), "annexes[0].fichier")],
)
def test_dotted(path, shown):
    assert dotted(path) == shown
