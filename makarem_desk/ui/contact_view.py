"""A contact through one of the six other channels (POL-CH): phone, social media, letter,
assistance request, volunteering, website.  One screen over the short contact flow."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..interview.answers import StepInvalid
from ..interview.contact_flow import OTHER_CHANNELS, ContactSession, ContactStep
from .context import AppContext
from .dialogs import user_message
from .i18n import current_language, ltr
from .profile_view import channel_label
from .widgets import Table, hint, page_title


class ContactView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.session: ContactSession | None = None
        self.beneficiary_id: uuid.UUID | None = None
        self.channel = QComboBox()
        for c in OTHER_CHANNELS:
            self.channel.addItem(channel_label(c), c.value)
        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText(self.tr("Identity number, phone or name…"))
        self.find_box.returnPressed.connect(self.search)
        self.hits = Table([self.tr("Name"), self.tr("Identity number"), self.tr("Phone")])
        self.hits.setMaximumHeight(140)
        self.hits.itemSelectionChanged.connect(self._picked)
        self.caller = QLineEdit()
        self.caller.setPlaceholderText(self.tr("Name of who called or wrote, if not registered"))
        self.purpose = QLineEdit()
        self.answer = QPlainTextEdit()
        self.answer.setTabChangesFocus(True)
        self.answer.setFixedHeight(90)
        self.follow_up = QCheckBox(self.tr("A follow-up is needed"))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.done = QLabel()
        self.done.setObjectName("hint")
        save = QPushButton(self.tr("Save the contact"))
        save.setObjectName("primary")
        save.clicked.connect(self.save)
        # POL-G5 on every channel: once the contact is saved, the beneficiary may rate it.
        self.rated_session: ContactSession | None = None
        self.survey_button = QPushButton(self.tr("Satisfaction survey"))
        self.survey_button.setEnabled(False)
        self.survey_button.clicked.connect(self.open_survey)
        # POL-H3: a caller the answer did not satisfy is referred, with the contact saved.
        self.last_saved: tuple[uuid.UUID, uuid.UUID | None] | None = None
        self.refer_button = QPushButton(self.tr("Refer to the social-research officer…"))
        self.refer_button.setEnabled(False)
        self.refer_button.clicked.connect(self.refer)
        form = QFormLayout()
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Registered beneficiary"), self.find_box)
        form.addRow("", self.hits)
        form.addRow(self.tr("Or the caller's name"), self.caller)
        form.addRow(self.tr("Purpose"), self.purpose)
        form.addRow(self.tr("Answer given"), self.answer)
        form.addRow("", self.follow_up)
        lay = QVBoxLayout(self)
        lay.addWidget(page_title(self.tr("New contact")))
        lay.addWidget(hint(self.tr("Every contact is recorded, whatever the channel, so that "
                                   "the answer can be followed up.")))
        lay.addLayout(form)
        lay.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(self.refer_button)
        buttons.addWidget(self.survey_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        lay.addWidget(self.done)
        lay.addStretch(1)
        self.setFocusProxy(self.channel)

    def search(self) -> None:
        text = self.find_box.text().strip()
        hits = self.ctx.search.search(self.ctx.require_actor(), text, limit=10) if text else []
        self.hits.set_rows([([h.full_name, ltr(h.identity_number or ""), ltr(h.phone or "")],
                             h.beneficiary_id) for h in hits])
        if len(hits) == 1:
            self.hits.selectRow(0)

    def start_for(self, beneficiary_id: uuid.UUID) -> None:
        """A contact by a beneficiary chosen on their profile or in the search results:
        shown as the one registered, no second search (issue 12)."""
        try:
            person = self.ctx.interview.beneficiaries.get(self.ctx.require_actor(),
                                                          beneficiary_id)
        except UserError as exc:
            self.error.setText(user_message(exc))
            return
        self.find_box.setText(person.full_name)
        self.hits.set_rows([([person.full_name, ltr(person.identity_number or ""),
                              ltr(person.phone or "")], person.id)])
        self.hits.selectRow(0)
        self.beneficiary_id = person.id
        self.channel.setFocus()

    def has_unsaved_text(self) -> bool:
        """Something typed and not saved (signing out asks first)."""
        return bool(self.purpose.text().strip() or self.answer.toPlainText().strip()
                    or self.caller.text().strip())

    def save_work(self) -> None:
        """Ctrl+S (``screens.SavesWork``): save the contact as typed."""
        self.save()

    def _picked(self) -> None:
        bid = self.hits.row_data()
        self.beneficiary_id = uuid.UUID(str(bid)) if bid else None

    def save(self) -> uuid.UUID | None:
        self.error.clear()
        try:
            if self.session is None:
                self.session = ContactSession.start(self.ctx.interview, self.ctx.require_actor(),
                                                    beneficiary_id=self.beneficiary_id)
            s = self.session
            steps: dict[ContactStep, dict[str, Any]] = {
                ContactStep.WHO: ({"beneficiary_id": str(self.beneficiary_id)}
                                  if self.beneficiary_id else
                                  {"caller_name": self.caller.text()}),
                ContactStep.PURPOSE: {"channel": self.channel.currentData(),
                                      "purpose": self.purpose.text()},
                ContactStep.ANSWER: {"answer": self.answer.toPlainText(),
                                     "follow_up_needed": self.follow_up.isChecked()},
            }
            # Steps already completed by an earlier attempt are not repeated.
            while s.step is not ContactStep.DONE:
                s.complete(steps[s.step])
        except StepInvalid as exc:
            arabic = current_language() == "ar"
            self.error.setText("\n".join(e.message_ar if arabic else e.message
                                         for e in exc.errors))
            return None
        except UserError as exc:
            self.error.setText(user_message(exc))
            return None
        cid = uuid.UUID(s.state.contact_id or "")
        self.session = None
        self.rated_session = s
        self.survey_button.setEnabled(True)
        self.done.setText(QCoreApplication.translate("ContactView", "The contact was saved."))
        for w in (self.find_box, self.caller, self.purpose):
            w.clear()
        self.answer.clear()
        self.follow_up.setChecked(False)
        self.hits.set_rows([])
        self.last_saved = (cid, self.beneficiary_id)
        self.refer_button.setEnabled(True)
        self.beneficiary_id = None
        self.ctx.bus.contact_saved.emit(cid)
        self.ctx.bus.data_changed.emit()
        return cid

    def open_survey(self) -> Any:
        """The beneficiary rates the contact just saved, alone, on its channel."""
        from .survey_launch import for_contact, show_survey

        s = self.rated_session
        if s is None:
            return None
        self.rated_session = None  # one survey per contact
        self.survey_button.setEnabled(False)
        return show_survey(for_contact(s, self.ctx.forms.satisfaction.section("questions")),
                           self)
    def refer(self) -> uuid.UUID | None:
        """Refer the contact just saved (and its beneficiary, when registered)."""
        if self.last_saved is None:
            return None
        (cid, bid), actor = self.last_saved, self.ctx.require_actor()
        rid = self.ctx.dialogs.refer(self, lambda code, text: self.ctx.referrals.refer(
            actor, reason_code=code, reason=text, beneficiary_id=bid, contact_id=cid))
        if rid is None:
            return None
        self.refer_button.setEnabled(False)  # one referral per contact from here
        self.done.setText(self.tr("The contact was saved and referred to the social-research "
                                  "officer."))
        self.ctx.bus.referral_changed.emit(rid)
        self.ctx.bus.data_changed.emit()
        return rid
