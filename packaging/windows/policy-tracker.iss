; Inno Setup script for a Windows installer (not built here: it needs Windows and Inno Setup 6).
; 1. On Windows, `make bundle` (or: pyinstaller packaging\policy-tracker.spec) makes dist\policy-tracker\.
; 2. iscc packaging\windows\policy-tracker.iss makes dist\PolicyTracker-Setup.exe.
[Setup]
AppId={{5B0C0E5D-7E51-4D6B-9C2A-3F0D9B6F3A21}
AppName=Policy Tracker
AppVersion=0.1.0
DefaultDirName={autopf}\Policy Tracker
DefaultGroupName=Policy Tracker
OutputDir=..\..\dist
OutputBaseFilename=PolicyTracker-Setup
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=lowest

[Files]
Source: "..\..\dist\policy-tracker\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Policy Tracker"; Filename: "{app}\policy-tracker.exe"
Name: "{autodesktop}\Policy Tracker"; Filename: "{app}\policy-tracker.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\policy-tracker.exe"; Parameters: "--self-test"; Flags: runhidden; StatusMsg: "Checking the installation…"
