"""Strings that are safe to store and to print.

Input is untrusted. JSON may carry lone surrogates (a ``"\\udfff"`` escape), Linux file names
are bytes that Python shows as lone surrogates when they are not UTF-8, and any of them may
hold control characters. DuckDB refuses lone surrogates, terminals obey control characters,
and rich reads ``[...]`` as markup. So ingest rejects documents whose text has such characters
(:func:`bad_char` says why), and names and messages are escaped before they are stored or
printed (:func:`escape`, :func:`for_console`).
"""

from __future__ import annotations

import re

from rich.markup import escape as _markup_escape

__all__ = ["bad_char", "escape", "for_console"]

#: Characters document text may not contain: C0 controls but tab, newline and carriage
#: return; DEL; lone surrogates.
_BAD_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: Characters a printed or stored name shows as an escape: all C0 and C1 controls, DEL, lone
#: surrogates, and the Unicode line and paragraph separators.
_UNSAFE_IN_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")

_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def bad_char(text: str, *, controls: bool = True) -> str | None:
    """Why ``text`` cannot be document text ("a lone surrogate U+DFFF at character 4"), or
    None when it can. ``controls=False`` looks for lone surrogates only (raw markup may hold
    control characters that never reach the text)."""
    found = (_BAD_IN_TEXT if controls else _SURROGATE).search(text)
    if found is None:
        return None
    char = found.group()
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        what = "a lone surrogate"
    elif code == 0:
        what = "a NUL character"
    else:
        what = "a control character"
    return f"{what} U+{code:04X} at character {found.start()}"


def escape(text: str) -> str:
    """``text`` with control characters and lone surrogates as backslash escapes, so that it
    can be stored and printed; a byte that was not UTF-8 in a file name (``surrogateescape``)
    shows as ``\\xff``."""
    return _UNSAFE_IN_NAME.sub(_escape_one, text)


def for_console(text: str) -> str:
    """``text`` escaped (:func:`escape`) and with rich markup neutralised."""
    return _markup_escape(escape(text))


def _escape_one(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"
