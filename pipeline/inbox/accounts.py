"""Accounts from ``configs/accounts.toml``: argon2 password hashes, roles scoped to groups and districts.

Layout::

    [accounts."officer-bn-nguyen-van-hung"]     # the account id = the person id of groups.toml
    name = "Nguyễn Văn Hùng"
    role = "officer"                             # officer | leader | operator
    groups = ["phuong-ben-nghe"]                 # groups this account may see
    districts = ["Quận 1"]                       # officers: every group of these districts too
    password_hash = "$argon2id$..."              # `binhyen inbox hash-password`
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

ROLES = ("officer", "leader", "operator")
_HASHER = PasswordHasher()
#: Verified against when the account does not exist, so a wrong name costs the same time as a wrong password.
_DUMMY_HASH = _HASHER.hash("binhyen-no-such-account")


class AccountsError(ValueError):
    pass


@dataclass(frozen=True)
class Account:
    account_id: str
    role: str
    password_hash: str = field(repr=False)
    name: str = ""
    groups: frozenset[str] = frozenset()
    districts: frozenset[str] = frozenset()

    @property
    def sees_text(self) -> bool:
        """Officers see tips' text and informants; leaders and operators never do."""
        return self.role == "officer"

    def label(self) -> str:
        return self.name or self.account_id


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify(account: Account | None, password: str) -> bool:
    try:
        return _HASHER.verify(account.password_hash if account else _DUMMY_HASH, password) and account is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def load_accounts(path: str | Path) -> dict[str, Account]:
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AccountsError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise AccountsError(f"{path}: not valid TOML: {exc}") from None
    table = raw.get("accounts", {})
    if not isinstance(table, dict):
        raise AccountsError(f"{path}: [accounts] must be a table")
    out: dict[str, Account] = {}
    for account_id, body in table.items():
        where = f"{path}: account '{account_id}'"
        if not isinstance(body, dict):
            raise AccountsError(f"{where}: must be a table")
        unknown = set(body) - {"name", "role", "groups", "districts", "password_hash"}
        if unknown:
            raise AccountsError(f"{where}: unknown keys {sorted(unknown)}")
        role = body.get("role")
        if role not in ROLES:
            raise AccountsError(f"{where}: role must be one of {list(ROLES)}")
        pw = body.get("password_hash")
        if not isinstance(pw, str) or not pw.startswith("$argon2"):
            raise AccountsError(f"{where}: password_hash must be an argon2 hash (binhyen inbox hash-password)")
        lists = {}
        for key in ("groups", "districts"):
            value = body.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise AccountsError(f"{where}: {key} must be a list of names")
            lists[key] = frozenset(value)
        if role == "leader" and lists["districts"]:
            raise AccountsError(f"{where}: a leader is scoped to groups, not districts")
        out[account_id] = Account(account_id=account_id, role=role, password_hash=pw,
                                  name=str(body.get("name", "")), **lists)
    return out
