"""``binhyen inbox``: the officers' and leaders' web inbox.

A projector consumes the output topics (its own consumer group) into a database
(SQLAlchemy 2, Alembic migrations shipped in ``migrations/``); a Starlette app
serves server-rendered Vietnamese pages over it; every person's action is
produced to ``moderation.actions`` through the client factory.
"""
