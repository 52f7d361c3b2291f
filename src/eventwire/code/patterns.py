"""Compile the event pattern data (``kb/patterns/*.yaml``) into a lemma-indexed table.

The patterns are data written by the team; this module validates them against the CAMEO table
and indexes them by (lemma, part of speech) so the coder finds candidates in O(1) per token.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.errors import KBError
from eventwire.kb import KnowledgeBase, load_kb
from eventwire.kb.loader import KB_DIR
from eventwire.yamltext import safe_load

PATTERN_DIR = KB_DIR / "patterns"
_FIELDS = {
    "id",
    "lemma",
    "pos",
    "code",
    "obj",
    "prt",
    "prep",
    "mod",
    "of",
    "target_preps",
    "source_preps",
    "type",
    "not_obj",
    "not_mod",
    "clause",
    "infinitive",
    "target_from_place",
    "reciprocal",
    "subj",
    "solo_code",
    "needs_target",
    "recipient_subject",
    "domestic",
    "governor",
    "not_that",
    "clause_lemma",
    "as_obj",
    "mode",
    "context",
    "example",
    "reported",
    "intransitive",
    "place_obj",
    "transitive",
    "not_prep",
    "theme_obj",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Pattern:
    id: str
    lemmas: frozenset[str]
    pos: str
    code: str
    obj: frozenset[str] = frozenset()
    #: object words that mean another sense ("meet demand" is no meeting)
    not_obj: frozenset[str] = frozenset()
    #: the verb must govern a clause ("declined to meet", not "production declined")
    clause: bool = False
    #: the verb must govern an infinitive ("told Turkey to halt", not "told them that ...")
    infinitive: bool = False
    prt: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    mod: frozenset[str] = frozenset()
    #: modifiers that mean another sense ("consumer demand", "oil demand" are no demands)
    not_mod: frozenset[str] = frozenset()
    of_role: str = "target"
    target_preps: tuple[str, ...] = ()
    source_preps: tuple[str, ...] = ()
    target_from_place: bool = False
    #: "X and Y met": with several actors and no target, each acts on the others
    reciprocal: bool = False
    #: lemmas one of which must head the subject ("the troops withdrew")
    subj: frozenset[str] = frozenset()
    #: the code when the event has one party and no named partner or target ("held exercises")
    solo_code: str | None = None
    #: only an event when an actor is acted on ("help Israel", not "helped boost sales")
    needs_target: bool = False
    #: the subject receives: it is the target, the source is a source_preps object
    recipient_subject: bool = False
    #: both sides usually belong to one state ("the army ousted the president"): a country
    #: guessed from context may stand on both sides
    domestic: bool = False
    #: nouns: verbs one of which must govern the noun ("signed the treaty"); empty: any
    governor: frozenset[str] = frozenset()
    #: verbs: not when the only complement is a that-clause (an opinion, not the act)
    not_that: bool = False
    #: verbs: lemmas one of which must head the verb's clause complement ("vowed to crush")
    clause_lemma: frozenset[str] = frozenset()
    #: verbs: words one of which must head what the object is called ("labelled the group a
    #: terrorist organisation", "referred to the junta as usurpers", "called the vote a sham")
    as_obj: frozenset[str] = frozenset()
    mode: str | None = None
    #: PLOVER type when it differs from the CAMEO crosswalk (e.g. resignations: RETREAT).
    plover_type: str | None = None
    context: tuple[str, ...] | None = None
    example: str | None = None
    #: only as a clause's own verb: a participle that describes a noun ("a soldier working
    #: with the force") tells what someone is, not an act the text reports
    reported: bool = False
    #: only with no direct object: "demonstrated in the capital" is a protest, "demonstrated
    #: its clout" a show
    intransitive: bool = False
    #: what the trigger's target prepositions govern names a place ("withdrew from Kherson"
    #: is a retreat, "withdrew from the treaty" is not); a verb needs one such object, a noun
    #: may have none ("the French withdrawal") but no "of" object
    place_obj: bool = False
    #: only with a direct object: "pushed the rebels out of Kidal" is force, "the column
    #: pushed out of Kidal" an advance
    transitive: bool = False
    #: prepositions that, governing a noun, mean another sense: "pushed the rebels to the edge
    #: of the jungle" moves it, "pushed the government to act" presses it
    not_prep: frozenset[str] = frozenset()
    #: verbs: the direct object is what is moved, not who is acted on ("recalled its
    #: ambassador from Paris": the target is Paris's state)
    theme_obj: bool = False

    @property
    def specificity(self) -> int:
        """Constrained patterns are stronger evidence than a bare lemma."""
        return sum(
            bool(x)
            for x in (
                self.obj,
                self.prt,
                self.prep,
                self.mod,
                self.subj,
                self.clause_lemma,
                self.as_obj,
            )
        )


def _words(value: object) -> frozenset[str]:
    if value is None:
        return frozenset()
    items = value if isinstance(value, list) else [value]
    return frozenset(
        _YAML_WORDS.get(v, str(v)).lower() if isinstance(v, bool) else str(v).lower() for v in items
    )


#: YAML 1.1 reads bare on/off/yes/no as booleans; in a word list they are the words.
_YAML_WORDS = {True: "on", False: "off"}


def load_patterns(
    paths: list[Path] | None = None, kb: KnowledgeBase | None = None
) -> list[Pattern]:
    """Read and validate pattern files; errors name ``file:entry``."""
    kb = kb or load_kb()
    out: list[Pattern] = []
    for path in paths or sorted(PATTERN_DIR.glob("*.yaml")):
        data = safe_load(path.read_text(encoding="utf-8")) or []
        if not isinstance(data, list):
            raise KBError(f"{path}: expected a list of patterns")
        for n, entry in enumerate(data, 1):
            where = (
                f"{path}: pattern {n} ({entry.get('id', '?') if isinstance(entry, dict) else '?'})"
            )
            if not isinstance(entry, dict):
                raise KBError(f"{where}: expected a mapping")
            unknown = set(entry) - _FIELDS
            if unknown:
                raise KBError(f"{where}: unknown field(s) {sorted(unknown)}")
            for key in ("id", "lemma", "pos", "code"):
                if key not in entry:
                    raise KBError(f"{where}: missing {key!r}")
            code = str(entry["code"])
            solo = entry.get("solo_code")
            for c in (code, solo):
                if c is not None and kb.cameo and str(c) not in kb.cameo:
                    raise KBError(f"{where}: CAMEO code {str(c)!r} is not in the CAMEO table")
            pos = str(entry["pos"]).upper()
            if pos not in {"VERB", "NOUN", "ADJ"}:
                raise KBError(f"{where}: pos must be VERB, NOUN or ADJ")
            of_role = entry.get("of", "target")
            if of_role not in {"target", "source", "theme"}:
                raise KBError(f"{where}: 'of' must be target, source or theme")
            ctx = entry.get("context")
            out.append(
                Pattern(
                    id=str(entry["id"]),
                    lemmas=_words(entry["lemma"]),
                    pos=pos,
                    code=code,
                    obj=_words(entry.get("obj")),
                    not_obj=_words(entry.get("not_obj")),
                    clause=bool(entry.get("clause", False)),
                    infinitive=bool(entry.get("infinitive", False)),
                    prt=_words(entry.get("prt")),
                    prep=_words(entry.get("prep")),
                    mod=_words(entry.get("mod")),
                    not_mod=_words(entry.get("not_mod")),
                    of_role=of_role,
                    target_preps=tuple(sorted(_words(entry.get("target_preps")))),
                    source_preps=tuple(sorted(_words(entry.get("source_preps")))),
                    target_from_place=bool(entry.get("target_from_place", False)),
                    reciprocal=bool(entry.get("reciprocal", False)),
                    subj=_words(entry.get("subj")),
                    solo_code=str(solo) if solo is not None else None,
                    needs_target=bool(entry.get("needs_target", False)),
                    recipient_subject=bool(entry.get("recipient_subject", False)),
                    domestic=bool(entry.get("domestic", False)),
                    governor=_words(entry.get("governor")),
                    not_that=bool(entry.get("not_that", False)),
                    clause_lemma=_words(entry.get("clause_lemma")),
                    as_obj=_words(entry.get("as_obj")),
                    mode=entry.get("mode"),
                    plover_type=entry.get("type"),
                    context=tuple(ctx) if isinstance(ctx, list) else ((ctx,) if ctx else None),
                    example=entry.get("example"),
                    reported=bool(entry.get("reported", False)),
                    intransitive=bool(entry.get("intransitive", False)),
                    place_obj=bool(entry.get("place_obj", False)),
                    transitive=bool(entry.get("transitive", False)),
                    not_prep=_words(entry.get("not_prep")),
                    theme_obj=bool(entry.get("theme_obj", False)),
                )
            )
    return out


@dataclass(frozen=True, slots=True)
class PatternIndex:
    by_key: dict[tuple[str, str], tuple[Pattern, ...]]

    def candidates(self, lemma: str, pos: str) -> tuple[Pattern, ...]:
        return self.by_key.get((lemma.lower(), pos), ())


@lru_cache(maxsize=1)
def get_index() -> PatternIndex:
    """Patterns indexed by (lemma, pos), in file order (first match wins)."""
    table: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
    for p in load_patterns():
        for lemma in p.lemmas:
            table[(lemma, p.pos)].append(p)
    return PatternIndex({k: tuple(v) for k, v in table.items()})
