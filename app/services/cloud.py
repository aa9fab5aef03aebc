"""Recognising folders that a cloud sync tool manages (a known cause of SQLite corruption)."""

from __future__ import annotations

from pathlib import Path

# Folder names the major sync clients use, compared without case.
SYNCED_FOLDERS = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "icloud drive": "iCloud Drive",
    "com~apple~clouddocs": "iCloud Drive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
}


def sync_service(path: Path) -> str | None:
    """The sync service whose folder holds `path`, if any."""
    for part in path.expanduser().absolute().parts:
        lowered = part.casefold()
        for folder, service in SYNCED_FOLDERS.items():
            if lowered == folder or lowered.startswith(f"{folder} -") or lowered.startswith(f"{folder}-"):
                return service
    return None
