"""Pure domain rules: vocabularies and partial dates. Imports neither Qt nor the ORM."""
