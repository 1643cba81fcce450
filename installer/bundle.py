"""What goes into the one-folder build, shared by ``installer.spec``, the Inno Setup
script's test and the built-app test: names, the version resource, and which of the files
PyInstaller's hooks collect the application never uses.

Kept beside the spec (not in the package): nothing here runs in the shipped application.
PyInstaller's Qt hooks take every plugin and translation of the modules they see; the
counter needs the platform, style, JPEG/ICO image and print plugins and Qt's own Arabic
and English strings, nothing else (Wayland, EGL, SVG, input-device, network and TLS
plugins, 98 of Qt's 99 languages), and then the libraries only the plugins left out
linked to are dropped too (``linked``).  The report charts need no plotting library
(reportlab and Pillow draw them), so neither matplotlib nor numpy ships.  Symbols are
stripped on Linux (``strip_symbols``).  Built on Linux the folder is 190 MiB (198 MB):
Qt's ICU data alone is 31 MB of it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "Makarem Desk"
APP_NAME_AR = "مكتب مكارم"
DIST_NAME = "makarem-desk"  # the folder under dist/ and the windowed executable
DEBUG_NAME = "makarem-desk-debug"  # the console build of the same program (log, --self-test)
ICON = ROOT / "resources" / "icons" / "makarem-desk.ico"
COMPANY = "Makarem"

# Python packages the application never imports (some arrive through optional imports of
# the libraries it does use: Pillow's typing, openpyxl and psycopg look for numpy,
# arabic-reshaper and pypdf for fontTools).  matplotlib and numpy are left out by name in
# case another checkout's environment still has them.
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "PIL.ImageTk", "PIL._imagingtk", "PIL._avif", "PIL.AvifImagePlugin",
    "pytest", "hypothesis", "mypy", "ruff", "IPython", "pydoc_data", "lib2to3", "setuptools",
    "pkg_resources", "distutils", "PyQt5", "PyQt6", "PySide2", "gi", "wx",
    "cairo", "cairocffi", "tornado", "matplotlib", "numpy", "fontTools",
    "pygments",
    # Database dialects other than SQLite and PostgreSQL, SQLAlchemy's and the standard
    # library's test helpers, the CJK codecs: each executable carries its own copy of the
    # Python archive, so they counted twice.
    "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.oracle", "sqlalchemy.dialects.mssql",
    "sqlalchemy.testing", "doctest", "unittest", "pydoc", "_codecs_jp", "_codecs_kr",
    "_codecs_cn", "_codecs_hk", "_codecs_tw", "_codecs_iso2022",
    # Qt's network and D-Bus libraries are loaded by QtPdf and QtGui, their Python modules
    # never (3 MB).
    "PySide6.QtNetwork", "PySide6.QtDBus",
    # Pillow's WebP and colour-management modules and their libraries (1.6 MB): the
    # declarations are scanned as PNG or JPEG (documents/verify_input.py), nothing
    # converts colour profiles.
    "PIL._webp", "PIL.WebPImagePlugin", "PIL._imagingcms", "PIL.ImageCms",
    # phonenumbers' place names, carriers and time zones (5 MB): only parse/format are used.
    "phonenumbers.geocoder", "phonenumbers.geodata", "phonenumbers.carrier",
    "phonenumbers.carrierdata", "phonenumbers.timezone", "phonenumbers.tzdata",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtQuick3D", "PySide6.QtVirtualKeyboard", "PySide6.QtWaylandCompositor",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtUiTools", "PySide6.Qt3DCore",
    "PySide6.QtCharts", "PySide6.QtMultimedia", "PySide6.QtBluetooth", "PySide6.QtSql",
    "PySide6.QtOpenGLWidgets", "PySide6.QtSvgWidgets", "PySide6.QtTest", "PySide6.QtXml",
    "PySide6.QtConcurrent", "PySide6.QtStateMachine", "PySide6.QtSerialPort",
]
# Qt plugin folders (under .../Qt/plugins/ or PySide6/plugins/) not shipped at all, and
# single plugins and libraries left out of the folders that are.
_QT_PLUGIN_DIRS_DROPPED = {
    "egldeviceintegrations", "generic", "networkinformation", "tls", "platformthemes",
    "wayland-decoration-client", "wayland-graphics-integration-client",
    "wayland-shell-integration", "sqldrivers", "multimedia", "qmltooling", "position",
    "sensors", "texttospeech", "webview", "designer", "canbus", "scenegraph", "iconengines",
}
_QT_PLUGINS_DROPPED = {"qtvirtualkeyboardplugin"}  # an on-screen keyboard built on QtQuick
_QT_PLATFORMS_KEPT = ("qwindows", "qxcb", "qoffscreen", "qminimal", "qdirect2d")
# No SVG anywhere (the icons and the logo are PNG, the scans PNG or JPEG): the SVG image
# and icon plugins go, and with them Qt's SVG library.
_QT_IMAGEFORMATS_KEPT = ("qjpeg", "qico")
_QT_LIBS_DROPPED = re.compile(
    r"(Qt6?)(Wayland|WlShell|EglFS|Quick|Qml|WebEngine|VirtualKeyboard|Multimedia|3D)",
    re.IGNORECASE)
_QT_TRANSLATIONS_KEPT = re.compile(r"^(qt|qtbase)_(ar|en)\.qm$")


def read_version(root: Path = ROOT) -> str:
    text = (root / "makarem_desk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    if match is None:
        raise SystemExit("makarem_desk/__init__.py has no __version__")
    return match.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` → (0, 1, 0, 0); a pre-release tail (``0.2.0rc1``) is left out."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


VERSION_FILE = """# UTF-8
# The Windows version resource of both executables (Explorer's Details tab; the Inno
# Setup script reads the installer's version from it).  Written by installer.spec from
# makarem_desk.__version__; PyInstaller reads this format (VSVersionInfo) on Windows.
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', {company!r}),
      StringStruct('FileDescription', {description!r}),
      StringStruct('FileVersion', {version!r}),
      StringStruct('InternalName', {name!r}),
      StringStruct('OriginalFilename', {exe!r}),
      StringStruct('ProductName', {product!r}),
      StringStruct('ProductVersion', {version!r})])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def version_file_text(version: str) -> str:
    return VERSION_FILE.format(numbers=version_tuple(version), company=COMPANY,
                               description=f"{APP_NAME} — {APP_NAME_AR}", version=version,
                               name=DIST_NAME, exe=f"{DIST_NAME}.exe", product=APP_NAME)


