; Inno Setup script for the Windows installer (the CI workflow .github/workflows/windows.yml
; passes /DVersion= and /DSource=, the folder build.spec made). Installs per user (no
; administrator needed on a village laptop), a Start-menu entry and a desktop shortcut
; named 村账本; the book and backups stay in the user's data folder on uninstall.
#ifndef Version
  #define Version "0.0.0"
#endif
#ifndef Source
  #define Source "..\dist\villagebook-" + Version
#endif

[Setup]
AppId={{6B0E8C3E-8A51-4B7E-9A53-5C1F0D2B7A11}
AppName=村账本
AppVersion={#Version}
AppPublisher=villagebook
DefaultDirName={localappdata}\Programs\villagebook
DefaultGroupName=村账本
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=villagebook-{#Version}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"; Flags: skipifnotexists
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#Source}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\村账本"; Filename: "{app}\villagebook.exe"
Name: "{userdesktop}\村账本"; Filename: "{app}\villagebook.exe"

[Run]
Filename: "{app}\villagebook.exe"; Description: "启动村账本"; Flags: nowait postinstall skipifsilent
