"""A synthetic archive of administrative acts, valid for `actes check`.

    python bench/synth.py OUT_DIR N [--seed S]

writes OUT_DIR/mkdocs.yml (a copy of the repository's, so the collectivités are
the same) and N acts in OUT_DIR/acts/YEAR/*.md:

- the four types (décisions, arrêtés, délibérations grouped in séances, and one
  procès-verbal per séance listing its délibérations with complete séance data);
- the two collectivités of mkdocs.yml (Lens about 85 %, Somme Numérique the rest,
  with a comité syndical and a bureau);
- ten years (2016-2025), every level-2 matière of the ACTES nomenclature;
- sequential numbers per collectivité / type / prefix / year, in date order, with a
  few deliberate gaps in the décisions and arrêtés (non-published individual acts:
  `actes check` reports them as warnings, not errors);
- French administrative text of 2 to 20 KB per act built from the phrase banks of
  `bench/banks.py` (visas, considérants, dispositif, numbered articles, lists, tables);
- ACTES transmission ids for part of Lens' acts (département 062, SIREN 216204982,
  date segment = date of the act, nature DE / AR / AI / CC / BF / AU consistent
  with the type), `modifie:` references and visa citations to earlier acts.

Deterministic for a given (n, seed): one `random.Random(seed)`, no set iteration.
The function API, for the benchmarks:

    from bench.synth import generate
    paths = generate(Path("/tmp/archive"), 20_000, seed=0)

`iter_acts(n, seed)` yields the acts (relative path, text, SynthAct) without writing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import shutil
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

if __package__ in (None, ""):  # run as a script: python bench/synth.py
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import banks as B  # type: ignore[no-redef]
else:
    from . import banks as B

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "mkdocs.yml"
NOMENCLATURE = REPO / "generator" / "data" / "nomenclature.json"

FIRST_YEAR, LAST_YEAR = 2016, 2025
NEW_MANDATE = dt.date(2020, 5, 25)   # installation of the councils elected in 2020
MIN_BYTES, MAX_BYTES = 2 * 1024, 20 * 1024

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")

# Collectivités: must match the keys of extra.collectivites in mkdocs.yml.
COLLECTIVITES = {
    "lens": dict(
        share=0.85, siren="216204982", departement="062", ta="Lille", lieux=("Lens", "en l'Hôtel de Ville"),
        autorite="Le Maire de la Ville de Lens, Président de la Communauté d'Agglomération de Lens-Liévin,",
        chef=("M.", "Sylvain", "ROBERT", "Maire"), adjoint="Adjoint au Maire", adjointe="Adjointe au Maire",
        delegation="Pour le Maire et par délégation,", members=39, organes=(("Conseil municipal", "D", 1.0),),
        salle="Salle du Conseil municipal, Hôtel de Ville de Lens", prefixes={"decision": "", "arrete": "A"},
        assemblee="Le Conseil municipal",
    ),
    "somme-numerique": dict(
        share=0.15, siren=None, departement="080", ta="Amiens", lieux=("Amiens",),
        autorite="Le Président du syndicat mixte Somme Numérique,",
        chef=("M.", "Philippe", "VARLET", "Président"), adjoint="Vice-président", adjointe="Vice-présidente",
        delegation="Pour le Président et par délégation,", members=30,
        organes=(("Comité syndical", "CS", 0.7), ("Bureau", "B", 0.3)),
        salle="Siège du syndicat mixte, 43 avenue d'Italie, Amiens", prefixes={"decision": "DP", "arrete": "AP"},
        assemblee="Le Comité syndical",
    ),
}
TYPE_SLUG = {"decision": "decision", "arrete": "arrete", "deliberation": "deliberation", "proces_verbal": "proces-verbal"}
TYPE_REF = {"decision": "décision", "arrete": "arrêté", "deliberation": "délibération", "proces_verbal": "procès-verbal"}
TYPE_CITE = {"decision": "la décision", "arrete": "l'arrêté", "deliberation": "la délibération"}
ACTE = {  # how the act names itself
    "decision": ("la présente décision", "La présente décision"),
    "arrete": ("le présent arrêté", "Le présent arrêté"),
    "deliberation": ("la présente délibération", "La présente délibération"),
}
# Level-1 weights per type: police is mostly arrêtés, commande publique décisions...
TYPE_WEIGHTS = {
    "decision": {"1": 5, "2": 0.6, "3": 2, "4": 0.6, "5": 1.2, "6": 0.3, "7": 1.2, "8": 0.8, "9": 0.5},
    "arrete": {"1": 0.3, "2": 1.5, "3": 1, "4": 3, "5": 1, "6": 5, "7": 0.3, "8": 0.8, "9": 0.6},
    "deliberation": {"1": 1, "2": 1, "3": 2, "4": 1.5, "5": 2, "6": 0.3, "7": 4, "8": 2, "9": 1},
}
FRESH = frozenset({"montant", "petit", "pct", "pct2", "jours", "heure", "heure2", "ib", "im", "taux", "nature_budg",
                   "chapitre", "duree", "duree_emprunt", "personne2", "art", "art2"})


def date_long(d: dt.date) -> str:
    return f"{'1er' if d.day == 1 else d.day} {MONTHS[d.month - 1]} {d.year}"


_VOWELS = "AEIOUÉaeiouéèêâ"
_CONTRACTIONS = ((" à le ", " au "), (" à les ", " aux "), (" de le ", " du "), (" de les ", " des "),
                 *((f" de {v}", f" d'{v}") for v in _VOWELS))


def contract(text: str) -> str:
    """« à le » -> « au », « de les » -> « des », « de Avion » -> « d'Avion »: templates
    insert noun phrases with their article. (str.replace: ten times faster than a regex.)"""
    for old, new in _CONTRACTIONS:
        if old in text:
            text = text.replace(old, new)
    return text


class FastRandom(Random):
    """`choice` and `randint` on one call to random(): 3x faster than the exact
    (unbiased to 2**-53) versions of the standard library, and still deterministic."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def elide(word: str, noun: str) -> str:
    """« de » + « adjoint » -> « d'adjoint »."""
    return f"{word[:-1]}'{noun}" if noun[:1].lower() in "aeiouyéèêâîôh" else f"{word} {noun}"


