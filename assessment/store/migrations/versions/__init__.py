"""One file per schema revision, oldest first; Alembic follows `down_revision` links."""
