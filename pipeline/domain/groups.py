"""Per-group configuration: who leads a group, when it is open, what it allows.

Loaded once from ``configs/groups.toml`` (stdlib ``tomllib``) and validated at
load time; every problem raises ``ConfigError`` naming the file, the group and
the key, so an operator can fix it without reading code.

Layout of the file::

    holidays_files = ["holidays.toml"]   # relative to this file; national + provincial days off

    [defaults]                           # every key below may appear here or in a group
    timezone = "Asia/Ho_Chi_Minh"
    allowed_categories = ["tip", "lost_item"]
    mode = "enforce"                     # or "shadow"
    [defaults.office_hours]
    days = ["mon", "tue", "wed", "thu", "fri"]
    periods = [["07:30", "11:30"], ["13:30", "17:00"]]
    [defaults.strikes]
    window_days = 30
    ladder = ["remind", "final_warning", "remove"]
    [defaults.flood]
    max_messages = 5                     # more than this many ...
    window_seconds = 60                  # ... within this many seconds fires
    [defaults.escalation]
    route_to = []                        # empty: the group's officers
    route_district = ""                  # empty: the group's district

    [groups.phuong-ben-nghe]
    name = "..."; province = "..."; district = "..."; commune = "..."
    leaders = ["leader-..."]; officers = ["officer-..."]
    extra_holidays = [{ date = 2026-12-19, name = "..." }]
    zalo_group_id = "..."                # the OA-created Zalo group this group is (gateway, deliver)
    auto_post = false                    # deliver posts each notice in the Zalo group itself
    auto_remove = false                  # deliver removes a member at ``remove`` (never by default)
    webhook_urls = ["https://..."]       # extra signed webhooks for this group's records

    [zalo_users]                         # person id (as in leaders/officers) -> Zalo user id for 1:1 messages
    "officer-..." = "1234567890"

A group's nested tables (``office_hours``, ``strikes``, ...) override the
defaults key by key. Groups not in the file get the defaults.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pipeline.domain.classification import Category
from pipeline.domain.message import Role
from pipeline.domain.office_calendar import WEEKDAY_NAMES, OfficeHours, Period
from pipeline.domain.strikes import ACTIONS, StrikePolicy

DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULTS_SECTION = "defaults"


class ConfigError(ValueError):
    """An unusable groups or holidays configuration.

    ``file``, ``group`` (``defaults``, a group id, or ``-`` for top level) and
    ``key`` (dotted, e.g. ``office_hours.periods``) locate the problem.
    """

    def __init__(self, file: str | Path, group: str, key: str, problem: str) -> None:
        self.file = str(file)
        self.group = group
        self.key = key
        self.problem = problem
        super().__init__(f"{self.file}: group '{group}', key '{key}': {problem}")


class Mode(StrEnum):
    ENFORCE = "enforce"
    SHADOW = "shadow"


@dataclass(frozen=True, slots=True)
class FloodLimit:
    """More than ``max_messages`` by one sender in one group within ``window_seconds`` fires."""

    max_messages: int = 5
    window_seconds: float = 60.0


@dataclass(frozen=True, slots=True)
class Routing:
    """Where a tip from this group goes. Empty values mean "the group's own"."""

    route_to: tuple[str, ...] = ()
    route_district: str = ""


@dataclass(frozen=True, slots=True)
class GroupConfig:
    group_id: str
    name: str = ""
    province: str = ""
    district: str = ""
    commune: str = ""
    leaders: frozenset[str] = frozenset()
    officers: frozenset[str] = frozenset()
    timezone: str = DEFAULT_TIMEZONE
    office_hours: OfficeHours = field(default_factory=OfficeHours)
    allowed_categories: frozenset[Category] = frozenset({Category.TIP, Category.LOST_ITEM})
    strikes: StrikePolicy = field(default_factory=StrikePolicy)
    flood: FloodLimit = field(default_factory=FloodLimit)
    routing: Routing = field(default_factory=Routing)
    mode: Mode = Mode.ENFORCE
    zalo_group_id: str = ""  # the OA-created Zalo group (empty: not an OA group)
    auto_post: bool = False  # post notices in the Zalo group (OA groups only)
    auto_remove: bool = False  # carry out ``remove`` through Zalo's removemembers
    webhook_urls: tuple[str, ...] = ()  # this group's own signed webhooks

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def shadow(self) -> bool:
        return self.mode is Mode.SHADOW

    def role_of(self, sender_id: str, declared: Role | None = None) -> Role:
        """The sender's role: the input's ``sender_role`` wins, then the config, else member."""
        if declared is not None:
            return declared
        if sender_id in self.officers:
            return Role.OFFICER
        if sender_id in self.leaders:
            return Role.LEADER
        return Role.MEMBER

    @property
    def route_to(self) -> tuple[str, ...]:
        return self.routing.route_to or tuple(sorted(self.officers))

    @property
    def route_district(self) -> str:
        return self.routing.route_district or self.district

    @property
    def display_name(self) -> str:
        return self.name or self.group_id


@dataclass(frozen=True, slots=True)
class GroupsConfig:
    defaults: GroupConfig = field(default_factory=lambda: GroupConfig(group_id=""))
    groups: Mapping[str, GroupConfig] = field(default_factory=dict)
    source: str = "<built-in defaults>"
    zalo_users: Mapping[str, str] = field(default_factory=dict)  # person id -> Zalo user id
    #: unknown groups' configurations, built once each (``for_group`` is asked per message)
    _unknown: dict[str, GroupConfig] = field(default_factory=dict, compare=False, repr=False)
    _by_zalo: dict[str, GroupConfig] | None = field(default=None, compare=False, repr=False)

    def for_group(self, group_id: str) -> GroupConfig:
        """The group's configuration; an unknown group gets the defaults under its own id."""
        found = self.groups.get(group_id) or self._unknown.get(group_id)
        if found is not None:
            return found
        if len(self._unknown) >= 100_000:
            self._unknown.clear()
        config = self._unknown[group_id] = replace(self.defaults, group_id=group_id)
        return config

    def by_zalo_group_id(self, zalo_group_id: str) -> GroupConfig | None:
        """The configured group whose ``zalo_group_id`` is this Zalo group, if any."""
        if self._by_zalo is None:
            index = {c.zalo_group_id: c for c in self.groups.values() if c.zalo_group_id}
            object.__setattr__(self, "_by_zalo", index)
        return self._by_zalo.get(zalo_group_id)  # type: ignore[union-attr]

    def zalo_user_id(self, person_id: str) -> str:
        """The Zalo user id to message ``person_id`` 1:1 (empty when not configured)."""
        return self.zalo_users.get(person_id, "")

    @classmethod
    def builtin(cls) -> "GroupsConfig":
        """Defaults only, no holidays: for tests and for running without a file."""
        return cls()


