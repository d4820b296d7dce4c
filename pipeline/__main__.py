"""``python -m pipeline`` is the ``binhyen`` console script."""

from pipeline.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
