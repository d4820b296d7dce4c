"""The offset ledger: which records are new, which offsets were skipped."""

import time

from pipeline.streams.continuity import OffsetLedger
from pipeline.streams.processing import RawRecord


def r(partition, offset):
    return RawRecord(value=b"{}", key=b"g", topic="chat.messages", partition=partition, offset=offset)


def test_in_order_records_pass_and_advance_the_ledger():
    ledger = OffsetLedger()
    ledger.reset({0: 10, 1: 0})
    fresh, gaps = ledger.split([r(0, 10), r(1, 0), r(0, 11)])
    assert [(x.partition, x.offset) for x in fresh] == [(0, 10), (1, 0), (0, 11)] and gaps == {}
    ledger.advance(fresh)
    assert ledger.expected == {0: 12, 1: 1}


def test_a_batch_starting_past_the_expected_offset_reports_the_gap():
    ledger = OffsetLedger()
    ledger.reset({0: 10, 2: 5})
    fresh, gaps = ledger.split([r(0, 14), r(0, 15), r(2, 5)])
    assert gaps == {0: (10, 14)}
    assert [(x.partition, x.offset) for x in fresh] == [(0, 14), (0, 15), (2, 5)]


def test_redelivered_records_are_dropped():
    ledger = OffsetLedger()
    ledger.reset({0: 10})
    fresh, gaps = ledger.split([r(0, 8), r(0, 9), r(0, 10)])
    assert [x.offset for x in fresh] == [10] and gaps == {}


def test_partitions_without_a_known_start_are_taken_as_they_come():
    ledger = OffsetLedger()
    fresh, gaps = ledger.split([r(3, 40)])
    assert [x.offset for x in fresh] == [40] and gaps == {}


def test_stalled_partitions_are_the_idle_ones_with_records_beyond_the_expected_offset():
    ledger = OffsetLedger()
    ledger.reset({0: 10, 1: 7})
    ledger.last_progress[0] -= 60
    ledger.last_progress[1] -= 60
    assert ledger.stalled({0: 15, 1: 7}, idle_seconds=10) == {0: (10, 15)}
    ledger.advance([r(0, 12)])
    assert ledger.stalled({0: 15}, idle_seconds=10) == {}
    assert time.monotonic() - ledger.last_progress[0] < 5


def test_several_gaps_in_one_partition_make_one_span_and_merge_in_offset_order():
    ledger = OffsetLedger()
    ledger.reset({1: 135})
    fresh, gaps = ledger.split([r(1, 135), r(1, 136), r(1, 140), r(0, 7), r(1, 150)])
    assert gaps == {1: (137, 150)}
    fetched = [r(1, o) for o in range(137, 150)]
    merged = ledger.merge(fresh, fetched)
    assert [(x.partition, x.offset) for x in merged if x.partition == 1] == [(1, o) for o in range(135, 151)]
    assert [(x.partition, x.offset) for x in merged if x.partition == 0] == [(0, 7)]
