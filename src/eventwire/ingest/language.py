"""Which language a document is in, so text eventwire does not code becomes a reject, not an
article with no events.

CLD2 (``pycld2``, its tables compiled into the wheel: nothing is downloaded) reads about
14 MB of text a second. A document is refused only when CLD2 is sure (``isReliable``), the
language that fills most of it is not English, and English is under a quarter of it. Texts
under :data:`MIN_WORDS` words, and text it cannot place (wire-copy tables of figures are
"unknown"), are always coded. On the shared corpora no English article is refused
(docs/reliability.md).
"""

from __future__ import annotations

import re

import pycld2

#: Languages the coder has a lexicon and patterns for (ISO 639-1).
CODED = frozenset({"en"})
#: Shorter texts are never refused on language grounds: a headline or a line of figures is too
#: little to be sure of.
MIN_WORDS = 20
#: Scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao, Khmer,
#: Burmese): there two characters count as one word.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]"
)
#: Per cent of a text (in bytes) in a coded language that makes it coded.
MIN_CODED_SHARE = 25
#: Characters CLD2 looks at (the opening of a document tells its language).
SAMPLE_CHARS = 20_000


def detect(text: str) -> tuple[str, str] | None:
    """(ISO code, language name) of the language most of ``text`` is in, or None when it is
    too short, unknown or not reliably told. A text with at least :data:`MIN_CODED_SHARE`
    per cent in a coded language counts as that language (an English report quoting a long
    passage in French is English)."""
    if _words(text) < MIN_WORDS:
        return None
    sample = text[:SAMPLE_CHARS]
    try:
        reliable, _, details = pycld2.detect(sample)
    except (pycld2.error, UnicodeError):
        # CLD2 refuses some code points (C0/C1 controls) as invalid UTF-8
        sample = "".join(c for c in sample if c.isprintable() or c in "\n\t ")
        try:
            reliable, _, details = pycld2.detect(sample.encode("utf-8", "ignore").decode())
        except (pycld2.error, UnicodeError):
            return None
    name, code, _percent, _score = details[0]
    if not reliable or code in ("un", "xxx"):
        return None
    for other_name, other_code, percent, _ in details[1:]:
        if other_code in CODED and percent >= MIN_CODED_SHARE:
            name, code = other_name, other_code
    return code, "Chinese (Traditional)" if code == "zh-Hant" else name.title()


def _words(text: str) -> int:
    """Words in ``text``, counted up to :data:`MIN_WORDS`."""
    spaced = len(text.split(None, MIN_WORDS))
    if spaced >= MIN_WORDS:
        return spaced
    return spaced + len(_UNSPACED.findall(text, 0, SAMPLE_CHARS)) // 2


def language_reason(text: str) -> str | None:
    """Why ``text`` is not coded (its language), or None when it is."""
    found = detect(text)
    if found is None or found[0].split("-")[0] in CODED:
        return None
    code, name = found
    return f"language is {name} ({code}), not English; not coded"
