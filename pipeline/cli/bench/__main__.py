import sys

from pipeline.cli.bench.children import child_main

sys.exit(child_main(sys.argv[1:]))
