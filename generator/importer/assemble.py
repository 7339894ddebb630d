"""From a document's text to `ImportedAct`s: the one place that knows the order.

    clean -> kind -> transmission, collectivité -> parts -> fields -> notes

A procès-verbal, a compte rendu or a liste des délibérations becomes one
procès-verbal plus one délibération for each délibération it records.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..body import AFTER_DEBATE
from ..rules import FIELD_LABELS, RULES
from .clean import Document, Paragraph, clean, strip_inline
from .fields import (SEANCE_KINDS, Transmission, find_collectivite, find_collectivite_name, find_lieu,
                     find_nomenclature, find_number, find_objet_label, find_rapporteur, find_signataire,
                     find_transmission, normalize_number, recognize_kind, seance_date, signature_date, title_objet,
                     uppercase_run, cut_objet, collectivite_core, OPENERS)
from .french import find_dates, fold1, french_date
from .model import ImportedAct
from .people import split_person, surname
from .seance import effectif, find_seance, find_vote, seance_time
from .structure import Parts, dispositif_word, is_closing, split

TYPE_LABELS = {"decision": "décision", "arrete": "arrêté", "deliberation": "délibération",
               "proces_verbal": "procès-verbal", "compte_rendu": "compte rendu", "liste": "liste des délibérations"}


@dataclass
class Context:
    source: str
    collectivites: dict
    today: dt.date
    fmt: str
    transmission: Transmission | None = None
    collectivite: str | None = None
    collectivite_nom: str | None = None
    document: Document | None = None


def import_text(text: str, fmt: str = "text", source: str = "", collectivites: dict | None = None,
                today: dt.date | None = None) -> list[ImportedAct]:
    """Every act found in the text. Never raises on the content of the text."""
    ctx = Context(source, collectivites or {}, today or dt.date.today(), fmt)
    try:
        return _import(text, ctx)
    except (RecursionError, MemoryError):  # pragma: no cover - pathological input
        act = ImportedAct(type="decision", source=source)
        act.check("document trop complexe pour être lu automatiquement : saisir l'acte à la main")
        return [act]


def _import(text: str, ctx: Context) -> list[ImportedAct]:
    document = clean(text, ctx.fmt)
    ctx.document = document
    full = document.text
    everything = "\n\n".join([full, *document.stamps, *document.removed])
    ctx.transmission = find_transmission([full, *document.stamps, *document.removed], ctx.today)
    ctx.collectivite = find_collectivite(everything, ctx.collectivites)
    ctx.collectivite_nom = (ctx.collectivites[ctx.collectivite].nom if ctx.collectivite
                            else find_collectivite_name(full))
    paragraphs = _without_running_headers(document.paragraphs, ctx)
    if not paragraphs:
        act = ImportedAct(type=None, source=ctx.source)
        act.check("aucun texte lisible dans le document")
        return [act]
    kind = recognize_kind("\n\n".join(p.text for p in paragraphs))
    acts = import_seance(paragraphs, kind, ctx) if kind in SEANCE_KINDS else [import_act(paragraphs, kind, ctx)]
    for act in acts:
        _missing_required(act)
    return acts


# Words of a note that show it is about a field (the notes are French sentences).
_NOTE_WORDS = {"numero": "numéro", "date": "date", "objet": "objet", "nomenclature": "nomenclature",
               "collectivite": "collectivité", "autorite": "autorité", "signataire": "signataire",
               "lieu": "lieu", "seance": "séance", "vote": "vote"}


def _missing_required(act: ImportedAct) -> None:
    """Every field the type requires (rules.RULES) and the document does not give is
    named in a_verifier, so that what `actes check` reports is announced."""
    rules = RULES.get(act.type or "")
    if rules is None:
        return
    for name in rules.required:
        if name in ("type", "deliberations") or getattr(act, name, None) not in (None, "", [], {}):
            continue
        if not any(_NOTE_WORDS.get(name, name) in fold1(note) or _NOTE_WORDS.get(name, name) in note
                   for note in act.a_verifier):
            act.check(f"{FIELD_LABELS.get(name, name)} : introuvable dans le document, à compléter")
    seance = act.seance or {}
    for name in rules.seance_required:
        if seance.get(name) in (None, "", []):
            act.check(f"{FIELD_LABELS.get(f'seance.{name}', name)} : introuvable dans le document, à compléter")
    vote = act.vote
    if rules.needs_vote and vote and not vote.get("unanimite") and \
            all(vote.get(k) is None for k in ("pour", "contre", "abstention")):
        result = "rejetée" if vote.get("resultat") == "rejete" else "adoptée"
        act.check(f"vote : délibération {result} sans décompte des voix imprimé ; indiquer pour, contre et "
                  "abstention, ou l'unanimité")


def _without_running_headers(paragraphs: list[Paragraph], ctx: Context) -> list[Paragraph]:
    """A page header printed in the middle of the text: the collectivité's name alone."""
    names = set()
    if ctx.collectivite:
        nom = ctx.collectivites[ctx.collectivite].nom
        names |= {fold1(" ".join(nom.split())), collectivite_core(nom)}
    out = []
    for index, paragraph in enumerate(paragraphs):
        if index >= 3 and names and fold1(" ".join(paragraph.text.split())).strip(" .") in names:
            ctx.document.removed.append(paragraph.text)
            continue
        out.append(paragraph)
    return out


