"""Highlighting folds text as the search index does (unicode61, remove_diacritics 2)."""

from __future__ import annotations

from app.domain.search import fold, mark_matches, match_spans


def test_folding_removes_accents_and_case_and_maps_back() -> None:
    folded, origin = fold("MÉRIDA Ñandú")
    assert folded == "merida nandu"
    assert origin[:6] == [0, 1, 2, 3, 4, 5]


def test_a_word_that_starts_with_a_term_matches_accents_and_case_folded() -> None:
    text = "La Iniciativa Mérida; MERIDA; premerida"
    assert [text[a:b] for a, b in match_spans(text, ["merida"])] == ["Mérida", "MERIDA"]
    assert [text[a:b] for a, b in match_spans(text, ["MÉR"])] == ["Mér", "MER"]


def test_a_decomposed_accent_stays_with_its_letter() -> None:
    text = "Me\u0301rida"  # é typed as e + combining acute
    assert match_spans(text, ["merida"]) == [(0, len(text))]


def test_marking_escapes_everything_once() -> None:
    marked = mark_matches("<b>Mérida</b>", ["merida"], lambda t: t.replace("<", "&lt;"), lambda t: f"[{t}]")
    assert marked == "&lt;b>[Mérida]&lt;/b>"
