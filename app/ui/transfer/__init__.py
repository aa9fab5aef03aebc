"""Moving data in and out: the export dialog and preview, export settings, imports."""
