"""HTTP ingress: Zalo OA webhook events and generic input records -> ``chat.messages``.

``signature`` verifies ``X-ZEvent-Signature``; ``zalo`` maps Zalo events to the
contract's input record (both pure); ``service`` is the aiohttp application that
produces to the broker and answers only once the broker has acknowledged;
``bench`` is the loopback load benchmark.
"""
