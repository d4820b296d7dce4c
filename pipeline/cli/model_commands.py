"""``binhyen classify``, ``binhyen train``, ``binhyen eval``: the model, offline."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from pathlib import Path
from typing import IO, Iterator

from pipeline.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("classify", help="classify JSON lines offline (no broker)",
                              description="Read JSON lines with 'text' (and 'id'); write one JSON line each: "
                                          "id, category, urgent, scores, model_version. Bad lines are reported on "
                                          "stderr with their line number; the exit code is 1 if any line was bad.")
    p.add_argument("file", nargs="?", default="-", help="input JSON lines file, or - for stdin (default)")
    p.add_argument("--model", default=None, help="model artifact (default: BINHYEN_MODEL_PATH)")
    p.add_argument("--batch-size", type=int, default=256)
    p.set_defaults(func=cmd_classify)

    p = subparsers.add_parser("train", help="rebuild the shipped model from models/data/train.jsonl",
                              description="Train the classifier deterministically and write the artifact and "
                                          "its metadata sidecar.")
    p.add_argument("--data", default=None, help="labelled JSON lines (default: models/data/train.jsonl)")
    p.add_argument("--out", default=None, help="artifact path (default: BINHYEN_MODEL_PATH)")
    p.add_argument("--no-holdout", action="store_true", help="skip the held-out check (faster)")
    p.add_argument("--feedback", default=None, metavar="FILE",
                   help="JSON lines of moderation.feedback records (`binhyen tail feedback`): people's corrections "
                        "are added to training, guarded (two agreeing actors or an officer; at most 10%% of a "
                        "category); held-out figures are printed before and after")
    p.add_argument("--messages", default=None, metavar="FILE",
                   help="with --feedback: a dump of chat.messages to find the text of corrections that carry none "
                        "(joined on group_id, message_id)")
    p.add_argument("--heldout", default=None, metavar="FILE",
                   help="labelled held-out file for the before/after figures (default: models/heldout/realistic.jsonl)")
    p.set_defaults(func=cmd_train)

    p = subparsers.add_parser("eval", help="evaluate the model on a labelled JSON lines file",
                              description="Print per-class precision/recall/F1, macro-F1 (all and no-diacritics), "
                                          "urgent precision/recall, the confusion matrix, Brier score and ECE.")
    p.add_argument("file", help="labelled JSON lines: text, category, urgent[, diacritics]")
    p.add_argument("--model", default=None, help="model artifact (default: BINHYEN_MODEL_PATH)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--errors", action="store_true", help="also list the misclassified messages")
    p.set_defaults(func=cmd_eval)


def _model_path(arg: str | None) -> str:
    return arg or Settings.from_env().model_path


def _err(msg: str) -> None:
    print(f"binhyen: {msg}", file=sys.stderr)


def _open_input(name: str) -> IO[bytes]:
    return sys.stdin.buffer if name == "-" else open(name, "rb")


def _records(fh: IO[bytes], bad: list[int]) -> Iterator[tuple[int, object, str]]:
    for n, raw in enumerate(fh, 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            _err(f"line {n}: not valid UTF-8 ({exc.reason} at byte {exc.start}); skipped")
            bad.append(n)
            continue
        except ValueError as exc:
            _err(f"line {n}: not valid JSON ({exc}); skipped")
            bad.append(n)
            continue
        if not isinstance(obj, dict):
            _err(f"line {n}: expected a JSON object, got {type(obj).__name__}; skipped")
            bad.append(n)
            continue
        text = obj.get("text")
        if not isinstance(text, str):
            _err(f"line {n}: missing or non-string 'text'; skipped")
            bad.append(n)
            continue
        yield n, obj.get("id", obj.get("message_id")), text


def _load_model(args: argparse.Namespace):
    """The classifier named by ``--model`` (or the shipped one); None, with the reason on stderr."""
    from pipeline.nlp import ModelLoadError, load_classifier

    try:
        return load_classifier(_model_path(args.model))
    except ModelLoadError as exc:
        _err(str(exc))
        return None


def cmd_classify(args: argparse.Namespace) -> int:
    clf = _load_model(args)
    if clf is None:
        return 2
    try:
        fh = _open_input(args.file)
    except OSError as exc:
        _err(f"cannot read {args.file}: {exc.strerror}")
        return 2
    bad: list[int] = []
    out = sys.stdout
    size = max(1, args.batch_size)

    def flush(batch: list[tuple[int, object, str]]) -> None:
        results = clf.classify_batch([t for _, _, t in batch])
        for (_, ident, _), res in zip(batch, results):
            out.write(json.dumps({"id": ident, **res.to_record()}, ensure_ascii=False) + "\n")

    batch: list[tuple[int, object, str]] = []
    with fh if args.file != "-" else contextlib.nullcontext(fh):
        for rec in _records(fh, bad):
            batch.append(rec)
            if len(batch) >= size:
                flush(batch)
                batch = []
        if batch:
            flush(batch)
    out.flush()
    if bad:
        _err(f"{len(bad)} bad input line(s): {', '.join(map(str, bad[:20]))}{' ...' if len(bad) > 20 else ''}")
        return 1
    return 0


def _heldout_figures(clf, rows: list[dict]) -> dict:
    from pipeline.nlp.evaluation import evaluate

    m = evaluate(clf, rows)
    fa = m["false_alarms"]
    return {"macro_f1": m["macro_f1"], "macro_f1_no_diacritics": m["macro_f1_no_diacritics"],
            "urgent_precision": m["urgent_precision"], "urgent_recall": m["urgent_recall"],
            "spam_precision": m["per_class"]["spam"]["precision"],
            "off_topic_called_tip": fa["off_topic_called_tip"], "off_topic_called_spam": fa["off_topic_called_spam"],
            "off_topic_called_urgent": fa["off_topic_called_urgent"], "needs_review_share": m["needs_review_share"]}


def _print_before_after(name: str, before: dict | None, after: dict) -> None:
    print(f"held-out figures on {name} (before = the model that was at --out; after = the new one):",
          file=sys.stderr)
    print(f"  {'':<26}{'before':>9}{'after':>9}", file=sys.stderr)
    for key, val in after.items():
        b = None if before is None else before.get(key)
        fmt = lambda v: "n/a" if v is None else f"{v:.4f}"  # noqa: E731
        print(f"  {key:<26}{fmt(b):>9}{fmt(val):>9}", file=sys.stderr)


def cmd_train(args: argparse.Namespace) -> int:
    from pipeline.nlp import ModelLoadError, load_classifier
    from pipeline.nlp.artifact import save_bundle
    from pipeline.nlp.feedback import FeedbackError, feedback_rows, read_feedback, read_messages
    from pipeline.nlp.training import DEFAULT_DATA, DEFAULT_HELDOUT, DataError, read_labelled, sha256_of, train

    data = Path(args.data) if args.data else DEFAULT_DATA
    out = _model_path(args.out)
    start = time.perf_counter()

    def progress(msg: str) -> None:
        print(f"[{time.perf_counter() - start:6.1f}s] {msg}", file=sys.stderr, flush=True)

    if args.messages and not args.feedback:
        _err("--messages only makes sense with --feedback")
        return 2
    try:
        rows = read_labelled(data)
        progress(f"read {len(rows)} labelled messages from {data}")
        data_sha = sha256_of(data)
        extra: dict = {}
        heldout_rows: list[dict] | None = None
        heldout_name = None
        before = None
        if args.feedback:
            records, rejected = read_feedback(args.feedback)
            messages = read_messages(args.messages) if args.messages else {}
            fb_rows, report = feedback_rows(records, rows, messages)
            report["rejected_lines"] = dict(rejected)
            progress(f"feedback: {report['records']} corrections of {report['messages_corrected']} messages, "
                     f"{report['accepted']} pass the agreement guard, {report['used']} used "
                     f"{report['used_by_category']}; skipped {report['skipped']}; over the 10% cap "
                     f"{report['over_the_cap']}; bad lines {report['rejected_lines']}")
            extra = {"feedback": {"file_sha256": sha256_of(args.feedback),
                                  "messages_sha256": sha256_of(args.messages) if args.messages else None,
                                  "report": report,
                                  "rows": [{k: r[k] for k in ("id", "category", "feedback_ids", "actors",
                                                              "actor_roles", "why")} for r in fb_rows]}}
            rows = rows + fb_rows
            hpath = Path(args.heldout) if args.heldout else DEFAULT_HELDOUT
            if hpath.is_file():
                heldout_rows, heldout_name = read_labelled(hpath), str(hpath)
                try:
                    before = _heldout_figures(load_classifier(out), heldout_rows)
                except ModelLoadError as exc:
                    progress(f"no model to compare with at {out} ({exc})")
            else:
                progress(f"no held-out file at {hpath}: only the family held-out split is reported")
        bundle = train(rows, data_sha, holdout=not args.no_holdout, progress=progress, extra_metadata=extra)
    except (OSError, DataError, FeedbackError) as exc:
        _err(str(exc))
        return 2
    progress(f"saving {out}")
    side = save_bundle(bundle, out)
    progress(f"done: version {side['version']}, {side['size_bytes'] / 1e6:.1f} MB, sha256 {side['sha256'][:16]}...")
    summary = {"model": out, "version": side["version"], "sha256": side["sha256"],
               "fingerprint": side["fingerprint"], "training_data_sha256": side["training_data_sha256"]}
    if args.feedback:
        summary["feedback_used"] = extra["feedback"]["report"]["used"]
        if heldout_rows is not None:
            after = _heldout_figures(load_classifier(out), heldout_rows)
            _print_before_after(heldout_name, before, after)
            summary["heldout_before"], summary["heldout_after"] = before, after
    print(json.dumps(summary))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from pipeline.nlp.evaluation import evaluate, report_text
    from pipeline.nlp.training import DataError, read_labelled

    clf = _load_model(args)
    if clf is None:
        return 2
    try:
        rows = read_labelled(args.file)
    except (OSError, DataError) as exc:
        _err(str(exc))
        return 2
    m = evaluate(clf, rows)
    if args.json:
        if not args.errors:
            m = {k: v for k, v in m.items() if k != "errors"}
        print(json.dumps(m, ensure_ascii=False, indent=2))
        return 0
    print(report_text(clf.version, args.file, m), end="")
    if args.errors:
        print("\nerrors:")
        for e in m["errors"]:
            print(f"  {e['id']}: {e['true']}{'/U' if e['urgent_true'] else ''} -> "
                  f"{e['pred']}{'/U' if e['urgent_pred'] else ''}: {e['text'][:140]}")
    return 0
