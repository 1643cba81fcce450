"""Every modal question the interface asks goes through here, so tests can replace it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from ..errors import UserError
from .i18n import current_language

T = TypeVar("T")


class Dialogs:
    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def ask(self, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(parent, title, label, text=text)
        return value if ok else None

    def ask_secret(self, parent: QWidget | None, title: str, label: str) -> str | None:
        """A password or passphrase: typed unseen, never pre-filled."""
        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
        return value if ok else None

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def refer(self, parent: QWidget | None,
              submit: Callable[[str | None, str], T]) -> T | None:
        """POL-H3: the reason code and words of a referral; ``submit(code, text)`` makes it
        (a refusal is shown in the dialog, which stays open). None when cancelled."""
        from .referral_widgets import run_refer_dialog

        return run_refer_dialog(parent, submit)

    def pick_save_path(self, parent: QWidget | None, title: str, suggested: str,
                       filter_: str = "PDF (*.pdf)") -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter_)
        return path or None

    def pick_open_path(self, parent: QWidget | None, title: str,
                       filter_: str = "PNG (*.png)") -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", filter_)
        return path or None

    def pick_folder(self, parent: QWidget | None, title: str) -> str | None:
        path = QFileDialog.getExistingDirectory(parent, title)
        return path or None

    def run_dialog(self, dialog: QDialog) -> bool:
        """A form of the application's own (e.g. a follow-up); True when accepted."""
        return dialog.exec() == QDialog.DialogCode.Accepted
    def choose(self, parent: QWidget | None, title: str, label: str,
               options: Sequence[tuple[str, str]], *, current: str | None = None,
               note_label: str | None = None) -> tuple[str, str] | None:
        """One of ``options`` (key, label), with a typed note when ``note_label`` is
        given: (key, note), or None when cancelled."""
        from .choice_dialogs import choose

        return choose(parent, title, label, options, current=current, note_label=note_label)

    def choose_many(self, parent: QWidget | None, title: str, label: str,
                    options: Sequence[tuple[str, str]]) -> list[str] | None:
        """The keys of the options ticked (at least one), or None when cancelled."""
        from .choice_dialogs import choose_many

        return choose_many(parent, title, label, options)

    def show_error(self, parent: QWidget | None, error: BaseException | str,
                   details: str = "") -> None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Dialogs", "Cannot continue"))
        box.setText(user_message(error))
        if details:
            box.setDetailedText(details)
        box.exec()


def ask_secret_twice(dialogs: Dialogs, parent: QWidget | None, title: str, label: str,
                     again_label: str, differ: str) -> str | None:
    """A new password or passphrase typed twice; None when either question is cancelled.
    Raises ``UserError(differ)`` (already translated) when the two differ."""
    first = dialogs.ask_secret(parent, title, label)
    if not first:
        return None
    again = dialogs.ask_secret(parent, title, again_label)
    if again is None:
        return None
    if again != first:
        raise UserError(differ, message_ar=differ)
    return first


def user_message(error: BaseException | str) -> str:
    """The message a person should read: Arabic when the interface is Arabic."""
    if isinstance(error, str):
        return error
    if isinstance(error, UserError):
        return error.message_ar if current_language() == "ar" else error.message
    return QCoreApplication.translate(
        "Dialogs",
        "An unexpected error occurred. What you entered is kept; "
        "please try again, and tell the administrator if it happens again.",
    )


class RecordingDialogs(Dialogs):
    """For tests: answers from a script, and a record of what was shown."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.raised: list[BaseException | str] = []
        self.confirm_answer = True
        self.ask_answers: list[str | None] = []
        self.save_path: str | None = None
        self.open_path: str | None = None
        self.folder_path: str | None = None
        # Fills in a dialog of the application's own and answers accept (True) or cancel.
        self.dialog_script: Callable[[QDialog], bool] | None = None
        self.referral_answers: list[tuple[str | None, str] | None] = []
        self.choose_answers: list[tuple[str, str] | None] = []
        self.choose_many_answers: list[list[str] | None] = []
        self.options_offered: list[list[tuple[str, str]]] = []

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.shown.append(("confirm", text))
        return self.confirm_answer

    def ask(self, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        self.shown.append(("ask", label))
        return self.ask_answers.pop(0) if self.ask_answers else None

    def ask_secret(self, parent: QWidget | None, title: str, label: str) -> str | None:
        self.shown.append(("secret", label))
        return self.ask_answers.pop(0) if self.ask_answers else None

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("info", text))

    def refer(self, parent: QWidget | None,
              submit: Callable[[str | None, str], T]) -> T | None:
        answer = self.referral_answers.pop(0) if self.referral_answers else None
        self.shown.append(("refer", repr(answer)))
        if answer is None:
            return None
        try:
            return submit(*answer)
        except UserError as exc:  # the real dialog shows it and stays open
            self.show_error(parent, exc)
            return None

    def pick_save_path(self, parent: QWidget | None, title: str, suggested: str,
                       filter_: str = "PDF (*.pdf)") -> str | None:
        self.shown.append(("save", suggested))
        return self.save_path

    def pick_open_path(self, parent: QWidget | None, title: str,
                       filter_: str = "PNG (*.png)") -> str | None:
        self.shown.append(("open", title))
        return self.open_path

    def pick_folder(self, parent: QWidget | None, title: str) -> str | None:
        self.shown.append(("folder", title))
        return self.folder_path

    def run_dialog(self, dialog: QDialog) -> bool:
        self.shown.append(("dialog", dialog.windowTitle()))
        return self.dialog_script(dialog) if self.dialog_script is not None else False
    def choose(self, parent: QWidget | None, title: str, label: str,
               options: Sequence[tuple[str, str]], *, current: str | None = None,
               note_label: str | None = None) -> tuple[str, str] | None:
        self.shown.append(("choose", label))
        self.options_offered.append(list(options))
        return self.choose_answers.pop(0) if self.choose_answers else None

    def choose_many(self, parent: QWidget | None, title: str, label: str,
                    options: Sequence[tuple[str, str]]) -> list[str] | None:
        self.shown.append(("choose_many", label))
        self.options_offered.append(list(options))
        return self.choose_many_answers.pop(0) if self.choose_many_answers else None

    def show_error(self, parent: QWidget | None, error: BaseException | str,
                   details: str = "") -> None:
        self.shown.append(("error", user_message(error)))
        self.raised.append(error)

    @property
    def errors(self) -> list[str]:
        return [text for kind, text in self.shown if kind == "error"]
