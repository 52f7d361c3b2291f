"""Evaluation harness: score each stage on the gold sets in ../shared/eval, next to a baseline.

``eventwire eval SET`` (cli/eval_cmd.py) and ``make quality`` (report.py) drive
:mod:`eventwire.eval.runner`; :mod:`eventwire.eval.gate` holds the floors ``make test`` enforces.
"""