# ---------------------------------------------------------------------------
# One act


def import_act(paragraphs: list[Paragraph], kind: str | None, ctx: Context) -> ImportedAct:
    parts = split(paragraphs, kind or "decision")
    act = ImportedAct(type=kind or "decision", source=ctx.source)
    if kind is None:
        act.check("type d'acte non reconnu (décision, arrêté, délibération ?) : « decision » par défaut")
    head = _head_zone(parts)
    closing = "\n\n".join(p.text for p in parts.closing)
    removed = "\n\n".join([ctx.document.removed and "\n\n".join(ctx.document.removed) or "",
                            "\n\n".join(p.text for p in paragraphs)])
    _common(act, ctx)
    _date(act, parts, head, closing, removed, ctx)
    _number(act, head, paragraphs, ctx)
    _nomenclature(act, head, closing)
    _objet(act, parts, head, paragraphs)
    act.autorite = parts.autorite
    act.visas, act.considerants = parts.visas, parts.considerants
    act.expose, act.dispositif, act.dispositif_texte = parts.expose, parts.dispositif, parts.dispositif_texte
    act.articles, act.order = parts.articles, parts.order
    if act.type in ("decision", "arrete"):
        act.lieu = find_lieu(closing)
    act.signataire = find_signataire(closing)
    if act.type == "deliberation":
        _deliberation(act, parts, head, closing, ctx)
    _annexes(act, parts, ctx)
    _notes(act, parts)
    return act


HEAD_ZONE = 2500  # characters of the report read with the head: flattened text has no clear head


def _head_zone(parts: Parts) -> str:
    """The head, and the start of the report when the head is short or merged with it."""
    texts = [p.text for p in parts.head]
    size = sum(len(t) for t in texts)
    for text in parts.expose:
        if size >= HEAD_ZONE:
            break
        texts.append(text[: HEAD_ZONE - size])
        size += len(text)
    return "\n\n".join(texts)


def _common(act: ImportedAct, ctx: Context) -> None:
    act.collectivite = ctx.collectivite
    act.collectivite_nom = ctx.collectivite_nom
    transmission = ctx.transmission
    if transmission and (transmission.id or transmission.date):
        act.transmission = {"date": transmission.date, "id": str(transmission.id) if transmission.id else None}
    for note in transmission.notes if transmission else []:
        act.check(note)


def _date(act: ImportedAct, parts: Parts, head: str, closing: str, removed: str, ctx: Context) -> None:
    hit = None
    if act.type == "deliberation":
        hit = seance_date("\n\n".join([head, closing]), ctx.today) or seance_date(removed, ctx.today)
        how = "séance"
    else:
        hit = signature_date(closing, head, ctx.today) or signature_date(removed, "", ctx.today)
        how = "signature"
    if hit is None and ctx.transmission and ctx.transmission.id_date:
        act.date = ctx.transmission.id_date
        act.comments["date"] = "date de l'identifiant ACTES"
        act.check("date reprise de l'identifiant ACTES : à vérifier")
        return
    if hit is None:
        hits = find_dates(head, ctx.today) or find_dates(closing, ctx.today)
        if hits:
            hit = hits[0]
            how = "première date du document"
            act.check(f"date : « {hit.raw} » (première date lue dans le document) à vérifier")
    if hit is None:
        act.check("date de l'acte introuvable")
        return
    act.date = hit.date
    act.comments["date"] = f"« {' '.join(hit.raw.split())} » ({how})"
    if hit.corrected:
        act.check(f"date : année lue « {' '.join(hit.raw.split())} », corrigée en {hit.date.year} : à vérifier")


