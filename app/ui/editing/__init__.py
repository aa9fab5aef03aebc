"""Changing entries: the editors, the edit controller, undo commands and the trash."""