# ---------------------------------------------------------------------------
# Slots: the values of one act


class Slots(dict):
    """`template.format_map(slots)`: a missing slot is drawn once per act (FRESH slots each time)."""

    __slots__ = ("rng", "act")

    def __init__(self, rng: Random, act: "SynthAct"):
        super().__init__()
        self.rng = rng
        self.act = act

    def __missing__(self, key: str) -> str:
        value = SLOTS[key](self.rng, self)
        if "{" in value:
            value = value.format_map(self)
        if key not in FRESH:
            self[key] = value
        return value

    def fill(self, template: str) -> str:
        return contract(template.format_map(self)) if "{" in template else template


def _money(rng: Random, low: float, high: float) -> str:
    """« 12 450,00 » (French grouping), two or three significant digits for large amounts."""
    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    if value < 100:
        cents = int(value * 10) * 10
    else:
        cents = int(round(value, 2 - int(math.log10(value)))) * 100
    whole = f"{cents // 100:,}".replace(",", " ")
    return f"{whole},{cents % 100:02d}"


def _person(rng: Random) -> str:
    if rng.random() < 0.5:
        return f"Mme {rng.choice(B.PRENOMS_F)} {rng.choice(B.NOMS)}"
    return f"M. {rng.choice(B.PRENOMS_M)} {rng.choice(B.NOMS)}"


def _elu(rng: Random) -> str:
    person = _person(rng)
    return f"{person}, {'adjointe' if person.startswith('Mme') else 'adjoint'} {rng.choice(B.DELEGATIONS_ELUS)}"


def _near(slots: Slots, low: int, high: int) -> str:
    return date_long(slots.act.date + dt.timedelta(days=slots.rng.randint(low, high)))


def _societe(rng: Random) -> str:
    return f"{rng.choice(B.SOC_RACINES)}{rng.choice(B.SOC_SUFFIXES)} {rng.choice(B.FORMES)}"


def _adresse(rng: Random) -> str:
    return f"{rng.randint(1, 180)} {rng.choice(B.RUES)}, {rng.choice(B.CODES_POSTAUX)} {rng.choice(B.VILLES)}"


def _la_rue(rue: str) -> str:
    """« boulevard Émile Basly » -> « le boulevard Émile Basly »."""
    kind = rue.split(" ", 1)[0]
    if kind[:1] in "aeiouéè":
        return f"l'{rue}"
    return f"{'le' if kind in ('boulevard', 'chemin') else 'la'} {rue}"


def _rue_situe(rng: Random, slots: "Slots") -> str:
    rue, number = slots["rue"], rng.randint(1, 160)
    form = rng.random()
    if form < 0.4:
        return f"au n° {number}, {rue}"
    if form < 0.7:
        return f"au droit du n° {number}, {rue}"
    return f"le long de {_la_rue(rue)}"


def _choice(bank):
    return lambda rng, slots: rng.choice(bank)


SLOTS = {
    "travaux": _choice(B.TRAVAUX), "equipement": _choice(B.EQUIPEMENTS), "personnalite": _choice(B.PERSONNALITES),
    "quartier": _choice(B.QUARTIERS), "fourniture": _choice(B.FOURNITURES), "societe": lambda r, s: _societe(r),
    "petit": lambda r, s: str(r.randint(2, 12)), "service": _choice(B.SERVICES), "dsp": _choice(B.DSP),
    "operation": _choice(B.OPERATIONS), "bailleur": _choice(B.BAILLEURS), "rue": _choice(B.RUES),
    "rue_situe": lambda r, s: _rue_situe(r, s), "la_rue": lambda r, s: _la_rue(s["rue"]),
    "association": lambda r, s: f"{r.choice(B.ASSO_DEBUTS)} {r.choice(B.ASSO_FINS)}", "materiel": _choice(B.MATERIELS),
    "personne": lambda r, s: _person(r), "personne2": lambda r, s: _person(r), "projet": _choice(B.PROJETS),
    "adresse": lambda r, s: _adresse(r), "adresse_societe": lambda r, s: _adresse(r),
    "section": lambda r, s: r.choice(("AB", "AC", "AD", "AE", "AH", "AK", "AL", "AM", "AN", "AO", "AR", "AT", "BC", "BK")),
    "parcelle": lambda r, s: str(r.randint(12, 1480)), "batiment": _choice(B.BATIMENTS), "ville": _choice(B.VILLES),
    "de_grade": lambda r, s: elide("de", r.choice(B.GRADES)), "metier": _choice(B.METIERS), "saison": _choice(B.SAISONS),
    "vacation": _choice(B.VACATIONS), "organisme": _choice(B.ORGANISMES), "sem": _choice(B.SEMS), "syndicat": _choice(B.SYNDICATS),
    "fonction_agent": _choice(B.FONCTIONS_AGENT), "juridiction": _choice(B.JURIDICTIONS), "evenement": _choice(B.EVENEMENTS),
    "adversaire": _choice(B.ADVERSAIRES), "secteur": _choice(B.SECTEURS), "bar": _choice(B.BARS),
    "etablissement": _choice(B.ETABLISSEMENTS), "rd": lambda r, s: f"n° {r.choice(('917', '58', '943', '165', '39', '40', '947'))}",
    "election": _choice(B.ELECTIONS), "annee": lambda r, s: str(s.act.date.year), "annee_prec": lambda r, s: str(s.act.date.year - 1),
    "annee_suiv": lambda r, s: str(s.act.date.year + 1), "annee_plus5": lambda r, s: str(s.act.date.year + 5),
    "budget": _choice(B.BUDGETS), "montant": lambda r, s: _money(r, 800, 2_500_000), "banque": _choice(B.BANQUES),
    "montant_sub": lambda r, s: _money(r, 300, 90_000),
    "financeur": _choice(B.FINANCEURS), "regie": _choice(B.REGIES), "social": _choice(B.SOCIAL), "transport": _choice(B.TRANSPORTS),
    "asso_culturelle": _choice(B.ASSOCIATIONS_CULTURELLES), "cimetiere": _choice(B.CIMETIERES), "ville_etr": _choice(B.VILLES_ETRANGERES),
    "patrimoine": _choice(B.PATRIMOINE), "chantier": _choice(B.CHANTIERS),
    "date_installation": lambda r, s: "23 mai 2020" if s.act.date >= NEW_MANDATE else "4 avril 2014",
    "date_avant": lambda r, s: _near(s, -40, -2), "date_avant2": lambda r, s: _near(s, -200, -30),
    "date_ancienne": lambda r, s: _near(s, -2500, -400), "date_apres": lambda r, s: _near(s, 2, 30),
    "date_apres2": lambda r, s: _near(s, 31, 120), "commission": _choice(B.COMMISSIONS),
    "elu": lambda r, s: _elu(r),
    "cat_marche": _choice(B.CATEGORIES_MARCHE), "geometre": _choice(B.GEOMETRES), "zone": _choice(B.ZONES),
    "pct": lambda r, s: str(r.choice((20, 30, 40, 50, 60, 70))), "pct2": lambda r, s: str(r.choice((30, 40, 50, 60))),
    "service_municipal": _choice(B.SERVICES_MUNICIPAUX), "montant_ttc": lambda r, s: _money(r, 1000, 3_000_000),
    "duree": lambda r, s: r.choice(("douze mois", "un an", "deux ans", "trois ans", "quatre ans", "six mois", "cinq ans")),
    "ib": lambda r, s: str(r.randint(367, 821)), "im": lambda r, s: str(r.randint(352, 673)),
    "ville_barreau": lambda r, s: r.choice(("Béthune", "Arras", "Lille", "Amiens", "Douai")),
    "heure": lambda r, s: r.choice(B.HEURES), "heure2": lambda r, s: r.choice(B.HEURES),
    "chapitre": lambda r, s: r.choice(B.CHAPITRES), "nature_budg": lambda r, s: r.choice(B.NATURES_BUDG),
    "duree_emprunt": lambda r, s: str(r.choice((10, 15, 20, 25, 30))),
    "taux": lambda r, s: f"{r.uniform(0.4, 4.2):.2f}".replace(".", ","), "jours": lambda r, s: str(r.choice((8, 10, 15, 30))),
    "ta": lambda r, s: COLLECTIVITES[s.act.coll]["ta"],
    "acte": lambda r, s: ACTE.get(s.act.type, ACTE["decision"])[0],
    "Acte_cap": lambda r, s: ACTE.get(s.act.type, ACTE["decision"])[1],
    "sujet": lambda r, s: s.act.sujet, "sujet_cap": lambda r, s: cap(s.act.sujet),
}