def _number(act: ImportedAct, head: str, paragraphs: list[Paragraph], ctx: Context) -> None:
    first_line = paragraphs[0].text if paragraphs else ""
    hit = find_number(head, act.type, ctx.transmission or Transmission(), act.date.year if act.date else None,
                      first_line)
    if hit is None:
        act.check("numéro de l'acte introuvable : à compléter")
        return
    act.numero = str(hit.number)
    if hit.how == "identifiant ACTES":
        act.comments["numero"] = "numéro interne de l'identifiant ACTES"
        act.check(f"numéro repris de l'identifiant ACTES ({hit.printed}) : à vérifier")
    elif hit.how == "début du document":
        act.comments["numero"] = f"imprimé « {hit.printed} » en tête du document"
        act.check(f"numéro lu en tête du document (« {hit.printed} ») : à vérifier")
    elif " ".join(hit.printed.split()) != act.numero:
        act.comments["numero"] = f"imprimé « {' '.join(hit.printed.split())} »"


def _nomenclature(act: ImportedAct, head: str, closing: str) -> None:
    code, printed, note = find_nomenclature("\n".join([head, closing]))
    if note:
        act.check(note)
    if code is not None:
        act.nomenclature = str(code)
        if printed and printed != act.nomenclature:
            act.comments["nomenclature"] = f"imprimé « {printed} »"
    elif act.type != "proces_verbal":
        act.check("nomenclature (matière ACTES) non imprimée : à choisir")


