"""Alembic migrations of the workshop database, run in code by `store.migrate` on every start.

A schema change is a new file in `versions/`, never an edit of an old one. To draft one from
the tables in `store.py`, with the database at the current head:

    from alembic import command
    from assessment import store
    engine = store.make_engine()
    with engine.connect() as conn:
        command.revision(store.alembic_config(conn), "what changed", autogenerate=True)
"""
