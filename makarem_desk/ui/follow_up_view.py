"""The Follow-up screen (issue 10): what the association promised and has still to do.

- Committee clock (POL-H5): applications with the research committee, days waiting, the
  earliest answer date in both calendars; past the committee target set in Settings:
  overdue (a wait of exactly the target is on time).
- To tell: decisions that came back whose beneficiary was not told yet; told by phone, SMS
  or letter in one step (the contact is recorded), or the decision letter printed.
- Missing items (POL-H6): registrations waiting for items; a reminder recorded as a contact;
  the items that arrived ticked off, and the registration completed without running the
  interview again.

Each list loads on the thread pool (F5, or each time the screen is shown); double-click a
row for the beneficiary's profile.
"""

from __future__ import annotations

import uuid
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ..errors import UserError
from ..services.follow_up import DecidedItem, IncompleteItem
from ..validation.dates import format_gregorian, format_hijri
from ..values import ApplicationStatus, Channel
from .bus import track
from .context import AppContext
from .dialogs import user_message
from .follow_up_lists import Clock, ListPage, day_text, item_label, items_text, loaders, may
from .i18n import current_language, ltr
from .preview import PdfPreview
from .profile_view import channel_label, status_label
from .widgets import hint, page_title

CLOCK, TELL, MISSING = range(3)


