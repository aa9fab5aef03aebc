"""Policy Tracker: track public policies, their sources and your notes."""

__version__ = "0.1.0"
