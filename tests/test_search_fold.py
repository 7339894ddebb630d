"""fold() folds character by character (a translate table): the same result as
folding the whole text at once, which is what words are matched on."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.identifiers import fold


def fold_whole(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@settings(max_examples=400)
@given(st.text())
def test_fold_equals_folding_the_whole_text(text):
    assert fold(text) == fold_whole(text)


@given(st.text(alphabet="aàâäeéèêëiîïoôöuùûüçœæAÀÉÈÊÇŒ ﬁ²\u0301\u0327-'’", max_size=60))
def test_fold_on_french_letters_and_loose_marks(text):
    assert fold(text) == fold_whole(text)


def test_examples():
    assert fold("Arrêté") == "arrete"
    assert fold("DÉLIBÈRE") == "delibere"
    assert fold("Après en avoir délibéré") == "apres en avoir delibere"