class FollowUpView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.clock_data: Clock | None = None
        self.untold: list[DecidedItem] = []
        self.incomplete: list[IncompleteItem] = []
        self._seq = {CLOCK: 0, TELL: 0, MISSING: 0}  # the newest load asked for, per list
        lay = QVBoxLayout(self)
        lay.addWidget(page_title(self.tr("Follow-up")))
        lay.addWidget(hint(self.tr("What was promised to beneficiaries and is still to be "
                                   "done. Double-click a row to open the beneficiary's "
                                   "profile; F5 refreshes.")))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._clock_page(), "")
        self.tabs.addTab(self._tell_page(), "")
        self.tabs.addTab(self._missing_page(), "")
        for index in (CLOCK, TELL, MISSING):
            self._tab_title(index, 0)
        lay.addWidget(self.tabs, 1)
        for page in (self.clock, self.tell, self.missing):
            page.table.doubleClicked.connect(lambda _i, p=page: self.open_profile(p))
        track(self, ctx.bus.decisions_imported, lambda _n: self.refresh())
        self.setFocusProxy(self.tabs)

    # -- the pages ------------------------------------------------------------------------
    def _clock_page(self) -> QWidget:
        self.clock = ListPage(
            [self.tr("Reference"), self.tr("Beneficiary"), self.tr("Submitted"),
             self.tr("Days waiting"), self.tr("Answer due (Hijri)"),
             self.tr("Answer due (Gregorian)"), self.tr("Status")], "")
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.overdue_only.toggled.connect(lambda _on: self._show_clock())
        self.clock_count = QLabel()
        self.clock_count.setObjectName("clockCount")
        self.clock.top.addWidget(self.overdue_only)
        self.clock.top.addStretch(1)
        self.clock.top.addWidget(self.clock_count)
        return self.clock

    def _tell_page(self) -> QWidget:
        self.tell = ListPage(
            [self.tr("Reference"), self.tr("Beneficiary"), self.tr("Decision"),
             self.tr("Decided on"), self.tr("Phone"), self.tr("Letter printed")],
            self.tr("Every decision that came back has been told to its beneficiary."))
        if may(self.ctx, "FollowUpService.mark_told"):
            self.tell.add_button(self.tr("Told by phone"), lambda: self.mark_told("phone"),
                                 primary=True)
            self.tell.add_button(self.tr("Told by SMS"), lambda: self.mark_told("sms"))
            self.tell.add_button(self.tr("Letter sent/handed"),
                                 lambda: self.mark_told("letter"))
        if may(self.ctx, "DocumentService.decision_letter"):
            self.tell.add_button(self.tr("Print letter"), self.print_letter)
        self.tell.finish_buttons()
        self.preview = PdfPreview(self.ctx)
        self.preview.hide()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tell)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        return split

    def _missing_page(self) -> QWidget:
        self.missing = ListPage(
            [self.tr("Reference"), self.tr("Beneficiary"), self.tr("Missing items"),
             self.tr("Days pending"), self.tr("Last follow-up"), self.tr("Phone")],
            self.tr("No registration is waiting for missing items."))
        if may(self.ctx, "FollowUpService.record_items_follow_up"):
            self.missing.add_button(self.tr("Record follow-up contact…"),
                                    self.record_follow_up)
        if may(self.ctx, "ApplicationService.provide_items"):
            self.missing.add_button(self.tr("Items arrived…"), self.items_arrived,
                                    primary=True)
        self.missing.finish_buttons()
        return self.missing

    def _tab_title(self, index: int, n: int) -> None:
        text = {CLOCK: self.tr("Committee clock (%1)"), TELL: self.tr("To tell (%1)"),
                MISSING: self.tr("Missing items (%1)")}[index]
        self.tabs.setTabText(index, text.replace("%1", str(n)))

    # -- loading --------------------------------------------------------------------------
    def refresh(self, which: tuple[int, ...] = (CLOCK, TELL, MISSING)) -> None:
        """Reload the lists ``which`` (all of them: F5, or the screen shown)."""
        if self.ctx.actor is None:
            return  # signed out
        clock, untold, incomplete = loaders(self.ctx)
        for index, work, show, page in ((CLOCK, clock, self.show_clock, self.clock),
                                        (TELL, untold, self.show_untold, self.tell),
                                        (MISSING, incomplete, self.show_incomplete,
                                         self.missing)):
            if index not in which:
                continue
            self._seq[index] += 1
            # No modal progress: the other lists stay usable while a long one loads.
            seq = (index, self._seq[index])
            self.ctx.tasks.run(work, partial(self._if_current, seq, show),
                               partial(self._failed, seq, page))

    def _if_current(self, seq: tuple[int, int], show: Any, result: Any) -> None:
        if self._seq[seq[0]] == seq[1]:  # else a newer load of that list is on its way
            show(result)

    def _failed(self, seq: tuple[int, int], page: ListPage, exc: BaseException) -> None:
        if self._seq[seq[0]] == seq[1]:
            page.say(user_message(exc), error=True)

    def show_clock(self, clock: Clock) -> None:
        self.clock_data = clock
        self._tab_title(CLOCK, len(clock.waiting))
        self._show_clock()

    def show_untold(self, untold: list[DecidedItem]) -> None:
        self.untold = untold
        self._tab_title(TELL, len(untold))
        yes, no = self.tr("Yes"), self.tr("No")
        self.tell.show_items(untold, lambda d: [
            ltr(d.reference), d.beneficiary_name,
            status_label(ApplicationStatus.ACCEPTED if d.accepted else ApplicationStatus.REJECTED),
            day_text(d.decided_at), ltr(d.phone or "—"), yes if d.letter_printed else no])

    def show_incomplete(self, incomplete: list[IncompleteItem]) -> None:
        self.incomplete = incomplete
        self._tab_title(MISSING, len(incomplete))
        self.missing.show_items(incomplete, lambda i: [
            ltr(i.reference), i.beneficiary_name, items_text(i.missing), str(i.days_pending),
            day_text(i.last_follow_up), ltr(i.phone or "—")])

    def _show_clock(self) -> None:
        lists = self.clock_data
        if lists is None:
            return
        target = lists.targets.committee_days
        rows = [w for w in lists.waiting
                if not self.overdue_only.isChecked() or w.application_id in lists.overdue]
        lang = current_language()
        late, on_time = self.tr("Overdue"), self.tr("On time")
        self.clock.show_items(rows, lambda w: [
            ltr(w.reference), w.beneficiary_name, day_text(w.submitted_at), str(w.days_waiting),
            format_hijri(w.response_due, lang) if w.response_due else "—",
            format_gregorian(w.response_due, lang) if w.response_due else "—",
            late if w.application_id in lists.overdue else on_time],
            alert=lambda w: w.application_id in lists.overdue)
        self.clock.empty.setText(
            self.tr("No application is past the committee target.")
            if self.overdue_only.isChecked()
            else self.tr("No application is waiting for the research committee."))
        self.clock_count.setText(
            self.tr("Waiting: %1 · overdue: %2 · committee target: %3 days")
            .replace("%1", str(len(lists.waiting))).replace("%2", str(len(lists.overdue)))
            .replace("%3", str(target)))

    # -- acting on a row ------------------------------------------------------------------
    def _chosen(self, page: ListPage) -> Any:
        item = page.selected()
        if item is None:
            page.say(self.tr("Choose a row first."), error=True)
        return item

    def _changed(self, application_id: uuid.UUID, contact_id: uuid.UUID | None,
                 *lists: int) -> None:
        """Tell the other screens, and reload only the lists the act can change (each is a
        long query on a big database)."""
        if contact_id is not None:
            self.ctx.bus.contact_saved.emit(contact_id)
        self.ctx.bus.application_changed.emit(application_id)
        self.ctx.bus.data_changed.emit()
        self.refresh(lists)

    def open_profile(self, page: ListPage) -> None:
        item = page.selected()
        if item is None:
            return
        try:
            app = self.ctx.interview.applications.get(self.ctx.require_actor(),
                                                      item.application_id)
        except UserError as exc:
            page.say(user_message(exc), error=True)
            return
        self.ctx.bus.open_beneficiary.emit(app.beneficiary_id)

    def mark_told(self, how: str) -> None:
        d = self._chosen(self.tell)
        if d is None:
            return
        try:
            contact_id = self.ctx.follow_up.mark_told(self.ctx.require_actor(),
                                                      d.application_id, how)
        except UserError as exc:
            self.tell.say(user_message(exc), error=True)
            return
        done = {"phone": self.tr("%1: the beneficiary was told by phone."),
                "sms": self.tr("%1: the beneficiary was told by SMS."),
                "letter": self.tr("%1: the decision letter was sent or handed over.")}[how]
        self.tell.say(done.replace("%1", ltr(d.reference)))
        self._changed(d.application_id, contact_id, TELL)

    def print_letter(self) -> None:
        d = self._chosen(self.tell)
        if d is None:
            return
        lang, actor, reference = current_language(), self.ctx.require_actor(), d.reference

        def shown(pdf: bytes) -> None:
            self.preview.show_pdf(pdf, f"decision-{reference}")
            self.preview.show()
            self.tell.say(self.tr("%1: the decision letter is shown below; print it, then "
                                  "press “Letter sent/handed” once it is on its way.")
                          .replace("%1", ltr(reference)))
            self.refresh((TELL,))  # "letter printed" now says yes

        self.ctx.tasks.run(
            lambda _p: self.ctx.documents.decision_letter(actor, reference, language=lang),
            shown, lambda e: self.ctx.dialogs.show_error(self, e),
            label=self.tr("Preparing the document…"), parent=self)

    def print_current(self) -> None:
        """Ctrl+P: the decision letter on screen."""
        if self.tabs.currentIndex() == TELL and self.preview.pdf is not None:
            self.preview.choose_printer_and_print()

    def follow_up_question(self, i: IncompleteItem) -> dict[str, Any]:
        """The question of ``Dialogs.choose``: the seven channels (POL-CH) and a note."""
        return {"title": self.tr("Follow-up contact"),
                "label": self.tr("How was the beneficiary reminded of the missing items "
                                 "(%1)?").replace("%1", ltr(i.reference)),
                "options": [(c.value, channel_label(c)) for c in Channel],
                "current": Channel.PHONE.value,
                "note_label": self.tr("Note (what was agreed)")}

    def items_question(self, i: IncompleteItem) -> dict[str, Any]:
        """The question of ``Dialogs.choose_many``: the items still missing."""
        return {"title": self.tr("Items arrived"),
                "label": self.tr("Tick the items the beneficiary brought (%1).")
                .replace("%1", ltr(i.reference)),
                "options": [(str(m["id"]), item_label(m)) for m in i.missing]}

    def record_follow_up(self) -> None:
        i = self._chosen(self.missing)
        if i is None:
            return
        answer = self.ctx.dialogs.choose(self, **self.follow_up_question(i))
        if answer is None:
            return
        channel, note = answer
        try:
            contact_id = self.ctx.follow_up.record_items_follow_up(
                self.ctx.require_actor(), i.application_id, Channel(channel), note)
        except UserError as exc:
            self.missing.say(user_message(exc), error=True)
            return
        self.missing.say(self.tr("%1: the follow-up contact was recorded.")
                         .replace("%1", ltr(i.reference)))
        self._changed(i.application_id, contact_id, MISSING)

    def items_arrived(self) -> None:
        """Tick off what the beneficiary brought; once nothing is missing the registration
        is completed and goes to the committee.  The interview is not run again."""
        i = self._chosen(self.missing)
        if i is None:
            return
        picked: list[str] = []
        if i.missing:
            answer = self.ctx.dialogs.choose_many(self, **self.items_question(i))
            if not answer:
                return
            picked = answer
        apps, actor = self.ctx.interview.applications, self.ctx.require_actor()
        try:
            still = (apps.provide_items(actor, i.application_id, picked).missing_items
                     if picked else [])
            if still:
                text = self.tr("%1: recorded; still missing: %2").replace(
                    "%2", items_text(still))
            else:
                apps.submit(actor, i.application_id)
                text = self.tr("%1: the registration is complete and went to the research "
                               "committee.")
        except UserError as exc:
            # What was ticked off stays saved; the message says what still stops it.
            self.missing.say(user_message(exc), error=True)
            self._changed(i.application_id, None, MISSING)
            return
        self.missing.say(text.replace("%1", ltr(i.reference)))
        self._changed(i.application_id, None, MISSING, CLOCK)
