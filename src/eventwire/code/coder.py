"""Code events from parsed sentences by running the passes in turn: candidates.py (triggers)
-> roles.py (source and target) -> eventhood.py (what is no event) -> modality.py ->
rules.py (code rewrites) -> eventtime.py and eventplace.py (when and where); the pipeline adds
scoring.py (probability, counted). Actors, places and times are resolved by callables the
pipeline passes in, so this stage never imports another stage."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

from eventwire.code.acled import acled_view
from eventwire.code.attribution import ATTRIBUTED, attributions, bears_responsibility_said
from eventwire.code.authority import arrested_people, implied_authority, of_the_place
from eventwire.code.candidates import CandidateFinder
from eventwire.code.clauses import subject_undergoes
from eventwire.code.eventhood import (
    asked_in_question,
    campaign_rally,
    campaign_stop,
    comparative_record,
    contest_not_force,
    drop_restatements,
    electoral_win,
    family_only,
    generic_present,
    habitual,
    idle_warning,
    law_struck_down,
    media_appearance,
    natural_cause,
    police_raid,
    poll_score,
    poll_share,
    press_request,
    quit_habit,
    race_for_prize,
    rallying_support,
    shared_view,
    stab_in_the_back,
    standing_support,
    state_display,
    verbal_attack,
    weapons_test,
)
from eventwire.code.eventplace import (
    PlaceFn,
    abroad_place,
    finer_in_country,
    names_place,
    rank_place,
)
from eventwire.code.eventtime import TimeAttacher
from eventwire.code.grammar import (
    ATTACKED_AREAS,
    ATTACKED_PLACES,
    BOMB_WORDS,
    DISASTER_WORDS,
    FIXED_FACILITIES,
    LOCAL_SECTORS,
    NON_POLITICAL,
    OBJ,
    PASSIVE_SUBJ,
    PLACE_NOUNS,
    SUBJ,
    VIOLENT_ROOTS,
    ActorFn,
    head_word,
    mentions,
    reached_objects,
    two_named,
)
from eventwire.code.modality import (
    conditional_threat,
    forecast,
    modality_of,
    permission_refused,
    refused,
)
from eventwire.code.patterns import Pattern, PatternIndex, get_index
from eventwire.code.roles import (
    CLAIM_OTHER,
    CLAIM_OWN,
    DEONTIC,
    VISIT_CODE,
    RoleFinder,
    Roles,
    each_other,
    judged_act,
    reciprocal_parts,
)
from eventwire.code.rules import modal_code, ultimatum, with_code
from eventwire.kb import KnowledgeBase, load_kb
from eventwire.records import (
    CONTEXT_KB_ID,
    Actor,
    Cameo,
    Event,
    ParsedSentence,
    Place,
    Plover,
    Span,
    TimeSpan,
    Token,
)
from eventwire.syntax import SentenceView

CODER_VERSION = "eventwire-coder/0.1"
#: What a politician's verbal "attack" is: criticism (CAMEO 111, PLOVER ACCUSE).
VERBAL_ATTACK_CODE = "111"
#: What a police raid is: coercion (CAMEO 170, PLOVER COERCE), not an armed assault.
POLICE_RAID_CODE = "170"
#: What a weapons test is: a show of force (CAMEO 150, PLOVER MOBILIZE).
SHOW_OF_FORCE_CODE = "150"
#: Roots of acts two parties do together: agree (03), consult (04), cooperate (06).
JOINT_ROOTS = frozenset({"03", "04", "06"})
#: CAMEO 045, mediate: done between others.
MEDIATE_CODE = "045"


#: CAMEO 1712, destroy property: a building destroyed stands for its people as one attacked.
DESTROY_PROPERTY_CODE = "1712"


def localised(actors: list[Actor], country: str) -> list[Actor]:
    """Actors whose country was guessed from the article, moved to the event's country."""
    return [
        replace(a, country=country, kb_id=None)
        if a.kb_id == CONTEXT_KB_ID
        and a.name is None
        and (a.sector in LOCAL_SECTORS or head_word(a.text) in FIXED_FACILITIES)
        else a
        for a in actors
    ]


