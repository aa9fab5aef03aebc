"""The PostgreSQL store (a team workspace): the second implementation of app.data.store.Store.

SQL text for PostgreSQL, psycopg, row-level security, the full-text index and the change
notifications live here and nowhere else. psycopg is an optional extra ("policy-tracker[team]"):
nothing here is imported until a team workspace is opened.
"""
