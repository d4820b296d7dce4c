"""redact and safe_log_fields: nothing identifying goes to logs."""

from __future__ import annotations

import pytest

from pipeline.domain.redaction import redact, safe_log_fields
from tests.domain.factories import image, msg


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gọi 0912345678 nhé", "gọi <phone> nhé"),
        ("sđt: 091 234 5678.", "sđt: <phone>."),
        ("liên hệ +84 912 345 678 gấp", "liên hệ <phone> gấp"),
        ("+84912345678", "<phone>"),
        ("84912345678", "<phone>"),
        ("0912.345.678", "<phone>"),
        ("0912-345-678", "<phone>"),
        ("bàn (028) 3829 1234", "bàn <phone>"),
        ("028 3829 1234", "<phone>"),
        ("CCCD 001090012345", "CCCD <number>"),
        ("STK 1903 5555 8888 01", "STK <number>"),
        ("lúc 21:15 ngày 23/11/2026", "lúc 21:15 ngày 23/11/2026"),
        ("nhà số 12 ngõ 34", "nhà số 12 ngõ 34"),
        ("biển số 59X1-234.56", "biển số 59X<number>"),  # grouped digits count as one run; plates identify too
        ("", ""),
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_safe_log_fields_never_text_nor_sender() -> None:
    m = msg("09:00", text="Nhà em ở số 5 bị trộm, gọi 0912345678", sender_id="nguoi-bao-tin", attachments=(image(),),
            reply_to="m0")
    fields = safe_log_fields(m)
    blob = repr(fields)
    assert "trộm" not in blob and "0912345678" not in blob and "nguoi-bao-tin" not in blob
    assert "example.invalid" not in blob
    assert fields["text_chars"] == len(m.text) and fields["attachments"] == 1
    assert fields["message_id"] == "m1" and fields["group_id"] == m.group_id
