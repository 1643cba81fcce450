"""The Windows installer's files agree with each other and with the package: the Inno Setup
script installs what installer.spec builds, under the names, version and icon the build
gives it, and keeps the data folder out of the uninstaller's reach.  What the build leaves
out (installer/bundle.py) keeps what the application loads.  (PyInstaller cannot build a
Windows program here; tests/test_built_app.py builds and runs the Linux one.)"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

import makarem_desk

ROOT = Path(__file__).resolve().parent.parent
ISS = ROOT / "installer" / "makarem-desk.iss"
SPEC = ROOT / "installer.spec"


def _bundle() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle", ROOT / "installer" / "bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle = _bundle()


def _iss() -> str:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads the Arabic names as UTF-8 only after a BOM"
    return raw.decode("utf-8-sig").replace("\r\n", "\n")


def _defines(text: str) -> dict[str, str]:
    return dict(re.findall(r'^#define (\w+) "([^"]*)"', text, re.MULTILINE))


def _section(text: str, name: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(f"[{name}]") + 1
    out = []
    for line in lines[start:]:
        if line.startswith("["):
            break
        if line.strip() and not line.startswith(";"):
            out.append(line)
    return out


def test_the_script_installs_what_the_spec_builds() -> None:
    text, spec = _iss(), SPEC.read_text(encoding="utf-8")
    d = _defines(text)
    assert d["AppName"] == bundle.APP_NAME
    assert d["AppNameAr"] == bundle.APP_NAME_AR == "مكتب مكارم"
    assert d["AppExeName"] == f"{bundle.DIST_NAME}.exe"
    assert d["DebugExeName"] == f"{bundle.DEBUG_NAME}.exe"
    assert d["BuildDir"] == f"..\\dist\\{bundle.DIST_NAME}"  # pyinstaller's dist/<COLLECT name>
    # the spec names its executables and folder from the same module
    assert "name=bundle.DIST_NAME, console=False" in spec
    assert "name=bundle.DEBUG_NAME" in spec and "console=True" in spec
    assert "name=bundle.DIST_NAME)" in spec.split("coll = COLLECT(", 1)[1]
    assert 'Source: "{#BuildDir}\\*"' in text and "recursesubdirs" in text
    assert bundle.ICON == ROOT / "resources" / "icons" / "makarem-desk.ico"
    assert bundle.ICON.is_file()
    assert "SetupIconFile=..\\resources\\icons\\makarem-desk.ico" in text


def test_the_version_comes_from_the_package_through_the_executable() -> None:
    text = _iss()
    assert bundle.read_version() == makarem_desk.__version__
    # the installer takes the ProductVersion the spec wrote into the executable
    assert re.search(r'#define AppVersion GetStringFileInfo\(.*BuildDir \+ "\\" \+ AppExeName, '
                     r'"ProductVersion"\)', text)
    assert "AppVersion={#AppVersion}" in text
    assert "OutputBaseFilename=makarem-desk-setup-{#AppVersion}" in text
    stub = {  # the constructors of PyInstaller's format, as plain values
        "VSVersionInfo": lambda ffi, kids: {"ffi": ffi, "kids": kids},
        "FixedFileInfo": lambda **fields: fields,
        "StringFileInfo": lambda tables: tables[0],
        "StringTable": lambda language, strings: dict(strings),
        "StringStruct": lambda key, value: (key, value),
        "VarFileInfo": lambda structs: structs, "VarStruct": lambda key, values: (key, values),
    }
    info = eval(bundle.version_file_text(makarem_desk.__version__), stub)  # noqa: S307
    strings = info["kids"][0]
    assert strings["ProductVersion"] == strings["FileVersion"] == makarem_desk.__version__
    assert strings["OriginalFilename"] == f"{bundle.DIST_NAME}.exe"
    fixed = info["ffi"]
    assert fixed["filevers"] == fixed["prodvers"] == bundle.version_tuple(makarem_desk.__version__)


@pytest.mark.parametrize("version, numbers", [("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)),
                                              ("2.0.3rc1", (2, 0, 3, 0)), ("3.1.4+local", (3, 1, 4, 0))])
def test_version_numbers_of_the_resource(version: str, numbers: tuple[int, ...]) -> None:
    assert bundle.version_tuple(version) == numbers


def test_per_machine_with_arabic_and_english_start_menu_entries() -> None:
    text = _iss()
    assert "PrivilegesRequired=admin" in text
    assert "DefaultDirName={autopf}\\{#AppName}" in text
    icons = _section(text, "Icons")
    assert any(line.startswith('Name: "{autoprograms}\\{#AppNameAr}"') for line in icons)
    assert any(line.startswith('Name: "{autoprograms}\\{#AppName}"') for line in icons)
    assert all('Filename: "{app}\\{#AppExeName}"' in line for line in icons)
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", text, re.MULTILINE)  # fixed: upgrades find it


def test_upgrades_and_uninstalls_never_touch_the_data_folder() -> None:
    text = _iss()
    for section in ("InstallDelete", "UninstallDelete"):
        for line in _section(text, section):
            target = re.search(r'Name: "([^"]+)"', line)
            assert target and target.group(1).startswith("{app}\\"), line
    assert "localappdata" not in text.lower().replace("%localappdata%", "")
    for line in _section(text, "Files"):
        assert 'DestDir: "{app}' in line


def test_the_build_keeps_what_the_application_loads() -> None:
    keep = bundle.keep
    for shipped in ("PySide6/Qt/translations/qtbase_ar.qm", "PySide6/Qt/translations/qt_en.qm",
                    "PySide6/Qt/plugins/platforms/libqxcb.so",
                    "PySide6/plugins/platforms/qwindows.dll",
                    "PySide6/plugins/platforms/qoffscreen.dll",  # the --self-test
                    "PySide6/plugins/styles/qmodernwindowsstyle.dll",
                    "PySide6/plugins/printsupport/windowsprintersupport.dll",
                    "PySide6/plugins/imageformats/qjpeg.dll", "PySide6/Qt6Pdf.dll",
                    "PySide6/Qt/lib/libQt6Pdf.so.6", "resources/fonts/Amiri-Regular.ttf",
                    "zxingcpp.pyd",
                    "libQt6Core.so.6", "PySide6/Qt/plugins/platforminputcontexts/"
                    "libibusplatforminputcontextplugin.so"):
        assert keep(shipped), shipped
    for dropped in ("PySide6/Qt/translations/qtbase_de.qm", "PySide6/translations/qt_fr.qm",
                    "PySide6/Qt/plugins/platforms/libqwayland.so",
                    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
                    "PySide6/plugins/tls/qschannelbackend.dll",
                    "PySide6/plugins/imageformats/qtiff.dll",
                    "PySide6/plugins/imageformats/qsvg.dll",
                    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
                    "PySide6/Qt/lib/libQt6WaylandClient.so.6", "PySide6/Qt6Quick.dll",
                    "PySide6/Qt6WebEngineCore.dll", "libQt6Quick.so.6", "libQt6QmlModels.so.6",
                    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so"):
        assert not keep(dropped), dropped


def test_no_plotting_library_is_a_dependency_or_shipped() -> None:
    """The charts are drawn with reportlab and Pillow (issue 13: matplotlib and numpy were
    70 MB of the one-folder build)."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        dependencies = " ".join(tomllib.load(f)["project"]["dependencies"]).lower()
    assert "matplotlib" not in dependencies and "numpy" not in dependencies
    for name in ("matplotlib", "numpy", "fontTools"):
        assert name in bundle.EXCLUDED_MODULES


