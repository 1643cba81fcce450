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
with spaces (the layout wraps the text itself).
"""

from __future__ import annotations

import hashlib
import os
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..resources import forms_path

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

    @property
    def placeholders(self) -> set[str]:
        names: set[str] = set()
        for chunk in (self.title, self.text):
            for _, name, _, _ in string.Formatter().parse(chunk):
                if name:
                    names.add(name)
        return names

    def fill(self, values: dict[str, Any]) -> list[str]:
        """The paragraphs with their placeholders replaced; a name not supplied is an error."""
        missing = sorted(self.placeholders - values.keys())
        if missing:
            raise UserError(
                f"The {self.language} wording of '{self.document}' uses unknown "
                f"placeholders: {', '.join(missing)}",
                message_ar=f"نص المستند «{self.document}» يستخدم حقولًا غير معروفة: "
                f"{'، '.join(missing)}",
            )
        return [p.format_map(values) for p in self.paragraphs]


def template_path(document: str, language: str, folder: Path | None = None) -> Path:
    if document not in DOCUMENTS:
        raise UserError(f"Unknown document '{document}' (known: {', '.join(DOCUMENTS)})")
    if language not in LANGUAGES:
        raise UserError(f"Unknown language '{language}' (known: {', '.join(LANGUAGES)})")
    return (folder or default_wording_dir()) / f"{document}.{language}.txt"


def parse_wording(document: str, language: str, raw: bytes) -> Wording:
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"The wording of '{document}' ({language}) is not UTF-8 text",
            message_ar=f"نص المستند «{document}» ليس نصًا بترميز UTF-8",
        ) from exc
    content = content.replace("\r\n", "\n").lstrip("\ufeff")
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
        raise UserError(
            f"The wording of '{document}' ({language}) is empty",
            message_ar=f"نص المستند «{document}» فارغ",
        )
    _check_format(document, language, title, paragraphs)
    wording = Wording(
        document=document,
        language=language,
        title=title,
        text="\n\n".join(paragraphs),
        version_hash=hashlib.sha256(raw).hexdigest(),
    )
    # An unknown name is refused when the file is read — before a declaration records
    # this version — not when the paper is about to be printed.
    unknown = sorted(wording.placeholders - PLACEHOLDERS.get(document, wording.placeholders))
    if unknown:
        raise UserError(
            f"The {language} wording of '{document}' uses unknown placeholders: "
            f"{', '.join(unknown)} (see forms/documents/README.md)",
            message_ar=f"نص المستند «{document}» يستخدم حقولًا غير معروفة: {'، '.join(unknown)}",
        )
    return wording


def load_wording(document: str, language: str, folder: Path | None = None) -> Wording:
    path = template_path(document, language, folder)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise UserError(
            f"The wording file {path} is missing",
            message_ar=f"ملف نص المستند غير موجود: {path}",
        ) from exc
    return parse_wording(document, language, raw)


def _check_format(document: str, language: str, title: str, paragraphs: list[str]) -> None:
    # An administrator's stray brace must be caught when the file is read, not at print time.
    for chunk in [title, *paragraphs]:
        try:
            list(string.Formatter().parse(chunk))
        except ValueError as exc:
            raise UserError(
                f"The wording of '{document}' ({language}) has a malformed placeholder: {exc}",
                message_ar=f"نص المستند «{document}» فيه حقل غير سليم الصياغة",
            ) from exc
