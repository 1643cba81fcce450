"""Administration › Keys and trusted installations: this installation's keys (create once,
export the public key file) and the installations whose batches it accepts.

The same ``KeyService`` serves ``makarem-desk keys …``.  Creating keys seals them with
scrypt (about a third of a second and 128 MiB), so it runs on the task runner.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..sync.key_service import KeysOverview
from ..sync.keys import PublicIdentity
from .context import AppContext
from .dialogs import ask_secret_twice, user_message
from .i18n import ltr
from .settings_view import installation_role_label
from .widgets import Table, hint, ltr_value, value_label


class KeysPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.overview: KeysOverview | None = None

        self.site_code = ltr_value()
        self.role = value_label()
        self.fingerprint = ltr_value()
        self.fingerprint.setObjectName("fingerprint")
        self.folder = ltr_value()
        self.folder.setObjectName("hint")
        self.folder.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Create this installation's keys…"))
        self.create_button.setObjectName("primary")
        self.create_button.clicked.connect(self.create_keys)
        self.export_button = QPushButton(self.tr("Export the public key file…"))
        self.export_button.clicked.connect(self.export_public)
        own_buttons = QVBoxLayout()
        own_buttons.addWidget(self.create_button)
        own_buttons.addWidget(self.export_button)
        own_buttons.addStretch(1)
        own_box = QGroupBox(self.tr("This installation"))
        own = QVBoxLayout(own_box)
        form = QFormLayout()
        form.addRow(self.tr("Site code"), self.site_code)
        form.addRow(self.tr("Installation role"), self.role)
        form.addRow(self.tr("Fingerprint"), self.fingerprint)
        form.addRow(self.tr("Keys folder"), self.folder)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addLayout(own_buttons)
        own.addLayout(top)
        own.addWidget(hint(self.tr(
            "The private keys are sealed with a passphrase that is asked when a batch is "
            "made or opened. Keep it safe: without it no batch can be exchanged.")))

        self.peers = Table([self.tr("Site code"), self.tr("Name"), self.tr("Role"),
                            self.tr("Fingerprint")])
        self.peers.setMinimumHeight(90)  # one row per peer: a handful at most
        self.peers.set_empty_text(self.tr("No installation trusted yet: add one with "
                                          "Trust a public key file…"))
        self.trust_role = QComboBox()
        for role in ("committee", "site"):
            self.trust_role.addItem(installation_role_label(role), role)
        self.trust_button = QPushButton(self.tr("Trust a public key file…"))
        self.trust_button.clicked.connect(self.trust_file)
        trust_row = QHBoxLayout()
        trust_row.addWidget(QLabel(self.tr("The other installation is")))
        trust_row.addWidget(self.trust_role)
        trust_row.addWidget(self.trust_button)
        trust_row.addStretch(1)
        peers_box = QGroupBox(self.tr("Trusted installations"))
        peers = QVBoxLayout(peers_box)
        peers.addWidget(hint(self.tr(
            "A counter trusts the research committee; the committee trusts each counter. "
            "Before trusting a key file, telephone the other installation and compare the "
            "fingerprint group by group.")))
        peers.addWidget(self.peers, 1)
        peers.addLayout(trust_row)

        self.status = QLabel()
        self.status.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(own_box)
        lay.addWidget(peers_box, 1)
        lay.addWidget(self.status)

    # -- display ------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            ov = self.ctx.keys.overview(self.ctx.require_actor())
        except UserError as exc:
            self._fail(exc)
            return
        self.overview = ov
        self.site_code.setText(ov.site_id or "—")
        self.role.setText(installation_role_label(ov.role))
        self.fingerprint.setText(ov.own.fingerprint if ov.own else self.tr("No keys yet"))
        self.folder.setText(str(ov.keys_dir))
        self.create_button.setVisible(ov.own is None)
        self.export_button.setEnabled(ov.own is not None)
        self.peers.set_rows([
            ([ltr(p.site_id), p.name, installation_role_label(p.role), ltr(p.fingerprint)], p)
            for p in ov.peers
        ])
        # A counter trusts the committee, the committee trusts counters.
        wanted = "site" if ov.role == "committee" else "committee"
        self.trust_role.setCurrentIndex(self.trust_role.findData(wanted))

    def _done(self, text: str) -> None:
        self.status.setObjectName("hint")
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _fail(self, exc: BaseException | str) -> None:
        self.status.setObjectName("fieldError")
        self.status.setStyleSheet("")
        self.status.setText(user_message(exc))

    # -- this installation's keys ---------------------------------------------------------
    def create_keys(self) -> None:
        title = self.tr("Create this installation's keys")
        try:
            first = ask_secret_twice(
                self.ctx.dialogs, self, title, self.tr(
                    "Choose a passphrase for the keys (at least 8 characters). It will be "
                    "asked every time a batch is made or opened:"),
                self.tr("Type the passphrase again:"),
                self.tr("The two passphrases differ; nothing was created."))
        except UserError as exc:
            self._fail(exc)
            return
        if first is None:
            return
        actor = self.ctx.require_actor()
        service = self.ctx.keys
        self.create_button.setEnabled(False)
        self._done(self.tr("Creating the keys…"))
        self.ctx.tasks.run(
            lambda _progress: service.create_keys(actor, passphrase=first),
            self._created, self._create_failed,
            label=self.tr("Creating the keys…"), parent=self, cancellable=False,
        )

    def _created(self, public: PublicIdentity) -> None:
        self.create_button.setEnabled(True)
        self.refresh()
        self._done(self.tr("The keys were created. Fingerprint: %1. Now export the public "
                           "key file and give it to the other installation.")
                   .replace("%1", ltr(public.fingerprint)))

    def _create_failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        self._fail(exc)

    def export_public(self) -> None:
        ov = self.overview
        suggested = f"{ov.site_id}.pub.json" if ov and ov.site_id else "public-keys.json"
        path = self.ctx.dialogs.pick_save_path(
            self, self.tr("Export the public key file"), suggested,
            self.tr("Public key files (*.json)"))
        if not path:
            return
        try:
            public = self.ctx.keys.export_public(self.ctx.require_actor(), Path(path))
        except UserError as exc:
            self._fail(exc)
            return
        self._done(self.tr("Saved %1 (fingerprint %2).").replace("%1", ltr(Path(path).name))
                   .replace("%2", ltr(public.fingerprint)))

    # -- other installations --------------------------------------------------------------
    def trust_file(self) -> None:
        path = self.ctx.dialogs.pick_open_path(
            self, self.tr("The other installation's public key file"),
            self.tr("Public key files (*.json)"))
        if not path:
            return
        role = str(self.trust_role.currentData())
        actor = self.ctx.require_actor()
        try:
            ident = self.ctx.keys.read_peer_file(actor, Path(path), role=role)
        except UserError as exc:
            self._fail(exc)
            return
        question = self.tr(
            "Trust %1 (%2) as %3?\n\nFingerprint:\n%4\n\nTelephone %1 and ask them to read "
            "the fingerprint shown on their Keys screen. Answer Yes only if every group "
            "matches."
        ).replace("%1", ltr(ident.site_id)).replace("%2", ident.name) \
            .replace("%3", installation_role_label(role)).replace("%4", ltr(ident.fingerprint))
        if not self.ctx.dialogs.confirm(self, self.tr("Trust a public key file"), question):
            self._done(self.tr("Nothing was changed."))
            return
        try:
            result = self.ctx.keys.trust(actor, Path(path), role=role)
        except UserError as exc:
            self._fail(exc)
            return
        self.refresh()
        if result.replaced is not None:
            self.ctx.dialogs.info(self, self.tr("Keys replaced"), self.tr(
                "%1 was trusted with other keys before (fingerprint %2); they are replaced.")
                .replace("%1", ltr(ident.site_id))
                .replace("%2", ltr(result.replaced.fingerprint)))
        self._done(self.tr("%1 is now trusted.").replace("%1", ltr(ident.site_id)))

