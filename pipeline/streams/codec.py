"""JSON with orjson for every record binhyen writes, registered as Faust codec ``orjson``."""

from __future__ import annotations

from typing import Any

import orjson
from faust.serializers import codecs


def dumps(record: Any) -> bytes:
    return orjson.dumps(record, option=orjson.OPT_NON_STR_KEYS)


def loads(data: bytes) -> Any:
    return orjson.loads(data)


class OrjsonCodec(codecs.Codec):
    def _dumps(self, obj: Any) -> bytes:
        return dumps(obj)

    def _loads(self, s: bytes) -> Any:
        return loads(s)


def register() -> None:
    codecs.register("orjson", OrjsonCodec())
