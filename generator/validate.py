"""Validation of one act: normalise (load), validate the schema, then check across
fields. Every check runs; each returns its problems, none stops the others.

Checks that need the other acts (numbering, references) live in `numbering.py`
and `references.py` and run on the registry.
"""

from __future__ import annotations

import datetime as dt
import difflib
import errno
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .config import SiteConfig
from .load import RawAct, annex_problem
from .model import Act, ActMeta
from .problems import Problem, error, warning
from .rules import FIELD_LABELS, OBJET_MAX, RULES, TypeRules
from .schema_errors import problems_from_validation


@dataclass
class Context:
    config: SiteConfig
    today: dt.date
    root: Path  # the project root: annexes may not leave it


def validate_act(raw: RawAct, ctx: Context) -> tuple[Act | None, list[Problem]]:
    problems = list(raw.problems)
    if raw.meta is None:
        return None, problems
    meta, dropped, schema_problems = _validate_schema(raw)
    problems += schema_problems
    act = Act(meta, raw.body, raw.path, raw.sha256, _lines(raw))
    rules = RULES.get(act.type)
    if rules is None:
        if "type" not in dropped:
            problems.append(error(raw.path, raw.line_of("type"), "type",
                                  "champ obligatoire manquant : decision, arrete, deliberation ou proces_verbal"))
        return act, problems
    problems += _required(act, rules, dropped)
    for check in CHECKS:
        problems += list(check(act, rules, ctx))
    return act, problems


def _lines(raw: RawAct) -> dict:
    if raw.lines is None:
        return {}
    # The key's line is where a person looks for a field.
    return {**raw.lines.lines, **raw.lines.key_lines}


def _validate_schema(raw: RawAct) -> tuple[ActMeta, set[str], list[Problem]]:
    """Validates the front matter. Fields in error are dropped and the rest is
    validated again, so the cross-field checks still run on what is right."""
    data = dict(raw.meta or {})
    try:
        return ActMeta.model_validate(data), set(), []
    except ValidationError as exc:
        problems = problems_from_validation(exc, ActMeta, raw.path, raw.lines.lines, key_lines=raw.lines.key_lines)
        dropped = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
    for key in dropped:
        data.pop(key, None)
    try:
        return ActMeta.model_validate(data), dropped, problems
    except ValidationError:  # cannot happen: every field is optional; stay safe anyway
        return ActMeta(), set(data) | dropped, problems


def _required(act: Act, rules: TypeRules, dropped: set[str]) -> list[Problem]:
    problems = []
    for name in rules.required:
        if name in dropped:
            continue
        value = getattr(act.meta, name)
        if value in (None, [], ""):
            what = FIELD_LABELS.get(name, name)
            problems.append(error(act.path, act.line_of(name), name,
                                  f"champ obligatoire manquant pour {_article(rules)} : {what}"))
    seance = act.meta.seance
    if seance is not None:
        for name in rules.seance_required:
            if getattr(seance, name) in (None, [], ""):
                what = FIELD_LABELS.get(f"seance.{name}", name)
                problems.append(error(act.path, act.line_of("seance"), f"seance.{name}",
                                      f"champ obligatoire manquant pour {_article(rules)} : {what}"))
    return problems


def _article(rules: TypeRules) -> str:
    return f"une {rules.label}" if rules.feminine else f"un {rules.label}"


Check = Callable[[Act, TypeRules, Context], Iterator[Problem]]


def check_dates(act: Act, rules: TypeRules, ctx: Context) -> Iterator[Problem]:
    meta = act.meta
    if meta.date and meta.statut == "publie" and meta.date > ctx.today:
        yield error(act.path, act.line_of("date"), "date",
                    f"date {meta.date:%d/%m/%Y} dans le futur pour un acte signé et publié")
    if meta.date and meta.mise_en_ligne and meta.mise_en_ligne < meta.date:
        yield error(act.path, act.line_of("mise_en_ligne"), "mise_en_ligne",
                    f"mise en ligne le {meta.mise_en_ligne:%d/%m/%Y}, avant la date de l'acte ({meta.date:%d/%m/%Y})")
    # An unreadable mise_en_ligne is reported by the schema; "absent" would mislead.
    if meta.statut == "publie" and meta.mise_en_ligne is None and ("mise_en_ligne",) not in act.lines:
        yield error(act.path, act.line_of("statut"), "mise_en_ligne",
                    "acte publié sans date de mise en ligne (obligatoire, CGCT R2131-1)")
    seance = meta.seance
    if rules.seance_required and seance and seance.date and meta.date and seance.date != meta.date:
        yield error(act.path, act.line_of("seance", "date"), "seance.date",
                    f"la date de l'acte ({meta.date:%d/%m/%Y}) doit être celle de la séance ({seance.date:%d/%m/%Y})")
    if seance and seance.convocation and seance.date and seance.convocation > seance.date:
        yield error(act.path, act.line_of("seance", "convocation"), "seance.convocation",
                    "convocation postérieure à la séance")


