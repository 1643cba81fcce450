"""The Qt binding must not lose references to ``None``.

PySide6 6.12.0 on Python 3.11 takes one reference from ``None`` on every call that returns
nothing (``QLabel.setText``, ``QModelIndex.data`` on an empty role, ...); when the count
reaches zero Python aborts with "none_dealloc", which for the counter means the window
vanishing in the middle of a queue after a few hundred table refreshes.  The probe runs in
a child process so that a binding with the fault fails this test instead of aborting the
whole run."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent("""
    import sys
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTableView

    app = QApplication([])
    model = QStandardItemModel(50, 3)
    for r in range(50):
        model.setItem(r, 0, QStandardItem("x"))
    view = QTableView()
    view.setModel(model)
    view.show()
    label, button = QLabel(), QPushButton()
    before = sys.getrefcount(None)
    for i in range(500):
        label.setText("x")
        button.setEnabled(True)
        model.index(i % 50, 1).data()
        model.index(i % 50, 0).data(Qt.ItemDataRole.ToolTipRole)
        view.viewport().update()
        app.processEvents()
    print(sys.getrefcount(None) - before, flush=True)
    import os
    os._exit(0)  # a faulty binding could abort at finalisation; the figure is printed
""")


def test_qt_calls_keep_their_references_to_none() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         env=env, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    lost = -int(run.stdout.strip().splitlines()[-1])
    # 500 rounds of four calls: a faulty binding loses about 2,000 references here.
    assert lost <= 0, f"the Qt binding lost {lost} references to None"
