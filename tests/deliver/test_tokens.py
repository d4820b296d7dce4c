import asyncio
import os
import stat

import pytest

from pipeline.deliver.errors import DeliveryError, TokenRefreshError
from pipeline.deliver.tokens import FileTokenStore, MemoryTokenStore, TokenManager, TokenPair, seed_hash


class Oauth:
    """A refresh endpoint whose refresh tokens work once."""

    def __init__(self, first="rt-0", ttl=90000.0, store=None, fail=()):
        self.valid = {first}
        self.calls = 0
        self.ttl = ttl
        self.store = store
        self.fail = list(fail)
        self.saved_before_next_use = []

    async def __call__(self, token):
        self.calls += 1
        await asyncio.sleep(0.01)
        if self.fail:
            raise self.fail.pop(0)
        if token not in self.valid:
            raise TokenRefreshError("zalo error -14014: Invalid refresh token")
        self.valid.discard(token)
        new = f"rt-{self.calls}"
        self.valid.add(new)
        if self.store is not None:
            self.saved_before_next_use.append(self.store.load())
        return f"at-{self.calls}", new, self.ttl


def test_file_store_roundtrip_mode_and_atomic_replace(tmp_path):
    store = FileTokenStore.in_data_dir(tmp_path / "data")
    assert store.load() is None
    pair = TokenPair("at", "rt", 100.0, 50.0, "seed")
    store.save(pair)
    assert store.load() == pair
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    inode = os.stat(store.path).st_ino
    store.save(TokenPair("at2", "rt2", 200.0, 150.0, "seed"))
    assert os.stat(store.path).st_ino != inode  # a new file renamed over the old, never rewritten in place
    assert store.load().refresh_token == "rt2"
    assert [p.name for p in store.path.parent.iterdir()] == ["zalo-token.json"]  # no temporary left


def test_file_store_keeps_the_old_pair_when_a_save_fails(tmp_path, monkeypatch):
    store = FileTokenStore(tmp_path / "t.json")
    store.save(TokenPair("at", "rt", 1.0, 1.0))

    def broken_fsync(fd):
        raise OSError("disk full")
    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        store.save(TokenPair("at2", "rt2", 2.0, 2.0))
    monkeypatch.undo()
    assert store.load().refresh_token == "rt"
    assert [p.name for p in tmp_path.iterdir()] == ["t.json"]


def test_corrupt_file_reads_as_empty(tmp_path):
    path = tmp_path / "t.json"
    path.write_bytes(b"{not json")
    assert FileTokenStore(path).load() is None


async def test_single_flight_many_callers_one_refresh():
    store = MemoryTokenStore()
    oauth = Oauth(store=store)
    manager = TokenManager(store, oauth, "rt-0")
    tokens = await asyncio.gather(*[manager.access_token() for _ in range(20)])
    assert set(tokens) == {"at-1"} and oauth.calls == 1
    # 20 callers all saw "at-1" rejected (-216): one refresh, not twenty
    tokens = await asyncio.gather(*[manager.refresh(stale="at-1") for _ in range(20)])
    assert set(tokens) == {"at-2"} and oauth.calls == 2


async def test_new_pair_is_stored_before_it_is_used_and_survives_a_restart(tmp_path):
    store = FileTokenStore(tmp_path / "t.json")
    oauth = Oauth()
    manager = TokenManager(store, oauth, "rt-0")
    assert await manager.access_token() == "at-1"
    assert store.load().refresh_token == "rt-1"
    await manager.refresh(stale="at-1")
    # a restart with the same (spent) configured token: the stored pair is used, no refresh
    again = TokenManager(FileTokenStore(tmp_path / "t.json"), oauth, "rt-0")
    assert await again.access_token() == "at-2" and oauth.calls == 2
    await again.refresh(stale="at-2")  # and its refresh token is the live one
    assert oauth.calls == 3 and store.load().refresh_token == "rt-3"


async def test_a_newly_configured_refresh_token_replaces_the_stored_pair():
    store = MemoryTokenStore(TokenPair("at-old", "rt-old", 1e12, 1e12, seed_hash("rt-previous")))
    oauth = Oauth(first="rt-new")
    manager = TokenManager(store, oauth, "rt-new")
    assert await manager.access_token() == "at-1"


async def test_refreshed_before_expiry():
    now = [1000.0]
    store = MemoryTokenStore()
    oauth = Oauth(ttl=7200)
    manager = TokenManager(store, oauth, "rt-0", margin=3600, clock=lambda: now[0])
    await manager.access_token()
    now[0] += 3500
    assert await manager.access_token() == "at-1"
    now[0] += 200  # within the margin of the expiry: refreshed before Zalo refuses it
    assert await manager.access_token() == "at-2"
    short = TokenManager(MemoryTokenStore(), Oauth(ttl=10), "rt-0", margin=3600, clock=lambda: now[0])
    await short.access_token()
    assert short.pair.refresh_at == now[0] + 5  # never more than half the lifetime early


async def test_refusal_and_network_failures():
    manager = TokenManager(MemoryTokenStore(), Oauth(first="other"), "rt-0")
    with pytest.raises(TokenRefreshError):
        await manager.access_token()
    flaky = Oauth(fail=[DeliveryError("network: ClientConnectorError", retryable=True)])
    manager = TokenManager(MemoryTokenStore(), flaky, "rt-0", retry_delay=0)
    assert await manager.access_token() == "at-2"
    with pytest.raises(TokenRefreshError):
        await TokenManager(MemoryTokenStore(), Oauth(), "").access_token()