def check_objet(act: Act, rules: TypeRules, ctx: Context) -> Iterator[Problem]:
    objet = act.meta.objet
    if objet is None:
        return
    if "\n" in objet.strip() or "\r" in objet:
        yield error(act.path, act.line_of("objet"), "objet",
                    "l'objet tient sur une seule ligne (limite ACTES) : retirer les retours à la ligne")
    if len(objet) > OBJET_MAX:
        yield error(act.path, act.line_of("objet"), "objet",
                    f"objet trop long : {len(objet)} caractères, {OBJET_MAX} au plus (limite ACTES)")


def check_transmission(act: Act, rules: TypeRules, ctx: Context) -> Iterator[Problem]:
    transmission = act.meta.transmission
    if transmission is None:
        return
    line = act.line_of("transmission", "id")
    actes_id = transmission.id
    if actes_id is not None:
        if act.meta.date and actes_id.date != act.meta.date:
            yield error(act.path, line, "transmission.id",
                        f"la date de l'identifiant ACTES ({actes_id.date:%Y%m%d}) diffère de la date de l'acte "
                        f"({act.meta.date:%Y%m%d})")
        coll = ctx.config.collectivites.get(act.meta.collectivite or "")
        if coll and coll.siren and actes_id.siren != coll.siren:
            yield error(act.path, line, "transmission.id",
                        f"le SIREN de l'identifiant ACTES ({actes_id.siren}) n'est pas celui de "
                        f"{coll.nom} ({coll.siren})")
        if coll and coll.departement and actes_id.departement != coll.departement:
            yield error(act.path, line, "transmission.id",
                        f"le département de l'identifiant ACTES ({actes_id.departement}) n'est pas celui de "
                        f"{coll.nom} ({coll.departement})")
        if rules.natures and actes_id.nature not in rules.natures:
            yield error(act.path, line, "transmission.id",
                        f"code de nature « {actes_id.nature} » incompatible avec {_article(rules)} "
                        f"(attendu : {', '.join(rules.natures)})")
    if transmission.date and act.meta.date and transmission.date < act.meta.date:
        yield error(act.path, act.line_of("transmission", "date"), "transmission.date",
                    "réception par la préfecture avant la date de l'acte")


def check_vote(act: Act, rules: TypeRules, ctx: Context) -> Iterator[Problem]:
    vote = act.meta.vote
    if vote is None:
        return
    line = act.line_of("vote")
    counts = (vote.pour, vote.contre, vote.abstention)
    if vote.unanimite:
        if vote.contre:
            yield error(act.path, act.line_of("vote", "contre"), "vote.contre",
                        f"vote à l'unanimité avec {vote.contre} voix contre")
    elif all(c is None for c in counts):
        yield error(act.path, line, "vote",
                    "vote incomplet : indiquer pour, contre et abstention, ou « unanimite: true »")
    elif vote.votants is not None and sum(c or 0 for c in counts) != vote.votants:
        yield error(act.path, act.line_of("vote", "votants"), "vote",
                    f"pour + contre + abstention = {sum(c or 0 for c in counts)}, "
                    f"différent du nombre de votants ({vote.votants})")
    expressed = sum(c or 0 for c in counts)
    if vote.votants is None and vote.effectif is not None and expressed > vote.effectif:
        yield error(act.path, act.line_of("vote"), "vote",
                    f"pour + contre + abstention = {expressed}, plus que l'effectif ({vote.effectif})")
    if vote.votants is not None and vote.effectif is not None and vote.votants > vote.effectif:
        yield error(act.path, act.line_of("vote", "votants"), "vote.votants",
                    f"{vote.votants} votants pour un effectif de {vote.effectif}")
    if vote.unanimite and vote.votants is not None and vote.pour not in (None, vote.votants):
        yield error(act.path, act.line_of("vote", "pour"), "vote.pour",
                    f"unanimité : {vote.pour} voix pour sur {vote.votants} votants")


def check_body(act: Act, rules: TypeRules, ctx: Context) -> Iterator[Problem]:
    body = act.body
    if rules.articles == "none":
        return
    start = act.line_of("type")
    if rules.dispositif and body.dispositif is None:
        words = " ou ".join(f"« {w} »" for w in rules.dispositif)
        yield error(act.path, _body_line(act), "dispositif",
                    f"formule du dispositif absente : ajouter une ligne {words} avant les articles")
    elif body.dispositif and body.dispositif not in rules.dispositif:
        yield warning(act.path, body.dispositif_line or start, "dispositif",
                      f"formule « {body.dispositif} » inhabituelle pour {_article(rules)} "
                      f"(attendu : {' ou '.join(rules.dispositif)})")
    if not body.articles:
        if rules.articles == "numbered":
            yield error(act.path, body.dispositif_line or _body_line(act), "articles",
                        "aucun article : le dispositif commence par « Article 1 : … »")
        elif not body.dispositif_texte:
            yield error(act.path, body.dispositif_line or _body_line(act), "articles",
                        "dispositif vide : ni article ni texte après la formule")
        return
    for expected, article in enumerate(body.articles, start=1):
        if article.numero != expected:
            yield error(act.path, article.line, "articles",
                        f"articles mal numérotés : « {article.label} » trouvé, « Article {expected} » attendu")
            break
    for article in body.articles:
        if not article.texte.strip() and not article.titre:
            yield error(act.path, article.line, "articles", f"« {article.label} » sans texte")
    if body.cloture:
        yield warning(act.path, body.cloture[0].line, "corps",
                      "« Fait à … » et la signature sont produits à partir de lieu, date et signataire : "
                      "les retirer du corps du texte")


