"""Séance documents: the liste des délibérations (CGCT L2121-25) and the contents
of the procès-verbal (L2121-15), checked by `actes check` as warnings.

- L2121-25: within one week after a séance, the list of the délibérations examined
  (date, objet, outcome) is put online. The site builds that list (page and PDF)
  from the published délibérations, so a séance older than LIST_DELAY days with a
  délibération not yet published has an incomplete or missing list.
- L2121-15: the procès-verbal states date and hour, président, members present or
  represented (with their proxies), secrétaire, quorum, agenda, the délibérations
  and the reports behind them, the votes and the substance of the debates. Fields
  that rules.py already requires (date, heure, président, secrétaire, présents,
  quorum, délibérations with their votes) are errors there; PV_ELEMENTS below
  covers what can be seen in the file besides: the reports behind the délibérations
  and the debates. (Whether every member present is named cannot be told: a quorum
  counted "présents ou représentés" may include proxies the minutes do not list.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .frenchtext import date_fr
from .model import Act
from .problems import Problem, warning
from .registry import Registry, SeanceKey

LIST_DELAY = dt.timedelta(days=7)


def is_public(act: Act, today: dt.date) -> bool:
    meta = act.meta
    return meta.statut == "publie" and meta.mise_en_ligne is not None and meta.mise_en_ligne <= today


def list_problem(key: SeanceKey, acts: list[Act], today: dt.date) -> Problem | None:
    deliberations = [a for a in acts if a.type == "deliberation"]
    seance_day = dt.date.fromisoformat(key[2])
    late = [d for d in deliberations if not is_public(d, today)]
    if not late or today - seance_day <= LIST_DELAY:
        return None
    first = late[0]
    organe = first.meta.seance.organe or "séance"
    names = ", ".join(str(d.meta.numero) for d in late)
    return warning(first.path, first.line_of("statut"), "seance",
                   f"{organe} du {date_fr(seance_day)} : plus de 7 jours après la séance, la liste des délibérations "
                   f"n'est pas publiée en entier (CGCT L2121-25) ; non publiée{'s' if len(late) > 1 else ''} : "
                   f"{names}. Les publier avec : actes publish {' '.join(d.path for d in late)}")


# -- procès-verbal (L2121-15) ------------------------------------------------

def _reports_stated(pv: Act, registry: Registry) -> str | None:
    missing = []
    for link in registry.links_from(pv, "deliberations"):
        d = link.target
        if d.type == "deliberation" and not (d.meta.rapporteur or d.body.expose or d.body.considerants or d.body.visas):
            missing.append(str(d.meta.numero))
    if missing:
        return (f"rapport au vu duquel la délibération a été adoptée non indiqué pour {', '.join(missing)} "
                "(ni rapporteur, ni exposé, ni visas ou considérants)")
    return None


def _debates_stated(pv: Act, registry: Registry) -> str | None:
    body = pv.body
    blocks = [*body.expose, *body.visas, *body.considerants, *body.dispositif_texte, *body.annexes_texte]
    if any(line.strip() and not line.lstrip().startswith("#") for b in blocks for line in b.text.splitlines()):
        return None
    return "le procès-verbal ne rapporte pas la teneur des discussions : le corps du texte est vide"


PV_ELEMENTS: tuple[tuple[str, Callable[[Act, Registry], str | None]], ...] = (
    ("deliberations", _reports_stated),
    ("corps", _debates_stated),
)


def pv_problems(pv: Act, registry: Registry) -> list[Problem]:
    problems = []
    for field, check in PV_ELEMENTS:
        missing = check(pv, registry)
        if missing:
            line = pv.line_of(*field.split(".")) if field != "corps" else pv.body.line
            problems.append(warning(pv.path, line, field, f"élément du procès-verbal manquant (CGCT L2121-15) : {missing}"))
    return problems


def check_seance_documents(today: dt.date) -> Callable[[Registry], list[Problem]]:
    """The cross-act check of `actes check` (see check.py) for séance documents."""

    def check(registry: Registry) -> list[Problem]:
        problems = [p for key, acts in registry.by_seance.items() if (p := list_problem(key, acts, today))]
        for pv in registry.by_type.get("proces_verbal", []):
            problems += pv_problems(pv, registry)
        return problems

    return check
