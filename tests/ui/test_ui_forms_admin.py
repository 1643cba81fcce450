"""The forms folder screen: pick, preview (problems in red, installing disabled), install
with confirmation, history."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ADMIN_PW

from makarem_desk.checklists import default_forms_dir
from makarem_desk.resources import forms_path
from makarem_desk.services.auth import AuthService
from makarem_desk.ui.forms_admin_view import FormsAdminView


@pytest.fixture
def view(qtbot, ctx, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MAKAREM_DATA_DIR", str(tmp_path / "data"))
    ctx.actor = AuthService(ctx.db).login("admin", ADMIN_PW)
    v = FormsAdminView(ctx)
    qtbot.addWidget(v)
    v.refresh()
    return v


def candidate(tmp_path: Path, renamed: bool = True) -> Path:
    folder = tmp_path / ("candidate" if renamed else "broken")
    shutil.copytree(forms_path(), folder)
    academic = folder / "checklists" / "academic.yaml"
    body = academic.read_text(encoding="utf-8")
    if renamed:
        body = body.replace("id: experience_years", "id: years_of_experience")
    else:
        body = body.replace("kind: yes_no", "kind: maybe", 1)
    academic.write_text(body, encoding="utf-8")
    return folder


def cells(table, col: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(r, col).text() for r in range(table.rowCount())]


def test_a_preview_lists_the_changes_and_allows_installing(view, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert "المرفقة" in view.in_use.text()  # the shipped forms are in use
    assert view.history.rowCount() == 0
    view.ctx.dialogs.folder_path = str(candidate(tmp_path))
    view.choose_folder()
    assert view.preview is not None and view.preview.can_apply
    assert cells(view.changes, 0) == ["إعادة تسمية بند"]  # "Item renamed"
    assert "experience_years" in cells(view.changes, 3)[0]
    assert not view.problems.isVisibleTo(view)
    assert view.verdict.objectName() == "statusGood"
    assert view.apply_button.isEnabled()


def test_problems_are_shown_in_red_and_block_installing(view, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view.load_preview(str(candidate(tmp_path, renamed=False)))
    assert view.problems.isVisibleTo(view)
    assert "academic.yaml" in view.problems.toPlainText()
    assert view.verdict.objectName() == "statusBad"
    assert not view.apply_button.isEnabled()
    view.apply()  # even if called, nothing is installed
    assert view.service.history(view.ctx.actor) == []


def test_install_asks_first_then_installs_and_lists_the_version(view, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view.load_preview(str(candidate(tmp_path)))
    forms_before = view.ctx.forms
    view.ctx.dialogs.confirm_answer = False
    view.apply()
    assert view.service.history(view.ctx.actor) == []
    view.ctx.dialogs.confirm_answer = True
    view.apply()
    [v] = view.service.history(view.ctx.actor)
    assert default_forms_dir() == view.service.store.root / v.folder
    assert view.history.rowCount() == 1 and "(" in cells(view.history, 0)[0]
    assert "1" in view.in_use.text() and v.hash[:12] in view.in_use.text()
    assert view.ctx.forms is not forms_before  # new interviews read the new folder
    assert "years_of_experience" in {
        i.id for i in view.ctx.forms.eligibility_items("TRN-ACCOUNTING")}
    kinds = [k for k, _ in view.ctx.dialogs.shown]
    assert kinds.count("confirm") == 2 and "info" in kinds
    # The same folder again is the version in use: nothing more to install.
    assert view.preview is not None and view.preview.same_as_in_use
    assert not view.apply_button.isEnabled()