def _objet(act: ImportedAct, parts: Parts, head: str, paragraphs: list[Paragraph]) -> None:
    zone = paragraphs[:len(parts.head) + 8]
    head_texts = [p.text for p in zone]
    objet = find_objet_label("\n\n".join([p.text for p in parts.head] + parts.expose))
    if objet is None and act.type in ("decision", "arrete"):
        objet = title_objet(head_texts)
    if objet is None:
        objet = _objet_after_number(head_texts, act.numero)
    if objet is None:
        objet = _title_paragraph(parts.head) or _title_paragraph([p for p in zone if p.heading])
    if objet is None and head:
        run = uppercase_run(head)
        objet = cut_objet(run) if run else None
    if not objet:
        act.check("objet introuvable : à rédiger (une ligne, 499 caractères au plus)")
        return
    act.objet = objet[:499]
    if len(objet) > 499:
        act.check("objet tronqué à 499 caractères (limite ACTES) : à reprendre")
    letters = [c for c in objet if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.8 * len(letters):
        act.check("objet imprimé en capitales : le réécrire en minuscules accentuées")


def _objet_after_number(head_texts: list[str], numero: str | None) -> str | None:
    """"n° 13-02-2023 - Approbation du plan de financement …"; "DELBU2023-02-012 Cession …"."""
    if not numero:
        return None
    key = re.sub(r"[^0-9A-Za-z]", "", numero)
    if len(key) < 3:
        return None
    printed = r"[\s./_-]*".join(re.escape(c) for c in key)
    for text in head_texts:
        for match in re.finditer(rf"(?<![0-9A-Za-z]){printed}(?![0-9A-Za-z])", text):
            rest = text[match.end():]
            rest = re.sub(r"^\s*(?:du\s+\d{1,2}\s+\w+\s+\d{4})?\s*[-–—:]?\s*", "", rest, flags=re.IGNORECASE)
            if re.match(r"^(?:\w+\s+){0,2}\w+\s*:|^(?:d[ée]lib[ée]ration|d[ée]cision|arr[êe]t[ée])\b", rest,
                        re.IGNORECASE) or OPENERS.match(" " + rest):
                continue  # a label ("Présents :"), the number again, or the report itself
            objet = cut_objet(rest)
            if len(objet.split()) >= 3:
                return objet
    return None


_HEAD_LINE = re.compile(
    r"^(?:nomenclature|ville\s+de|commune|mairie|conseil|seance|session|extrait|registre|deliberation|decision|"
    r"arrete|rapporteur|accuse|reception|envoye|recu|publie|republique|departement|arrondissement|direction|service|"
    r"n\s?°|\d{3}-\d{9}|l['’]an\b|date|affiche|pv\b|proces|presents?\b|absents?\b|excuses?\b|pouvoirs?\b|"
    r"procurations?\b|secretaire|etaient|quorum)")


def _title_paragraph(head: list[Paragraph]) -> str | None:
    """The title of a délibération: a heading or a line in capitals that is not one of
    the usual head lines."""
    for paragraph in head:
        text = " ".join(paragraph.text.split())
        folded = fold1(text)
        if _HEAD_LINE.match(folded) or len(text) < 8 or text.endswith(":") or ":" in text[:25] and not paragraph.heading:
            continue
        letters = [c for c in text if c.isalpha()]
        capitals = sum(1 for c in letters if c.isupper())
        if paragraph.heading or (letters and capitals >= 0.8 * len(letters)):
            return cut_objet(text)
    return None


# ---------------------------------------------------------------------------
# Délibération: séance, vote, rapporteur, and the proposal that was adopted


def _deliberation(act: ImportedAct, parts: Parts, head: str, closing: str, ctx: Context) -> None:
    seance_text = "\n\n".join([head, closing])
    seance = find_seance(seance_text, ctx.today)
    if act.date:
        seance["date"] = act.date
        time = seance_time(seance_text)
        if time:
            seance["heure"] = time
    act.seance = _ordered_seance(seance)
    act.rapporteur = find_rapporteur(head)
    vote = find_vote("\n\n".join([*act.dispositif_texte, *(a.texte for a in act.articles), closing]))
    if vote is None:
        vote = find_vote("\n\n".join(act.expose))
    if vote is not None and all(vote.get(k) is None for k in ("pour", "contre", "abstention")):
        counts = find_vote(head)
        if counts and any(counts.get(k) is not None for k in ("pour", "contre", "abstention")):
            for key in ("pour", "contre", "abstention"):
                vote[key] = counts[key]
    elif vote is None:
        vote = find_vote(head)
    if vote is not None:
        quorum = seance.get("quorum") or {}
        total = quorum.get("en_exercice") or effectif(head)
        if total and total >= max(vote.get("pour") or 0, 1):
            vote["effectif"] = total
    act.vote = vote
    if act.dispositif is None:
        _adopted_proposal(act, vote)
    if act.signataire is None or not act.signataire.get("nom"):
        _signataire_from_president(act, seance, "\n\n".join([head, closing]))


def _ordered_seance(seance: dict) -> dict:
    order = ("date", "heure", "lieu", "organe", "convocation", "president", "secretaire", "presents",
             "representes", "excuses", "absents", "quorum", "rang")
    return {key: seance[key] for key in order if seance.get(key) not in (None, [], {})}


_PROPOSAL = re.compile(r"(?:il\s+vous\s+est\s+propos[ée]|il\s+est\s+propos[ée]\s+au\s+conseil[^:]{0,40}|"
                       r"propose\s+au\s+conseil[^:]{0,40})\s*:\s*$", re.IGNORECASE)


def _adopted_proposal(act: ImportedAct, vote: dict | None) -> None:
    """No dispositif printed, but a proposal "Il vous est proposé : - … - …" that the
    council adopted: the proposal is what was decided. It is written under the
    formula "Après en avoir délibéré, le Conseil municipal décide :"."""
    if not vote or not (vote.get("unanimite") or vote.get("resultat") == "adopte" or vote.get("pour")):
        act.check("formule du dispositif absente (« Après en avoir délibéré, … ») : à ajouter")
        return
    for index in range(len(act.expose) - 1, -1, -1):
        text = act.expose[index]
        if _PROPOSAL.search(text.split("\n")[0]) and index + 1 < len(act.expose) \
                and act.expose[index + 1].startswith("- "):
            items = act.expose[index + 1]
            others = act.expose[index + 2:]
            before = act.expose[:index]
            lead = re.sub(r"\s*(?:En\s+cons[ée]quence,\s*)?(?:il\s+vous\s+est|il\s+est)\s+propos[ée].*$", "",
                          text, flags=re.IGNORECASE | re.DOTALL).strip()
            organe = (act.seance or {}).get("organe") or "Conseil municipal"
            act.expose = [*before, *([lead] if lead else []), *others]
            act.order = []  # the exposé was rearranged: the writer's default order applies
            act.dispositif = AFTER_DEBATE
            act.dispositif_texte = [f"Après en avoir délibéré, le {organe} décide :", items]
            act.check(f"dispositif reconstitué : la proposition « {text.strip()} » adoptée est écrite sous la formule "
                      f"« Après en avoir délibéré, le {organe} décide : » ; à vérifier")
            return
    act.check("formule du dispositif absente (« Après en avoir délibéré, … ») : à ajouter")


def _signataire_from_president(act: ImportedAct, seance: dict, text: str) -> None:
    president = seance.get("president")
    printed = act.signataire or {}
    if not president:
        return
    prenom, nom = split_person(president)
    if not prenom:
        return
    qualite = printed.get("qualite") or _president_qualite(president, seance, text)
    act.signataire = {"prenom": prenom, "nom": nom, "qualite": qualite, "delegation": printed.get("delegation"),
                      "nom_complet": president}
    act.check(f"signataire : {president}, président de séance ; nom absent du bloc de signature, à vérifier")


def _president_qualite(president: str, seance: dict, text: str) -> str:
    last = re.escape(surname(president))
    match = re.search(rf"{last}[^,\n]{{0,25}}?(?:,|-|–)\s*(?P<q>Pr[ée]sidente?|Maire)\b", text)
    if match:
        return match["q"]
    match = re.search(r"pr[ée]sidence\s+de\s+[^,\n]{3,60},\s*(?P<q>Maire|Pr[ée]sidente?)\b", text)
    if match:
        return match["q"]
    organe = fold1(seance.get("organe") or "")
    return "Maire" if organe == "conseil municipal" else "Président"


# ---------------------------------------------------------------------------
# Annexes and notes


def _annexes(act: ImportedAct, parts: Parts, ctx: Context) -> None:
    if not parts.annex:
        return
    title = " ".join(parts.annex[0].text.split())
    text = "\n\n".join(("# " + p.text) if p.heading else p.text for p in parts.annex)
    if ctx.fmt == "markdown":
        raw = _raw_from(ctx, parts.annex[0].text)
        text = raw or text
    act.annexes.append((title, text))
    act.check(f"annexe « {title} » reprise du document : vérifier sa mise en forme")


def _raw_from(ctx: Context, heading: str) -> str | None:
    """The original Markdown from the annex heading to the end."""
    source = ctx.document.raw if ctx.document else ""
    if not source:
        return None
    key = fold1(" ".join(heading.split()))[:40]
    lines = source.split("\n")
    for index, line in enumerate(lines):
        if line.lstrip().startswith("#") and fold1(" ".join(strip_inline(line.lstrip("# ")).split()))[:40] == key:
            return "\n".join(lines[index:]).strip() + "\n"
    return None


def _notes(act: ImportedAct, parts: Parts) -> None:
    required_signataire = act.type in ("decision", "arrete", "deliberation")
    sign = act.signataire or {}
    if required_signataire and not (sign.get("prenom") and sign.get("nom")):
        labels = {"qualite": "qualité", "delegation": "délégation", "nom_complet": "nom"}
        known = ", ".join(f"{labels[k]} « {v} »" for k, v in sign.items() if v and k in labels)
        act.check("signataire : prénom et nom absents du document" + (f" ({known})" if known else "") + " : à compléter")
    if act.type in ("decision", "arrete"):
        if not act.autorite:
            act.check("autorité (« Le Maire de … ») introuvable : à compléter")
        if not act.lieu:
            act.check("lieu de signature (« Fait à … ») introuvable : à compléter")
        if not act.articles:
            act.check("aucun article reconnu : vérifier le dispositif")
    if act.type == "deliberation" and act.vote is None:
        act.check("résultat du vote introuvable : à compléter")
    if not act.collectivite:
        name = f" « {act.collectivite_nom} »" if act.collectivite_nom else ""
        act.check(f"collectivité{name} absente de mkdocs.yml (extra.collectivites) : à choisir ou à ajouter")


# ---------------------------------------------------------------------------
# Séance records: procès-verbal, compte rendu, liste des délibérations

_ITEM_PATTERNS = [
    ("numbered", re.compile(r"^(?P<n>\d{1,2})\s*(?:[.)]|/)\s*(?P<title>\S.{2,})$", re.DOTALL)),
    ("coded", re.compile(r"^(?P<code>(?:19|20)\d{6})\s+(?P<n>\d{1,2})\s+(?P<title>\S.+)$", re.DOTALL)),
    ("deliberation", re.compile(r"^(?:D[ée]lib[ée]ration|DELIBERATION)\s+(?:n\s?°\s*|(?=[0-9A-Za-z_./-]*\d))"
                                r"(?P<code>[0-9A-Za-z][0-9A-Za-z_./-]*)\s*(?P<title>.*)$", re.DOTALL)),
    ("affaire", re.compile(r"^(?:Affaire|Point|Dossier|Question)\s+n\s?°\s*(?P<n>\d{1,2})\s*[-–:.]?\s*(?P<title>.*)$",
                           re.DOTALL)),
]
_END_OF_ITEMS = re.compile(
    r"^(?:questions?\s+diverses|informations?\b|examen\s+de\s+l['’]ordre\s+du\s+jour|liste\s+des\s+deliberations|"
    r"la\s+seance\s+est\s+levee|l['’]ordre\s+du\s+jour\s+etant\s+epuise|fait\s+a\b|\d{1,2}\s+information)")
_DECISION_VERB = re.compile(
    r"^(?:-\s*)?(?:d[ée]cide|autorise|approuve|dit|charge|pr[ée]cise|accepte|sollicite|confirme|vote|donne|adopte|"
    r"valide|d[ée]signe|fixe|prend\s+acte|de\s|d['’])", re.IGNORECASE)


@dataclass
class Item:
    rang: int
    code: str | None
    title: str
    start: int
    end: int = 0


def find_items(paragraphs: list[Paragraph]) -> list[Item]:
    best: list[Item] = []
    for family, pattern in _ITEM_PATTERNS:
        items: list[Item] = []
        for index, paragraph in enumerate(paragraphs):
            match = pattern.match(paragraph.text.strip())
            if not match or paragraph.is_list:
                continue
            number = int(match["n"]) if "n" in pattern.groupindex and match["n"] else len(items) + 1
            if number != len(items) + 1:
                continue
            code = match["code"] if "code" in pattern.groupindex else None
            if family == "coded":
                code = f"{code} {number}"
            items.append(Item(number, code, match["title"].strip(), index))
        if len(items) > len(best):
            best = items
    for position, item in enumerate(best):
        end = best[position + 1].start if position + 1 < len(best) else len(paragraphs)
        for index in range(item.start + 1, end):
            text = fold1(paragraphs[index].text.strip())
            if _END_OF_ITEMS.match(text) and (paragraphs[index].heading or len(text) < 120):
                end = index
                break
        item.end = end
    return best


def _item_parts(paragraphs: list[Paragraph], item: Item) -> tuple[list[str], list[str], list[str], list[str]]:
    """(exposé, dispositif, result lines, what follows in the minutes)."""
    section = paragraphs[item.start + 1:item.end]
    decision = None
    for index, paragraph in enumerate(section):
        if dispositif_word(paragraph.text) or re.match(r"^(?:le|les)\s.{0,80}\b(?:d[ée]cide|d[ée]cident)\s*:",
                                                       paragraph.text, re.IGNORECASE):
            decision = index
            break
    if decision is None:
        for index, paragraph in enumerate(section):
            if find_vote(paragraph.text):
                return [p.text for p in section[:index]], [], [section[index].text], [p.text for p in section[index + 1:]]
        return [p.text for p in section], [], [], []
    dispositif = [section[decision].text]
    index = decision + 1
    while index < len(section) and (section[index].is_list or _DECISION_VERB.match(section[index].text)) \
            and not is_closing(section[index].text):
        dispositif.append(section[index].text)
        index += 1
    result = []
    if index < len(section) and (is_closing(section[index].text) or find_vote(section[index].text)) \
            and len(section[index].text) < 200:
        result.append(section[index].text)
        index += 1
    return [p.text for p in section[:decision]], dispositif, result, [p.text for p in section[index:]]


def import_seance(paragraphs: list[Paragraph], kind: str, ctx: Context) -> list[ImportedAct]:
    if kind == "liste" and len(paragraphs) <= 3:
        paragraphs = _split_list(paragraphs)
    full = "\n\n".join(p.text for p in paragraphs)
    removed = "\n\n".join(ctx.document.removed)
    items = find_items(paragraphs)
    head_end = items[0].start if items else len(paragraphs)
    head = "\n\n".join(p.text for p in paragraphs[:head_end])
    tail = "\n\n".join(p.text for p in paragraphs[items[-1].end:]) if items else ""
    pv = ImportedAct(type="proces_verbal", source=ctx.source, document=None if kind == "proces_verbal" else kind)
    _common(pv, ctx)
    hit = seance_date(full, ctx.today) or seance_date(removed, ctx.today)
    if hit is None:
        hits = find_dates(full, ctx.today)
        hit = hits[0] if hits else None
    seance = find_seance(head, ctx.today)
    if hit:
        pv.date = hit.date
        pv.comments["date"] = f"« {' '.join(hit.raw.split())} » (séance)"
        seance["date"] = hit.date
        time = seance_time(full)
        if time:
            seance["heure"] = time
        if hit.corrected:
            pv.check(f"date : année lue « {hit.raw} », corrigée : à vérifier")
    else:
        pv.check("date de la séance introuvable")
    pv.seance = _ordered_seance(seance)
    organe = seance.get("organe") or "conseil"
    when = f" du {french_date(pv.date)}" if pv.date else ""
    label = {"proces_verbal": "Procès-verbal", "compte_rendu": "Compte rendu", "liste": "Liste des délibérations"}[kind]
    pv.objet = f"{label} de la séance du {organe}{when}"
    pv.comments["objet"] = "rédigé à partir de l'organe et de la date de la séance"
    pv.signataire = find_signataire(tail or full[-600:])
    if pv.signataire is None or not pv.signataire.get("nom"):
        _signataire_from_president(pv, seance, head)
    pv.check("numéro du procès-verbal : le document n'en porte pas, à attribuer")
    if kind != "proces_verbal":
        pv.check(f"document source : {TYPE_LABELS[kind]}, importé comme procès-verbal : vérifier qu'il en tient lieu")
    children = []
    for item in items:
        exposé, dispositif, result, _ = _item_parts(paragraphs, item)
        if not (dispositif or result or kind == "liste" or re.search(r"d[ée]lib[ée]ration", item.title, re.I)):
            continue
        if re.match(r"(?:approbation|adoption)\s+du\s+(?:proc[èe]s[- ]verbal|compte[- ]rendu)", item.title, re.I):
            continue  # the minutes of the previous séance: voted, but not a délibération of this one
        children.append(_child(pv, item, exposé, dispositif, result, ctx, kind))
    pv.deliberations = children
    if not children:
        pv.check("délibérations de la séance : aucune reconnue dans le document, à compléter « deliberations »")
    pv.body_markdown = _pv_body(paragraphs, items, children, head_end)
    _notes(pv, Parts())
    return [pv, *children]


def _split_list(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A flattened liste des délibérations: one paragraph per "Délibération n° …"."""
    text = "\n\n".join(p.text for p in paragraphs)
    pieces = re.split(r"\s+(?=D[ée]lib[ée]ration\s+n\s?°)", text)
    return [Paragraph(piece.strip()) for piece in pieces if piece.strip()]


# An item title that starts with the délibération's own number.
_TITLE_CODE = re.compile(r"^(?:D[ée]lib[ée]ration|DELIBERATION)\s+(?:n\s?°\s*)?(?=[0-9A-Za-z_./-]*\d)"
                         r"(?P<code>[0-9A-Za-z][0-9A-Za-z_./-]*)\s*[:–—-]\s*")
_RESULT_WORDS = re.compile(r"\s*[-–—]*\s*\b(?:approuv[ée]e?|adopt[ée]e?|rejet[ée]e?)\b.*$", re.IGNORECASE)


def _child(pv: ImportedAct, item: Item, exposé: list[str], dispositif: list[str], result: list[str],
           ctx: Context, kind: str) -> ImportedAct:
    act = ImportedAct(type="deliberation", source=ctx.source, document=pv.document)
    _common(act, ctx)
    act.date, act.rang = pv.date, item.rang
    if pv.date:
        act.comments["date"] = "date de la séance"
    title = item.title
    if kind == "liste":
        vote = find_vote(title)
        title = re.sub(r"^\s*(?:examin[ée]e?|adopt[ée]e?)\s+le\s+\d{1,2}\s+\w+\s+\d{4}\s*[-–—]*\s*", "", title)
        title = _RESULT_WORDS.sub("", title)
    else:
        vote = find_vote("\n\n".join([*dispositif, *result]))
    code = item.code
    printed = _TITLE_CODE.match(title)
    if printed:  # "2. Délibération 2022-40 : Décision modificative n° 2"
        code = code or printed["code"]
        title = title[printed.end():]
    act.objet = cut_objet(title.rstrip(" ,:;")).strip(" -–—") or None
    if code:
        number = normalize_number(code)
        act.numero = str(number) if number else None
    if act.numero is None:
        act.check(f"numéro de la délibération (point {item.rang} de la séance) : non imprimé, à attribuer")
    seance = {"date": pv.date, "organe": (pv.seance or {}).get("organe"), "rang": item.rang}
    act.seance = {k: v for k, v in seance.items() if v is not None}
    act.vote = vote
    act.expose = exposé
    if dispositif:
        act.dispositif = dispositif_word(dispositif[0]) or AFTER_DEBATE
        act.dispositif_texte = dispositif if act.dispositif == AFTER_DEBATE and \
            fold1(dispositif[0]).strip(" :.,") != "apres en avoir delibere" else dispositif[1:]
    else:
        act.check("texte de la délibération absent du document : à compléter")
    if pv.signataire and pv.signataire.get("nom"):
        act.signataire = dict(pv.signataire)
        act.check("signataire : celui du procès-verbal (président de séance), à vérifier")
    act.check("nomenclature (matière ACTES) non imprimée : à choisir")
    if act.vote is None:
        act.check("résultat du vote introuvable : à compléter")
    if not act.collectivite:
        name = f" « {act.collectivite_nom} »" if act.collectivite_nom else ""
        act.check(f"collectivité{name} absente de mkdocs.yml (extra.collectivites) : à choisir ou à ajouter")
    return act


_ATTENDANCE = re.compile(
    r"^(?:membres\s+du|[ée]taient|pr[ée]sents?|absents?|excus[ée]s?|pouvoirs?|procurations?|nombre\s+de|quorum|"
    r"le\s+quorum|secr[ée]taire|d[ée]signation\s+du\s+secr[ée]taire)", re.IGNORECASE)


def _pv_body(paragraphs: list[Paragraph], items: list[Item], children: list[ImportedAct], head_end: int) -> str:
    """The minutes without what the front matter holds (title, attendance, quorum,
    secrétaire); each délibération by its title, its decision and its result — the
    report itself is in the délibération."""
    out: list[str] = []
    skip_list = False
    for index, paragraph in enumerate(paragraphs[:head_end]):
        text = paragraph.text
        if index == 0 and (paragraph.heading or fold1(text).startswith(("proces", "compte", "cr "))):
            continue
        if _ATTENDANCE.match(text) or re.search(r"donne\s+pouvoir|quorum|secr[ée]taire\s+de\s+s[ée]ance", text, re.I):
            skip_list = text.rstrip().endswith(":")
            continue
        if skip_list and paragraph.is_list:
            skip_list = False
            continue
        skip_list = False
        out.append(f"## {text}" if paragraph.heading else text)
    by_rank = {child.rang: child for child in children}
    for position, item in enumerate(items):
        out.append(f"### {item.rang}. {item.title}")
        _, dispositif, result, after = _item_parts(paragraphs, item)
        if item.rang in by_rank:
            out += dispositif + result
        else:
            out += [p.text for p in paragraphs[item.start + 1:item.end]]
            after = []
        out += after
        end = items[position + 1].start if position + 1 < len(items) else len(paragraphs)
        for paragraph in paragraphs[item.end:end]:
            out.append(f"## {paragraph.text}" if paragraph.heading else paragraph.text)
    return "\n\n".join(out).strip() + "\n"
