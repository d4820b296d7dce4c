"""The classifier in a child process: the same classifications, in order, and a dead child costs
nothing but speed."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from pipeline.streams import classifier_process
from pipeline.streams.classifier_process import ClassifierProcess

TRAIN = Path(__file__).resolve().parents[2] / "models" / "data" / "train.jsonl"


@pytest.fixture(scope="module")
def model():
    from pipeline.nlp import load_classifier
    from pipeline.settings import Settings

    return load_classifier(Settings().model_path)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    lines = TRAIN.read_text(encoding="utf-8").splitlines()
    return [orjson.loads(line)["text"] for line in lines[:3000] if line.strip()]


def test_same_classifications_as_in_process(model, texts):
    proc = ClassifierProcess(model)
    try:
        assert proc.classify_batch(texts) == model.classify_batch(texts)
        stream = proc.stream()  # interleaved: add some, read some
        got = []
        for i, text in enumerate(texts[:500]):
            stream.add(text)
            if i % 3 == 0:
                got.append(next(stream))
        got += list(stream)
        assert got == model.classify_batch(texts[:500])
        assert stream.count == 500 and not proc.failed
    finally:
        proc.close()


def test_a_dead_child_falls_back_in_process(model, texts):
    proc = ClassifierProcess(model)
    try:
        stream = proc.stream()
        for text in texts[:300]:
            stream.add(text)
        first = next(stream)
        proc._proc.kill()
        proc._proc.join()
        rest = list(stream)
        assert [first, *rest] == model.classify_batch(texts[:300])
        assert proc.failed and proc.pid is None
        assert proc.classify_batch(texts[:50]) == model.classify_batch(texts[:50])
    finally:
        proc.close()


def test_non_str_text_is_empty(model):
    proc = ClassifierProcess(model)
    try:
        assert proc.classify_batch([None, "", 5]) == model.classify_batch(["", "", ""])  # type: ignore[list-item]
    finally:
        proc.close()


def test_only_the_model_goes_to_a_child():
    from pipeline.nlp.keywords import KeywordClassifier

    assert not classifier_process.supports(KeywordClassifier())
    assert classifier_process.wanted("on") and not classifier_process.wanted("off")


def test_batch_processor_outcome_is_the_same(model, engine):
    from pipeline.cli.bench_data import generate
    from pipeline.streams.partition_state import GroupBundle
    from pipeline.streams.processing import BatchProcessor
    from pipeline.streams.records import RawRecord

    records = generate(600, seed=3)
    raws = [RawRecord(orjson.dumps(r), r["group_id"].encode(), "chat.messages", 0, i, 1.0 + i)
            for i, r in enumerate(records)]
    raws.insert(5, RawRecord(b"{not json", b"g", "chat.messages", 0, 5, 2.0))
    raws = [r if i <= 5 else RawRecord(r.value, r.key, r.topic, r.partition, r.offset + 1, r.timestamp)
            for i, r in enumerate(raws)]  # offsets 0..600, in order

    def run(classifier):
        bundles: dict[str, GroupBundle] = {}
        processor = BatchProcessor(classifier, engine)
        emissions = []
        for start in range(0, len(raws), 256):
            out = processor.process(raws[start:start + 256], lambda g: bundles.setdefault(g, GroupBundle()))
            emissions += [(e.topic, e.key, {k: v for k, v in e.value.items() if k != "rejected_at"})
                          for e in out.emissions]
        return emissions, {g: b.encode(g, engine) for g, b in bundles.items()}

    def run_parts(classifier):  # all texts to the classifier first, then judged 100 records at a time
        bundles: dict[str, GroupBundle] = {}
        emissions = []
        parts = BatchProcessor(classifier, engine).process_parts(
            raws, lambda g: bundles.setdefault(g, GroupBundle()), 256)
        for records, out in parts:
            assert len(records) <= 256
            emissions += [(e.topic, e.key, {k: v for k, v in e.value.items() if k != "rejected_at"})
                          for e in out.emissions]
        return emissions, {g: b.encode(g, engine) for g, b in bundles.items()}

    proc = ClassifierProcess(model)
    try:
        expected = run(model)
        assert run(proc) == expected
        assert run_parts(proc) == expected
        assert run_parts(model) == expected
        # a batch abandoned half-way (its publish failed) leaves answers in the pipe: never read as
        # the next batch's
        parts = BatchProcessor(proc, engine).process_parts(raws, lambda g: GroupBundle(), 16)
        next(parts)
        parts.close()
        assert proc.outstanding > 0
        assert run(proc) == expected and proc.outstanding == 0
    finally:
        proc.close()


def test_the_worker_takes_texts_from_the_back_while_the_child_is_busy(model, texts, monkeypatch):
    proc = ClassifierProcess(model)
    try:
        stream = proc.stream()
        for text in texts[:400]:
            stream.add(text)
        stream.close_input()
        monkeypatch.setattr(stream, "_child_answered", lambda: False)  # the child is never done first
        got = list(stream)
        assert got == model.classify_batch(texts[:400])
        assert 0 < stream.local < 400
    finally:
        proc.close()


def test_the_child_ends_when_the_worker_is_killed(tmp_path):
    """A SIGKILLed worker leaves no classifier process behind."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "worker.py"
    script.write_text(
        "import sys, time\n"
        "from pipeline.nlp import load_classifier\n"
        "from pipeline.settings import Settings\n"
        "from pipeline.streams.classifier_process import ClassifierProcess\n"
        "proc = ClassifierProcess(load_classifier(Settings().model_path))\n"
        "proc.classify_batch(['xin chao'])\n"
        "print(proc.pid, flush=True)\n"
        "time.sleep(60)\n", encoding="utf-8")
    worker = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parents[2])
    try:
        child = int(worker.stdout.readline())
        os.kill(child, 0)  # alive
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(child, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        else:
            os.kill(child, signal.SIGKILL)
            raise AssertionError("the classifier process outlived its worker")
    finally:
        worker.kill()
