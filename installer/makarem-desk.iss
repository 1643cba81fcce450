; Inno Setup 6 script for Makarem Desk (مكتب مكارم): packs the PyInstaller folder
; dist\makarem-desk\ into one setup program, dist\makarem-desk-setup-<version>.exe.
; Build it on Windows after "pyinstaller installer.spec" (README: "Building the installer"):
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\makarem-desk.iss
; tests/test_installer_files.py checks these names against installer.spec and installer/bundle.py.
;
; Per machine (Program Files, one copy for every account on the counter PC).  The data —
; database, backups, keys, logs — lives in each user's %LOCALAPPDATA%\makarem-desk
; (platformdirs), never under {app}: an upgrade replaces the program only, and the
; uninstaller removes only what it installed.  It never deletes the data folder.

#define AppName "Makarem Desk"
#define AppNameAr "مكتب مكارم"
#define AppPublisher "Makarem"
#define AppExeName "makarem-desk.exe"
#define DebugExeName "makarem-desk-debug.exe"
#define BuildDir "..\dist\makarem-desk"
; The version is the one PyInstaller wrote into the executable (makarem_desk.__version__).
#define AppVersion GetStringFileInfo(AddBackslash(SourcePath) + BuildDir + "\" + AppExeName, "ProductVersion")
#if AppVersion == ""
  #error dist\makarem-desk\makarem-desk.exe is missing or has no version: run "pyinstaller installer.spec" first
#endif

[Setup]
; Never change the AppId: an upgrade finds the installed copy by it.
AppId={{6F965DBA-48B8-49F3-B2C1-0947A5FC6779}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=makarem-desk-setup-{#AppVersion}
SetupIconFile=..\resources\icons\makarem-desk.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName} ({#AppNameAr})
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A desk left open is closed (the interview saves every step) and reopened after an upgrade.
CloseApplications=yes
RestartApplications=no
VersionInfoVersion={#AppVersion}

[Languages]
#if FileExists(CompilerPath + "Languages\Arabic.isl")
Name: "arabic"; MessagesFile: "compiler:Languages\Arabic.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade starts from a clean program folder: no library of the old version is left
; beside the new one.  (The data folder is elsewhere and untouched.)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppNameAr}"; Filename: "{app}\{#AppExeName}"; Comment: "{#AppNameAr} — {#AppName}"
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "{#AppName}"
Name: "{autodesktop}\{#AppNameAr}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppNameAr}}"; Flags: nowait postinstall skipifsilent unchecked

[UninstallDelete]
; Only what the program itself may have left in its own folder (Python's caches).
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
{ After copying: the console build opens every screen once on a throwaway database in the
  setup's temporary folder (deleted with it), so a broken installation is said at once. }
procedure CurStepChanged(CurStep: TSetupStep);
var
  ResultCode: Integer;
  Params: String;
begin
  if CurStep = ssPostInstall then
  begin
    Params := '--db "sqlite:///' + ExpandConstant('{tmp}') + '\self-test.sqlite3" --self-test';
    if not Exec(ExpandConstant('{app}\{#DebugExeName}'), Params, ExpandConstant('{tmp}'),
                SW_HIDE, ewWaitUntilTerminated, ResultCode) or (ResultCode <> 0) then
      MsgBox('The installed program did not pass its self-test (exit ' + IntToStr(ResultCode) +
             '). Run "' + ExpandConstant('{app}\{#DebugExeName}') + ' --self-test" in a ' +
             'command prompt and send its output to support.', mbError, MB_OK);
  end;
end;
