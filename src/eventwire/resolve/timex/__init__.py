"""The time-expression grammar behind ``eventwire.resolve.times`` (use that module's API).

``lexicon`` holds word tables and regex fragments, ``calendar`` the date arithmetic and news
conventions, ``model`` the Resolution record, ``named``, ``relative`` and ``anaphora`` the rules
(``anaphora``: expressions that point back at a date named before them), ``tense`` the reading
of the clause around a name without a year, ``engine`` ranges, clock times, scanning and the
dateparser fallback.
"""
