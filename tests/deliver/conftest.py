import textwrap

import pytest

from pipeline.domain.groups import load_groups

GROUPS_TOML = textwrap.dedent("""
    holidays_files = []
    [defaults]
    [groups.oa]
    name = "Nhóm OA"
    leaders = ["leader-a", "leader-b"]
    officers = ["officer-a"]
    zalo_group_id = "zg-1"
    auto_post = true
    auto_remove = true
    webhook_urls = ["https://hooks.example/oa?token=s3cret"]
    [groups.plain]
    name = "Nhóm thường"
    leaders = ["leader-p"]
    officers = ["officer-p", "officer-q"]
    zalo_group_id = "zg-2"
    [groups.unmapped]
    leaders = ["leader-x"]
    officers = ["officer-x"]
    [zalo_users]
    "leader-a" = "zu-la"
    "leader-b" = "zu-lb"
    "officer-a" = "zu-oa"
    "leader-p" = "zu-lp"
    "officer-p" = "zu-op"
    "officer-q" = "zu-oq"
    "member-1" = "zu-m1"
""")


@pytest.fixture
def groups(tmp_path):
    path = tmp_path / "groups.toml"
    path.write_text(GROUPS_TOML, encoding="utf-8")
    return load_groups(path)