# --------------------------------------------------------------------------- loading

_TOP_KEYS = {"holidays_files", DEFAULTS_SECTION, "groups", "zalo_users"}
_SCALAR_STR_KEYS = ("name", "province", "district", "commune")
_GROUP_KEYS = {
    *_SCALAR_STR_KEYS,
    "leaders", "officers", "timezone", "office_hours", "extra_holidays",
    "allowed_categories", "strikes", "flood", "escalation", "mode",
    "zalo_group_id", "auto_post", "auto_remove", "webhook_urls",
}
_TABLE_KEYS: dict[str, set[str]] = {
    "office_hours": {"days", "periods"},
    "strikes": {"window_days", "ladder"},
    "flood": {"max_messages", "window_seconds"},
    "escalation": {"route_to", "route_district"},
}
_ONLY_IN_GROUPS = {"name", "leaders", "officers", "zalo_group_id"}


@dataclass(frozen=True, slots=True)
class Calendar:
    """Holidays and make-up workdays read from the holidays files."""

    national: Mapping[date, str]
    provincial: Mapping[str, Mapping[date, str]]
    workdays: frozenset[date]


def load_groups(path: str | Path) -> GroupsConfig:
    """Read and validate ``groups.toml`` (and the holidays files it names)."""
    path = Path(path)
    raw = _read_toml(path)
    for key in raw:
        if key not in _TOP_KEYS:
            raise ConfigError(path, "-", key, f"unknown top-level key (expected one of {sorted(_TOP_KEYS)})")
    calendar = _load_calendars(path, raw.get("holidays_files", []))

    defaults_raw = raw.get(DEFAULTS_SECTION, {})
    if not isinstance(defaults_raw, dict):
        raise ConfigError(path, DEFAULTS_SECTION, DEFAULTS_SECTION, "must be a table")
    _check_keys(path, DEFAULTS_SECTION, defaults_raw)
    for key in _ONLY_IN_GROUPS & defaults_raw.keys():
        raise ConfigError(path, DEFAULTS_SECTION, key, "belongs to a group, not to the defaults")
    defaults = _build(path, DEFAULTS_SECTION, "", defaults_raw, calendar)

    groups_raw = raw.get("groups", {})
    if not isinstance(groups_raw, dict):
        raise ConfigError(path, "-", "groups", "must be a table of groups")
    groups: dict[str, GroupConfig] = {}
    for group_id, body in groups_raw.items():
        if not isinstance(body, dict):
            raise ConfigError(path, group_id, group_id, "a group must be a table")
        if not group_id.strip():
            raise ConfigError(path, group_id, "groups", "group id is empty")
        _check_keys(path, group_id, body)
        groups[group_id] = _build(path, group_id, group_id, _merge(defaults_raw, body), calendar)
    zalo_ids: dict[str, str] = {}
    for seen_group, config in groups.items():
        if config.zalo_group_id and config.zalo_group_id in zalo_ids:
            raise ConfigError(path, seen_group, "zalo_group_id",
                              f"{config.zalo_group_id!r} is also the Zalo group of '{zalo_ids[config.zalo_group_id]}'")
        if config.zalo_group_id:
            zalo_ids[config.zalo_group_id] = seen_group
    users_raw = raw.get("zalo_users", {})
    if not isinstance(users_raw, dict):
        raise ConfigError(path, "-", "zalo_users", "must be a table of person id = \"Zalo user id\"")
    users = {person: _str(path, "-", f"zalo_users.{person}", zid) for person, zid in users_raw.items()}
    return GroupsConfig(defaults=defaults, groups=groups, source=str(path), zalo_users=users)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(path, "-", "-", "file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "-", "-", f"not valid TOML: {exc}") from None


def _merge(defaults: Mapping[str, Any], group: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(defaults)
    for key, value in group.items():
        if key in _TABLE_KEYS and isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def _check_keys(path: Path, group: str, body: Mapping[str, Any]) -> None:
    for key, value in body.items():
        if key not in _GROUP_KEYS:
            raise ConfigError(path, group, key, f"unknown key (expected one of {sorted(_GROUP_KEYS)})")
        if key in _TABLE_KEYS:
            if not isinstance(value, dict):
                raise ConfigError(path, group, key, "must be a table")
            for sub in value:
                if sub not in _TABLE_KEYS[key]:
                    raise ConfigError(path, group, f"{key}.{sub}",
                                      f"unknown key (expected one of {sorted(_TABLE_KEYS[key])})")


def _str(path: Path, group: str, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(path, group, key, f"must be a string, got {type(value).__name__}")
    return value


def _str_list(path: Path, group: str, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(path, group, key, "must be a list of non-empty strings")
    return tuple(value)


def _clock(path: Path, group: str, key: str, value: Any) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, str):
        try:
            parsed = datetime.strptime(value, "%H:%M").time()
        except ValueError:
            pass
        else:
            return parsed
    raise ConfigError(path, group, key, f"{value!r} is not a time of day like \"07:30\"")


def _day(path: Path, group: str, key: str, value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ConfigError(path, group, key, f"{value!r} is not a date like 2026-09-02")


def _office_hours(path: Path, group: str, body: Mapping[str, Any], holidays: Mapping[date, str],
                  workdays: frozenset[date]) -> OfficeHours:
    base = OfficeHours()
    days = base.days
    if "days" in body:
        value = body["days"]
        if not isinstance(value, list) or not value:
            raise ConfigError(path, group, "office_hours.days", "must be a non-empty list like [\"mon\", \"fri\"]")
        picked = set()
        for v in value:
            if not isinstance(v, str) or v.lower() not in WEEKDAY_NAMES:
                raise ConfigError(path, group, "office_hours.days", f"{v!r} is not one of {list(WEEKDAY_NAMES)}")
            picked.add(WEEKDAY_NAMES.index(v.lower()))
        days = frozenset(picked)
    periods = base.periods
    if "periods" in body:
        value = body["periods"]
        key = "office_hours.periods"
        if not isinstance(value, list) or not value:
            raise ConfigError(path, group, key, "must be a non-empty list of [start, end] pairs")
        out = []
        for pair in value:
            if not isinstance(pair, list) or len(pair) != 2:
                raise ConfigError(path, group, key, f"{pair!r} is not a [start, end] pair")
            start, end = _clock(path, group, key, pair[0]), _clock(path, group, key, pair[1])
            if not start < end:
                raise ConfigError(path, group, key, f"period {pair!r} ends before it starts")
            out.append(Period(start, end))
        out.sort(key=lambda p: p.start)
        for a, b in zip(out, out[1:]):
            if b.start < a.end:
                raise ConfigError(path, group, key, f"periods {a.label()} and {b.label()} overlap")
        periods = tuple(out)
    return OfficeHours(days=days, periods=periods, holidays=holidays, workdays=workdays)


def _build(path: Path, group: str, group_id: str, body: Mapping[str, Any], calendar: Calendar) -> GroupConfig:
    strs = {k: _str(path, group, k, body[k]) for k in _SCALAR_STR_KEYS if k in body}
    leaders = frozenset(_str_list(path, group, "leaders", body.get("leaders", [])))
    officers = frozenset(_str_list(path, group, "officers", body.get("officers", [])))
    both = leaders & officers
    if both:
        raise ConfigError(path, group, "officers", f"{sorted(both)} listed as both leader and officer")

    tz_name = _str(path, group, "timezone", body.get("timezone", DEFAULT_TIMEZONE))
    try:
        ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(path, group, "timezone", f"unknown time zone {tz_name!r}") from None

    holidays = dict(calendar.national)
    province = strs.get("province", "")
    holidays.update(calendar.provincial.get(province, {}))
    extra = body.get("extra_holidays", [])
    if not isinstance(extra, list):
        raise ConfigError(path, group, "extra_holidays", "must be a list of dates or {date, name} tables")
    for item in extra:
        if isinstance(item, dict):
            unknown = set(item) - {"date", "name"}
            if unknown:
                raise ConfigError(path, group, "extra_holidays", f"unknown keys {sorted(unknown)}")
            day = _day(path, group, "extra_holidays", item.get("date"))
            holidays[day] = _str(path, group, "extra_holidays", item.get("name", "Ngày nghỉ địa phương"))
        else:
            holidays[_day(path, group, "extra_holidays", item)] = "Ngày nghỉ địa phương"
    office = _office_hours(path, group, body.get("office_hours", {}), holidays, calendar.workdays)

    allowed_raw = body.get("allowed_categories", ["tip", "lost_item"])
    allowed: set[Category] = set()
    for v in _str_list(path, group, "allowed_categories", allowed_raw):
        try:
            allowed.add(Category(v))
        except ValueError:
            raise ConfigError(path, group, "allowed_categories",
                              f"{v!r} is not one of {[c.value for c in Category]}") from None

    strikes_raw = body.get("strikes", {})
    window_days = strikes_raw.get("window_days", 30)
    if not isinstance(window_days, int) or isinstance(window_days, bool) or window_days < 1:
        raise ConfigError(path, group, "strikes.window_days", "must be a whole number of days, at least 1")
    ladder = _str_list(path, group, "strikes.ladder", strikes_raw.get("ladder", list(ACTIONS)))
    if not ladder:
        raise ConfigError(path, group, "strikes.ladder", "must name at least one action")
    for action in ladder:
        if action not in ACTIONS:
            raise ConfigError(path, group, "strikes.ladder", f"{action!r} is not one of {list(ACTIONS)}")

    flood_raw = body.get("flood", {})
    max_messages = flood_raw.get("max_messages", 5)
    if not isinstance(max_messages, int) or isinstance(max_messages, bool) or max_messages < 1:
        raise ConfigError(path, group, "flood.max_messages", "must be a whole number, at least 1")
    window_seconds = flood_raw.get("window_seconds", 60)
    if not isinstance(window_seconds, (int, float)) or isinstance(window_seconds, bool) or window_seconds <= 0:
        raise ConfigError(path, group, "flood.window_seconds", "must be a positive number of seconds")

    esc = body.get("escalation", {})
    routing = Routing(
        route_to=_str_list(path, group, "escalation.route_to", esc.get("route_to", [])),
        route_district=_str(path, group, "escalation.route_district", esc.get("route_district", "")),
    )

    flags = {}
    for key in ("auto_post", "auto_remove"):
        value = body.get(key, False)
        if not isinstance(value, bool):
            raise ConfigError(path, group, key, "must be true or false")
        flags[key] = value

    mode_raw = _str(path, group, "mode", body.get("mode", "enforce"))
    try:
        mode = Mode(mode_raw)
    except ValueError:
        raise ConfigError(path, group, "mode", f"{mode_raw!r} is not 'enforce' or 'shadow'") from None

    return GroupConfig(
        group_id=group_id,
        name=strs.get("name", ""),
        province=province,
        district=strs.get("district", ""),
        commune=strs.get("commune", ""),
        leaders=leaders,
        officers=officers,
        timezone=tz_name,
        office_hours=office,
        allowed_categories=frozenset(allowed),
        strikes=StrikePolicy(window=timedelta(days=window_days), ladder=ladder),
        flood=FloodLimit(max_messages=max_messages, window_seconds=float(window_seconds)),
        routing=routing,
        mode=mode,
        zalo_group_id=_str(path, group, "zalo_group_id", body.get("zalo_group_id", "")),
        webhook_urls=_str_list(path, group, "webhook_urls", body.get("webhook_urls", [])),
        **flags,
    )


def _load_calendars(groups_path: Path, files: Any) -> Calendar:
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        raise ConfigError(groups_path, "-", "holidays_files", "must be a list of file names")
    national: dict[date, str] = {}
    provincial: dict[str, dict[date, str]] = {}
    workdays: set[date] = set()
    for name in files:
        hpath = (groups_path.parent / name) if not Path(name).is_absolute() else Path(name)
        if not hpath.exists():
            raise ConfigError(groups_path, "-", "holidays_files", f"{hpath} not found")
        raw = _read_toml(hpath)
        for key in raw:
            if key not in ("holiday", "workday"):
                raise ConfigError(hpath, "-", key, "unknown key (expected [[holiday]] or [[workday]])")
        for i, item in enumerate(raw.get("holiday", [])):
            key = f"holiday[{i}]"
            if not isinstance(item, dict):
                raise ConfigError(hpath, "-", key, "must be a table with date and name")
            unknown = set(item) - {"date", "name", "province"}
            if unknown:
                raise ConfigError(hpath, "-", f"{key}.{sorted(unknown)[0]}", "unknown key")
            day = _day(hpath, "-", f"{key}.date", item.get("date"))
            label = _str(hpath, "-", f"{key}.name", item.get("name", ""))
            province = item.get("province")
            if province is None:
                national[day] = label
            else:
                provincial.setdefault(_str(hpath, "-", f"{key}.province", province), {})[day] = label
        for i, item in enumerate(raw.get("workday", [])):
            if not isinstance(item, dict):
                raise ConfigError(hpath, "-", f"workday[{i}]", "must be a table with date")
            workdays.add(_day(hpath, "-", f"workday[{i}].date", item.get("date")))
    return Calendar(national=national, provincial=provincial, workdays=frozenset(workdays))
