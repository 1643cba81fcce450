# Developer tasks of the interface.  `make screenshots` needs xvfb-run (scripts/system-packages.sh).
PY      ?= .venv/bin/python
BIN     ?= .venv/bin
TS      := resources/translations/makarem_ar.ts
QM      := resources/translations/makarem_ar.qm
UI_SRC  := $(wildcard makarem_desk/ui/*.py)
SHOTS   ?= build/screenshots

.PHONY: translations lupdate screenshots screenshots-pseudo self-test installer bench-startup

# Collect the strings of the interface into the Arabic .ts (keeps existing translations),
# then compile the .qm the application loads.
lupdate:
	$(BIN)/pyside6-lupdate $(UI_SRC) -ts $(TS) -source-language en -target-language ar -no-obsolete

translations: $(QM)

$(QM): $(TS)
	$(BIN)/pyside6-lrelease $(TS) -qm $(QM)

# Every screen in Arabic and English at 1366x768 under a real X server (Xvfb).
screenshots: $(QM)
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) -m makarem_desk.ui.screenshots $(SHOTS)

self-test:
	$(BIN)/makarem-desk --self-test

bench-startup:
	$(PY) bench/startup_bench.py

installer:
	$(BIN)/pip install -q 'pyinstaller>=6.6'
	$(BIN)/pyinstaller --noconfirm installer.spec

# The same screens with every string 40 % longer (finds clipped labels).
screenshots-pseudo: $(QM)
	MAKAREM_PSEUDO_STRINGS=1 xvfb-run -a -s "-screen 0 1366x768x24" $(PY) -m makarem_desk.ui.screenshots $(SHOTS)-pseudo
