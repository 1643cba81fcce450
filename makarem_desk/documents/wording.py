"""The wording of printed documents: templates in forms/documents/ an administrator edits.

Governance: the association amends its wording without a new release, and every printed
declaration records which version it used. The version is the SHA-256 of the template
file's bytes, so any edit — even of a comma — is a new version.

A template is UTF-8 text::

    title: إقرار صحة البيانات
    ---
    First paragraph with {placeholders}.

    Second paragraph.

Paragraphs are separated by a blank line; a paragraph's inner line breaks are joined
with spaces (the layout wraps the text itself). Braces hold a value (``{full_name}``) or
words that follow the beneficiary's gender (``{m:صاحب|f:صاحبة}``): see ``gender_forms``.
Every problem is reported with the file's name and line when the file is read.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ..checklists.model import Problem
from ..errors import UserError
from ..resources import forms_path
from . import gender_forms

DOCUMENTS = ("declaration", "receipt", "decision_accepted", "decision_rejected")

_COMMON = frozenset({
    "reference", "full_name", "identity_number", "program_name", "association_name",
    "earliest_answer_date_hijri", "earliest_answer_date_gregorian",
})
_DECISION = _COMMON | {"decided_at_hijri", "decided_at_gregorian"}
# What each document can fill in (forms/documents/README.md lists them for administrators).
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "declaration": _COMMON,
    "receipt": _COMMON,
    "decision_accepted": _DECISION,
    "decision_rejected": _DECISION | {"decision_reason"},
}
LANGUAGES = ("ar", "en")

# The folder can be moved (an installation keeps edited wording next to its data).
WORDING_DIR_ENV = "MAKAREM_WORDING_DIR"


def default_wording_dir() -> Path:
    """``$MAKAREM_WORDING_DIR``, else ``documents/`` of the forms folder in use (the one an
    administrator installed takes precedence over the shipped one)."""
    override = os.environ.get(WORDING_DIR_ENV)
    if override:
        return Path(override)
    from ..checklists.loader import default_forms_dir

    in_use = default_forms_dir() / "documents"
    return in_use if in_use.is_dir() else forms_path("documents")


@dataclass(frozen=True)
class Wording:
    document: str
    language: str
    title: str
    text: str  # the body, paragraphs separated by a blank line, placeholders unfilled
    version_hash: str  # SHA-256 (hex) of the template file's bytes

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]

    @cached_property
    def _parsed(self) -> dict[str, list[gender_forms.Segment]]:
        # parsed once per loaded file, not once per paper of a batch
        return {chunk: gender_forms.parse(chunk) for chunk in (self.title, *self.paragraphs)}

    @property
    def placeholders(self) -> set[str]:
        return {name for segments in self._parsed.values()
                for name in gender_forms.names(segments)}

    def fill(self, values: dict[str, Any], gender: str | None = None) -> list[str]:
        """The paragraphs with their values filled in and their words in the gender of the
        person (``"male"``, ``"female"``, else the neutral forms); a name not supplied is
        an error."""
        return [self._filled(p, values, gender) for p in self.paragraphs]

    def title_for(self, values: dict[str, Any], gender: str | None = None) -> str:
        return self._filled(self.title, values, gender) if self.title else ""

    def _filled(self, chunk: str, values: dict[str, Any], gender: str | None) -> str:
        segments = self._parsed[chunk]
        missing = sorted(set(gender_forms.names(segments)) - values.keys())
        if missing:
            raise UserError(
                f"The {self.language} wording of '{self.document}' uses unknown "
                f"placeholders: {', '.join(missing)}",
                message_ar=f"نص المستند «{self.document}» يستخدم حقولًا غير معروفة: "
                f"{'، '.join(missing)}",
            )
        strings = {k: str(v) for k, v in values.items()}
        return gender_forms.render(segments, strings, gender_forms.gender_of(gender))


class WordingError(UserError):
    """A problem of a wording file: ``"<file>, line <n>: <problem>"`` (no line: the file as
    a whole)."""

    def __init__(self, source: str, problem: str, *, message_ar: str, line: int | None = None):
        where = f"{source}, line {line}" if line else source
        super().__init__(f"{where}: {problem}", message_ar=message_ar)
        self.source = source
        self.problem = problem
        self.line = line


def template_path(document: str, language: str, folder: Path | None = None) -> Path:
    if document not in DOCUMENTS:
        raise UserError(f"Unknown document '{document}' (known: {', '.join(DOCUMENTS)})")
    if language not in LANGUAGES:
        raise UserError(f"Unknown language '{language}' (known: {', '.join(LANGUAGES)})")
    return (folder or default_wording_dir()) / f"{document}.{language}.txt"


def parse_wording(document: str, language: str, raw: bytes,
                  source: str | None = None) -> Wording:
    """``source`` names the file in messages (default ``<document>.<language>.txt``).

    The same bytes give the same (immutable) wording, parsed once per process: every paper
    of a counter reads its file again (an administrator may have changed it), but checking
    and parsing it again cost ~2 ms of a ~25 ms declaration."""
    return _parse_wording(document, language, raw, source)


@lru_cache(maxsize=32)
def _parse_wording(document: str, language: str, raw: bytes, source: str | None) -> Wording:
    source = source or f"{document}.{language}.txt"
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise WordingError(
            source, f"the wording of '{document}' ({language}) is not UTF-8 text",
            message_ar=f"نص المستند «{document}» ليس نصًا بترميز UTF-8",
        ) from exc
    content = content.replace("\r\n", "\n").lstrip("\ufeff")
    problems = _line_problems(document, language, source, content)
    if problems:
        raise problems[0]
    head, sep, body = content.partition("\n---\n")
    title = ""
    if sep:
        for line in head.splitlines():
            key, _, value = line.partition(":")
            if key.strip().lower() == "title":
                title = value.strip()
    else:
        body = content
    paragraphs = []
    for block in body.strip().split("\n\n"):
        joined = " ".join(line.strip() for line in block.splitlines() if line.strip())
        if joined:
            paragraphs.append(joined)
    if not paragraphs:
        raise WordingError(
            source, f"the wording of '{document}' ({language}) is empty",
            message_ar=f"نص المستند «{document}» فارغ",
        )
    return Wording(
        document=document,
        language=language,
        title=title,
        text="\n\n".join(paragraphs),
        version_hash=hashlib.sha256(raw).hexdigest(),
    )


def load_wording(document: str, language: str, folder: Path | None = None) -> Wording:
    path = template_path(document, language, folder)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise WordingError(
            str(path), "the wording file is missing",
            message_ar=f"ملف نص المستند غير موجود: {path}",
        ) from exc
    return parse_wording(document, language, raw, source=path.name)


def _line_problems(document: str, language: str, source: str,
                   content: str) -> list[WordingError]:
    # Each line on its own: a stray brace or an unknown name is reported with its line,
    # and refused when the file is read — before a declaration records this version —
    # not when the paper is about to be printed.
    known = PLACEHOLDERS.get(document)
    problems = []
    for number, line in enumerate(content.split("\n"), start=1):
        try:
            segments = gender_forms.parse(line)
        except gender_forms.TemplateSyntaxError as exc:
            problems.append(WordingError(
                source, f"malformed placeholder at {exc}",
                message_ar=f"نص المستند «{document}»، السطر {number}: فيه حقل غير سليم الصياغة",
                line=number,
            ))
            continue
        unknown = sorted(set(gender_forms.names(segments)) - known) if known else []
        if unknown:
            problems.append(WordingError(
                source, f"the {language} wording of '{document}' uses unknown placeholders: "
                f"{', '.join(unknown)} (known here: {', '.join(sorted(known or ()))}; see "
                "forms/documents/README.md)",
                message_ar=f"نص المستند «{document}»، السطر {number}: يستخدم حقولًا غير "
                f"معروفة: {'، '.join(unknown)}",
                line=number,
            ))
    return problems


def wording_problems(folder: Path) -> list[Problem]:
    """Every wording file of ``folder`` (a forms folder's ``documents/``) read and checked:
    every problem of every file, with its line (``forms check`` and ``forms apply``)."""
    problems: list[Problem] = []
    for doc in DOCUMENTS:
        for lang in LANGUAGES:
            name = f"documents/{doc}.{lang}.txt"
            try:
                load_wording(doc, lang, folder)
            except WordingError as exc:
                found = [exc]
                if exc.line is not None:  # the first of the lines; the others too
                    content = template_path(doc, lang, folder).read_text(encoding="utf-8")
                    found += _line_problems(doc, lang, name, content.replace("\r\n", "\n"))[1:]
                problems += [Problem(name, f"line {e.line}" if e.line else "", e.problem)
                             for e in found]
    return problems
