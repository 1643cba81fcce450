"""Papers that speak to the beneficiary in her or his gender: the {m:…|f:…|n:…} syntax of the
wording, its checker (``forms check``), and every paper printed for a man, a woman and a
person whose gender is not recorded."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from makarem_desk.cli import main
from makarem_desk.documents import gender_forms, sample
from makarem_desk.documents.gender_forms import Choice, Field, TemplateSyntaxError
from makarem_desk.documents.qr import payload_for
from makarem_desk.documents.render import (
    render_decision_letter,
    render_declaration,
    render_receipt,
)
from makarem_desk.documents.wording import (
    WORDING_DIR_ENV,
    WordingError,
    default_wording_dir,
    load_wording,
    parse_wording,
    wording_problems,
)
from makarem_desk.resources import forms_path
from makarem_desk.snapshot import sha256_of

GENDERS = ("male", "female", None)


# -- the syntax --------------------------------------------------------------------------

def test_a_line_parses_into_text_values_and_choices() -> None:
    assert gender_forms.parse("أقر أنا {full_name}، {m:صاحب|f:صاحبة} رقم {{x}}") == [
        "أقر أنا ", Field("full_name"), "، ", Choice("صاحب", "صاحبة"), " رقم {x}"]
    assert gender_forms.parse("{ m: المكرم | f: المكرمة | n: إلى }") == [
        Choice("المكرم", "المكرمة", "إلى")]
    assert gender_forms.parse("{m:المحترم|f:المحترمة|n:}") == [Choice("المحترم", "المحترمة", "")]


def test_a_choice_picks_the_form_of_the_person() -> None:
    choice = Choice("مسؤول", "مسؤولة", "عليّ")
    assert [choice.pick(g) for g in GENDERS] == ["مسؤول", "مسؤولة", "عليّ"]
    # no neutral form: the masculine, as Arabic speaks of a person of unknown sex
    assert Choice("صاحب", "صاحبة").pick(None) == "صاحب"
    assert gender_forms.gender_of("Female") == "female"
    assert gender_forms.gender_of(None) is None and gender_forms.gender_of("x") is None


def test_an_empty_neutral_form_takes_its_space_with_it() -> None:
    segments = gender_forms.parse("{m:المكرم|f:المكرمة|n:إلى}/ {full_name} {m:المحترم|f:المحترمة|n:}")
    values = {"full_name": "سلمى  علي"}  # a value is never altered, even its double space
    assert gender_forms.render(segments, values, "female") == "المكرمة/ سلمى  علي المحترمة"
    assert gender_forms.render(segments, values, None) == "إلى/ سلمى  علي"
    mid = gender_forms.parse("قبل {m:كلمة|f:كلمة|n:} بعد {m:x|f:y|n:}، آخر")
    assert gender_forms.render(mid, {}, None) == "قبل بعد، آخر"


@pytest.mark.parametrize(("line", "column", "problem"), [
    ("نص {full_name", 4, "never closed"),
    ("نص } وبعد", 4, "without its '{'"),
    ("نص {} وبعد", 4, "empty placeholder"),
    ("{m:صاحب {full_name}|f:صاحبة}", 9, "do not nest"),
    ("{m:صاحب|f:صاحبة|x:حامل}", 1, "unknown gender key 'x:'"),
    ("{m:صاحب|صاحبة}", 1, "'صاحبة' in {m:صاحب|صاحبة} has no m:, f: or n:"),
    ("{m:صاحب|m:صاحبة}", 1, "'m:' is given twice"),
    ("ab {m:صاحب}", 4, "no female form"),
    ("{f:صاحبة|m:}", 1, "no male form"),
    ("{full name}", 1, "not a placeholder name"),
    ("{الاسم}", 1, "not a placeholder name"),
])
def test_malformed_braces_are_named_with_their_column(line: str, column: int,
                                                      problem: str) -> None:
    with pytest.raises(TemplateSyntaxError) as err:
        gender_forms.parse(line)
    assert err.value.column == column
    assert problem in err.value.problem


def test_a_bad_file_is_refused_with_its_line() -> None:
    raw = "title: إشعار\n---\nالسطر الثالث.\n\n{m:المكرم|f:المكرمة|z:إلى}/ {full_name}\n"
    with pytest.raises(WordingError) as err:
        parse_wording("decision_accepted", "ar", raw.encode(), source="decision_accepted.ar.txt")
    assert err.value.line == 5
    assert err.value.message.startswith("decision_accepted.ar.txt, line 5: malformed placeholder")
    assert "السطر 5" in err.value.message_ar
    with pytest.raises(WordingError) as err:
        parse_wording("receipt", "ar", "title: t\n---\n\nطلب {nickname}\n".encode())
    assert err.value.line == 4 and "unknown placeholders: nickname" in err.value.message


def test_the_placeholders_of_a_wording_are_its_values_not_its_choices() -> None:
    w = parse_wording("receipt", "ar", "title: t\n---\n{m:عزيزي|f:عزيزتي} {full_name}".encode())
    assert w.placeholders == {"full_name"}
    assert w.fill({"full_name": "هند"}, "female") == ["عزيزتي هند"]
    assert w.fill({"full_name": "خالد"}, "male") == ["عزيزي خالد"]


# -- the checker -------------------------------------------------------------------------

@pytest.fixture
def forms_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "forms"
    shutil.copytree(forms_path(), dest)
    return dest


def test_forms_check_reads_the_shipped_wording(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forms", "check", str(forms_path())]) == 0
    assert "and 8 wording file(s)" in capsys.readouterr().out


def test_forms_check_names_every_bad_line(forms_copy: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    docs = forms_copy / "documents"
    declaration = docs / "declaration.ar.txt"
    lines = declaration.read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2].replace("{m:صاحب رقم الهوية|", "{m:صاحب رقم الهوية|male:")
    lines[4] = lines[4].replace("{reference}", "{refrence}")
    declaration.write_text("\n".join(lines), encoding="utf-8")
    letter = docs / "decision_rejected.en.txt"
    letter.write_text(letter.read_text(encoding="utf-8").replace("{full_name}", "{full_name"),
                      encoding="utf-8")
    assert main(["forms", "check", str(forms_copy)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("documents/declaration.ar.txt: line 3: malformed placeholder at "
                             "column ")
    assert "unknown gender key 'male:'" in out[0]
    assert out[1].startswith("documents/declaration.ar.txt: line 5: the ar wording of "
                             "'declaration' uses unknown placeholders: refrence")
    assert out[2].startswith("documents/decision_rejected.en.txt: line 3: malformed placeholder "
                             "at column 6: a '{' that is never closed")
    assert out[-1] == f"3 problem(s) in {forms_copy}"
    # installing the folder is refused for the same reasons (forms preview / apply)
    assert [str(p) for p in wording_problems(docs)] == out[:3]


# -- every paper, for a man, a woman and a person of unrecorded gender --------------------

def _declaration(snap: dict, lang: str) -> bytes:
    return render_declaration(snap, language=lang, signature_png=None,
                              witness_name=sample.WITNESS, signed_at=None,
                              association=sample.sample_association(),
                              qr_payload=payload_for(snap["reference"], sha256_of(snap)))


def _letter(accepted: bool) -> Callable[[dict, str], bytes]:
    def render(snap: dict, lang: str) -> bytes:
        return render_decision_letter(
            snap, language=lang, accepted=accepted,
            reason="" if accepted else sample.REJECTION_REASON, decided_at=sample.DECIDED_AT,
            association=sample.sample_association())
    return render


PAPERS: dict[str, Callable[[dict, str], bytes]] = {
    "declaration": _declaration,
    "receipt": lambda snap, lang: render_receipt(snap, language=lang,
                                                 association=sample.sample_association(),
                                                 printed_at=sample.SIGNED_AT),
    "decision_accepted": _letter(True),
    "decision_rejected": _letter(False),
}

# What the Arabic papers must say to each person, and what they must not.
MUST: dict[str, dict[str | None, list[str]]] = {
    "declaration": {
        "male": ["صاحب رقم الهوية", "وأنني مسؤول مسؤولية مباشرة", "بيانات مقدم الطلب",
                 "توقيع مقدم الطلب"],
        "female": ["صاحبة رقم الهوية", "وأنني مسؤولة مسؤولية مباشرة", "بيانات مقدمة الطلب",
                   "توقيع مقدمة الطلب"],
        None: ["ورقم هويتي", "وأن علي مسؤولية مباشرة", "بيانات مقدم الطلب"],
    },
    "decision_accepted": {"male": ["المكرم"], "female": ["المكرمة", "المحترمة"],
                          None: ["إلى"]},
    "decision_rejected": {"male": ["المكرم"], "female": ["المكرمة", "المحترمة"],
                          None: ["إلى"]},
    "receipt": {"male": [], "female": [], None: []},
}
MUST_NOT: dict[str, dict[str | None, list[str]]] = {
    "declaration": {
        "male": ["صاحبة", "مسؤولة", "مقدمة الطلب", "ورقم هويتي", "علي مسؤولية"],
        "female": [r"صاحب(?!ة)", r"مسؤول(?!ة|ية)", r"مقدم(?!ة)", "ورقم هويتي", "علي مسؤولية"],
        None: ["صاحب", r"مسؤول(?!ية)", "مقدمة الطلب"],
    },
    "decision_accepted": {"male": ["المكرمة", "المحترمة", "إلى"],
                          "female": [r"المكرم(?!ة)", r"المحترم(?!ة)"],
                          None: ["المكرم", "المحترم"]},
    "decision_rejected": {"male": ["المكرمة", "المحترمة"],
                          "female": [r"المكرم(?!ة)", r"المحترم(?!ة)"],
                          None: ["المكرم", "المحترم"]},
    "receipt": {"male": ["صاحب", "مسؤول", "المكرم"], "female": ["صاحب", "مسؤول", "المكرم"],
                None: ["صاحب", "مسؤول", "المكرم"]},
}


def _plain(text: str) -> str:
    """Letters as typed: presentation forms folded (NFKC), harakat, direction marks and
    line breaks dropped, spaces single."""
    folded = unicodedata.normalize("NFKC", text)
    kept = "".join(ch for ch in folded if unicodedata.category(ch) not in ("Mn", "Cf"))
    return " ".join(kept.split())


def _pdf_text(pdf: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    return _plain(out)


def _words(text: str) -> str:
    """Letters only: pdftotext rebuilds the logical order of the words of an RTL line but
    puts the spaces and slashes of a mixed line its own way."""
    return "".join(ch for ch in text if ch.isalnum())


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no poppler")


@needs_poppler
@pytest.mark.parametrize("gender", GENDERS, ids=["man", "woman", "unrecorded"])
@pytest.mark.parametrize("paper", PAPERS)
def test_every_arabic_paper_speaks_in_the_persons_gender(
    paper: str, gender: str | None, tmp_path: Path
) -> None:
    snap = sample.sample_snapshot(gender)
    text = _pdf_text(PAPERS[paper](snap, "ar"), tmp_path, paper)
    words = _words(text)
    assert _words(snap["beneficiary"]["full_name"]) in words
    for phrase in MUST[paper][gender]:
        assert _words(phrase) in words, (phrase, text)
    for pattern in MUST_NOT[paper][gender]:
        assert not re.search(pattern, text), (pattern, text)
    assert "مسئول" not in text
    # the syntax never reaches the paper
    assert not re.search(r"[{}|]|\b[mfn]:", text), text


@needs_poppler
@pytest.mark.parametrize("gender", GENDERS, ids=["man", "woman", "unrecorded"])
@pytest.mark.parametrize("paper", PAPERS)
def test_every_english_paper_is_whole_for_everyone(
    paper: str, gender: str | None, tmp_path: Path
) -> None:
    snap = sample.sample_snapshot(gender)
    text = _pdf_text(PAPERS[paper](snap, "en"), tmp_path, paper)
    assert snap["reference"] in text
    assert not re.search(r"[{}|]|\b[mfn]:", text), text


def test_unknown_gender_is_neutral_in_the_declaration_and_letters() -> None:
    """A person whose gender is not recorded is neither called a man nor a woman where the
    shipped wording can avoid it (the n: forms)."""
    values = {name: "…" for doc in ("declaration", "decision_accepted", "decision_rejected")
              for name in load_wording(doc, "ar").placeholders}
    for doc in ("declaration", "decision_accepted", "decision_rejected"):
        text = " ".join(load_wording(doc, "ar").fill(values, None))
        for gendered in ("صاحب", "صاحبة", "مسؤول ", "مسؤولة", "المكرم", "المحترم"):
            assert gendered not in text, (doc, gendered)


def test_one_spelling_in_all_the_wording() -> None:
    folder = default_wording_dir()
    files = sorted(folder.glob("*.txt")) + [folder / "README.md"]
    assert len(files) == 9
    for path in files:
        assert "مسئول" not in path.read_text(encoding="utf-8"), path.name
    from makarem_desk.documents.labels import FEMININE_AR, LABELS

    fixed = [v for entry in LABELS.values() for v in entry.values()] + list(FEMININE_AR.values())
    assert not [t for t in fixed if "مسئول" in t]


def test_the_declaration_is_in_the_first_person() -> None:
    text = " ".join(load_wording("declaration", "ar").fill(
        dict.fromkeys(load_wording("declaration", "ar").placeholders, "…"), "female"))
    for first_person in ("أقر أنا", "مني", "اطلعت", "وأتحمل", "طلبي", "لدراسته"):
        assert first_person in text
    for third_person in ("طلبه", "وأنه", "مسؤوليته"):
        assert third_person not in text


@needs_poppler
def test_preview_wording_shows_every_form(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "p.pdf"
    assert main(["preview-wording", "declaration", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "page 1: a man" in said and "page 2: a woman" in said
    assert "page 3: gender not recorded" in said
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    pages = [_words(_plain(p)) for p in raw.split("\f") if p.strip()]
    assert len(pages) == 3
    assert _words("صاحب رقم الهوية") in pages[0] and _words("عبدالرحمن") in pages[0]
    assert _words("صاحبة رقم الهوية") in pages[1] and _words("نورة") in pages[1]
    assert _words("ورقم هويتي") in pages[2]
    assert main(["preview-wording", "decision_accepted", "--gender", "female",
                 "--out", str(out)]) == 0
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    assert len([p for p in raw.split("\f") if p.strip()]) == 1
    assert _words("المكرمة") in _words(_plain(raw))
    # an administrator's broken edit is refused with its line, before any paper
    folder = tmp_path / "wording"
    shutil.copytree(default_wording_dir(), folder)
    monkeypatch.setenv(WORDING_DIR_ENV, str(folder))
    (folder / "declaration.ar.txt").write_text("title: x\n---\n{m:صاحب}\n", encoding="utf-8")
    assert main(["preview-wording", "declaration", "--out", str(out)]) == 1
    assert "declaration.ar.txt, line 3: malformed placeholder" in capsys.readouterr().err
