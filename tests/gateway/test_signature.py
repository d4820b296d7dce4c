"""X-ZEvent-Signature: both schemes, both header forms, constant-time compare, event age."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from pipeline.gateway import signature

APP, SECRET, TS = "app-1", "oa-secret", "1718000000000"
BODY = b'{"event_name":"user_send_group_text","timestamp":"1718000000000"}'


def test_default_scheme_is_sha256_of_app_body_timestamp_secret():
    expected = hashlib.sha256(APP.encode() + BODY + TS.encode() + SECRET.encode()).hexdigest()
    assert signature.digest(APP, BODY, TS, SECRET) == expected
    assert signature.header_value(APP, BODY, TS, SECRET) == f"mac={expected}"


def test_hmac_scheme():
    expected = hmac.new(SECRET.encode(), APP.encode() + BODY + TS.encode(), hashlib.sha256).hexdigest()
    assert signature.digest(APP, BODY, TS, SECRET, "hmac-sha256") == expected
    assert expected != signature.digest(APP, BODY, TS, SECRET, "sha256")


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError):
        signature.digest(APP, BODY, TS, SECRET, "md5")  # type: ignore[arg-type]


@pytest.mark.parametrize("scheme", signature.SCHEMES)
@pytest.mark.parametrize("form", ["mac={}", "{}", "MAC={}", "  mac= {}  ", "mac={upper}"])
def test_accepts_mac_prefix_and_bare_hex(scheme, form):
    hexd = signature.digest(APP, BODY, TS, SECRET, scheme)
    header = form.format(hexd, upper=hexd.upper())
    assert signature.check(header, app_id=APP, body=BODY, timestamp=TS, secret=SECRET, scheme=scheme) is None


@pytest.mark.parametrize(("header", "reason"), [
    (None, signature.MISSING), ("", signature.MISSING), ("   ", signature.MISSING),
    ("mac=abc", signature.MALFORMED), ("sha256=" + "0" * 64, signature.MALFORMED), ("mac=" + "g" * 64, signature.MALFORMED),
    ("mac=" + "0" * 64, signature.MISMATCH),
])
def test_refusals(header, reason):
    assert signature.check(header, app_id=APP, body=BODY, timestamp=TS, secret=SECRET) == reason


def test_any_change_breaks_the_signature():
    good = signature.header_value(APP, BODY, TS, SECRET)
    assert signature.check(good, app_id=APP, body=BODY + b" ", timestamp=TS, secret=SECRET) == signature.MISMATCH
    assert signature.check(good, app_id="other", body=BODY, timestamp=TS, secret=SECRET) == signature.MISMATCH
    assert signature.check(good, app_id=APP, body=BODY, timestamp="1718000000001", secret=SECRET) == signature.MISMATCH
    assert signature.check(good, app_id=APP, body=BODY, timestamp=TS, secret="x") == signature.MISMATCH
    # the scheme is part of it: a sha256 signature is not accepted under hmac-sha256
    assert signature.check(good, app_id=APP, body=BODY, timestamp=TS, secret=SECRET,
                           scheme="hmac-sha256") == signature.MISMATCH


def test_no_secret_configured_refuses_everything():
    good = signature.header_value(APP, BODY, TS, "")
    assert signature.check(good, app_id=APP, body=BODY, timestamp=TS, secret="") == signature.NOT_CONFIGURED


def test_compare_is_constant_time(monkeypatch):
    """The digests are compared with hmac.compare_digest, never with ==."""
    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(signature.hmac, "compare_digest", spy)
    assert signature.check("mac=" + "1" * 64, app_id=APP, body=BODY, timestamp=TS, secret=SECRET) == signature.MISMATCH
    good = signature.header_value(APP, BODY, TS, SECRET)
    assert signature.check(good, app_id=APP, body=BODY, timestamp=TS, secret=SECRET) is None
    assert len(calls) == 2 and calls[0][0] == b"1" * 64


def test_timestamp_text_and_age():
    assert signature.timestamp_text("1718000000000") == "1718000000000"
    assert signature.timestamp_text(1718000000000) == "1718000000000"
    assert signature.timestamp_text(True) is None and signature.timestamp_text(1.5) is None
    assert signature.event_age("1718000000000", 1718000010.0) == pytest.approx(10.0)
    assert signature.event_age("1718000000000", 1717999990.0) == pytest.approx(-10.0)
    assert signature.event_age("", 0) is None and signature.event_age("12ab", 0) is None
    assert signature.event_age("9" * 40, 0) is None
