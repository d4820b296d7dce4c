"""Quick throughput figure for the classifier: ``python -m pipeline.nlp.bench_model [FILE.jsonl]``.

Classifies the texts of FILE (default: the training data) in batches of 256 on
one core and prints messages per second and the model load time.
"""

from __future__ import annotations

import json
import statistics
import sys
import time

from pipeline.nlp.artifact import load_classifier
from pipeline.nlp.training import DEFAULT_DATA


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = argv[0] if argv else str(DEFAULT_DATA)
    with open(path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    t0 = time.perf_counter()
    clf = load_classifier()
    load_s = time.perf_counter() - t0
    clf.classify_batch(texts[:256])  # warm-up
    reps = max(1, 4000 // len(texts))
    walls, cpus, n = [], [], 0
    for _ in range(5):  # 5 passes; the machine may be shared, so report the median pass
        w0, c0 = time.perf_counter(), time.process_time()
        n = 0
        for _ in range(reps):
            for start in range(0, len(texts), 256):
                n += len(clf.classify_batch(texts[start:start + 256]))
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    print(f"model {clf.version}: load {load_s:.2f} s; {n} messages per pass, batches of 256, one thread: "
          f"{n / wall:,.0f} msgs/s wall clock, {n / cpu:,.0f} msgs/s per CPU-second (median of 5 passes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