def _body_line(act: Act) -> int:
    """Where the dispositif is missing: before the first article, or the body's start."""
    return act.body.articles[0].line if act.body.articles else act.body.line


def check_collectivite(act: Act, rules: TypeRules, ctx: Context) -> Iterator[Problem]:
    key = act.meta.collectivite
    known = ctx.config.collectivites
    if key and known and key not in known:
        close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.5)
        hint = f" : vouliez-vous dire « {close[0]} » ?" if close else f" (connues : {', '.join(known)})"
        yield error(act.path, act.line_of("collectivite"), "collectivite",
                    f"collectivité « {key} » absente de mkdocs.yml (extra.collectivites){hint}")


def check_annexes(act: Act, rules: TypeRules, ctx: Context) -> Iterator[Problem]:
    if not act.meta.annexes:
        return
    folder = (ctx.root / act.path).parent
    root = ctx.root.resolve()
    for index, annexe in enumerate(act.meta.annexes):
        line = act.line_of("annexes", index)
        name = annexe.fichier
        if os.path.isabs(name) or name.startswith("~") or "\\" in name:
            yield error(act.path, line, f"annexes[{index}]",
                        f"chemin « {name} » refusé : indiquer un chemin relatif au fichier de l'acte")
            continue
        if any(ord(char) < 32 or ord(char) == 127 for char in name):
            yield error(act.path, line, f"annexes[{index}]",
                        f"chemin « {name!r} » refusé : caractère de contrôle dans le nom du fichier")
            continue
        try:
            target = (folder / name).resolve()
            outside = root not in target.parents
            # Annexes are published: only files under acts/, never a hidden one (.git/…).
            unpublishable = not outside and ((root / "acts") not in target.parents or any(
                part.startswith(".") for part in target.relative_to(root).parts))
            found = not outside and target.is_file()
        except (OSError, ValueError, RuntimeError) as exc:  # name too long, symlink loop
            reason = {errno.ENAMETOOLONG: "nom trop long"}.get(getattr(exc, "errno", None),
                                                               "lien symbolique en boucle ou chemin invalide")
            yield error(act.path, line, f"annexes[{index}]", f"chemin « {name} » illisible : {reason}")
            continue
        if outside:
            yield error(act.path, line, f"annexes[{index}]", f"chemin « {name} » hors du dépôt : refusé")
        elif unpublishable:
            yield error(act.path, line, f"annexes[{index}]",
                        f"chemin « {name} » refusé : une annexe est un fichier du dossier acts/, hors dossier caché")
        elif not found:
            yield error(act.path, line, f"annexes[{index}]", f"annexe « {name} » introuvable")
        elif problem := annex_problem(target):
            yield error(act.path, line, f"annexes[{index}]", f"annexe « {name} » : {problem}")


def check_a_verifier(act: Act, rules: TypeRules, ctx: Context) -> Iterator[Problem]:
    for index, item in enumerate(act.meta.a_verifier):
        report = error if act.meta.statut == "publie" else warning
        yield report(act.path, act.line_of("a_verifier", index), "a_verifier", f"à vérifier : {item}")


def check_numero(act: Act, rules: TypeRules, ctx: Context) -> Iterator[Problem]:
    numero = act.meta.numero
    if numero and numero.year and act.meta.date and numero.is_sequential and numero.year != act.meta.date.year:
        yield error(act.path, act.line_of("numero"), "numero",
                    f"le numéro {numero} porte l'année {numero.year}, l'acte est daté de {act.meta.date.year}")


def check_seance(act: Act, rules: TypeRules, ctx: Context) -> Iterator[Problem]:
    seance = act.meta.seance
    if seance is None:
        return
    if seance.quorum is not None and not seance.quorum.atteint and act.meta.vote is not None:
        yield warning(act.path, act.line_of("seance", "quorum"), "seance.quorum",
                      "quorum non atteint : la délibération n'est valable que sur seconde convocation (L2121-17)")
    names = [*seance.presents, *seance.excuses, *seance.absents]
    seen: set[str] = set()
    for name in names:
        if name in seen:
            yield warning(act.path, act.line_of("seance"), "seance",
                          f"« {name} » figure deux fois parmi les présents, excusés et absents")
        seen.add(name)


CHECKS: tuple[Check, ...] = (
    check_numero,
    check_dates,
    check_objet,
    check_collectivite,
    check_transmission,
    check_vote,
    check_seance,
    check_body,
    check_annexes,
    check_a_verifier,
)
