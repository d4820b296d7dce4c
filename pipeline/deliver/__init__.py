"""``binhyen deliver``: warnings, escalations, lost-found reports and review cases to people.

One module per concern:

- ``routing``: pure. An output record and the group configuration give the list of
  deliveries (channel, target, payload): officers' 1:1 messages, leaders' 1:1 notes,
  posts in OA-created groups, ``removemembers``, signed webhooks.
- ``texts``: the Vietnamese texts of those messages (pure).
- ``backoff``: jittered exponential backoff and ``Retry-After``.
- ``tokens``: the Zalo access/refresh token pair: a store interface, an atomic file
  store under ``BINHYEN_DATA_DIR``, refresh before expiry, one refresh at a time.
- ``zalo``: the Zalo OA HTTP client (errors inside HTTP 200, ``-216`` → refresh, retries).
- ``webhooks``: Standard Webhooks signing and the sender (410 stops an endpoint).
- ``ledger``: the delivery log on ``moderation.deliveries``, read back at start.
- ``service``: the consumer group, per-channel lanes, offset commits, parking, dry-run.
"""
