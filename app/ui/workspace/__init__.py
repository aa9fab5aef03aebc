"""Which workspace is open: switching, the lock, backups and safety checks."""
