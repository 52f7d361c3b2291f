"""Bytes to text for ingested files, with rejections that tell the user what to do.

We never guess an encoding silently: a mis-decoded article produces mangled names and wrong
events that nobody notices. Text files must be UTF-8 (a BOM is fine); HTML may declare its own
charset, as browsers allow, and is otherwise read as UTF-8.
"""

from __future__ import annotations

import codecs
import logging
import re

from eventwire.errors import IngestError

__all__ = ["decode_html", "decode_text", "decode_utf8", "looks_binary", "utf16_without_bom"]

logger = logging.getLogger(__name__)

#: Bytes that never occur in real text files (tab, newlines, form feed and ESC are allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_NON_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_BINARY_SAMPLE = 65_536
_BINARY_RATIO = 0.10

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
#: WHATWG: these labels mean windows-1252 on the web (its C1 range holds curly quotes, dashes).
_WINDOWS_1252_LABELS = {
    "ascii",
    "us-ascii",
    "iso-8859-1",
    "iso8859-1",
    "iso_8859-1",
    "latin1",
    "latin-1",
    "l1",
    "cp819",
    "ibm819",
    "windows-1252",
    "cp1252",
}
_SNIFF_BYTES = 4096


def looks_binary(data: bytes) -> bool:
    """True for NUL bytes anywhere, or a start made mostly of control bytes."""
    if b"\x00" in data:
        return True
    sample = data[:_BINARY_SAMPLE]
    if not sample:
        return False
    controls = len(sample.translate(None, _NON_CONTROL))
    return controls / len(sample) > _BINARY_RATIO


def _binary(data: bytes) -> IngestError:
    """The reject for bytes that are not text, saying so when they are UTF-16 without a BOM
    (which we do not guess: the user re-encodes it or adds the mark)."""
    order = utf16_without_bom(data)
    if order:
        return IngestError(
            f"looks like UTF-16 ({order}) without a byte-order mark; re-encode it as UTF-8 "
            "or add the mark"
        )
    return IngestError("binary file, not text")


def utf16_without_bom(data: bytes) -> str | None:
    """``"little-endian"`` or ``"big-endian"`` when ``data`` reads as UTF-16 text with no BOM:
    mostly Latin script, so one byte of each pair is NUL, and it decodes to printable text."""
    sample = data[: _BINARY_SAMPLE & ~1]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for order, codec, zeros, rest in (
        ("little-endian", "utf-16-le", odd, even),
        ("big-endian", "utf-16-be", even, odd),
    ):
        if zeros.count(0) >= 0.6 * len(zeros) and rest.count(0) <= 0.05 * len(rest):
            try:
                text = sample.decode(codec)
            except UnicodeDecodeError:
                continue
            printable = sum(c.isprintable() or c in "\t\n\r" for c in text)
            if printable >= 0.95 * len(text):
                return order
    return None


def decode_text(data: bytes) -> str:
    """Decode a plain-text document: UTF-8 (optionally with a BOM) or a BOM-marked UTF-16."""
    if data.startswith(_UTF16_BOMS):
        return _decode_utf16(data)
    if looks_binary(data):
        raise _binary(data)
    return decode_utf8(data, hint="re-encode it as UTF-8")


def decode_html(data: bytes) -> str:
    """Decode HTML: BOM first, then a declared ``<meta charset>`` / XML encoding, else UTF-8."""
    if data.startswith(_UTF16_BOMS):
        return _decode_utf16(data)
    if looks_binary(data):
        raise _binary(data)
    if data.startswith(codecs.BOM_UTF8):
        return decode_utf8(data, hint="re-encode it as UTF-8")
    declared = _declared_charset(data[:_SNIFF_BYTES])
    if declared and declared != "utf-8":
        # Browsers replace undecodable bytes instead of refusing the page; so do we.
        text = data.decode(declared, errors="replace")
        if "\ufffd" in text:
            logger.warning("some bytes are not valid %s; replaced with U+FFFD", declared)
        return text
    return decode_utf8(
        data, hint="re-encode it as UTF-8 or declare its charset in a <meta charset> tag"
    )


def _declared_charset(head: bytes) -> str | None:
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").strip().lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        logger.warning("unknown charset %r declared in HTML; reading it as UTF-8", label)
        return None
    if name.startswith(("utf-16", "utf-32")):
        # A byte-oriented page cannot really be UTF-16 (it would have a BOM); HTML5 says UTF-8.
        return "utf-8"
    return "utf-8" if name == "utf-8-sig" else name


def decode_utf8(data: bytes, *, hint: str) -> str:
    """Strict UTF-8 (a leading BOM is dropped); the error names the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start
        # utf-8-sig reports offsets after a stripped BOM; report file offsets instead.
        if data.startswith(codecs.BOM_UTF8):
            offset += len(codecs.BOM_UTF8)
        bad = data[offset : offset + 1].hex()
        raise IngestError(f"not valid UTF-8 (byte 0x{bad} at offset {offset}); {hint}") from None


def _decode_utf16(data: bytes) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise IngestError(f"not valid UTF-16 despite its byte-order mark ({exc.reason})") from None
