"""Seen message ids: ordered, bounded, values that do not change when extended."""

from pipeline.domain.seen import SeenIds


def test_ids_are_kept_in_order_and_the_oldest_dropped_beyond_the_bound():
    seen = SeenIds()
    for i in range(5):
        seen = seen.add(f"m{i}", 3)
    assert seen == ("m2", "m3", "m4") and len(seen) == 3
    assert "m4" in seen and "m1" not in seen


def test_an_extended_value_leaves_the_old_one_as_it_was():
    old = SeenIds(["a", "b"])
    new = old.add("c", 10)
    assert list(old) == ["a", "b"] and "c" not in old
    assert list(new) == ["a", "b", "c"]
    fork = old.add("d", 10)  # extending an older version copies its window
    assert list(fork) == ["a", "b", "d"] and list(new) == ["a", "b", "c"] and "d" not in new


def test_a_long_run_stays_bounded_and_correct_through_compactions():
    seen = SeenIds()
    for i in range(10_000):
        seen = seen.add(f"m{i}", 1000)
        if i % 997 == 0:
            assert len(seen) == min(i + 1, 1000) and f"m{i}" in seen and f"m{i - 1000}" not in seen
    assert list(seen) == [f"m{i}" for i in range(9000, 10_000)]
    assert len(seen._log.ids) <= 2000  # noqa: SLF001 - the log is compacted
