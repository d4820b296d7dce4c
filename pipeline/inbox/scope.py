"""Who may see what: an account's groups (and, for officers, districts) from accounts.toml and groups.toml."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, false, or_

from pipeline.domain.groups import GroupsConfig
from pipeline.inbox.accounts import Account
from pipeline.inbox.models import Escalation


@dataclass(frozen=True)
class Scope:
    account: Account
    group_ids: frozenset[str]  # groups this account may see
    districts: frozenset[str]  # officers: tips routed to these districts too

    @classmethod
    def of(cls, account: Account, groups: GroupsConfig) -> "Scope":
        ids = set(account.groups)
        for gid, cfg in groups.groups.items():
            if account.role == "leader" and account.account_id in cfg.leaders:
                ids.add(gid)
            if account.role == "officer" and (account.account_id in cfg.officers
                                              or (cfg.district and cfg.district in account.districts)):
                ids.add(gid)
        return cls(account, frozenset(ids), account.districts if account.role == "officer" else frozenset())

    def allows_group(self, group_id: str) -> bool:
        return self.account.role in ("officer", "leader") and group_id in self.group_ids

    def allows_escalation(self, esc: Escalation) -> bool:
        if self.account.role != "officer":
            return False
        return (esc.group_id in self.group_ids or (esc.district and esc.district in self.districts)
                or (esc.route_district and esc.route_district in self.districts)
                or self.account.account_id in (esc.route_to or []))

    def escalation_filter(self) -> ColumnElement[bool]:
        if self.account.role != "officer":
            return false()
        clauses = [Escalation.group_id.in_(sorted(self.group_ids))]
        if self.districts:
            clauses.append(Escalation.district.in_(sorted(self.districts)))
            clauses.append(Escalation.route_district.in_(sorted(self.districts)))
        return or_(*clauses)

    def group_filter(self, column) -> ColumnElement[bool]:  # noqa: ANN001
        if self.account.role not in ("officer", "leader") or not self.group_ids:
            return false()
        return column.in_(sorted(self.group_ids))