def _qt_relative(dest: str) -> PurePosixPath | None:
    """The part of a bundled path after PySide6's Qt folder, if it is one of Qt's files."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if not parts or parts[0] != "PySide6":
        return None
    rest = parts[1:]
    if rest[:1] == ("Qt",):
        rest = rest[1:]
    return PurePosixPath(*rest) if rest else None


def keep(dest: str) -> bool:
    """Whether the file PyInstaller would put at ``dest`` (inside the bundle) is shipped."""
    dest = dest.replace("\\", "/")
    rel = _qt_relative(dest)
    if rel is None:  # Qt's libraries also land beside the program, pulled in by a plugin
        name = PurePosixPath(dest).name
        return not (name.startswith(("libQt6", "Qt6")) and _QT_LIBS_DROPPED.search(name))
    parts = rel.parts
    if parts[0] == "translations":
        return bool(_QT_TRANSLATIONS_KEPT.match(parts[-1]))
    if parts[0] == "plugins" and len(parts) >= 3:
        folder, stem = parts[1], PurePosixPath(parts[-1]).stem.removeprefix("lib")
        if folder in _QT_PLUGIN_DIRS_DROPPED or stem in _QT_PLUGINS_DROPPED:
            return False
        if folder == "platforms":
            return stem in _QT_PLATFORMS_KEPT
        if folder == "imageformats":
            return stem in _QT_IMAGEFORMATS_KEPT
        return True
    return not _QT_LIBS_DROPPED.search(parts[-1])


# What a process loads by name rather than through a library's import table: Python's own
# library (the bootloader), extension modules (the importer) and Qt's plugins (Qt).
_LOADED_BY_NAME = re.compile(r"(^|/)(lib)?python3[0-9.]*\.(dll|so)|(^|/)plugins/", re.IGNORECASE)


def _base(dest: str) -> str:
    return PurePosixPath(dest.replace("\\", "/")).name.lower()


def linked(binaries: list[tuple[str, str, str]],
           imports: Callable[[str], Iterable[tuple[str, object]]] | None = None,
           ) -> list[tuple[str, str, str]]:
    """The binaries reached from what is loaded by name through the import tables.

    PyInstaller's hooks collect the libraries of every plugin they see before ``keep``
    leaves a plugin out, so the GTK theme's cairo, pango and GDK libraries (9 MB) stayed
    without anything to load them.  Starting from the extension modules, the kept Qt
    plugins and Python's library, this follows each file's import table (ELF ``NEEDED``
    or PE imports, read by PyInstaller's ``get_imports``) and keeps what it reaches."""
    if imports is None:
        from PyInstaller.depend.bindepend import get_imports as imports
    by_name: dict[str, list[str]] = {}
    for dest, src, _kind in binaries:
        by_name.setdefault(_base(dest), []).append(src)
    todo = [src for dest, src, kind in binaries
            if kind == "EXTENSION" or _LOADED_BY_NAME.search(dest.replace("\\", "/"))]
    reached: set[str] = set()
    while todo:
        src = todo.pop()
        if src in reached:
            continue
        reached.add(src)
        for name, _path in imports(src):
            todo.extend(by_name.get(_base(name), []))
    return [entry for entry in binaries if entry[1] in reached]


def without_dangling(datas: list[tuple[str, str, str]], binaries: list[tuple[str, str, str]]
                     ) -> list[tuple[str, str, str]]:
    """The data TOC less the symbolic links to binaries that are no longer shipped."""
    shipped = {dest.replace("\\", "/") for dest, _src, _kind in binaries}
    return [entry for entry in datas if entry[2] != "SYMLINK"
            or entry[1].replace("\\", "/") in shipped]


def package_modules(root: Path = ROOT) -> list[str]:
    """Every module of the package, from the files of this tree.  (PyInstaller's
    ``collect_submodules`` imports the package in a child process, where an editable
    install of another checkout comes first on the path and hides this tree's new
    modules: a build then lacked the modules only the command line imports by name.)"""
    names = []
    for path in sorted((root / "makarem_desk").rglob("*.py")):
        rel = path.relative_to(root).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        names.append(".".join(parts))
    return names


def strippable(dest: str, src: str, kind: str) -> bool:
    """Whether a binary goes through ``strip --strip-unneeded``: the interpreter's own
    libraries (a pyenv-built libpython carries 17 MB of debug symbols), the extension
    modules (SQLAlchemy's, Pillow's and PyYAML's come with debug information: 13 MB) and
    Qt's libraries (ICU's symbol tables).  Not the libraries auditwheel grafted into a
    wheel's ``*.libs`` folder: ``strip`` breaks some of them (numpy's OpenBLAS then failed
    to load: "ELF load command address/offset not page-aligned")."""
    dest = dest.replace("\\", "/")
    if any(part.endswith(".libs") for part in PurePosixPath(dest).parts[:-1]):
        return False
    source = Path(src).resolve()
    interpreter = Path(sys.base_prefix).resolve() in source.parents and \
        "site-packages" not in source.parts
    return interpreter or kind == "EXTENSION" or dest.startswith("PySide6/Qt/lib/")


def strip_symbols(binaries: list[tuple[str, str, str]], workdir: Path
                  ) -> list[tuple[str, str, str]]:
    """The TOC with the ``strippable`` binaries replaced by stripped copies (PyInstaller's
    own ``strip=True`` is all or nothing).  Windows DLLs carry no symbols."""
    tool = shutil.which("strip")
    if sys.platform == "win32" or tool is None:
        return binaries
    out = []
    for dest, src, kind in binaries:
        if strippable(dest, src, kind):
            copy = workdir / "stripped" / dest
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(Path(src).resolve(), copy)
            subprocess.run([tool, "--strip-unneeded", str(copy)], check=True)
            src = str(copy)
        out.append((dest, src, kind))
    return out
