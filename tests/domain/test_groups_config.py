"""configs/groups.toml: shipped content, defaults, roles, and validation errors naming file, group, key."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest

from pipeline.domain.classification import Category
from pipeline.domain.groups import ConfigError, GroupsConfig, Mode, load_groups
from pipeline.domain.message import Role
from tests.domain.factories import shipped


def test_shipped_groups() -> None:
    cfg = shipped()
    assert set(cfg.groups) == {"phuong-ben-nghe", "xa-yen-lac", "thon-an-phu", "zalo-private-tips"}
    # the gateway's group for 1:1 tips to the OA: escalated, never warned
    assert cfg.groups["zalo-private-tips"].mode is Mode.SHADOW and cfg.groups["zalo-private-tips"].route_to
    for gid, g in cfg.groups.items():
        if gid == "zalo-private-tips":
            continue
        assert g.group_id == gid and g.name and g.district and g.commune
        assert any(x.startswith("leader-") for x in g.leaders)
        assert any(x.startswith("officer-") for x in g.officers)


def test_defaults_for_unknown_group() -> None:
    g = shipped().for_group("khu-pho-moi")
    assert g.group_id == "khu-pho-moi"
    assert g.timezone == "Asia/Ho_Chi_Minh"
    assert g.office_hours.days == frozenset(range(5))
    assert [(p.start, p.end) for p in g.office_hours.periods] == [(time(7, 30), time(11, 30)),
                                                                  (time(13, 30), time(17, 0))]
    assert g.allowed_categories == {Category.TIP, Category.LOST_ITEM}
    assert g.strikes.window == timedelta(days=30)
    assert g.strikes.ladder == ("remind", "final_warning", "remove")
    assert (g.flood.max_messages, g.flood.window_seconds) == (5, 60.0)
    assert g.mode is Mode.ENFORCE
    assert date(2026, 2, 17) in g.office_hours.holidays  # national holidays apply to unknown groups too


def test_builtin_defaults_without_file() -> None:
    g = GroupsConfig.builtin().for_group("x")
    assert g.role_of("anyone") is Role.MEMBER and g.mode is Mode.ENFORCE


@pytest.mark.parametrize(
    ("sender", "declared", "role"),
    [
        ("leader-bn-tran-thi-lan", None, Role.LEADER),
        ("officer-bn-le-minh-tuan", None, Role.OFFICER),
        ("cu-dan-9", None, Role.MEMBER),
        ("cu-dan-9", Role.OFFICER, Role.OFFICER),
        ("leader-bn-tran-thi-lan", Role.MEMBER, Role.MEMBER),
        ("officer-bn-le-minh-tuan", Role.LEADER, Role.LEADER),
    ],
)
def test_role_of(sender: str, declared: Role | None, role: Role) -> None:
    assert shipped().for_group("phuong-ben-nghe").role_of(sender, declared) is role


def test_roles_are_per_group() -> None:
    assert shipped().for_group("xa-yen-lac").role_of("leader-bn-tran-thi-lan") is Role.MEMBER


def write(tmp_path: Path, body: str, holidays: str | None = None) -> Path:
    path = tmp_path / "groups.toml"
    path.write_text(body, encoding="utf-8")
    if holidays is not None:
        (tmp_path / "holidays.toml").write_text(holidays, encoding="utf-8")
    return path


def test_overrides_merge_key_by_key(tmp_path: Path) -> None:
    path = write(tmp_path, """
holidays_files = ["holidays.toml"]
[defaults]
mode = "shadow"
[defaults.strikes]
window_days = 14
[groups.a]
name = "A"
[groups.a.strikes]
ladder = ["remind", "remove"]
[groups.a.office_hours]
days = ["sat"]
""", holidays="""
[[holiday]]
date = 2026-12-25
name = "Giáng sinh (thử)"
[[holiday]]
date = 2026-12-24
name = "Lễ tỉnh"
province = "Tỉnh X"
[[workday]]
date = 2026-12-26
""")
    cfg = load_groups(path)
    a = cfg.for_group("a")
    assert a.strikes.window == timedelta(days=14) and a.strikes.ladder == ("remind", "remove")
    assert a.mode is Mode.SHADOW and cfg.for_group("b").mode is Mode.SHADOW
    assert a.office_hours.days == {5}
    assert a.office_hours.holidays == {date(2026, 12, 25): "Giáng sinh (thử)"}  # not in Tỉnh X
    assert date(2026, 12, 26) in a.office_hours.workdays


def test_province_and_group_extend_holidays(tmp_path: Path) -> None:
    path = write(tmp_path, """
