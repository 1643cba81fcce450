"""What a candidate forms folder changes against the one in use, for an administrator to
read before installing it: programs, checklists and their items, document wording."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields
from pathlib import Path

from .model import FormDef, FormSet, Item

# What a person reads; any other difference of an item changes how the interview behaves.
WORDING_FIELDS = ("label_ar", "label_en", "help_ar", "help_en", "text_ar", "text_en",
                  "reason_ar", "reason_en")
PROGRAM_FIELDS = ("name_ar", "name_en", "category", "checklist", "active", "description_ar",
                  "description_en")


@dataclass(frozen=True)
class Change:
    """One difference.

    ``area``: program | form | item | wording.  ``kind``: added | removed | changed |
    reworded | renamed.  ``where``: the form holding an item ("interview",
    "checklist:academic", "program:TRN-ACCOUNTING", "satisfaction").  ``name``: the item id,
    program code, form or document ("declaration.ar").  ``before``/``after``: a label, an
    old id or a version hash.  ``fields``: which fields differ.
    """

    area: str
    kind: str
    where: str
    name: str
    before: str = ""
    after: str = ""
    fields: tuple[str, ...] = ()

    def describe(self) -> str:
        """English, one line (the command line; the screen words its own)."""
        subject = {"program": "program", "form": "form", "item": "item",
                   "wording": "document wording"}[self.area]
        at = f" in {self.where}" if self.area == "item" else ""
        if self.kind == "renamed":
            return f"{subject} {self.before} renamed to {self.after}{at}"
        text = f"{subject} {self.name}{at} {self.kind}"
        if self.fields:
            text += f" ({', '.join(self.fields)})"
        if self.area == "wording" and self.kind == "changed":
            text += f": version {self.before[:12]} -> {self.after[:12]}"
        elif self.kind == "reworded" and self.after:
            text += f": “{self.before}” -> “{self.after}”"
        return text


def summary(changes: list[Change]) -> dict[str, int]:
    """Counts such as ``{"item_renamed": 1, "wording_changed": 2}``."""
    return dict(sorted(Counter(f"{c.area}_{c.kind}" for c in changes).items()))


def _forms(fs: FormSet | None) -> dict[str, FormDef]:
    if fs is None:
        return {}
    out = {"interview": fs.interview, "satisfaction": fs.satisfaction}
    out.update({f"checklist:{k}": v for k, v in fs.checklists.items()})
    return out


def _items(form: FormDef) -> dict[str, tuple[str, Item]]:
    return {i.id: (section, i) for section, items in form.sections.items() for i in items}


def _label(item: Item) -> str:
    return item.label_ar or item.label_en


def _item_diff(where: str, old: dict[str, tuple[str, Item]],
               new: dict[str, tuple[str, Item]]) -> list[Change]:
    out: list[Change] = []
    removed = [k for k in old if k not in new]
    added = [k for k in new if k not in old]
    # The same wording under another id is a rename — which the flow treats as a new item
    # (answers are keyed by id), so the administrator must see it as one.
    for old_id in list(removed):
        same = [a for a in added if (new[a][1].label_ar, new[a][1].label_en)
                == (old[old_id][1].label_ar, old[old_id][1].label_en)]
        if len(same) == 1:
            out.append(Change("item", "renamed", where, same[0], old_id, same[0]))
            removed.remove(old_id)
            added.remove(same[0])
    out += [Change("item", "removed", where, k, before=_label(old[k][1])) for k in removed]
    out += [Change("item", "added", where, k, after=_label(new[k][1])) for k in added]
    for key in (k for k in new if k in old):
        (s_old, a), (s_new, b) = old[key], new[key]
        diff = tuple(f.name for f in fields(Item) if getattr(a, f.name) != getattr(b, f.name))
        if s_old != s_new:
            diff += ("section",)
        if not diff:
            continue
        if all(d in WORDING_FIELDS for d in diff):
            first = diff[0]
            out.append(Change("item", "reworded", where, key, str(getattr(a, first)),
                              str(getattr(b, first)), diff))
        else:
            out.append(Change("item", "changed", where, key, fields=diff))
    return out


def compare_forms(old: FormSet | None, new: FormSet) -> list[Change]:
    """Every difference between two checked form sets (``old`` None: nothing in use)."""
    out: list[Change] = []
    old_programs = old.programs if old is not None else {}
    for code, p in new.programs.items():
        before = old_programs.get(code)
        if before is None:
            out.append(Change("program", "added", "programs", code, after=p.name_ar))
            continue
        if before.version_hash == p.version_hash:
            continue
        diff = tuple(f for f in PROGRAM_FIELDS if getattr(before, f) != getattr(p, f))
        if before.items != p.items:
            diff += ("items",)
        out.append(Change("program", "changed", "programs", code, fields=diff))
        out += _item_diff(f"program:{code}", {i.id: ("", i) for i in before.items},
                          {i.id: ("", i) for i in p.items})
    out += [Change("program", "removed", "programs", code, before=p.name_ar)
            for code, p in old_programs.items() if code not in new.programs]
    old_forms, new_forms = _forms(old), _forms(new)
    for key, form in new_forms.items():
        prev = old_forms.get(key)
        if prev is None:
            out.append(Change("form", "added", key, key, after=form.title_ar))
            continue
        if prev.version_hash == form.version_hash:
            continue
        titles = tuple(f for f in ("title_ar", "title_en") if getattr(prev, f) != getattr(form, f))
        if titles:
            out.append(Change("form", "reworded", key, key, prev.title_ar, form.title_ar, titles))
        out += _item_diff(key, _items(prev), _items(form))
    out += [Change("form", "removed", key, key, before=f.title_ar)
            for key, f in old_forms.items() if key not in new_forms]
    return out


def wording_versions(folder: Path | None) -> dict[str, str]:
    """{"declaration.ar": sha256, …} of the documents in ``folder`` that read correctly."""
    from ..documents.wording import DOCUMENTS, LANGUAGES, load_wording
    from ..errors import UserError

    found: dict[str, str] = {}
    if folder is None:
        return found
    for doc in DOCUMENTS:
        for lang in LANGUAGES:
            try:
                found[f"{doc}.{lang}"] = load_wording(doc, lang, folder).version_hash
            except UserError:
                continue
    return found


def compare_wording(old: dict[str, str], new: dict[str, str]) -> list[Change]:
    out = []
    for name, digest in new.items():
        if name not in old:
            out.append(Change("wording", "added", "documents", name, after=digest))
        elif old[name] != digest:
            out.append(Change("wording", "changed", "documents", name, old[name], digest))
    out += [Change("wording", "removed", "documents", name, before=digest)
            for name, digest in old.items() if name not in new]
    return out
