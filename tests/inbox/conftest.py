from __future__ import annotations

import re
import uuid

import orjson
import pytest
from starlette.testclient import TestClient

from pipeline.domain.groups import load_groups
from pipeline.inbox.accounts import load_accounts
from pipeline.inbox.db import make_engine, migrate, sessions
from pipeline.inbox.projector import apply_records
from pipeline.inbox.security import LoginLimiter
from pipeline.inbox.web import InboxState, build_app
from pipeline.settings import REPO_ROOT
from tests.inbox import records

PASSWORDS = {"officer": "canbo-demo", "leader": "truongnhom-demo", "operator": "vanhanh-demo"}
OFFICER = "officer-bn-nguyen-van-hung"
LEADER = "leader-bn-tran-thi-lan"
OTHER_LEADER = "leader-yl-hoang-van-duc"
OPERATOR = "operator-demo"


class FakeSender:
    """Stands in for the producer: keeps every action record."""

    def __init__(self) -> None:
        self.sent: list[dict] = []
        self.fail = False

    async def __call__(self, record: dict) -> None:
        if self.fail:
            raise ConnectionError("broker down")
        self.sent.append(record)


@pytest.fixture(scope="session")
def pg_cluster():
    from tests.inbox.pg import Cluster

    cluster = Cluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def new_db(request, tmp_path):
    """A factory of fresh, migrated databases of one kind (SQLite file, or a new PostgreSQL database)."""
    engines = []

    def make():
        n = len(engines)
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path / f'db{n}.sqlite3'}"
        else:
            cluster = request.getfixturevalue("pg_cluster")
            url = cluster.create_database(f"t_{uuid.uuid4().hex[:12]}")
        engine = make_engine(url)
        migrate(engine)
        engines.append(engine)
        return sessions(engine)
    yield make
    for engine in engines:
        engine.dispose()


@pytest.fixture
def maker(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'inbox.sqlite3'}")
    migrate(engine)
    yield sessions(engine)
    engine.dispose()


def feed(maker, stream, start_ms: int = 1_764_555_000_000) -> None:
    apply_records(maker, [(t, orjson.dumps(r), start_ms + i * 1000) for i, (t, r) in enumerate(stream)])


@pytest.fixture
def inbox(maker):
    feed(maker, records.sample_stream())
    sender = FakeSender()
    state = InboxState(maker=maker, accounts=load_accounts(REPO_ROOT / "configs" / "accounts.toml"),
                       groups=load_groups(REPO_ROOT / "configs" / "groups.toml"), send_action=sender,
                       limiter=LoginLimiter(max_failures=5, lock_seconds=600))
    app = build_app(state, secret_key="test-secret")
    return app, state, sender


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF field on the page"
    return found.group(1)


def login(app, account: str, password: str | None = None) -> TestClient:
    client = TestClient(app)
    page = client.get("/login")
    role = account.split("-")[0]
    r = client.post("/login", data={"username": account, "password": password or PASSWORDS[role],
                                    "csrf_token": csrf_of(page.text), "next": "/"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return client
