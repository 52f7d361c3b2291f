"""``python -m eventwire`` and ``spark-submit .../eventwire/__main__.py``: the CLI."""

from eventwire.cli.app import main

main()
