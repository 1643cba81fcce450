"""What a loaded definition holds: items, sections, programs, and the problems found.

Definitions are data the association edits (Governance); these classes are the checked,
immutable form the flow works with.  Nothing here reads files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import UserError

ITEM_KINDS = ("yes_no", "choice", "text", "number", "date", "document", "statement", "signature")
FAIL_EFFECTS = ("not_eligible", "referral", "missing")
# Facts the flow knows about the interview, usable in conditions besides item answers.
FACTS = ("has_identity_number", "identity_type", "gender", "program_code", "category")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a definition file: ``file, item id, problem``."""

    file: str
    item: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.item or '-'}: {self.message}"


class DefinitionError(UserError):
    """The definitions cannot be used; nothing of them is loaded."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(
            f"The form definitions have {len(self.problems)} problem(s):\n{lines}",
            message_ar=f"ملفات النماذج فيها {len(self.problems)} خطأ، ولا يمكن بدء المقابلة:\n{lines}",
        )


@dataclass(frozen=True)
class Option:
    value: str
    label_ar: str
    label_en: str
    fails: bool = False


@dataclass(frozen=True)
class Item:
    id: str
    kind: str
    label_ar: str
    label_en: str
    required: bool = True
    shown_when: dict[str, Any] | None = None
    validation: dict[str, Any] = field(default_factory=dict)
    help_ar: str = ""
    help_en: str = ""
    policy: str = ""
    on_fail: str | None = None
    expected: bool = True  # yes_no: the answer that passes
    options: tuple[Option, ...] = ()
    text_ar: str = ""  # statement: what the receptionist says
    text_en: str = ""
    reason_ar: str = ""  # why failing matters, shown with the outcome
    reason_en: str = ""

    def label(self, language: str) -> str:
        return self.label_ar if language == "ar" else self.label_en

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)


@dataclass(frozen=True)
class FormDef:
    """One definition file: the common interview, a category checklist, or satisfaction."""

    form: str
    id: str
    file: str
    title_ar: str
    title_en: str
    sections: dict[str, tuple[Item, ...]]
    version_hash: str
    category: str | None = None

    def section(self, name: str) -> tuple[Item, ...]:
        return self.sections.get(name, ())


@dataclass(frozen=True)
class ProgramDef:
    code: str
    name_ar: str
    name_en: str
    category: str
    checklist: str
    active: bool
    description_ar: str
    description_en: str
    items: tuple[Item, ...]  # the program's own conditions (POL-E1 "specific conditions")
    version_hash: str

    def name(self, language: str) -> str:
        return self.name_ar if language == "ar" else self.name_en


@dataclass(frozen=True)
class FormSet:
    """Everything in a forms folder, checked as a whole."""

    folder: str
    interview: FormDef
    checklists: dict[str, FormDef]
    programs: dict[str, ProgramDef]
    satisfaction: FormDef

    def program(self, code: str) -> ProgramDef:
        try:
            return self.programs[code]
        except KeyError:
            raise UserError(
                f"Unknown program code {code!r}.", message_ar=f"البرنامج «{code}» غير معروف."
            ) from None

    def checklist_for(self, code: str) -> FormDef:
        return self.checklists[self.program(code).checklist]

    def eligibility_items(self, code: str) -> tuple[Item, ...]:
        return self.checklist_for(code).section("eligibility") + self.program(code).items

    def document_items(self, code: str) -> tuple[Item, ...]:
        return self.interview.section("documents") + self.checklist_for(code).section("documents")

    def version_hash_for(self, code: str) -> str:
        """The version every application of this program records (interview + checklist +
        program), so a later change of any of them is visible on old applications."""
        from ..snapshot import sha256_of

        return sha256_of(
            {
                "interview": self.interview.version_hash,
                "checklist": self.checklist_for(code).version_hash,
                "program": self.program(code).version_hash,
            }
        )
