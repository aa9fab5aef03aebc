"""The rows of the policy list the services return, for the window and the command line."""

from __future__ import annotations

from app.data.rows import PolicyRow

__all__ = ["PolicyRow"]
