"""Administration: one screen, shown to administrators only, with a tab per task.

Tabs are built the first time they are opened.  More tabs (backups) are added with
``add_tab`` in ``AdminView.__init__``; each is a widget with an optional ``refresh()``
that is called whenever its tab is shown.  A panel's own page title is hidden: the tab
names it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .context import AppContext
from .screens import Refreshes
from .widgets import Table, page_title


class AdminView(QWidget):
    database_replaced = Signal()  # a backup was restored (the Backups tab)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._factories: list[tuple[str, Callable[[], QWidget]]] = []
        self._built: dict[str, QWidget] = {}
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(page_title(self.tr("Administration")))
        lay.addWidget(self.tabs, 1)
        self.add_tab("users", self.tr("Users"), self._users)
        self.add_tab("keys", self.tr("Keys and trusted installations"), self._keys)
        self.add_tab("audit", self.tr("Audit trail"), self._audit)
        self.add_tab("forms", self.tr("Forms folder"), self._forms)
        self.add_tab("backups", self.tr("Backups"), self._backups)

    def _users(self) -> QWidget:
        from .admin_users import UsersPanel

        return UsersPanel(self.ctx)

    def _keys(self) -> QWidget:
        from .admin_keys import KeysPanel

        return KeysPanel(self.ctx)

    def _audit(self) -> QWidget:
        from .audit_view import AuditView

        return AuditView(self.ctx)

    def _forms(self) -> QWidget:
        from .forms_admin_view import FormsAdminView

        return FormsAdminView(self.ctx)

    def _backups(self) -> QWidget:
        from .backups_view import BackupsView

        panel = BackupsView(self.ctx)
        panel.restored.connect(self.database_replaced)
        return panel

    def add_tab(self, key: str, label: str, factory: Callable[[], QWidget]) -> None:
        holder = QWidget()
        holder.setObjectName(f"adminTab_{key}")
        QVBoxLayout(holder).setContentsMargins(0, 8, 0, 0)
        # A tab taller than a small screen scrolls instead of stretching the window.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        self._factories.append((key, factory))
        self.tabs.blockSignals(True)  # the first tab is built when the screen is shown
        self.tabs.addTab(scroll, label)
        self.tabs.blockSignals(False)

    @property
    def keys(self) -> list[str]:
        return [k for k, _ in self._factories]

    def tab(self, key: str) -> QWidget:
        """The panel ``key``, built now if it never was."""
        if key not in self._built:
            index = self.keys.index(key)
            panel = self._factories[index][1]()
            scroll = self.tabs.widget(index)
            holder = scroll.widget() if isinstance(scroll, QScrollArea) else None
            layout = holder.layout() if holder is not None else None
            assert layout is not None
            layout.addWidget(panel)
            for title in panel.findChildren(QLabel, "pageTitle"):
                title.hide()
            # A tab scrolls only when it cannot fit: its tables with a minimum height take
            # the height that is left instead of asking for their preferred height first.
            for view in panel.findChildren(Table):
                if view.minimumHeight() > 0:
                    policy = view.sizePolicy()
                    policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
                    view.setSizePolicy(policy)
            self._built[key] = panel
        return self._built[key]

    def show_tab(self, key: str) -> QWidget:
        index = self.keys.index(key)
        if index == self.tabs.currentIndex():
            self.refresh()
        else:
            self.tabs.setCurrentIndex(index)  # refreshes through currentChanged
        return self.tab(key)

    def current_tab(self) -> str:
        index = self.tabs.currentIndex()
        return self.keys[index] if 0 <= index < len(self._factories) else ""

    def refresh(self) -> None:
        key = self.current_tab()
        if not key:
            return
        tab = self.tab(key)
        if isinstance(tab, Refreshes):
            tab.refresh()
