"""`actes import`: existing acts (text, Markdown, PDF) into act files.

    extract   file -> text (pdftotext -layout for PDF)           extract.py
    clean     text -> paragraphs, stamps and page headers out    clean.py
    parts     paragraphs -> head, visas, considérants, dispositif, articles, closing
                                                                 structure.py
    fields    type, number, date, nomenclature, objet, séance, vote, signatory …
                                                                 fields.py, seance.py, people.py, french.py
    assemble  one ImportedAct per act; a procès-verbal also gives its délibérations
                                                                 assemble.py
    write     act files (YAML front matter + Markdown) or JSON   writer.py

Everything imported has `statut: projet` and lists in `a_verifier` what a person
must check; unknown values stay empty, never guessed.
"""

from .assemble import import_text
from .extract import read_source
from .model import ImportedAct
from .writer import act_json, act_markdown, planned_files

__all__ = ["ImportedAct", "act_json", "act_markdown", "import_file", "import_text", "planned_files", "read_source"]


def import_file(path, collectivites=None, today=None):
    """(acts, error) for one file; error is a French message when it cannot be read."""
    source = read_source(path)
    if source.error:
        return [], source.error
    acts = import_text(source.text, source.fmt, source.path, collectivites, today)
    for act in acts:
        for note in source.notes:
            act.check(note)
    return acts, None