# ---------------------------------------------------------------------------
# The plan of the archive


@dataclass
class Seance:
    coll: str
    organe: str
    prefix: str
    date: dt.date
    heure: str = "18:00"
    convocation: dt.date | None = None
    president: str = ""
    secretaire: str = ""
    presents: list[str] = field(default_factory=list)
    representes: list[tuple[str, str]] = field(default_factory=list)
    excuses: list[str] = field(default_factory=list)
    absents: list[str] = field(default_factory=list)
    en_exercice: int = 0
    roster: list = field(default_factory=list)
    deliberations: list["SynthAct"] = field(default_factory=list)
    pv: "SynthAct | None" = None


@dataclass(eq=False)
class SynthAct:
    type: str
    coll: str
    date: dt.date
    prefix: str = ""
    matiere: str = ""
    seq: int = 0
    numero: str = ""
    seance: Seance | None = None
    rang: int = 0
    sujet: str = ""
    base_sujet: str = ""  # the subject without "la modification de …"
    objet: str = ""
    slots: Slots | None = None
    modifie: list["SynthAct"] = field(default_factory=list)
    cites: list["SynthAct"] = field(default_factory=list)
    signataire: tuple = ()
    rapporteur: str = ""
    target: int = 0
    path: str = ""

    @property
    def ref(self) -> str:
        return f"{TYPE_REF[self.type]} {self.numero}"

    def cite(self) -> str:
        """« l'arrêté n° A2021-15 du 3 mars 2021 » (the form the registry resolves in visas)."""
        return f"{TYPE_CITE[self.type]} n° {self.numero} du {date_long(self.date)}"


class Rosters:
    """The members of each assembly, per mandate (2014-2020, 2020-2026)."""

    def __init__(self, rng: Random):
        self.rng = rng
        self.cache: dict = {}

    def get(self, coll: str, organe: str, mandate: int) -> list[tuple[str, str, str, str]]:
        key = (coll, organe, mandate)
        if key in self.cache:
            return self.cache[key]
        conf = COLLECTIVITES[coll]
        rng = self.rng
        if organe == "Bureau":
            members = self.get(coll, "Comité syndical", mandate)[:10]
        else:
            seen = {conf["chef"][1] + conf["chef"][2]}
            members = [conf["chef"]]
            while len(members) < conf["members"]:
                female = len(members) % 2 == 1
                prenom = rng.choice(B.PRENOMS_F if female else B.PRENOMS_M)
                nom = rng.choice(B.NOMS)
                if prenom + nom in seen:
                    continue
                seen.add(prenom + nom)
                rank = len(members)
                if rank <= 12:
                    qual = conf["adjointe" if female else "adjoint"]
                else:
                    qual = "Conseillère" if female else "Conseiller"
                members.append(("Mme" if female else "M.", prenom, nom, qual))
        self.cache[key] = members
        return members


def _weekday(rng: Random, year: int) -> dt.date:
    start = dt.date(year, 1, 1)
    days = (dt.date(year + 1, 1, 1) - start).days
    day = start + dt.timedelta(days=rng.randrange(days))
    if day.weekday() >= 5:  # weekend -> the Friday before, or the Monday after in the first days of January
        back = day - dt.timedelta(days=day.weekday() - 4)
        day = back if back.year == year else day + dt.timedelta(days=7 - day.weekday())
    return day


def _name(member) -> str:
    return f"{member[0]} {member[1]} {member[2]}"


def _levels2() -> list[str]:
    data = json.loads(NOMENCLATURE.read_text("utf-8"))
    codes = [code for code in data if "." in code]
    missing = [c for c in codes if c not in B.SUJETS]
    if missing:
        raise RuntimeError(f"bench/banks.py: no subject for matières {missing}")
    return codes


