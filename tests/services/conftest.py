"""The services suite runs on both backends through `small` (tests/conftest.py)."""
