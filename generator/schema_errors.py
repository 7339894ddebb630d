"""pydantic's validation errors, told in French at the line of their field.

A table keyed on pydantic's error type gives the wording; value errors raised by
our own parsers (dates, numbers, codes) already carry a French message.
"""

from __future__ import annotations

import difflib
import re
import typing

from pydantic import BaseModel, ValidationError

from .problems import Problem, error
from .yamlsafe import dotted


def shown(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "…"


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return f"« {str(value).lower()} »"
    if isinstance(value, dict):
        return "un groupe de champs"
    if isinstance(value, list):
        return "une liste"
    if value is None:
        return "une valeur vide"
    return f"« {shown(value)} »"


MESSAGES: dict[str, str] = {
    "missing": "champ obligatoire manquant",
    "string_type": "texte attendu, trouvé {found}",
    "string_too_short": "ne doit pas être vide",
    "string_pattern_mismatch": "format incorrect : {found}",
    "int_type": "nombre entier attendu, trouvé {found} (sans guillemets ni zéro initial)",
    "int_parsing": "nombre entier attendu, trouvé {found}",
    "int_from_float": "nombre entier attendu, trouvé {found}",
    "greater_than_equal": "nombre positif ou nul attendu, trouvé {found}",
    "less_than_equal": "nombre trop grand : {found}",
    "bool_type": "true ou false attendu, trouvé {found} (« oui », « yes », « on » ne sont pas acceptés)",
    "bool_parsing": "true ou false attendu, trouvé {found}",
    "list_type": "liste attendue (une ligne « - … » par élément), trouvé {found}",
    "dict_type": "groupe de champs attendu (« clé: valeur » en retrait), trouvé {found}",
    "model_type": "groupe de champs attendu (« clé: valeur » en retrait), trouvé {found}",
    "too_short": "liste vide : au moins un élément attendu",
    "frozen_instance": "valeur non modifiable",
}


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Names of the fields of the model reached by following `loc`: a field name
    goes into that field, a list index or a dict key into the item's model."""
    current: object = model
    for part in loc:
        inner = _inner_model(current)
        if not (isinstance(inner, type) and issubclass(inner, BaseModel)):
            return []
        if isinstance(part, str) and part in inner.model_fields:
            current = inner.model_fields[part].annotation
        elif isinstance(part, int) or current is not inner:
            current = inner  # an item of a list, or the value of a dict key ("lens")
        else:
            return []
    current = _inner_model(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: object) -> object:
    """Optional[list[Model]], Annotated[...] -> Model (the first BaseModel inside)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    return annotation


# What a pattern of the schema means, for "format incorrect" messages.
PATTERN_HINTS = {
    r"^\d{9}$": "9 chiffres attendus",
    r"^\d{14}$": "14 chiffres attendus",
    r"^(\d{3}|02[AB])$": "3 caractères, par exemple « 062 », « 974 » ou « 02A »",
    r"^#[0-9a-fA-F]{6}$": "couleur « #rrggbb », par exemple « #c8102e »",
    r"^[a-z0-9][a-z0-9_-]*$": "minuscules sans accent, chiffres, « - » et « _ »",
}


def message_for(err: dict, model: type[BaseModel]) -> str:
    kind = err["type"]
    loc = tuple(err["loc"])
    found = _type_name(err.get("input"))
    if kind == "extra_forbidden":
        name = str(loc[-1])
        known = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f" : vouliez-vous dire « {close[0]} » ?" if close else (
            f" (champs possibles : {', '.join(known)})" if known else "")
        return f"champ inconnu « {name} »{hint}"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "").replace(" or ", " ou ")
        value = err.get("input")
        close = difflib.get_close_matches(str(value), [e.strip("' ") for e in expected.replace(" ou ", ",").split(",")], n=1)
        hint = f" : vouliez-vous dire « {close[0]} » ?" if close else ""
        return f"valeur {found} non reconnue, attendu {expected}{hint}"
    if kind == "value_error":
        return str(err.get("ctx", {}).get("error", err["msg"]))
    if kind == "string_pattern_mismatch":
        hint = PATTERN_HINTS.get(err.get("ctx", {}).get("pattern", ""))
        if hint:
            return f"format incorrect : {found} ({hint})"
    if kind == "string_type" and isinstance(err.get("input"), (int, float)):
        return f"texte attendu, trouvé {found} (écrire la valeur entre guillemets)"
    if kind in MESSAGES:
        return MESSAGES[kind].format(found=found)
    return f"valeur {found} refusée ({err['msg']})"


def problems_from_validation(
    exc: ValidationError,
    model: type[BaseModel],
    path: str,
    lines: dict,
    prefix: tuple = (),
    key_lines: dict | None = None,
) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        # Union members add their own names to loc ("function-plain[...]"), dict keys
        # "[key]": drop them, and only them ("[annexe]" may be a key someone wrote).
        loc = tuple(part for part in loc if not (isinstance(part, str) and _PYDANTIC_TAG.match(part)))
        err = {**err, "loc": loc}
        line = _line_for(loc, lines, key_lines or {}, err["type"])
        problems.append(error(path, line, dotted((*prefix, *loc)), message_for(err, model)))
    return problems


_PYDANTIC_TAG = re.compile(
    r"^(?:\[key\]|(?:function-(?:plain|after|before|wrap)|lax-or-strict|json-or-python|nullable|union|"
    r"tagged-union|default|model|list|dict|str|int|bool|date)\[.*\])$"
)


def _line_for(loc: tuple, lines: dict, key_lines: dict, kind: str) -> int:
    """The line of the field's key (or of its closest parent present)."""
    probe = loc
    while probe:
        for table in (key_lines, lines):
            if probe in table:
                return table[probe]
        probe = probe[:-1]
    return lines.get((), 1)
