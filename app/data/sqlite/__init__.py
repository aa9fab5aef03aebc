"""The SQLite store, the reference implementation of app.data.store.Store.

SQL text, sqlite3, PRAGMAs, FTS5, the backup API and SQLite's error codes live here and nowhere else.
"""