def test_every_module_of_this_tree_is_bundled() -> None:
    modules = bundle.package_modules()
    assert "makarem_desk.cli.interview_cmds" in modules and "makarem_desk" in modules
    assert "makarem_desk.ui.qt_messages" in modules
    on_disk = {p for p in (ROOT / "makarem_desk").rglob("*.py")}
    assert len(modules) == len(on_disk)



def test_symbols_are_stripped_except_from_libraries_grafted_into_wheels(tmp_path: Path) -> None:
    import sysconfig

    libpython = Path(sysconfig.get_config_var("LIBDIR")) / sysconfig.get_config_var("LDLIBRARY")
    assert libpython.is_file()
    found = importlib.util.find_spec("PIL._imaging")
    assert found is not None and found.origin is not None
    grafted = next(Path(found.origin).parent.parent.glob("pillow.libs/libjpeg*"))
    toc = [("libpython.so", str(libpython), "BINARY"),
           ("PIL/_imaging.so", found.origin, "EXTENSION"),
           (f"pillow.libs/{grafted.name}", str(grafted), "BINARY")]
    out = bundle.strip_symbols(toc, tmp_path)
    assert out[2] == toc[2]  # a grafted library ships as the wheel has it
    for (dest, src, _kind), (orig_dest, orig, _) in zip(out[:2], toc[:2], strict=True):
        copy = Path(src)
        assert dest == orig_dest and tmp_path in copy.parents
        assert 0 < copy.stat().st_size <= Path(orig).stat().st_size
    # Pillow's module came with debug information: the copy is smaller
    assert Path(out[1][1]).stat().st_size < Path(found.origin).stat().st_size
    assert bundle.strippable("PySide6/Qt/lib/libicuuc.so.73", "/x/libicuuc.so.73", "BINARY")
    assert not bundle.strippable("libxcb.so.1", "/elsewhere/libxcb.so.1", "BINARY")


