"""The bundle's entry point (PyInstaller needs a script, not a package)."""

import sys

from app.cli import main

sys.exit(main())
