"""Per-group configuration: who leads a group, when it is open, what it allows.

Loaded once from ``configs/groups.toml`` (stdlib ``tomllib``) and validated at
load time against the file's shape, declared once as msgspec structs (types,
allowed keys, bounds, defaults); every problem raises ``ConfigError`` naming the
file, the group and the key, so an operator can fix it without reading code.

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

import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal, Mapping, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec

from pipeline.domain.classification import Category
from pipeline.domain.message import Role
from pipeline.domain.office_calendar import WEEKDAY_NAMES, OfficeHours, Period
from pipeline.domain.strikes import ACTIONS, StrikePolicy

DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULTS_SECTION = "defaults"
T = TypeVar("T")


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


# --------------------------------------------------------------------------- the file's shape

# The tables of groups.toml and of the holidays files, declared once: types, allowed keys, bounds
# and defaults. msgspec checks a table against its struct in one pass; what a struct cannot say
# (time zones, office periods, leaders vs officers) is checked in ``_build``. Every error becomes
# a ``ConfigError`` naming the file, the group and the dotted key.

_NonEmpty = Annotated[str, msgspec.Meta(pattern=r"\S")]
_LOCAL_HOLIDAY = "Ngày nghỉ địa phương"


class _OfficeHoursTable(msgspec.Struct, forbid_unknown_fields=True):
    days: Annotated[list[str], msgspec.Meta(min_length=1)] | None = None
    periods: Annotated[list[Annotated[list[Any], msgspec.Meta(min_length=2, max_length=2)]],
                       msgspec.Meta(min_length=1)] | None = None


class _StrikesTable(msgspec.Struct, forbid_unknown_fields=True):
    window_days: Annotated[int, msgspec.Meta(ge=1)] = 30
    ladder: Annotated[list[Literal[ACTIONS]], msgspec.Meta(min_length=1)] = msgspec.field(  # type: ignore[valid-type]
        default_factory=lambda: list(ACTIONS))


class _FloodTable(msgspec.Struct, forbid_unknown_fields=True):
    max_messages: Annotated[int, msgspec.Meta(ge=1)] = 5
    window_seconds: Annotated[float, msgspec.Meta(gt=0)] = 60.0


class _EscalationTable(msgspec.Struct, forbid_unknown_fields=True):
    route_to: list[_NonEmpty] = []
    route_district: str = ""


class _ExtraHoliday(msgspec.Struct, forbid_unknown_fields=True):
    date: date
    name: str = _LOCAL_HOLIDAY


class _GroupTable(msgspec.Struct, forbid_unknown_fields=True):
    """``[defaults]`` and each ``[groups.<id>]`` (a group's tables merged over the defaults)."""

    name: str = ""
    province: str = ""
    district: str = ""
    commune: str = ""
    leaders: list[_NonEmpty] = []
    officers: list[_NonEmpty] = []
    timezone: str = DEFAULT_TIMEZONE
    office_hours: _OfficeHoursTable = msgspec.field(default_factory=_OfficeHoursTable)
    extra_holidays: list[date | _ExtraHoliday] = []
    allowed_categories: list[Category] = msgspec.field(default_factory=lambda: [Category.TIP, Category.LOST_ITEM])
    strikes: _StrikesTable = msgspec.field(default_factory=_StrikesTable)
    flood: _FloodTable = msgspec.field(default_factory=_FloodTable)
    escalation: _EscalationTable = msgspec.field(default_factory=_EscalationTable)
    mode: Mode = Mode.ENFORCE
    zalo_group_id: str = ""
    auto_post: bool = False
    auto_remove: bool = False
    webhook_urls: list[_NonEmpty] = []


class _GroupsFile(msgspec.Struct, forbid_unknown_fields=True):
    holidays_files: list[str] = []
    defaults: dict[str, Any] = {}
    groups: dict[str, Any] = {}
    zalo_users: dict[str, str] = {}


class _Holiday(msgspec.Struct, forbid_unknown_fields=True):
    date: date
    name: str = ""
    province: str | None = None


class _Workday(msgspec.Struct, forbid_unknown_fields=True):
    date: date
    name: str = ""  # what the make-up day is for (documentation only)


class _HolidaysFile(msgspec.Struct, forbid_unknown_fields=True):
    holiday: list[_Holiday] = []
    workday: list[_Workday] = []


_TABLE_KEYS = ("office_hours", "strikes", "flood", "escalation")  # merged over the defaults key by key
_ONLY_IN_GROUPS = {"name", "leaders", "officers", "zalo_group_id"}
_INDEX = re.compile(r"\[[^\]]*\]")


def _convert(path: Path, group: str, raw: Any, shape: type[T], *, keep_index: bool = False) -> T:
    """``raw`` (a TOML table) as ``shape``, or a ``ConfigError`` naming the dotted key."""
    try:
        return msgspec.convert(raw, shape)
    except msgspec.ValidationError as exc:
        message, _, where = str(exc).partition(" - at ")
        key = where.strip("`").removeprefix("$").removeprefix(".")
        if not keep_index:
            key = _INDEX.sub("", key)
        found = re.match(r"Object (?:contains unknown|missing required) field `([^`]*)`", message)
        if found:
            key = f"{key}.{found.group(1)}" if key else found.group(1)
            message = message.replace("Object contains", "unknown key:").replace("Object missing required field",
                                                                                   "missing key")
        raise ConfigError(path, group, key or "-", message) from None


@dataclass(frozen=True, slots=True)
class Calendar:
    """Holidays and make-up workdays read from the holidays files."""

    national: Mapping[date, str]
    provincial: Mapping[str, Mapping[date, str]]
    workdays: frozenset[date]


def load_groups(path: str | Path) -> GroupsConfig:
    """Read and validate ``groups.toml`` (and the holidays files it names)."""
    path = Path(path)
    top = _convert(path, "-", _read_toml(path), _GroupsFile)
    calendar = _load_calendars(path, top.holidays_files)

    defaults_raw = top.defaults
    for key in sorted(_ONLY_IN_GROUPS & defaults_raw.keys()):
        raise ConfigError(path, DEFAULTS_SECTION, key, "belongs to a group, not to the defaults")
    defaults = _build(path, DEFAULTS_SECTION, "", _convert(path, DEFAULTS_SECTION, defaults_raw, _GroupTable),
                      calendar)

    groups: dict[str, GroupConfig] = {}
    for group_id, body in top.groups.items():
        if not isinstance(body, dict):
            raise ConfigError(path, group_id, group_id, "a group must be a table")
        if not group_id.strip():
            raise ConfigError(path, group_id, "groups", "group id is empty")
        _convert(path, group_id, body, _GroupTable)  # the group's own keys first: errors name them
        table = _convert(path, group_id, _merge(defaults_raw, body), _GroupTable)
        groups[group_id] = _build(path, group_id, group_id, table, calendar)
    zalo_ids: dict[str, str] = {}
    for seen_group, config in groups.items():
        if config.zalo_group_id and config.zalo_group_id in zalo_ids:
            raise ConfigError(path, seen_group, "zalo_group_id",
                              f"{config.zalo_group_id!r} is also the Zalo group of '{zalo_ids[config.zalo_group_id]}'")
        if config.zalo_group_id:
            zalo_ids[config.zalo_group_id] = seen_group
    return GroupsConfig(defaults=defaults, groups=groups, source=str(path), zalo_users=dict(top.zalo_users))


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


def _office_hours(path: Path, group: str, table: _OfficeHoursTable, holidays: Mapping[date, str],
                  workdays: frozenset[date]) -> OfficeHours:
    base = OfficeHours()
    days = base.days
    if table.days is not None:
        picked = set()
        for v in table.days:
            if v.lower() not in WEEKDAY_NAMES:
                raise ConfigError(path, group, "office_hours.days", f"{v!r} is not one of {list(WEEKDAY_NAMES)}")
            picked.add(WEEKDAY_NAMES.index(v.lower()))
        days = frozenset(picked)
    periods = base.periods
    if table.periods is not None:
        key = "office_hours.periods"
        out = []
        for pair in table.periods:
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


def _build(path: Path, group: str, group_id: str, table: _GroupTable, calendar: Calendar) -> GroupConfig:
    leaders, officers = frozenset(table.leaders), frozenset(table.officers)
    both = leaders & officers
    if both:
        raise ConfigError(path, group, "officers", f"{sorted(both)} listed as both leader and officer")
    try:
        ZoneInfo(table.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(path, group, "timezone", f"unknown time zone {table.timezone!r}") from None

    holidays = dict(calendar.national)
    holidays.update(calendar.provincial.get(table.province, {}))
    for item in table.extra_holidays:
        if isinstance(item, _ExtraHoliday):
            holidays[item.date] = item.name
        else:
            holidays[item] = _LOCAL_HOLIDAY
    return GroupConfig(
        group_id=group_id,
        name=table.name,
        province=table.province,
        district=table.district,
        commune=table.commune,
        leaders=leaders,
        officers=officers,
        timezone=table.timezone,
        office_hours=_office_hours(path, group, table.office_hours, holidays, calendar.workdays),
        allowed_categories=frozenset(table.allowed_categories),
        strikes=StrikePolicy(window=timedelta(days=table.strikes.window_days), ladder=tuple(table.strikes.ladder)),
        flood=FloodLimit(max_messages=table.flood.max_messages, window_seconds=float(table.flood.window_seconds)),
        routing=Routing(route_to=tuple(table.escalation.route_to), route_district=table.escalation.route_district),
        mode=table.mode,
        zalo_group_id=table.zalo_group_id,
        auto_post=table.auto_post,
        auto_remove=table.auto_remove,
        webhook_urls=tuple(table.webhook_urls),
    )


def _load_calendars(groups_path: Path, files: list[str]) -> Calendar:
    national: dict[date, str] = {}
    provincial: dict[str, dict[date, str]] = {}
    workdays: set[date] = set()
    for name in files:
        hpath = (groups_path.parent / name) if not Path(name).is_absolute() else Path(name)
        if not hpath.exists():
            raise ConfigError(groups_path, "-", "holidays_files", f"{hpath} not found")
        table = _convert(hpath, "-", _read_toml(hpath), _HolidaysFile, keep_index=True)
        for item in table.holiday:
            if item.province is None:
                national[item.date] = item.name
            else:
                provincial.setdefault(item.province, {})[item.date] = item.name
        workdays.update(w.date for w in table.workday)
    return Calendar(national=national, provincial=provincial, workdays=frozenset(workdays))
