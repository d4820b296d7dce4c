"""The one settings object: defaults, parsing, bounds, secrets, and errors that name the variable."""

import pytest

from pipeline.settings import Settings, SettingsError


def test_defaults_work_without_environment():
    s = Settings.from_env({})
    assert s.bootstrap_servers == ["127.0.0.1:19092"]
    assert s.is_embedded_default
    assert s.partitions == 4


def test_values_are_parsed_and_case_folded():
    s = Settings.from_env({"BINHYEN_PARTITIONS": "8", "BINHYEN_KAFKA_SECURITY_PROTOCOL": "sasl_ssl",
                           "BINHYEN_KAFKA_SASL_USERNAME": "u", "BINHYEN_KAFKA_SASL_PASSWORD": "hunter2",
                           "BINHYEN_DELIVER_DRY_RUN": "1", "BINHYEN_LOG_LEVEL": "DEBUG"})
    assert s.partitions == 8 and s.kafka_security_protocol == "SASL_SSL"
    assert s.deliver_dry_run is True and s.log_level == "debug"


@pytest.mark.parametrize("env,variable", [
    ({"BINHYEN_PARTITIONS": "0"}, "BINHYEN_PARTITIONS"),
    ({"BINHYEN_PARTITIONS": "four"}, "BINHYEN_PARTITIONS"),
    ({"BINHYEN_METRICS_PORT": "70000"}, "BINHYEN_METRICS_PORT"),
    ({"BINHYEN_KAFKA_SECURITY_PROTOCOL": "TLS"}, "BINHYEN_KAFKA_SECURITY_PROTOCOL"),
    ({"BINHYEN_KAFKA": " , "}, "BINHYEN_KAFKA"),
])
def test_bad_values_name_the_variable(env, variable):
    with pytest.raises(SettingsError, match=variable):
        Settings.from_env(env)


def test_sasl_without_credentials_is_refused():
    with pytest.raises(SettingsError, match="SASL needs"):
        Settings.from_env({"BINHYEN_KAFKA_SECURITY_PROTOCOL": "SASL_SSL"})


def test_secrets_never_show():
    s = Settings.from_env({"BINHYEN_KAFKA_SASL_PASSWORD": "hunter2", "BINHYEN_ZALO_OA_SECRET": "oa-secret",
                           "BINHYEN_WEBHOOK_SECRET": "whsec_abc"})
    assert "hunter2" not in repr(s) and "oa-secret" not in repr(s) and "whsec_abc" not in str(s)
    assert s.kafka_sasl_password.get_secret_value() == "hunter2"


def test_settings_are_frozen():
    s = Settings.from_env({})
    with pytest.raises(Exception):
        s.partitions = 9  # type: ignore[misc]
