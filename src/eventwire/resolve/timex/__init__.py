"""The time-expression grammar behind ``eventwire.resolve.times`` (use that module's API).

``lexicon`` holds word tables and regex fragments, ``calendar`` the date arithmetic and news
conventions, ``model`` the Resolution record, ``named`` and ``relative`` the rules, ``engine``
ranges, scanning and the dateparser fallback.
"""
