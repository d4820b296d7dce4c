"""Every projected row, as plain data, to compare databases."""

from __future__ import annotations

from sqlalchemy import select

from pipeline.inbox.models import PROJECTED


def dump(maker) -> dict[str, list[tuple]]:
    out = {}
    with maker() as session:
        for model in PROJECTED:
            cols = [c.name for c in model.__table__.columns]
            rows = [tuple(repr(getattr(r, c)) for c in cols) for r in session.scalars(select(model))]
            out[model.__tablename__] = sorted(rows)
    return out