holidays_files = ["holidays.toml"]
[groups.a]
province = "Tỉnh X"
extra_holidays = [2026-03-08, { date = "2026-10-20", name = "Ngày hội làng" }]
""", holidays="""
[[holiday]]
date = 2026-12-24
name = "Lễ tỉnh"
province = "Tỉnh X"
""")
    hol = load_groups(path).for_group("a").office_hours.holidays
    assert set(hol) == {date(2026, 12, 24), date(2026, 3, 8), date(2026, 10, 20)}
    assert hol[date(2026, 10, 20)] == "Ngày hội làng"


@pytest.mark.parametrize(
    ("body", "group", "key"),
    [
        ('[groups.a]\ncolour = "red"\n', "a", "colour"),
        ('[groups.a]\ntimezone = "Asia/Saigon_Nowhere"\n', "a", "timezone"),
        ('[groups.a]\nmode = "strict"\n', "a", "mode"),
        ('[groups.a]\nleaders = "leader-x"\n', "a", "leaders"),
        ('[groups.a]\nleaders = ["x"]\nofficers = ["x"]\n', "a", "officers"),
        ('[groups.a]\nallowed_categories = ["news"]\n', "a", "allowed_categories"),
        ('[groups.a.office_hours]\ndays = ["monday"]\n', "a", "office_hours.days"),
        ('[groups.a.office_hours]\nperiods = [["17:00", "07:30"]]\n', "a", "office_hours.periods"),
        ('[groups.a.office_hours]\nperiods = [["7h30", "11:30"]]\n', "a", "office_hours.periods"),
        ('[groups.a.office_hours]\nperiods = [["07:30", "12:00"], ["11:00", "17:00"]]\n', "a",
         "office_hours.periods"),
        ('[groups.a.office_hours]\nopen = "always"\n', "a", "office_hours.open"),
        ('[groups.a.strikes]\nwindow_days = 0\n', "a", "strikes.window_days"),
        ('[groups.a.strikes]\nladder = ["remind", "ban"]\n', "a", "strikes.ladder"),
        ('[groups.a.strikes]\nladder = []\n', "a", "strikes.ladder"),
        ('[groups.a.flood]\nmax_messages = "5"\n', "a", "flood.max_messages"),
        ('[groups.a.flood]\nwindow_seconds = -1\n', "a", "flood.window_seconds"),
        ('[groups.a.escalation]\nroute_to = [1]\n', "a", "escalation.route_to"),
        ('[groups.a]\nextra_holidays = ["30/4"]\n', "a", "extra_holidays"),
        ('[defaults]\nmode = "loud"\n', "defaults", "mode"),
        ('[defaults]\nleaders = ["x"]\n', "defaults", "leaders"),
        ('[defaults.flood]\nmax_messages = 0\n', "defaults", "flood.max_messages"),
        ('surprise = 1\n', "-", "surprise"),
        ('holidays_files = ["missing.toml"]\n', "-", "holidays_files"),
    ],
)
def test_validation_errors_name_file_group_key(tmp_path: Path, body: str, group: str, key: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(ConfigError) as err:
        load_groups(path)
    e = err.value
    assert (e.file, e.group, e.key) == (str(path), group, key)
    assert str(path) in str(e) and f"'{group}'" in str(e) and f"'{key}'" in str(e)


@pytest.mark.parametrize(
    ("holidays", "key"),
    [
        ('[[holiday]]\ndate = "2026-02-30"\nname = "x"\n', "holiday[0].date"),
        ('[[holiday]]\ndate = 2026-01-01\nname = "x"\n[[holiday]]\nname = "no date"\n', "holiday[1].date"),
        ('[[holiday]]\ndate = 2026-01-01\nwhen = "x"\n', "holiday[0].when"),
        ('[[festival]]\ndate = 2026-01-01\n', "festival"),
    ],
)
def test_holiday_file_errors(tmp_path: Path, holidays: str, key: str) -> None:
    path = write(tmp_path, 'holidays_files = ["holidays.toml"]\n', holidays=holidays)
    with pytest.raises(ConfigError) as err:
        load_groups(path)
    assert err.value.file == str(tmp_path / "holidays.toml") and err.value.key == key


def test_missing_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_groups(tmp_path / "nope.toml")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_groups(write(tmp_path, "[groups.a\n"))


def test_zalo_keys(tmp_path: Path) -> None:
    cfg = shipped()
    ben_nghe = cfg.by_zalo_group_id("zg-ben-nghe-0001")
    assert ben_nghe is not None and ben_nghe.group_id == "phuong-ben-nghe" and ben_nghe.auto_post
    assert not ben_nghe.auto_remove
    assert cfg.by_zalo_group_id("zg-unknown") is None
    assert cfg.zalo_user_id("leader-bn-tran-thi-lan") == "zu-2001"
    assert cfg.zalo_user_id("nobody") == ""
    assert cfg.for_group("khu-pho-moi").zalo_group_id == ""


@pytest.mark.parametrize("body,key", [
    ('[groups.a]\nzalo_group_id = "z"\n[groups.b]\nzalo_group_id = "z"\n', "zalo_group_id"),
    ('[groups.a]\nauto_post = "yes"\n', "auto_post"),
    ('[groups.a]\nwebhook_urls = "http://x"\n', "webhook_urls"),
    ('zalo_users = 3\n', "zalo_users"),
    ('[defaults]\nzalo_group_id = "z"\n', "zalo_group_id"),
])
def test_zalo_keys_validated(tmp_path: Path, body: str, key: str) -> None:
    path = tmp_path / "groups.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_groups(path)
    assert err.value.key == key