class Planner:
    def __init__(self, n: int, seed: int, first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR):
        self.n = n
        self.rng = FastRandom(seed)
        self.years = list(range(first_year, last_year + 1))
        self.codes = _levels2()
        self.rosters = Rosters(self.rng)
        self.acts: list[SynthAct] = []
        self.seances: list[Seance] = []
        weights = {}
        for type_, by_level1 in TYPE_WEIGHTS.items():
            pairs = [(c, by_level1[c.split(".")[0]] / sum(1 for d in self.codes if d.split(".")[0] == c.split(".")[0]))
                     for c in self.codes]
            total, cum = 0.0, []
            for _, w in pairs:
                total += w
                cum.append(total)
            weights[type_] = ([c for c, _ in pairs], cum)
        self.weights = weights

    # -- counts, séances, dates ------------------------------------------------

    def plan(self) -> list[SynthAct]:
        n, rng = self.n, self.rng
        if n < 4:
            counts = {"decision": (n + 1) // 2, "arrete": n // 2, "deliberation": 0}
            sizes: list[int] = []
        else:
            n_delib = max(1, round(n * 0.28))
            size_max = max(28, math.ceil(n_delib / 1200))
            sizes = []
            while sum(sizes) < n_delib:
                sizes.append(min(rng.randint(4, size_max), n_delib - sum(sizes)))
            while n_delib + len(sizes) > n - 2:  # tiny archives: fewer séances
                merged = sizes.pop()
                sizes[-1] += merged
            rest = n - n_delib - len(sizes)
            counts = {"decision": round(rest * 0.4), "arrete": rest - round(rest * 0.4), "deliberation": n_delib}
        self._seances(sizes)
        for type_ in ("decision", "arrete"):
            for _ in range(counts[type_]):
                coll = "lens" if rng.random() < COLLECTIVITES["lens"]["share"] else "somme-numerique"
                act = SynthAct(type_, coll, _weekday(rng, rng.choice(self.years)),
                               prefix=COLLECTIVITES[coll]["prefixes"][type_])
                self.acts.append(act)
        self._number()
        self._matieres()
        self._references_and_texts()
        return self.acts

    def _seances(self, sizes: list[int]) -> None:
        rng = self.rng
        pools: dict = {}
        wanted: dict = defaultdict(list)
        for size in sizes:
            coll = "lens" if rng.random() < 0.8 else "somme-numerique"
            organes = COLLECTIVITES[coll]["organes"]
            organe, prefix, _ = organes[0] if len(organes) == 1 or rng.random() < organes[0][2] else organes[1]
            wanted[(coll, organe, prefix)].append(size)
        all_days = [dt.date(y, 1, 1) + dt.timedelta(days=i) for y in self.years for i in range(366)
                    if (dt.date(y, 1, 1) + dt.timedelta(days=i)).year == y]
        weekdays = [d for d in all_days if d.weekday() < 5]
        for (coll, organe, prefix), group in wanted.items():
            pool = weekdays if len(group) <= len(weekdays) else all_days
            if len(group) > len(pool):
                raise ValueError(f"{len(group)} séances for {coll}/{organe}: more than the days of {len(self.years)} years; "
                                 "widen the years or make séances larger")
            days = sorted(rng.sample(pool, len(group)))
            pools[(coll, organe)] = days
            for day, size in zip(days, group):
                seance = self._seance(coll, organe, prefix, day)
                for rang in range(1, size + 1):
                    act = SynthAct("deliberation", coll, day, prefix=prefix, seance=seance, rang=rang)
                    seance.deliberations.append(act)
                    self.acts.append(act)
                pv = SynthAct("proces_verbal", coll, day, prefix="PV" + ("" if coll == "lens" else prefix), seance=seance)
                seance.pv = pv
                self.acts.append(pv)
                self.seances.append(seance)

    def _seance(self, coll: str, organe: str, prefix: str, day: dt.date) -> Seance:
        rng = self.rng
        roster = self.rosters.get(coll, organe, 1 if day >= NEW_MANDATE else 0)
        seance = Seance(coll, organe, prefix, day, roster=roster, en_exercice=len(roster))
        seance.heure = rng.choice(("18:00", "18:30", "19:00", "17:30", "10:00", "14:30"))
        seance.convocation = day - dt.timedelta(days=rng.randint(5, 9))
        seance.president = _name(roster[0])
        others = roster[1:]
        big = len(roster) > 12
        n_excuses = rng.randint(2, 8) if big else rng.randint(0, 2)
        n_absents = rng.randint(0, 3) if big else rng.randint(0, 1)
        away = rng.sample(others, n_excuses + n_absents)
        excuses, absents = away[:n_excuses], away[n_excuses:]
        presents = [m for m in roster if m not in away]
        seance.presents = [_name(m) for m in presents]
        seance.excuses = [_name(m) for m in excuses]
        seance.absents = [_name(m) for m in absents]
        givers = excuses[: (len(excuses) + 1) // 2]
        holders = rng.sample(presents[1:], len(givers))
        seance.representes = [(_name(a), _name(b)) for a, b in zip(givers, holders)]
        seance.secretaire = _name(rng.choice(presents[1:]))
        return seance

    def _number(self) -> None:
        """Sequential per collectivité / type / prefix / year in date order; a few gaps
        in the décisions and arrêtés (individual acts notified, not published)."""
        rng = self.rng
        self.acts.sort(key=lambda a: (a.date, a.coll, a.type, a.rang))
        last: dict = defaultdict(int)
        for act in self.acts:
            key = (act.coll, act.type, act.prefix, act.date.year)
            rank = last[key] + 1
            if act.type in ("decision", "arrete") and rank > 3 and rng.random() < 0.004:
                rank += rng.randint(1, 3)
            last[key] = rank
            act.seq = rank
            act.numero = f"{act.prefix}{act.date.year}-{rank}"

    def _matieres(self) -> None:
        """Every level-2 matière at least once (when there are enough acts), then by type weight."""
        rng = self.rng
        candidates = [a for a in self.acts if a.type != "proces_verbal"]
        order = list(range(len(candidates)))
        rng.shuffle(order)
        codes = list(self.codes)
        rng.shuffle(codes)
        for index, code in zip(order, codes):
            candidates[index].matiere = code
        for act in candidates:
            if not act.matiere:
                names, cum = self.weights[act.type]
                act.matiere = rng.choices(names, cum_weights=cum)[0]

    # -- subjects, objets, references ------------------------------------------

    def _references_and_texts(self) -> None:
        rng = self.rng
        previous: dict = defaultdict(list)       # (coll, type) -> earlier acts
        earlier: dict = defaultdict(list)        # coll -> earlier acts, any type but PV
        delegation: dict = {}                    # coll -> latest délibération of matière 5.4
        sizes = [math.exp(rng.uniform(math.log(2300), math.log(18500))) for _ in range(len(self.acts))]
        for act, size in zip(self.acts, sizes):
            act.slots = Slots(rng, act)
            act.target = int(size)
            conf = COLLECTIVITES[act.coll]
            if act.type == "proces_verbal":
                seance = act.seance
                act.sujet = f"la séance du {seance.organe} du {date_long(act.date)}"
                act.objet = f"Procès-verbal de la séance du {seance.organe} du {date_long(act.date)}"
                act.signataire = (*conf["chef"][1:3], conf["chef"][3], None)
                continue
            act.sujet = act.base_sujet = act.slots.fill(rng.choice(B.SUJETS[act.matiere]))
            same = rng.random() < 0.045 and [a for a in previous[(act.coll, act.type)][-300:] if a.date < act.date]
            if same:
                target = rng.choice(same)
                act.modifie.append(target)
                act.matiere = target.matiere
                act.base_sujet = target.base_sujet
                relative = "relatif" if target.type == "arrete" else "relative"
                act.sujet = contract(f"la modification de {target.cite()} {relative} à {target.base_sujet}")
            pool = rng.random() < 0.12 and [a for a in earlier[act.coll][-400:] if a.date < act.date and a not in act.modifie]
            if pool:
                act.cites.extend(rng.sample(pool, min(len(pool), rng.randint(1, 2))))
            deleg = delegation.get(act.coll)
            if act.type == "decision" and deleg is not None and deleg.date < act.date and deleg not in act.cites \
                    and rng.random() < 0.5:
                act.cites.insert(0, deleg)
            act.objet = self._objet(act)
            act.signataire = self._signataire(act)
            previous[(act.coll, act.type)].append(act)
            earlier[act.coll].append(act)
            if act.type == "deliberation" and act.sujet.startswith("la délégation d'attributions"):
                delegation[act.coll] = act

    def _objet(self, act: SynthAct) -> str:
        rng = self.rng
        sujet = act.sujet
        if act.type == "decision":
            who = "du Maire " if act.coll == "lens" else "du Président "
            text = rng.choice((f"Décision relative à {sujet}", f"Décision portant sur {sujet}", f"Décision {who}relative à {sujet}"))
        elif act.type == "arrete":
            text = rng.choice((f"Arrêté relatif à {sujet}", f"Arrêté portant sur {sujet}", f"Arrêté municipal relatif à {sujet}"
                               if act.coll == "lens" else f"Arrêté du Président relatif à {sujet}"))
        else:
            text = rng.choice((cap(sujet), f"{cap(sujet)} – approbation", f"Délibération relative à {sujet}",
                               f"{cap(sujet)} – autorisation de signature"))
        text = contract(text)
        if len(text) > 499:
            text = text[:490].rsplit(" ", 1)[0] + " (…)"
        return text

    def _signataire(self, act: SynthAct) -> tuple:
        conf = COLLECTIVITES[act.coll]
        rng = self.rng
        chef = conf["chef"]
        if act.type == "deliberation" or rng.random() < 0.45:
            return (chef[1], chef[2], chef[3], None)
        roster = self.rosters.get(act.coll, COLLECTIVITES[act.coll]["organes"][0][0], 1 if act.date >= NEW_MANDATE else 0)
        member = rng.choice(roster[1:9])
        return (member[1], member[2], member[3], conf["delegation"])


# ---------------------------------------------------------------------------
# Rendering

_PLAIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ][\w ,.'()/°«»\-–’]*[\w.,)»]")


def y(value: str) -> str:
    """A YAML scalar: plain when unambiguous, else double-quoted (JSON strings are valid YAML)."""
    if _PLAIN.fullmatch(value) and value.lower() not in ("true", "false", "null", "yes", "no", "on", "off", "y", "n"):
        return value
    return json.dumps(value, ensure_ascii=False)


def _nature(act: SynthAct, rng: Random) -> str:
    if act.type == "deliberation":
        return "DE"
    if act.type == "proces_verbal":
        return "AU"
    level1 = act.matiere.split(".")[0]
    if act.type == "arrete":
        return "AI" if level1 in ("4", "2") or act.matiere in ("6.1", "3.3", "3.5") and rng.random() < 0.5 else "AR"
    return {"1": "CC", "7": "BF", "4": "AI"}.get(level1, rng.choice(("AI", "AR", "AU")))


def front_matter(act: SynthAct, rng: Random) -> str:
    conf = COLLECTIVITES[act.coll]
    lines = ["---", f"type: {act.type}", f"numero: {act.numero}", f"date: {act.date.isoformat()}", f"objet: {y(act.objet)}"]
    if act.matiere:
        lines.append(f'nomenclature: "{act.matiere}"')
    lines.append(f"collectivite: {act.coll}")
    if act.type in ("decision", "arrete"):
        lines.append(f"autorite: {y(conf['autorite'])}")
    prenom, nom, qualite, delegation = act.signataire
    lines += ["signataire:", f"  prenom: {y(prenom)}", f"  nom: {y(nom)}", f"  qualite: {y(qualite)}"]
    if delegation:
        lines.append(f"  delegation: {y(delegation)}")
    if act.type != "deliberation":
        lines.append(f"lieu: {y(rng.choice(conf['lieux']))}")
    if act.rapporteur:
        lines.append(f"rapporteur: {y(act.rapporteur)}")
    seance = act.seance
    if seance is not None:
        lines += ["seance:", f"  date: {seance.date.isoformat()}", f'  heure: "{seance.heure}"', f"  organe: {seance.organe}",
                  f"  convocation: {seance.convocation.isoformat()}"]
        if act.type == "proces_verbal":
            lines += [f"  lieu: {y(conf['salle'])}", f"  president: {y(seance.president)}",
                      f"  secretaire: {y(seance.secretaire)}", "  presents:"]
            lines += [f"    - {y(name)}" for name in seance.presents]
            if seance.representes:
                lines.append("  representes:")
                for mandant, mandataire in seance.representes:
                    lines += [f"    - mandant: {y(mandant)}", f"      mandataire: {y(mandataire)}"]
            if seance.excuses:
                lines.append("  excuses:")
                lines += [f"    - {y(name)}" for name in seance.excuses]
            if seance.absents:
                lines.append("  absents:")
                lines += [f"    - {y(name)}" for name in seance.absents]
            present = len(seance.presents)
            lines += ["  quorum:", "    atteint: true", f"    en_exercice: {seance.en_exercice}", f"    presents: {present}",
                      f"    mention: {y(f'Le quorum est atteint : {present} membres présents sur {seance.en_exercice} en exercice.')}"]
        else:
            lines.append(f"  rang: {act.rang}")
    if act.type == "deliberation":
        lines += _vote(act, rng)
    if act.type == "proces_verbal":
        lines.append("deliberations:")
        lines += [f"  - {d.ref}" for d in seance.deliberations]
    if act.modifie:
        lines.append("modifie:")
        lines += [f"  - {m.ref}" for m in act.modifie]
    publication = act.date + dt.timedelta(days=rng.randint(20, 75) if act.type == "proces_verbal" else rng.randint(0, 12))
    share = {"deliberation": 0.7, "arrete": 0.4, "decision": 0.3, "proces_verbal": 0.2}[act.type]
    if conf["siren"] and rng.random() < share:
        internal = re.sub(r"[^0-9A-Z_]", "_", act.numero.upper())[:15]
        received = act.date + dt.timedelta(days=rng.randint(0, 8))
        actes_id = f"{conf['departement']}-{conf['siren']}-{act.date:%Y%m%d}-{internal}-{_nature(act, rng)}"
        lines += ["transmission:", f"  date: {received.isoformat()}", f"  id: {actes_id}"]
    elif rng.random() < 0.1:
        lines += ["transmission:", f"  date: {(act.date + dt.timedelta(days=rng.randint(0, 8))).isoformat()}"]
    lines += ["statut: publie", f"mise_en_ligne: {publication.isoformat()}", "---", ""]
    return "\n".join(lines)


def _vote(act: SynthAct, rng: Random) -> list[str]:
    seance = act.seance
    votants = len(seance.presents) + len(seance.representes)
    lines = ["vote:", f"  effectif: {seance.en_exercice}", f"  votants: {votants}"]
    if rng.random() < 0.6:
        lines.append("  unanimite: true")
        act.slots["vote_texte"] = "à l'unanimité"
    else:
        contre = rng.randint(0, min(8, votants // 4))
        abstention = rng.randint(0, min(6, votants - contre - 1))
        pour = votants - contre - abstention
        lines += [f"  pour: {pour}", f"  contre: {contre}", f"  abstention: {abstention}"]
        act.slots["vote_texte"] = f"par {pour} voix pour, {contre} contre et {abstention} abstention{'s' if abstention > 1 else ''}"
    lines.append("  resultat: adopte")
    return lines


class Body:
    """Paragraphs of one act body, with the running size."""

    __slots__ = ("parts", "size")

    def __init__(self):
        self.parts: list[str] = []
        self.size = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text) + 2

    def text(self) -> str:
        return "\n\n".join(self.parts) + "\n"


def _visa_code(rng: Random, s: Slots, key: str) -> str:
    arts = B.ARTICLES_CODES[key]
    first, second = rng.sample(arts, 2) if len(arts) > 1 else (arts[0], arts[0])
    template = rng.choice(B.VISAS_CODE)
    return contract(template.replace("{art}", first).replace("{art2}", second).replace("{code}", B.CODES[key]))


def _visas(act: SynthAct, rng: Random, body: Body) -> None:
    s = act.slots
    level1 = act.matiere.split(".")[0]
    keys = list(B.CODES_PAR_MATIERE[level1])
    chosen = ["CGCT"] + rng.sample([k for k in keys if k != "CGCT"], min(len(keys) - 1, rng.randint(0, 2)))
    for key in chosen:
        body.add(_visa_code(rng, s, key))
    for template in rng.sample(B.VISAS_COMMUNS, rng.randint(0, 2)):
        if "installation" in template and act.coll != "lens":
            continue
        body.add(s.fill(template))
    for cited in act.cites:
        body.add(contract(f"Vu {cited.cite()} {'relatif' if cited.type == 'arrete' else 'relative'} à {cited.sujet},"))
    for target in act.modifie:
        if target not in act.cites:
            body.add(f"Vu {target.cite()}, que le présent acte modifie,")
    if act.type == "decision" and not any(c.type == "deliberation" and c.sujet.startswith("la délégation d'att") for c in act.cites):
        body.add(s.fill("Vu la délibération du Conseil municipal en date du {date_installation} portant délégation "
                        "d'attributions au Maire en application de l'article L.2122-22 du Code général des collectivités "
                        "territoriales,") if act.coll == "lens" else
                 "Vu les statuts du syndicat mixte et la délibération du Comité syndical portant délégation d'attributions au Président,")
    for template in rng.sample(B.VISAS_MATIERE[level1], min(len(B.VISAS_MATIERE[level1]), rng.randint(1, 3))):
        body.add(s.fill(template))


def _considerants(act: SynthAct, rng: Random, body: Body) -> None:
    s = act.slots
    level1 = act.matiere.split(".")[0]
    bank = B.CONSIDERANTS_MATIERE[level1]
    for template in rng.sample(bank, min(len(bank), rng.randint(1, 3))):
        body.add(s.fill(template))
    for template in rng.sample(B.CONSIDERANTS_COMMUNS, rng.randint(0, 2)):
        body.add(s.fill(template))


def _filler(act: SynthAct, rng: Random) -> list[str]:
    """The paragraphs of one more article: prescriptions, general clauses, a list or a table."""
    s = act.slots
    kind = rng.random()
    level1 = act.matiere.split(".")[0]
    if kind < 0.45:
        sentences = []
        for _ in range(rng.randint(1, 4)):
            sentences.append(contract(f"{rng.choice(B.SUJETS_PRESCRIPTION)} {rng.choice(B.OBLIGATIONS)} {rng.choice(B.ACTIONS)} "
                                      f"{s.fill(rng.choice(B.CIRCONSTANCES))}."))
        if rng.random() < 0.5:
            sentences.append(s.fill(rng.choice(B.PHRASES_GENERALES)))
        return [" ".join(sentences)]
    if kind < 0.65:
        return [" ".join(s.fill(t) for t in rng.sample(B.PHRASES_GENERALES, rng.randint(1, 3)))]
    if kind < 0.80:
        return [s.fill(rng.choice(B.ARTICLES_MATIERE[level1])) + " " + s.fill(rng.choice(B.PHRASES_GENERALES))]
    if kind < 0.92:
        name = rng.choice(("pieces", "engagements"))
        intro = ("Le dossier comprend les pièces suivantes :" if name == "pieces"
                 else f"{rng.choice(B.SUJETS_PRESCRIPTION)} s'engage notamment à :")
        items = rng.sample(B.LISTES[name], rng.randint(3, min(6, len(B.LISTES[name]))))
        return [intro, "\n".join(f"- {item} ;" if i < len(items) - 1 else f"- {item}." for i, item in enumerate(items))]
    rows = rng.sample(B.TARIFS, rng.randint(3, 7))
    table = ["| Prestation | Tarif |", "|---|---:|"] + [f"| {row} | {_money(rng, 0.5, 900)} € |" for row in rows]
    return [s.fill("Les tarifs applicables à compter du {date_apres} sont fixés comme suit :"), "\n".join(table)]


def _article(body: Body, number: int, paragraphs: list[str], rng: Random, titre: str | None = None) -> None:
    if titre is not None and rng.random() < 0.3:
        body.add(f"## Article {number} – {titre}")
        for p in paragraphs:
            body.add(p)
        return
    label = "1er" if number == 1 and rng.random() < 0.2 else str(number)
    body.add(f"**Article {label}** : {paragraphs[0]}")
    for p in paragraphs[1:]:
        body.add(p)


def _tail(act: SynthAct, rng: Random) -> list[list[str]]:
    s = act.slots
    articles = [[s.fill(rng.choice(B.ARTICLE_RECOURS))]]
    execution = rng.choice(B.ARTICLE_EXECUTION)
    if execution.startswith("Ampliation"):
        items = rng.sample(B.LISTES["ampliation"], rng.randint(3, 6))
        articles.append([s.fill(execution), "\n".join(f"- {i}," if k < len(items) - 1 else f"- {i}."
                                                      for k, i in enumerate(items))])
    else:
        articles.append([s.fill(execution)])
    return articles


def _articles(act: SynthAct, rng: Random, body: Body, budget: int) -> None:
    s = act.slots
    level1 = act.matiere.split(".")[0]
    first = []
    if act.modifie:
        target = act.modifie[0]
        first.append(f"L'article {rng.randint(1, 4)} de {target.cite()} est modifié comme suit : « "
                     + s.fill(rng.choice(B.ARTICLES_MATIERE[level1])) + " »")
        first.append(s.fill("Les autres dispositions de {acte_modifie} demeurent inchangées.".replace(
            "{acte_modifie}", f"{TYPE_CITE[target.type]} n° {target.numero}")))
    else:
        first.append(s.fill(rng.choice(B.ARTICLE_PRINCIPAL[act.type])))
    number = 1
    _article(body, number, first, rng, "Objet")
    for template in rng.sample(B.ARTICLES_MATIERE[level1], rng.randint(1, 2)):
        number += 1
        _article(body, number, [s.fill(template)], rng, "Modalités")
    tail = _tail(act, rng)
    tail_size = sum(len(p) + 2 for a in tail for p in a) + 40
    while body.size + tail_size < budget:
        paragraphs = _filler(act, rng)
        grow = sum(len(p) + 30 for p in paragraphs)
        if body.size + tail_size + grow > budget + 400:
            break
        number += 1
        _article(body, number, paragraphs, rng, rng.choice(("Dispositions particulières", "Obligations", "Conditions",
                                                             "Durée", "Financement", "Contrôle")))
    for paragraphs in tail:
        number += 1
        _article(body, number, paragraphs, rng)


def render_body(act: SynthAct, rng: Random, budget: int) -> str:
    body = Body()
    if act.type == "proces_verbal":
        return _pv_body(act, rng, budget)
    if act.type == "deliberation":
        conf = COLLECTIVITES[act.coll]
        body.add(f"{act.seance.organe if act.coll != 'lens' else conf['assemblee']},")
        body.add(f"Sur le rapport de {act.rapporteur},")
        if rng.random() < 0.4:
            body.add("## Exposé des motifs")
        for index in sorted(rng.sample(range(len(B.EXPOSE)), rng.randint(2, 5))):  # « Mesdames, Messieurs » first
            body.add(act.slots.fill(B.EXPOSE[index]))
        while body.size < budget * 0.45:  # the rapport: the longest part of a délibération
            body.add(" ".join(act.slots.fill(t) for t in rng.sample(B.EXPOSE_SUITE, rng.randint(2, 4))))
    _visas(act, rng, body)
    _considerants(act, rng, body)
    if act.type == "deliberation":
        variant = rng.random()
        assemblee = act.seance.organe if act.coll != "lens" else "le Conseil municipal"
        if variant < 0.2:  # the dispositif as text, no articles
            body.add(act.slots.fill(f"Après en avoir délibéré, {assemblee.lower() if assemblee.startswith('le') else 'le ' + assemblee} "
                                    "décide, {vote_texte}, d'approuver {sujet} et d'autoriser "
                                    f"{'le Maire' if act.coll == 'lens' else 'le Président'} ou son représentant à signer "
                                    "tous les documents nécessaires à son exécution."))
            items = [act.slots.fill(t) for t in rng.sample(B.DISPOSITIF_ITEMS, rng.randint(2, 4))]
            body.add("\n".join(f"- {item} ;" if k < len(items) - 1 else f"- {item}." for k, item in enumerate(items)))
            while body.size < budget:
                body.add(" ".join(act.slots.fill(t) for t in rng.sample(B.PHRASES_GENERALES, rng.randint(2, 4))))
            return body.text()
        body.add(rng.choice(("Après en avoir délibéré,", "## DÉLIBÈRE", "**DÉLIBÈRE :**",
                             f"{'LE CONSEIL MUNICIPAL' if act.coll == 'lens' else act.seance.organe.upper()}, "
                             "APRÈS EN AVOIR DÉLIBÉRÉ, DÉCIDE :")))
    else:
        body.add(rng.choice(("## DÉCIDE", "**DÉCIDE :**", "DÉCIDE :")) if act.type == "decision"
                 else rng.choice(("## ARRÊTE", "**ARRÊTE :**", "ARRÊTE :")))
    _articles(act, rng, body, budget)
    return body.text()


def _pv_body(act: SynthAct, rng: Random, budget: int) -> str:
    seance = act.seance
    body = Body()
    hour, minute = seance.heure.split(":")
    conf = COLLECTIVITES[act.coll]
    body.add("## Ouverture de la séance")
    body.add(f"Le {date_long(seance.date)}, à {int(hour)} h {minute}, le {seance.organe} "
             f"{'de la Ville de Lens' if act.coll == 'lens' else 'du syndicat mixte Somme Numérique'}, légalement convoqué "
             f"le {date_long(seance.convocation)}, s'est réuni en séance publique, {conf['salle']}, sous la présidence de "
             f"{seance.president}, {conf['chef'][3]}.")
    body.add(f"Le quorum étant atteint ({len(seance.presents)} membres présents sur {seance.en_exercice} en exercice), "
             "la séance est ouverte.")
    if seance.representes:
        body.add("Procurations :")
        body.add("\n".join(f"- {a} a donné pouvoir à {b} ;" for a, b in seance.representes))
    body.add(f"{seance.secretaire} est désigné(e) en qualité de secrétaire de séance.")
    body.add("## Approbation du procès-verbal de la séance précédente")
    body.add("Le procès-verbal de la séance précédente, adressé aux membres avec la convocation, est adopté à l'unanimité.")
    body.add("## Délibérations")
    per_item = max(200, (budget - body.size - 400) // max(1, len(seance.deliberations)))
    for d in seance.deliberations:
        start = body.size
        body.add(f"### {d.rang}. {d.objet} (délibération n° {d.numero})")
        body.add(f"Rapporteur : {d.rapporteur}.")
        while body.size - start < per_item - 150:
            speaker = _name(rng.choice(seance.roster[1:]))
            body.add(f"{speaker} {d.slots.fill(rng.choice(B.INTERVENANTS_VERBES))}. {rng.choice(B.REPONSES)}")
        body.add(f"Vote : adoptée {d.slots.get('vote_texte', 'à l unanimité')}.")
    body.add("## Questions diverses")
    body.add("Aucune question diverse n'ayant été inscrite à l'ordre du jour, la séance est levée à "
             f"{min(23, int(hour) + rng.randint(1, 3))} h {rng.choice(('00', '15', '30', '45'))}.")
    return body.text()


def _slug(numero: str) -> str:
    return re.sub(r"[^0-9A-Za-z_-]+", "-", numero).strip("-").lower()


def iter_acts(n: int, seed: int = 0, years: tuple[int, int] = (FIRST_YEAR, LAST_YEAR)):
    """Yields (relative path, file text, SynthAct) for the n acts, in date order,
    dated within years (first, last)."""
    planner = Planner(n, seed, *years)
    acts = planner.plan()
    rng = planner.rng
    for act in acts:  # rapporteurs first: the PV quotes them
        if act.type == "deliberation":
            present = set(act.seance.presents)
            member = rng.choice([m for m in act.seance.roster[1:13] if _name(m) in present] or act.seance.roster[:1])
            act.rapporteur = f"{_name(member)}, {member[3]}"
    rendered = []
    for act in acts:
        if act.type == "deliberation":
            fm = front_matter(act, rng)  # draws the vote, quoted by the PV
            rendered.append((act, fm))
    fms = {id(a): fm for a, fm in rendered}
    for act in acts:
        fm = fms.get(id(act)) or front_matter(act, rng)
        body = render_body(act, rng, max(MIN_BYTES + 200, act.target - len(fm)))
        prefix = "" if act.coll == "lens" else f"{act.coll}-"
        act.path = f"acts/{act.date.year}/{prefix}{TYPE_SLUG[act.type]}-{_slug(act.numero)}.md"
        yield act.path, fm + "\n" + body, act


def generate(out_dir: Path, n: int, seed: int = 0, config: Path = CONFIG,
             years: tuple[int, int] = (FIRST_YEAR, LAST_YEAR)) -> list[Path]:
    """Writes out_dir/mkdocs.yml and n acts under out_dir/acts/; returns the act paths.
    An existing out_dir/acts is replaced. years=(2025, 2025) makes one year of n
    acts, the size of the newest year of a 10n-act archive."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(config, out_dir / "mkdocs.yml")
    acts_dir = out_dir / "acts"
    if acts_dir.exists():
        shutil.rmtree(acts_dir)
    paths = []
    made: set = set()
    for rel, text, _ in iter_acts(n, seed, years):
        path = out_dir / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Writes a synthetic archive of N valid acts (mkdocs.yml + acts/).")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    paths = generate(args.out_dir, args.n, args.seed)
    sizes = [p.stat().st_size for p in paths]
    elapsed = time.perf_counter() - start
    if sizes:
        print(f"{len(paths)} actes écrits dans {args.out_dir} en {elapsed:.1f} s "
              f"({sum(sizes) / 1e6:.1f} Mo, {min(sizes)}–{max(sizes)} octets par acte)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
