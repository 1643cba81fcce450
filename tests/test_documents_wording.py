"""Editable wording templates and their version hash (Governance, POL-H4, POL-H5)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from makarem_desk.documents.wording import (
    DOCUMENTS,
    LANGUAGES,
    WORDING_DIR_ENV,
    default_wording_dir,
    load_wording,
    parse_wording,
)
from makarem_desk.errors import UserError


@pytest.mark.parametrize("document", DOCUMENTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_template_loads_with_title_and_hash(document: str, language: str) -> None:
    w = load_wording(document, language)
    raw = (default_wording_dir() / f"{document}.{language}.txt").read_bytes()
    assert w.version_hash == hashlib.sha256(raw).hexdigest()
    assert w.title and w.paragraphs
    assert "reference" in w.placeholders


def test_declaration_uses_the_policy_wording() -> None:
    wording = load_wording("declaration", "ar")
    values = dict.fromkeys(wording.placeholders, "…")
    for gender, responsible in (("male", "وأنني مسؤول"), ("female", "وأنني مسؤولة"),
                                (None, "وأن عليّ")):
        # POL-H4, in the first person of the beneficiary
        text = " ".join(wording.fill(values, gender))
        assert f"{responsible} مسؤولية مباشرة عن صحة المعلومات" in text
        # POL-H5: the request goes to the research committee, answer in two weeks or more
        assert "سيُرفع إلى لجنة البحث لدراسته والرد عليه بشأن قبوله أو رفضه" in text
        assert "خلال مدة لا تقل عن أسبوعين" in text
    assert {"earliest_answer_date_hijri", "earliest_answer_date_gregorian"} <= load_wording(
        "declaration", "ar").placeholders
    en = load_wording("declaration", "en").text
    assert "direct responsibility" in en and "no less than two weeks" in en


def test_an_edit_is_a_new_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "wording"
    shutil.copytree(default_wording_dir(), folder)
    monkeypatch.setenv(WORDING_DIR_ENV, str(folder))
    before = load_wording("declaration", "ar")
    path = folder / "declaration.ar.txt"
    path.write_bytes(path.read_bytes().replace("صحيحة وكاملة".encode(), "صحيحة".encode()))
    after = load_wording("declaration", "ar")
    assert after.version_hash != before.version_hash
    assert "صحيحة وكاملة" not in after.text


def test_paragraph_lines_are_joined_and_crlf_accepted() -> None:
    raw = b"title: T\r\n---\r\nfirst line\r\nsame paragraph {reference}\r\n\r\nsecond\r\n"
    w = parse_wording("receipt", "en", raw)
    assert w.title == "T"
    assert w.paragraphs == ["first line same paragraph {reference}", "second"]
    assert w.fill({"reference": "RYD1-2026-000001"})[0].endswith("RYD1-2026-000001")


def test_unknown_placeholder_is_refused_when_loading() -> None:
    with pytest.raises(UserError) as err:
        parse_wording("receipt", "ar", "title: x\n---\nمرحبا {nickname}".encode())
    assert "nickname" in err.value.message and "nickname" in err.value.message_ar
    # the reason exists only in the rejection letter
    with pytest.raises(UserError, match="decision_reason"):
        parse_wording("receipt", "en", b"title: x\n---\nBecause {decision_reason}")
    assert parse_wording("decision_rejected", "en", b"title: x\n---\n{decision_reason}")


def test_a_value_missing_at_fill_time_is_a_clear_error() -> None:
    w = parse_wording("receipt", "ar", "title: x\n---\nطلب {reference}".encode())
    with pytest.raises(UserError, match="reference"):
        w.fill({})


def test_malformed_brace_is_caught_when_loading() -> None:
    with pytest.raises(UserError, match="malformed"):
        parse_wording("receipt", "ar", "title: x\n---\nنص {reference".encode())


def test_missing_or_unknown_template(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="missing"):
        load_wording("receipt", "ar", folder=tmp_path)
    with pytest.raises(UserError, match="Unknown document"):
        load_wording("letter", "ar")
    with pytest.raises(UserError, match="Unknown language"):
        load_wording("receipt", "fr")


def test_empty_or_binary_template_refused() -> None:
    with pytest.raises(UserError, match="empty"):
        parse_wording("receipt", "ar", b"title: x\n---\n\n")
    with pytest.raises(UserError, match="UTF-8"):
        parse_wording("receipt", "ar", b"\xff\xfe\x00garbage")


def test_the_administrators_guide_lists_every_placeholder() -> None:
    from makarem_desk.documents.wording import PLACEHOLDERS

    guide = (default_wording_dir() / "README.md").read_text(encoding="utf-8")
    for names in PLACEHOLDERS.values():
        for name in names:
            assert f"`{name}`" in guide, name
