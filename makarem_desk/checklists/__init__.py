"""Interview checklists and program definitions: data in forms/, checked at load."""

from .conditions import evaluate
from .loader import check_folder, default_forms_dir, definition_files_count, load_forms
from .model import DefinitionError, FormDef, FormSet, Item, Option, Problem, ProgramDef

__all__ = [
    "DefinitionError",
    "FormDef",
    "FormSet",
    "Item",
    "Option",
    "Problem",
    "ProgramDef",
    "check_folder",
    "default_forms_dir",
    "definition_files_count",
    "evaluate",
    "load_forms",
]
