"""The workspace file: tables, migrations, the starter-data loader and the light read path."""
