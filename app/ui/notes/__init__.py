"""The analyst's notes across policies."""
