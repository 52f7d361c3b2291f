"""Engines: the same Processor over a corpus, on one machine (:mod:`.local`) or on Spark
(:mod:`.spark`, the ``[spark]`` extra), with the tables they write (:mod:`.tables`)."""
