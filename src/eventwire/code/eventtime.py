"""The time of an event: the expression its trigger governs, else one of the sentence's own
(not the time of a report verb or of another noun event)."""

from __future__ import annotations

from eventwire.code.grammar import (
    REPORTING,
)
from eventwire.records import (
    TimeSpan,
    Token,
)
from eventwire.syntax import SentenceView


class TimeAttacher:
    """The time expression an event's trigger governs, else the sentence's own."""

    def __init__(self) -> None:
        pass

    # -- time and place ----------------------------------------------------------------------
    def attached_time(
        self, view: SentenceView, triggers: set[int], tok: Token, times: list[TimeSpan]
    ) -> TimeSpan | None:
        """The time expression the parse attaches to this trigger, else the nearest unclaimed."""
        best: TimeSpan | None = None
        nearest: tuple[int, TimeSpan] | None = None
        for ts in times:
            anchor = self._token_at(view, ts.char_start)
            if anchor is None or self._modifies_other_noun(view, anchor, ts, triggers):
                continue  # "the coup last year" dates the coup, not the clause's event
            if self._other_clause(view, anchor, tok):
                continue  # "the mission the EU launched at the start of the year"
            owner = None
            for anc in view.ancestors(anchor):
                if anc.i in triggers:
                    owner = anc
                    break
                if anc.lemma.lower() in REPORTING and anc.pos == "VERB":
                    break
            if owner is not None and owner.i == tok.i:
                best = ts
                break
            if owner is None and not self._report_time(view, anchor):
                dist = abs(anchor.i - tok.i)
                if nearest is None or dist < nearest[0]:
                    nearest = (dist, ts)
        if best is not None:
            return best
        return nearest[1] if nearest else None

    def _modifies_other_noun(
        self, view: SentenceView, anchor: Token, ts: TimeSpan, triggers: set[int]
    ) -> bool:
        """True for "the coup last year" / "last year's coup": the time dates another noun."""
        end = ts.char_end if ts.char_end is not None else anchor.idx + len(anchor.text)
        inside = [t for t in view.tokens if anchor.idx <= t.idx < end]
        for t in inside:
            head = view.head(t)
            if head is None or head in inside:
                continue
            if head.dep == "prep":  # "in late March": look through the preposition
                head = view.head(head) or head
            return head.pos in {"NOUN", "PROPN"} and head.i not in triggers
        return False

    @staticmethod
    def _other_clause(view: SentenceView, anchor: Token, tok: Token) -> bool:
        """True when the time's own verb heads a subordinate clause (relative, participial,
        adverbial) that does not contain the trigger: it dates that clause's act ("since
        taking office in May", "a mission that the EU launched at the start of the year")."""
        verb = next((a for a in view.ancestors(anchor) if a.pos in {"VERB", "AUX"}), None)
        if verb is None or verb.i == tok.i:
            return False
        if verb.dep not in {"relcl", "acl", "advcl", "pcomp"}:
            return False
        if any(
            m.lemma.lower() in {"while", "whilst", "when", "as"}
            for m in view.children(verb, "mark")
        ):
            return False  # "killed while patrolling near Menaka today": the same time
        return all(a.i != verb.i for a in view.ancestors(tok))

    def _report_time(self, view: SentenceView, anchor: Token) -> bool:
        for anc in view.ancestors(anchor):
            if anc.pos == "VERB":
                return anc.lemma.lower() in REPORTING
        return False

    @staticmethod
    def _token_at(view: SentenceView, offset: int | None) -> Token | None:
        if offset is None:
            return None
        for t in view.tokens:
            if t.idx <= offset < t.idx + max(len(t.text), 1):
                return t
        return None
