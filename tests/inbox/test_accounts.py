"""Accounts file, password hashing (and its CLI helper), the login limiter, scopes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pipeline.domain.groups import load_groups
from pipeline.inbox.accounts import AccountsError, load_accounts, verify
from pipeline.inbox.scope import Scope
from pipeline.inbox.security import LoginLimiter
from pipeline.settings import REPO_ROOT

ACCOUNTS = REPO_ROOT / "configs" / "accounts.toml"


def test_the_demo_accounts_load_with_their_documented_passwords():
    accounts = load_accounts(ACCOUNTS)
    groups = load_groups(REPO_ROOT / "configs" / "groups.toml")
    roles = {a.role for a in accounts.values()}
    assert roles == {"officer", "leader", "operator"}
    for gid, cfg in groups.groups.items():  # every configured group has its leader and officers
        assert set(cfg.leaders) | set(cfg.officers) <= set(accounts), gid
    passwords = {"officer": "canbo-demo", "leader": "truongnhom-demo", "operator": "vanhanh-demo"}
    for account in accounts.values():
        assert verify(account, passwords[account.role]), account.account_id
        assert not verify(account, passwords[account.role] + "x")
    assert not verify(None, "canbo-demo")


def test_scopes():
    accounts = load_accounts(ACCOUNTS)
    groups = load_groups(REPO_ROOT / "configs" / "groups.toml")
    leader = Scope.of(accounts["leader-bn-tran-thi-lan"], groups)
    assert leader.group_ids == {"phuong-ben-nghe"} and not leader.districts
    officer = Scope.of(accounts["officer-yl-pham-quoc-khanh"], groups)
    assert officer.group_ids == {"xa-yen-lac"} and officer.districts == {"Huyện Phú Lương"}
    operator = Scope.of(accounts["operator-demo"], groups)
    assert not operator.allows_group("phuong-ben-nghe")


@pytest.mark.parametrize("body, problem", [
    ('[accounts.a]\nrole = "chief"\npassword_hash = "$argon2id$x"\n', "role"),
    ('[accounts.a]\nrole = "leader"\npassword_hash = "plain"\n', "argon2"),
    ('[accounts.a]\nrole = "leader"\npassword_hash = "$argon2id$x"\ndistricts = ["Q1"]\n', "districts"),
    ('[accounts.a]\nrole = "leader"\npassword_hash = "$argon2id$x"\ncolour = "red"\n', "unknown"),
    ("not toml [", "TOML"),
])
def test_a_bad_accounts_file_names_the_problem(tmp_path, body, problem):
    path = tmp_path / "accounts.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(AccountsError, match=problem):
        load_accounts(path)


def test_hash_password_command(tmp_path):
    out = subprocess.run([sys.executable, "-m", "pipeline", "inbox", "hash-password"], input="bí-mật\n",
                         capture_output=True, text=True, timeout=60, cwd=REPO_ROOT, check=True).stdout.strip()
    assert out.startswith("$argon2id$")
    path = tmp_path / "accounts.toml"
    path.write_text(f'[accounts.x]\nrole = "leader"\ngroups = ["g"]\npassword_hash = "{out}"\n', encoding="utf-8")
    assert verify(load_accounts(path)["x"], "bí-mật")


def test_login_limiter_locks_then_unlocks():
    now = [0.0]
    limiter = LoginLimiter(max_failures=3, lock_seconds=60, window=60, clock=lambda: now[0])
    for _ in range(2):
        limiter.failed("Lan", "1.2.3.4")
    assert limiter.locked("lan", "1.2.3.4") == 0
    limiter.failed("lan", "1.2.3.4")
    assert limiter.locked("lan", "1.2.3.4") == 60
    assert limiter.locked("lan", "5.6.7.8") == 0 and limiter.locked("hung", "1.2.3.4") == 0
    now[0] = 61
    assert limiter.locked("lan", "1.2.3.4") == 0
