"""Every Prometheus instrument binhyen exports, in one place.

Naming follows Prometheus conventions: ``binhyen_`` prefix, snake_case, base
units, ``_total`` counters, ``_seconds`` histograms. No label ever carries
message text, a sender id, a group id or any other unbounded value: labels are
categories, rules, actions, priorities, reasons, topics and partitions.
Called from ``pipeline.streams``, ``pipeline.deliver`` and ``pipeline.cli`` only.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram, start_http_server

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)

MESSAGES_CONSUMED = Counter(
    "binhyen_messages_consumed_total", "Records read from the input topic.", ["topic"])
DECISIONS = Counter(
    "binhyen_decisions_total", "Valid messages judged, by category and urgency.", ["category", "urgent"])
WARNINGS = Counter(
    "binhyen_warnings_total", "Rule-violation warnings published for group leaders.", ["rule", "action"])
RULE_FIRINGS_SHADOW = Counter(
    "binhyen_shadow_rule_firings_total", "Rules that fired in shadow-mode groups (no warning sent).", ["rule"])
ESCALATIONS = Counter(
    "binhyen_escalations_total", "Tips escalated to officers, by priority.", ["priority"])
LOST_FOUND = Counter(
    "binhyen_lost_found_reports_total", "Lost-and-found reports published.", ["matched"])
DEAD_LETTERS = Counter(
    "binhyen_dead_letters_total", "Input records rejected to the dead-letter topic, by reason.", ["reason"])
DUPLICATES = Counter(
    "binhyen_duplicate_messages_total", "Messages seen before (redelivery) and skipped.")
REPUBLISH_SKIPPED = Counter(
    "binhyen_republish_skipped_total",
    "Outputs not published again because they were already on the broker (redone after a crash).")
GAP_RECORDS_FILLED = Counter(
    "binhyen_input_gap_records_filled_total",
    "Input records the consumer skipped (around a rebalance) that the worker fetched and processed itself.")
ACTIONS_APPLIED = Counter(
    "binhyen_actions_applied_total", "People's actions (moderation.actions) applied to a group's state.", ["action"])
REVIEWS = Counter(
    "binhyen_reviews_total", "Messages held for a person to review (the classifier was not sure).")
EMIT_ERRORS = Counter(
    "binhyen_emit_errors_total", "Failures to publish an output record, by topic.", ["topic"])
END_TO_END_LATENCY = Histogram(
    "binhyen_end_to_end_latency_seconds",
    "Time from a message's origin to its outputs being emitted; source is sent_at or kafka_timestamp.",
    ["source"], buckets=LATENCY_BUCKETS)
CLASSIFIER_LATENCY = Histogram(
    "binhyen_classifier_batch_latency_seconds", "Time to classify one batch of messages.",
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5))
CLASSIFIER_BATCH_SIZE = Histogram(
    "binhyen_classifier_batch_size", "Messages per classification batch.",
    buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024))
MODEL_INFO = Gauge(
    "binhyen_model_info", "The classifier in use (value 1), by model version.", ["version"])
MODEL_FALLBACK = Gauge(
    "binhyen_model_fallback", "1 when the trained model could not be loaded and the keyword fallback runs.")
MODEL_LOAD_FAILURES = Counter(
    "binhyen_model_load_failures_total", "Failed attempts to load the trained model artifact.")
CONSUMER_LAG = Gauge(
    "binhyen_consumer_lag_messages", "Messages behind the end of each assigned input partition.",
    ["topic", "partition"])
TABLE_ENTRIES = Gauge(
    "binhyen_table_entries", "Keys held in each state table on this worker.", ["table"])


def start_metrics_server(port: int, addr: str = "0.0.0.0") -> None:
    """Serve ``/metrics`` (plus the default process and Python collectors)."""
    start_http_server(port, addr=addr)


def set_model(version: str, fallback: bool) -> None:
    MODEL_INFO.clear()
    MODEL_INFO.labels(version=version).set(1)
    MODEL_FALLBACK.set(1 if fallback else 0)


# --- deliver (`binhyen deliver`, pipeline/deliver) -------------------------------------------
# channel is the kind of channel (zalo_cs, zalo_group, zalo_remove, webhook), never a target.
DELIVERIES = Counter(
    "binhyen_deliveries_total", "Delivery outcomes, by channel kind and status (delivered, parked, dry_run).",
    ["channel", "status"])
DELIVERY_ATTEMPTS = Counter(
    "binhyen_delivery_attempts_total", "HTTP attempts made for deliveries, by channel kind and result "
    "(ok, retry, error).", ["channel", "result"])
DELIVERY_LATENCY = Histogram(
    "binhyen_delivery_latency_seconds",
    "Time from the output record (its Kafka timestamp) to its delivery, by channel kind and priority.",
    ["channel", "priority"], buckets=LATENCY_BUCKETS)
DELIVERIES_PARKED = Gauge(
    "binhyen_deliveries_parked", "Parked deliveries known to this deliverer (read back from "
    "moderation.deliveries at start plus its own).")
DELIVERY_OLDEST_PENDING = Gauge(
    "binhyen_delivery_oldest_pending_seconds",
    "Age of the oldest record whose 1:1 Zalo message (to an officer or leader) is not delivered yet, "
    "by priority (0 when none).", ["priority"])
DELIVERY_PENDING = Gauge(
    "binhyen_delivery_pending_records", "Records fetched and not yet delivered or parked on every channel.")
# Labelled (token="access") so that only a deliverer exports it: an unlabelled gauge would show
# as 0 on every worker and gateway too (all processes import this module) and look expired.
ZALO_TOKEN_EXPIRY = Gauge(
    "binhyen_zalo_token_expiry_seconds", "Seconds until the current Zalo OA access token expires.", ["token"])
ZALO_TOKEN_REFRESHES = Counter(
    "binhyen_zalo_token_refreshes_total", "Zalo access-token refreshes, by result (ok, error).", ["result"])


# --- gateway (HTTP ingress, pipeline/gateway) --------------------------------------------
# Labels: endpoint (zalo_webhook, ingest, healthz, metrics, other), outcome (bounded set in
# pipeline/gateway/service.py), code (the HTTP status), reason (signature/dead-letter reasons),
# event (Zalo event names from a fixed list, else "other"), topic.
GATEWAY_REQUESTS = Counter(
    "binhyen_gateway_requests_total", "HTTP requests answered by the gateway, by endpoint, outcome and status code.",
    ["endpoint", "outcome", "code"])
GATEWAY_REQUEST_LATENCY = Histogram(
    "binhyen_gateway_request_latency_seconds", "Time from a request's arrival to its answer, by endpoint.",
    ["endpoint"], buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0))
GATEWAY_SIGNATURE_FAILURES = Counter(
    "binhyen_gateway_signature_failures_total",
    "Zalo webhook requests refused for their signature or timestamp, by reason.", ["reason"])
GATEWAY_EVENTS = Counter(
    "binhyen_gateway_events_total", "Zalo webhook events accepted, by event name and outcome "
    "(classified: put on chat.messages; acknowledged: counted only).", ["event", "outcome"])
GATEWAY_PRODUCE_LATENCY = Histogram(
    "binhyen_gateway_produce_latency_seconds", "Time from handing a record to the producer to the broker's ack.",
    ["topic"], buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0))
GATEWAY_PRODUCE_ERRORS = Counter(
    "binhyen_gateway_produce_errors_total", "Records the broker did not acknowledge in time, by topic.", ["topic"])
GATEWAY_DEAD_LETTERS = Counter(
    "binhyen_gateway_dead_letters_total", "Malformed bodies the gateway put on moderation.dead-letter, by reason.",
    ["reason"])
# Labelled (check="metadata") so that only a gateway exports it: an unlabelled gauge would show as 0
# on every worker too (all processes import this module).
GATEWAY_BROKER_UP = Gauge(
    "binhyen_gateway_broker_up", "1 when the gateway's last broker check succeeded (check: metadata fetch).",
    ["check"])

# --- inbox (web, pipeline/inbox) ---------------------------------------------------------
# Labels: topic, reason (bad_json, bad_record), action (the action kinds), role (officer,
# leader, operator), outcome (ok, wrong, locked). Never an account, a group or a text.
INBOX_RECORDS_PROJECTED = Counter(
    "binhyen_inbox_records_projected_total", "Topic records written to the inbox database.", ["topic"])
INBOX_RECORDS_SKIPPED = Counter(
    "binhyen_inbox_records_skipped_total", "Topic records the inbox could not use.", ["topic", "reason"])
INBOX_ACTIONS = Counter(
    "binhyen_inbox_actions_total", "People's actions produced to moderation.actions.", ["action", "role"])
INBOX_ACTION_ERRORS = Counter(
    "binhyen_inbox_action_errors_total", "Actions that could not be produced (broker unavailable).")
INBOX_LOGINS = Counter(
    "binhyen_inbox_logins_total", "Login attempts by outcome.", ["outcome"])
INBOX_CSRF_REJECTED = Counter(
    "binhyen_inbox_csrf_rejected_total", "Form posts refused for a missing or wrong CSRF token.")
INBOX_URGENT_UNACKNOWLEDGED = Gauge(
    "binhyen_inbox_urgent_unacknowledged_overdue",
    "Urgent escalations not acknowledged within BINHYEN_INBOX_ACK_MINUTES (re-notify these).")
INBOX_REMINDERS = Counter(
    "binhyen_inbox_reminders_total", "Re-notification rounds for moderation.reminders, by outcome (sent|failed).",
    ["outcome"])
