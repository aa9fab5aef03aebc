"""Editors for each kind of entry, and the trash."""