def one_identity(events: list[Event]) -> list[Event]:
    """One mention, one actor: where two events of a sentence share an actor's words and one of
    them grounded its country in the text ("thousands marched in Niamey to demand ..."), the
    other's guess from the article gives way to it."""
    grounded = {
        (a.start, a.end): a
        for ev in events
        for a in (*ev.source, *ev.target)
        if a.kb_id != CONTEXT_KB_ID and a.country
    }

    def fix(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
        return tuple(
            grounded.get((a.start, a.end), a) if a.kb_id == CONTEXT_KB_ID else a for a in actors
        )

    return [replace(ev, source=fix(ev.source), target=fix(ev.target)) for ev in events]


def one_scene(events: list[Event]) -> list[Event]:
    """An attack and its toll told in one sentence happened in one place: where one violent
    event of the sentence has a place the text names ("the attack on Kharkiv killed five
    people") and the others have only a guess, they take it, and their people whose country
    was guessed from the article ("five people") are people of that place."""
    violent = [e for e in events if e.cameo.root in VIOLENT_ROOTS]
    named = [
        e.place
        for e in violent
        if e.place is not None and not e.place.inferred and e.place.char_start is not None
    ]
    if len({p.country for p in named}) != 1 or named[0].country is None:
        return events
    place, country = named[0], named[0].country
    out = []
    for ev in events:
        if ev.cameo.root in VIOLENT_ROOTS and (ev.place is None or ev.place.inferred):
            ev = replace(
                ev,
                place=place,
                source=tuple(localised(list(ev.source), country)),
                target=tuple(localised(list(ev.target), country)),
            )
        out.append(ev)
    return out


def _aimed_at_area(view: SentenceView, tok: Token, place: Place | None = None) -> bool:
    """A violent verb whose object is an area, a town or a position, not an actor; or an
    attack noun aimed at one ("the assault on the Afrin enclave", "an incursion into Syria",
    "the bombardment pounded Bakhmut"). ``place``: the event's place, found in the text; an
    object naming it is an area whatever the parser's entity label."""
    areas = ATTACKED_AREAS | PLACE_NOUNS | ATTACKED_PLACES
    if tok.pos == "NOUN":
        aimed = view.prep_objects(tok, ("on", "against", "into")) + reached_objects(view, tok)
    elif tok.pos == "VERB":
        aimed = view.children(tok, *OBJ, *PASSIVE_SUBJ)
    else:
        return False
    return any(
        o.lemma.lower() in areas or o.ent in {"GPE", "LOC"} or _names(view, o, place) for o in aimed
    )


def _names(view: SentenceView, head: Token, place: Place | None) -> bool:
    """Whether the phrase headed by ``head`` is where ``place`` was found in the text."""
    if place is None or place.char_start is None:
        return False
    phrase = view.noun_phrase(head)
    return phrase[0].idx <= place.char_start < phrase[-1].idx + len(phrase[-1].text)


def event_id(article_id: str, sentence: int, trigger_start: int, code: str, part: int = 0) -> str:
    """Content id; ``part`` tells apart the events one reciprocal trigger is split into."""
    raw = f"{article_id}:{sentence}:{trigger_start}:{code}" + (f":{part}" if part else "")
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


class Coder:
    """Codes the sentences of one article by running the passes in turn. Cheap to build; the
    pattern index is shared."""

    def __init__(self, kb: KnowledgeBase | None = None, index: PatternIndex | None = None) -> None:
        self.kb = kb or load_kb()
        self.index = index or get_index()
        self.candidates = CandidateFinder(self.index)
        self.role_finder = RoleFinder(self.kb)
        self.timer = TimeAttacher()

    def match(self, view: SentenceView, tok: Token) -> Pattern | None:
        """The pattern that codes ``tok``, if any (the candidates pass)."""
        return self.candidates.match(view, tok)

    # -- the whole sentence ----------------------------------------------------------------------
    def code(
        self,
        parsed: ParsedSentence,
        *,
        article_id: str,
        actor_fn: ActorFn,
        place_fn: PlaceFn,
        times: Sequence[TimeSpan] = (),
        fallback_place: Place | None = None,
    ) -> list[Event]:
        """Every event a sentence states, with roles, modality, date, place and confidence."""
        view = SentenceView(parsed)
        matched = [(t, p) for t in view.tokens if (p := self.candidates.match(view, t)) is not None]
        matched = self.candidates.merge_nested(view, matched)
        triggers = {t.i for t, _ in matched}
        events: list[Event] = []
        pending: list[tuple[Token, Pattern, Roles]] = []
        for tok, pattern in matched:
            pending.append((tok, pattern, self.role_finder.roles(view, tok, pattern, actor_fn)))
        pending.extend(self.role_finder.deontic(view, actor_fn))
        pending.extend(self.role_finder.claims(view, pending, actor_fn))
        # a claim of responsibility that another speaker lays on its bearer gives way to the
        # attribution ("said Moscow bears responsibility")
        pending = [
            (t, p, r)
            for t, p, r in pending
            if not (p.code == "015" and bears_responsibility_said(view, t))
        ]
        taken = {t.i for t, _, _ in pending}
        for trig, accuser, accused in attributions(
            view, lambda v, heads: self.role_finder.actors(v, heads, actor_fn)
        ):
            if trig.i not in taken:  # "Y was responsible", "considers Y a terrorist group"
                pending.append((trig, ATTRIBUTED, Roles(tuple(accuser), tuple(accused), None)))
        for tok, pattern, roles in pending:
            if pattern.code == "1724" and mentions(view, DISASTER_WORDS):
                continue  # an emergency after an earthquake is relief, not repression
            source, target, inferred = list(roles.source), list(roles.target), roles.inferred
            ranked = rank_place(view, tok, triggers, place_fn, fallback=fallback_place)
            place = ranked[1] if ranked else None
            attacked = roles.target if pattern.code[:2] in VIOLENT_ROOTS else ()
            if (
                place is not None
                and place.char_start is not None
                and any(
                    a.start <= place.char_start < a.end
                    and not names_place(a.text, place.char_start - a.start)
                    # "the attack on Kharkiv": a town attacked is where the attack happened
                    and not (a in attacked and a.sector is None)
                    # "visited Taiwan", "withdrew from Niger": the country visited or left
                    # is the target and where the act takes place
                    and not (pattern.target_from_place and a in roles.target)
                    for a in (*roles.source, *roles.target)
                )
            ):
                ranked, place = None, None  # "joined forces with Cameroon": an actor, not a place
            named_before = {m.idx for m in view.children(tok, "compound") if m.ent == "GPE"}
            if pattern.code == VISIT_CODE and any(a.start in named_before for a in roles.target):
                # "his Moscow visit": the city or country named before a visit is where it was
                for actor in roles.target:
                    went = place_fn(actor.text, actor.start, actor.end)
                    if actor.start in named_before and went is not None and went.country:
                        ranked, place = (0, went), went
                        break
            if pattern.mode == "withdraw" and (ranked is None or ranked[1] is fallback_place):
                # "withdrew from Kherson", "the withdrawal from Mali": a retreat happens at the
                # place it leaves, which the text names as the target
                for actor in roles.target:
                    left = (
                        place_fn(actor.text, actor.start, actor.end) if actor.start >= 0 else None
                    )
                    if left is not None and left.country and not left.inferred:
                        ranked, place = (0, left), left
                        break
            if (
                ranked
                and ranked[1] is not fallback_place
                and ranked[1].char_start is not None
                and ranked[1].country
            ):
                # "local officials", "residents", "police" with no country of their own are
                # people of the place where the event happens, not of the article's focus
                source = localised(source, ranked[1].country)
                target = localised(target, ranked[1].country)
            # an arrest told with no agent was made by the police of where it happened: only
            # a place the sentence states, the article's country is no evidence
            stated = (
                ranked[1].country
                if ranked and ranked[1] is not fallback_place and ranked[1].char_start is not None
                else None
            )
            police = implied_authority(view, tok, stated) if not source else None
            if police is not None and target:
                # "a man was arrested in Leeds": a man of Leeds, taken by its police
                source, inferred = [police], True
                target = of_the_place(target, police.country or "")
            elif police is not None:
                # "Lopez, 41, was arrested at a bank in Houston": a named person the KB does
                # not know, taken by the police of the place the sentence states
                people = arrested_people(view, tok, police.country or "")
                if people:
                    source, target, inferred = [police], people, True
            if pattern.code == "015" and not (ranked and ranked[0] == 0):
                # "claimed responsibility for an attack at a hotel in Mogadishu": the claimed
                # event's place, wherever its clause names it
                for other_tok, _, _ in pending:
                    if other_tok.i != tok.i and any(
                        a.i == tok.i for a in view.ancestors(other_tok)
                    ):
                        nested = rank_place(view, other_tok, triggers, place_fn)
                        if nested and nested[1].country:
                            ranked, place = (0, nested[1]), nested[1]
                            break
            # The place names the target of a movement only when the parse attaches it to the
            # trigger; the article's focus country only when a source is known.
            if (
                pattern.solo_code
                and not target
                and len({a.country for a in source if a.country}) == 1
            ):
                pattern = with_code(pattern, pattern.solo_code)
            where = place if ranked and ranked[0] == 0 else (fallback_place if source else None)
            if (
                not target
                and pattern.code[:2] in VIOLENT_ROOTS
                and place is not None
                and place is not fallback_place
                and _aimed_at_area(view, tok)
            ):
                # "shelled a rebel enclave inside Mali": the attack is on the country it lies in
                where = place
            if (
                not target
                and where
                and where.country
                and (
                    pattern.target_from_place or where is place and _aimed_at_area(view, tok, place)
                )
            ):
                place_ = where
                if all(a.country != place_.country for a in source):
                    # offsets -1: inferred from the place, not named in the text
                    start_ = place_.char_start if place_.char_start is not None else -1
                    end_ = place_.char_end if place_.char_end is not None else -1
                    target = [
                        Actor(
                            text=place_.text,
                            start=start_,
                            end=end_,
                            country=place_.country,
                            sector="GOV",
                            name=None,
                            confidence=0.4,
                        )
                    ]
                    inferred = True
            if pattern.code[:2] in VIOLENT_ROOTS and natural_cause(view, tok):
                continue  # "the storm killed ten people": no one acted
            if electoral_win(view, tok, pattern.code, source, target):
                continue  # "beat Trump in the election": a win at the polls
            if contest_not_force(view, tok, pattern.code):
                continue  # "his legal battle with his former adviser": no force
            if race_for_prize(view, tok):
                continue  # "battling with Rubio for second place": a race, no fight
            if law_struck_down(view, tok, pattern.code):
                continue  # "the court struck down a law": annulled, not attacked
            if rallying_support(view, tok, pattern.code):
                continue  # "rallied supporters": support gathered, no protest
            if press_request(view, tok, pattern.code):
                continue  # "declined an interview request": no political rejection
            if idle_warning(view, tok):
                continue  # "warned that more children could be trafficked": no threat
            if asked_in_question(view, tok, pattern.code):
                continue  # "asked the crowd, 'Can she stay?'": a question, no appeal
            if quit_habit(view, tok, pattern.mode):
                continue  # "quit giving paid speeches": an activity stopped, no office left
            if standing_support(view, tok, pattern.code):
                continue  # "a super PAC supporting Rubio": what the body stands for
            if shared_view(view, tok):
                continue  # "agrees with X that Y is the best candidate": a view shared
            if poll_share(view, source) or poll_score(view, tok, pattern.code, source):
                continue  # "backed by 34% of voters", "backed Trump 57 to 22 percent": a poll
            if campaign_rally(view, tok):
                continue  # "appeared at a Trump rally": a campaign meeting, not a protest
            if habitual(view, tok, roles.light_verb):
                continue  # "frequently meets members of Congress": a habit, not an event
            if permission_refused(view, tok):
                continue  # "refused to let inspectors visit": the refusal is the event
            if stab_in_the_back(view, tok):
                continue  # "stabbed Turkey in the back": a betrayal, no violence
            if comparative_record(view, tok):
                continue  # "jailed more reporters than any government before it": a record
            if generic_present(view, tok):
                continue  # "Putin kills journalists": what someone does, not what happened
            if weapons_test(view, tok, pattern.code):
                pattern = replace(pattern, code=SHOW_OF_FORCE_CODE, plover_type=None, mode=None)
                target = []  # a test is aimed at no one in particular
            if state_display(tok, pattern.code, source):
                # "flew drones in a demonstration at a trade fair": a state shows its power
                pattern = replace(pattern, code=SHOW_OF_FORCE_CODE, plover_type=None, mode=None)
                target = []
            if police_raid(tok, pattern.code, source):
                pattern = replace(pattern, code=POLICE_RAID_CODE, plover_type=None, mode=None)
            if verbal_attack(view, tok, pattern.code, source, target):
                pattern = replace(pattern, code=VERBAL_ATTACK_CODE, plover_type=None, mode=None)
            if not source and tok.pos == "VERB" and not view.children(tok, *PASSIVE_SUBJ, *SUBJ):
                # an act embedded in another event's phrase, with no subject of its own, is done
                # by that event's actors ("X pledged support to Y, with plans to send
                # trainers"); never the other way round, never from a sibling clause, and never
                # when its own subject is just unknown ("after Pelosi visited Taiwan")
                for other_tok, _, other in pending:
                    if not self.role_finder.embedded_in(view, tok, other_tok):
                        continue
                    if judged_act(view, tok, other_tok):
                        # "criticised the officer for killing X", "blamed Kenya for failing
                        # to ...": the one judged did it, not the judge; with no one else
                        # named, the act concerned the judge ("faulted the ministry for
                        # declining to publish the figures")
                        source = list(other.target)
                        target = target or list(other.source)
                        inferred = True
                        break
                    if other.target and subject_undergoes(view, other_tok):
                        # "was shot while defending Bakhmut": the one who fought is the
                        # passive's subject, the one killed
                        source = list(other.target)
                        inferred = True
                        break
                    if other.source:
                        source = list(other.source)
                        target = target or list(other.target)
                        inferred = True
                        break
            if not pattern.domestic:
                source, target = self.role_finder.separate_sides(view, source, target, actor_fn)
            if pattern.code[:2] not in VIOLENT_ROOTS and pattern.code != DESTROY_PROPERTY_CODE:
                # a market or a hotel stands for the people in it only when it is attacked
                # (or destroyed: "missiles destroyed an apartment building");
                # "assistance to the money market" is no aid to civilians
                kept = [a for a in target if head_word(a.text) not in ATTACKED_PLACES]
                if target and not kept and pattern.code.startswith("07"):
                    continue  # "assistance to the money market": given to no one
                target = kept
            if not source and not target:
                continue
            if pattern.needs_target and not target:
                continue
            if family_only(pattern.code, target):
                continue  # "thanked his parents and his wife": private
            if campaign_stop(view, pattern.code, source, target):
                continue  # "visiting Richmond for a rally": a stop on the campaign trail
            if media_appearance(pattern.code, target):
                continue  # "visited NBC's 'Today'": an appearance in the media, no visit
            if all(a.sector in NON_POLITICAL for a in source + target):
                continue  # companies buying and selling are not political events
            if (
                source
                and target
                and {a.country for a in source} == {a.country for a in target}
                and len(source) == len(target) == 1
                and source[0].sector == target[0].sector
                and not two_named(source[0], target[0])
                # "Tuareg rebels ambushed jihadists": two groups of one sector, told apart
                and head_word(source[0].text) == head_word(target[0].text)
            ):
                continue  # an actor acting on itself is a parse error, not an event
            if not target and not pattern.reciprocal and each_other(view, tok):
                # "the two countries accused each other": each side acts on the other
                pattern = replace(pattern, reciprocal=True)
            if (
                not target
                and not pattern.reciprocal
                and pattern.code[:2] in JOINT_ROOTS
                # a mediator brokers between others, never with its fellow mediators
                and pattern.code != MEDIATE_CODE
                and len({a.country for a in source if a.country}) >= 2
                # named in the sentence: "the two sides" is a guess from earlier sentences
                and all(a.kb_id != CONTEXT_KB_ID for a in source)
            ):
                # "Britain and France agreed to share intelligence": two parties who agree,
                # meet or cooperate with no one else named do so with each other
                pattern = replace(pattern, reciprocal=True)
            if place is not None and not place.inferred:
                # "in Manchester during a two-day UK state visit": the town, not the country
                place = finer_in_country(view, place, place_fn) or place
            home = {a.country for a in source if a.country}
            guessed = place or fallback_place
            if (
                pattern.mode == "withdraw"
                and (guessed is None or guessed.inferred)
                and (guessed is None or guessed.country in home)
            ):
                # forces are withdrawn from abroad, never from their own country
                place = abroad_place(view, place_fn, home) or place
            pairs = reciprocal_parts(pattern, source, target, roles.pairing)
            for part, (src, tgt) in enumerate(pairs):
                events.append(
                    self._event(
                        parsed,
                        view,
                        tok,
                        pattern,
                        src,
                        tgt,
                        inferred,
                        roles.light_verb,
                        triggers,
                        times,
                        place or fallback_place,
                        article_id,
                        part,
                        reciprocal=len(pairs) > 1,
                    )
                )
        return drop_restatements(one_identity(one_scene(events)))

    def _event(
        self,
        parsed: ParsedSentence,
        view: SentenceView,
        tok: Token,
        pattern: Pattern,
        source: list[Actor],
        target: list[Actor],
        inferred: bool,
        light: Token | None,
        triggers: set[int],
        times: Sequence[TimeSpan],
        place: Place | None,
        article_id: str,
        part: int = 0,
        *,
        reciprocal: bool = False,
    ) -> Event:
        synthetic = pattern in (DEONTIC, CLAIM_OWN, CLAIM_OTHER, ATTRIBUTED)
        modality = "asserted" if synthetic else modality_of(view, tok, light)
        if modality == "planned" and forecast(view, tok, light):
            modality = "hypothetical"  # an economist's "will" is a forecast, not a plan
        elif (
            modality == "hypothetical"
            and conditional_threat(view, tok)
            and (modal_code(pattern.code, "planned") or "")[:2] == "13"
            and not forecast(view, tok, light)
        ):
            modality = "planned"  # "said it would strike if ...": a threat, made
        code = pattern.code
        if code[:2] == "19" and mentions(view, BOMB_WORDS):
            code = "1831" if mentions(view, {"suicide"}) else "183"
        if modality == "planned" and ultimatum(view, tok):
            code = "139"  # "will withdraw its troops unless the talks resume": an ultimatum
        elif modality == "planned":
            code = modal_code(code, "planned") or code
        elif modality == "negated" and refused(view, tok, light):
            # "refused to lift the curfew" is a rejection that happened, not a non-event
            code = modal_code(code, "refused") or code
            modality = "asserted" if code != pattern.code else modality
        entry = self.kb.cameo[code]
        cameo = Cameo(
            code=entry.code,
            root=entry.root,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            name=entry.name,
        )
        plover = Plover(
            type=(pattern.plover_type if code == pattern.code else None) or entry.plover_type,
            mode=pattern.mode or entry.plover_mode or None,
            context=pattern.context or entry.plover_context,
        )
        trigger_toks = [tok] + [
            k for k in view.children(tok, "prt", "compound") if k.i == tok.i - 1 or k.dep == "prt"
        ]
        trigger_toks.sort(key=lambda t: t.i)
        text, start, end = view.span_text(trigger_toks)
        date = self.timer.attached_time(view, triggers, tok, list(times))
        confidence = 0.45 + 0.05 * pattern.specificity
        confidence += 0.2 if source else 0.0
        # the other parties of a reciprocal event are no more certain a target than none
        confidence += 0.2 if target and not reciprocal else 0.0
        confidence -= 0.15 if inferred else 0.0
        actors = source + target
        if actors:
            confidence *= 0.7 + 0.3 * (sum(a.confidence for a in actors) / len(actors))
        sentence = parsed.sentence
        return Event(
            event_id=event_id(article_id, sentence.index, start, cameo.code, part),
            article_id=article_id,
            sentence=sentence.index,
            evidence=sentence.text,
            evidence_start=sentence.start,
            trigger=Span(text=text, start=start, end=end),
            source=tuple(source),
            target=tuple(target),
            cameo=cameo,
            plover=plover,
            modality=modality,
            date=date,
            place=place,
            confidence=round(max(0.05, min(confidence, 0.99)), 2),
            pattern=pattern.id,
            coder_version=CODER_VERSION,
            acled=acled_view(cameo.code, tuple(source), tuple(target)),
        )
