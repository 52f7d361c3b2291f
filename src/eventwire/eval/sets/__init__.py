"""One adapter module per gold set in ../shared/eval (see eventwire.eval.registry)."""
