"""The one style sheet of the interface (resources/style/app.qss).

Its arrows are images beside it; a style sheet's ``url()`` is read relative to the
working directory, so ``url(style:…)`` is replaced here by the folder's absolute path —
the same in the source tree and in the bundle."""

from __future__ import annotations

from ..resources import resource_path


def style_sheet() -> str:
    qss = resource_path("style", "app.qss")
    folder = qss.parent.as_posix()  # forward slashes on Windows too, as Qt expects
    return qss.read_text(encoding="utf-8").replace("url(style:", f"url({folder}/")