def test_libraries_only_a_dropped_plugin_linked_to_are_left_out() -> None:
    """The GTK theme plugin is not shipped; cairo and pango, which only it needed, go too,
    while what the kept plugins and extension modules link to stays (and its links)."""
    links = {"/q/libqxcb.so": ["libQt6XcbQpa.so.6"],
             "/q/libQt6XcbQpa.so.6": ["libQt6Gui.so.6", "libxcb.so.1"],
             "/q/QtGui.abi3.so": ["libQt6Gui.so.6"], "/q/libQt6Gui.so.6": ["libQt6Core.so.6"],
             "/l/libcairo.so.2": ["libpixman-1.so.0"], "/l/libpython3.11.so.1.0": ["libz.so.1"]}
    binaries = [("PySide6/Qt/plugins/platforms/libqxcb.so", "/q/libqxcb.so", "BINARY"),
                ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/q/libQt6XcbQpa.so.6", "BINARY"),
                ("PySide6/QtGui.abi3.so", "/q/QtGui.abi3.so", "EXTENSION"),
                ("PySide6/Qt/lib/libQt6Gui.so.6", "/q/libQt6Gui.so.6", "BINARY"),
                ("PySide6/Qt/lib/libQt6Core.so.6", "/q/libQt6Core.so.6", "BINARY"),
                ("libxcb.so.1", "/l/libxcb.so.1", "BINARY"),
                ("libcairo.so.2", "/l/libcairo.so.2", "BINARY"),
                ("libpixman-1.so.0", "/l/libpixman-1.so.0", "BINARY"),
                ("libpython3.11.so.1.0", "/l/libpython3.11.so.1.0", "BINARY"),
                ("libz.so.1", "/l/libz.so.1", "BINARY")]
    kept = bundle.linked(binaries, lambda src: [(n, None) for n in links.get(src, [])])
    names = {dest for dest, _src, _kind in kept}
    assert names == {d for d, _, _ in binaries} - {"libcairo.so.2", "libpixman-1.so.0"}
    datas = [("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
             ("libcairo.so", "libcairo.so.2", "SYMLINK"), ("forms/a.yaml", "/f/a.yaml", "DATA")]
    assert bundle.without_dangling(datas, kept) == [datas[0], datas[2]]
    # Windows names: case does not matter, the interpreter's DLL is loaded by name
    win = [("python311.dll", "C:/p/python311.dll", "BINARY"),
           ("VCRUNTIME140.dll", "C:/p/VCRUNTIME140.dll", "BINARY"),
           ("unused.dll", "C:/p/unused.dll", "BINARY")]
    kept = bundle.linked(win, lambda src: [("vcruntime140.dll", None)] if "python" in src
                         else [])
    assert [dest for dest, _src, _kind in kept] == ["python311.dll", "VCRUNTIME140.dll"]
