"""Pass 2, eventhood: what a matched trigger does not make an event - a killing by a force of
nature, a target-less restatement of another event of the sentence, the demand a protest
makes. (Word sense lives in the patterns' constraints; what is hypothetical, negated or
cancelled is modality.py.)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from eventwire.code.grammar import (
    BOMB_WORDS,
    CLAIM_NOUNS,
    CONTEST_LEMMAS,
    ELECTION_WORDS,
    HARM_WORDS,
    IDEA_NOUNS,
    LEXICON,
    MESSAGE_NOUNS,
    NATURAL_CAUSES,
    PERSONAL_PRONOUNS,
    REPRISAL_WORDS,
    SPEAKER_PRONOUNS,
    SUBJ,
    VERBAL_ATTACK_LEMMAS,
    VIOLENT_ROOTS,
    head_word,
    mentions,
)
from eventwire.records import (
    Actor,
    Event,
    Token,
)
from eventwire.syntax import SentenceView

#: "will", "would": the auxiliaries through which a speaker announces their own act.
PROMISING_AUX = LEXICON.words("future_aux") | LEXICON.words("conditional_aux")


def drop_restatements(events: list[Event]) -> list[Event]:
    """Drop a target-less event when another in the sentence has the same root and source,
    and the demand a protest makes ("marched to demand reforms"): the protest is the event."""
    events = _promise_targets(events)
    protests = {a.country for e in events if e.cameo.root == "14" for a in e.source}
    out = []
    for ev in events:
        if (
            ev.cameo.root == "10"
            and protests
            and (not ev.source or {a.country for a in ev.source} <= protests)
        ):
            continue
        if not ev.target and _restated(ev, events):
            continue
        if _inside_another(ev, events) or _promised_in_another(ev, events):
            continue
        out.append(ev)
    return out


def _promise_targets(events: list[Event]) -> list[Event]:
    """ "The junta vowed to crush the insurgents": a vow with no target of its own is aimed at
    whom the act it promises is aimed at (the promised act, told twice, is dropped below)."""
    out = []
    for o in events:
        if o.modality == "asserted" and not o.target:
            promised = [
                ev
                for ev in events
                if ev.modality == "planned"
                and ev.target
                and ev.cameo.code == o.cameo.code  # a finer promised code wins below
                and ev.trigger.start > o.trigger.start
                and {a.country for a in ev.source} == {a.country for a in o.source}
            ]
            if promised:
                o = replace(o, target=promised[0].target)
        out.append(o)
    return out


def _promised_in_another(ev: Event, events: list[Event]) -> bool:
    """ "Netanyahu vowed to destroy Hamas": the vow is the threat, and the crushing it promises
    (planned, so coded as the same threat) is that threat told twice, between the same parties.
    A promised act with a finer code ("threatened to break relations": 1313) is kept instead."""

    def sides(e: Event) -> tuple[frozenset[str | None], frozenset[str | None]]:
        return frozenset(a.country for a in e.source), frozenset(a.country for a in e.target)

    return ev.modality == "planned" and any(
        o is not ev
        and o.modality == "asserted"
        and o.cameo.code == ev.cameo.code
        and o.trigger.start < ev.trigger.start
        and sides(o) == sides(ev)
        for o in events
    )


def _inside_another(ev: Event, events: list[Event]) -> bool:
    """The trigger is a word of another same-root event's actor phrase: "a reception for the
    visiting minister" is one meeting, told once."""
    at = ev.trigger.start
    return any(
        o is not ev
        and o.cameo.root == ev.cameo.root
        and any(a.start <= at < a.end for a in (*o.source, *o.target))
        for o in events
    )


def _restated(ev: Event, events: list[Event]) -> bool:
    """Another event of the same root, with a target, has the same actors as sources (split
    reciprocal events together count: "met ... to discuss")."""
    mine = {a.country for a in ev.source}
    same = [o for o in events if o is not ev and o.target and o.cameo.root == ev.cameo.root]
    if any({a.country for a in o.source} == mine for o in same):
        return True
    return bool(mine) and mine <= {a.country for o in same for a in o.source}


def natural_cause(view: SentenceView, tok: Token) -> bool:
    """The subject of a harm verb is a force of nature, an illness or an accident."""
    if tok.pos != "VERB":
        return False
    return any(s.lemma.lower() in NATURAL_CAUSES for s in view.children(tok, *SUBJ))


#: Sectors of people and bodies whose "attacks" on one another are words: politicians, parties,
#: legislators, judges, the press.
POLITICAL_PEOPLE = frozenset({"ELI", "PTY", "LEG", "JUD", "JRN", "OPP"})
#: Debates, speeches, interviews, ads: where a person's attack is made with words.
WORD_SETTINGS = LEXICON.words("word_settings")
#: "frequently", "regularly": a present clause with one tells a habit.
HABITUAL_ADVERBS = LEXICON.words("habitual_adverbs")
#: "%", "percent": an actor phrase with one is a share of people polled.
SHARE_WORDS = LEXICON.words("share_words")
CONTEST_MODIFIERS = LEXICON.words("contest_modifiers")
#: "historically", "traditionally": a record over years, whatever the tense.
HISTORICAL_ADVERBS = LEXICON.words("historical_adverbs")
#: Bodies whose share of votes is a decision taken, not a poll.
_DECIDING_SECTORS = frozenset({"GOV", "LEG", "JUD", "PTY"})
#: Subordinate clauses: another event's words, not this one's.
_CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "conj", "parataxis"})
CONFLICT_NOUNS = LEXICON.words("conflict_nouns")
#: Sectors that fight: their attacks are force.
ARMED_SECTORS = frozenset({"MIL", "REB", "PRM", "UAF", "COP", "SPY", "CRM"})
LEGAL_INSTRUMENTS = LEXICON.words("legal_instruments")
CONTEST_PRIZES = LEXICON.words("contest_prizes")
RIVALRY_LEMMAS = LEXICON.words("contest_lemmas_for")
PRESS_REQUESTS = LEXICON.words("press_requests")
ELECTORATE = LEXICON.words("electorate_nouns")
KIN_NOUNS = LEXICON.words("kin_nouns")
CAMPAIGN_WORDS = LEXICON.words("campaign_words")
RAID_LEMMAS = LEXICON.words("raid_lemmas")
ANNULLING_LEMMAS = LEXICON.words("annulling_lemmas")


def _a_person(view: SentenceView, actor: Actor) -> bool:
    """A named person or a personal pronoun, or a politician by sector."""
    if actor.sector in ARMED_SECTORS:
        return False  # the parser calls armed groups persons ("Al-Shabaab attacked ...")
    toks = [t for t in view.tokens if actor.start <= t.idx < actor.end]
    return actor.sector in POLITICAL_PEOPLE or any(
        t.ent == "PERSON" or t.text.lower() in PERSONAL_PRONOUNS for t in toks
    )


def _named_person_subject(view: SentenceView, tok: Token) -> bool:
    """The trigger's subject is a person the tagger names, whether or not the KB knows them."""
    return any(t.ent == "PERSON" for s in view.children(tok, *SUBJ) for t in view.noun_phrase(s))


def verbal_attack(
    view: SentenceView, tok: Token, code: str, source: list[Actor], target: list[Actor]
) -> bool:
    """ "Bush attacked Trump, calling him a loser", "Clinton went on the offensive against
    Trump", "Trump's attacks on a federal judge": in politics a person's attack on a person
    or an idea is criticism (ACCUSE), unless the sentence names weapons, wounds or bombs."""
    if code[:2] not in VIOLENT_ROOTS or tok.lemma.lower() not in VERBAL_ATTACK_LEMMAS:
        return False
    reason = _reason(view, tok)
    if mentions(view, HARM_WORDS | BOMB_WORDS, reason):
        return False
    people_named = (not target and _named_person_object(view, tok)) or (
        bool(target) and all(_a_person(view, a) for a in target)
    )
    if reason and source and people_named and all(_a_person(view, a) for a in source):
        return True  # "attacked the governor for being too soft on guns": blamed, with words
    carrier = view.head(tok) if tok.dep == "acl" else None
    if carrier is not None and carrier.lemma.lower() in MESSAGE_NOUNS:
        return True  # "a TV spot attacking the governor": words attack with words
    objects = view.children(tok, "dobj")
    if objects and all(o.lemma.lower() in IDEA_NOUNS | CLAIM_NOUNS for o in objects):
        return True  # "attacked the withdrawal", "attacked the plan": only words reach an idea
    if source and not all(_a_person(view, a) for a in source):
        return False
    if source and mentions(view, WORD_SETTINGS):
        return True  # "her attack on Sanders in Sunday's debate": made with words
    if not source and not _named_person_subject(view, tok):
        return False  # "Ted Cruz clashed with Trump": a person the KB does not know is one still
    return people_named


def _named_person_object(view: SentenceView, tok: Token) -> bool:
    """What the trigger is aimed at ("attacked X", "attacks on X", "against X") is a person the
    tagger names, whether or not the KB knows them."""
    objects = [*view.children(tok, "dobj"), *view.prep_objects(tok, ("on", "against"))]
    return any(t.ent == "PERSON" for o in objects for t in view.noun_phrase(o))


def _reason(view: SentenceView, tok: Token) -> set[int]:
    """Token positions of the reason an act is "for" ("attacked X for being soft on guns"):
    words there say what the attack was about, not what it was made with."""
    out: set[int] = set()
    for prep in view.children(tok, "prep"):
        if prep.text.lower() == "for" and any(
            k.tag == "VBG" for k in view.children(prep, "pcomp", "pobj")
        ):
            out.update(t.i for t in view.subtree(prep))
    return out


def contest_not_force(view: SentenceView, tok: Token, code: str) -> bool:
    """ "his legal battle with his former adviser", "her tough nomination battle with Sanders",
    "a court fight": a battle of law, votes or words is no act of force."""
    if code[:2] not in VIOLENT_ROOTS or tok.lemma.lower() not in CONFLICT_NOUNS:
        return False
    return any(
        k.lemma.lower() in CONTEST_MODIFIERS or k.text.lower() in CONTEST_MODIFIERS
        for k in view.children(tok, "amod", "compound", "nmod")
    )


def electoral_win(
    view: SentenceView,
    tok: Token,
    code: str,
    source: Sequence[Actor] = (),
    target: Sequence[Actor] = (),
) -> bool:
    """ "the candidate best suited to beat Trump in the general election", "Sanders crushed
    Clinton in the primary", "she beat him 51% to 36%": beating someone at the polls is no act
    of force. Between politicians (or named people) with no weapon or wound in the sentence,
    "beat" is winning too."""
    if code[:2] not in VIOLENT_ROOTS or tok.lemma.lower() not in CONTEST_LEMMAS:
        return False
    if mentions(view, HARM_WORDS | BOMB_WORDS, skip={tok.i}):
        return False  # a wound or a weapon besides the verb itself ("beaten" is one)
    if mentions(view, ELECTION_WORDS):
        return True
    if any(o.lemma.lower() in ELECTORATE for o in view.prep_objects(tok, ("among",))):
        return True  # "has beaten Sanders among black voters": a share of the electorate
    sides = [*source, *target]
    return bool(target) and all(_a_person(view, a) for a in sides)


def poll_share(view: SentenceView, actors: Sequence[Actor]) -> bool:
    """ "He is backed by 34% of GOP voters", "a 69% majority of Republicans support ...", "78
    percent of his voters backing her": a poll's finding, not an event."""
    for a in actors:
        toks = [t for t in view.tokens if a.start <= t.idx < a.end]
        words = {t.text.lower() for t in toks}
        if words & SHARE_WORDS and "of" in words:
            return True
        for t in toks:  # the share may stand outside the actor's phrase: "78 percent of X"
            of = view.head(t) if t.dep == "pobj" else None
            share = view.head(of) if of is not None and of.text.lower() == "of" else None
            if share is not None and share.text.lower() in SHARE_WORDS:
                return True
    return False


def standing_support(view: SentenceView, tok: Token, code: str) -> bool:
    """ "A super PAC supporting Rubio's campaign spent ...", "militias backing the government":
    a participle of support that describes a noun names what the body stands for, not an act
    of support on a date; so does a relative clause in the present ("the ruling party, which
    is backed by the military")."""
    if code[:2] != "05":
        return False
    if tok.tag == "VBG" and tok.dep == "acl":
        return True
    return (
        tok.dep == "relcl"
        and tok.tag == "VBN"
        and any(k.text.lower() in {"is", "are"} for k in view.children(tok, "auxpass"))
    )


def poll_score(view: SentenceView, tok: Token, code: str, source: Sequence[Actor]) -> bool:
    """ "veterans backed the senator 60 percent to 30 percent": backing or rejecting with a share
    in the clause is a poll's finding about people, not an act (a vote by a legislature, a
    government or a party is one)."""
    if code[:2] not in {"05", "12"} or any(a.sector in _DECIDING_SECTORS for a in source):
        return False
    return any(t.text.lower() in SHARE_WORDS for t in view.subtree(tok, _CLAUSE_DEPS))


def asked_in_question(view: SentenceView, tok: Token, code: str) -> bool:
    """ "He asked the crowd, 'Can she stay?'", "why don't they ever call on him?": an appeal
    that asks a question, or is told inside one, is no appeal made."""
    return code[:2] == "02" and any(t.text == "?" and t.i > tok.i for t in view.tokens)


def quit_habit(view: SentenceView, tok: Token, mode: str | None) -> bool:
    """ "Clinton quit giving paid speeches": quitting an activity is no resignation from an
    office."""
    return mode == "resign" and any(
        k.tag == "VBG" for k in view.children(tok, "xcomp", "dobj", "ccomp")
    )


#: Verbs of being and having: a that-clause of theirs says what is so, not what is done.
_STATIVE = frozenset({"be", "have", "remain", "pose", "represent", "constitute", "seem"})


def shared_view(view: SentenceView, tok: Token) -> bool:
    """ "Pence agrees with Gingrich that Trump is the best candidate", "European leaders agree
    with him": agreeing that something is so, or with someone, in the present, shares a view;
    an agreement is about acts ("agreed that talks would resume", "agreed with Kenya on a
    truce")."""
    if tok.lemma.lower() != "agree":
        return False
    if any(
        clause.lemma.lower() in _STATIVE and not view.children(clause, "aux")
        for clause in view.children(tok, "ccomp")
    ):
        return True  # "agreed the regime had a pattern of dangerous behaviour"
    # "European leaders agree with him": agreeing with a person, told in the present and with
    # nothing agreed to, on or about, is holding the same opinion
    return (
        tok.tag in {"VBP", "VBZ"}
        and bool(view.prep_objects(tok, ("with",)))
        and not view.prep_objects(tok, ("to", "on", "upon"))
        and not view.children(tok, "xcomp", "ccomp", "advcl", "dobj")
    )


def campaign_rally(view: SentenceView, tok: Token) -> bool:
    """ "a Trump rally", "Sanders's rallies": a rally named after a politician is his campaign's
    meeting with supporters, not a protest."""
    if tok.pos != "NOUN" or tok.lemma.lower() != "rally":
        return False
    return any(k.ent == "PERSON" for k in view.children(tok, "compound", "poss", "nmod")) or any(
        k.text.lower() in PERSONAL_PRONOUNS for k in view.children(tok, "poss")
    )


def habitual(view: SentenceView, tok: Token, light: Token | None = None) -> bool:
    """ "The Israeli leader frequently meets with members of Congress": what someone does as a
    rule, told in the present, is a habit, not an event with a date (a past "often shelled"
    reports acts that happened)."""
    verbs = [v for v in (tok, light) if v is not None]
    if any(
        k.lemma.lower() in HISTORICAL_ADVERBS for v in verbs for k in view.children(v, "advmod")
    ):
        return True  # "Democrats have historically lambasted X": a record over years, any tense
    return any(
        k.lemma.lower() in HABITUAL_ADVERBS or k.text.lower() in HABITUAL_ADVERBS
        for verb in verbs
        if verb.tag in {"VBZ", "VBP"}  # the present of habits
        for k in view.children(verb, "advmod")
    )


def idle_warning(view: SentenceView, tok: Token) -> bool:
    """ "the minister warned that the group remains dangerous", "the charity warns that more
    children could be trafficked": a warning about a danger, addressed to no one, is no
    threat. A threat names whom it is aimed at ("warned Israel", "warned against an
    attack"), the warner's own reprisal ("warned of retaliation"), or what the warner will
    do ("warned it would respond")."""
    if tok.lemma.lower() != "warn" or view.children(tok, "dobj"):
        return False
    if view.prep_objects(tok, ("against",)):
        return False
    if any(o.lemma.lower() in REPRISAL_WORDS for o in view.prep_objects(tok, ("of", "about"))):
        return False
    for clause in view.children(tok, "ccomp", "xcomp"):
        own = any(t.text.lower() in SPEAKER_PRONOUNS for t in view.children(clause, *SUBJ))
        future = any(k.text.lower() in PROMISING_AUX for k in view.children(clause, "aux"))
        if own and future:
            return False
    return True


def law_struck_down(view: SentenceView, tok: Token, code: str) -> bool:
    """ "The court struck down a Texas abortion law": a law or a ruling struck down is annulled,
    not attacked."""
    if code[:2] not in VIOLENT_ROOTS or tok.lemma.lower() not in ANNULLING_LEMMAS:
        return False
    if not any(k.text.lower() in {"down", "out"} for k in view.children(tok, "prt")):
        return False
    return any(
        o.lemma.lower() in LEGAL_INSTRUMENTS for o in view.children(tok, "dobj", "nsubjpass")
    )


def rallying_support(view: SentenceView, tok: Token, code: str) -> bool:
    """ "rallied supporters", "is rallying a coalition against X": to rally someone is to gather
    their support; only people who rally themselves ("thousands rallied in Kyiv") protest."""
    return (
        code[:2] == "14"
        and tok.pos == "VERB"
        and tok.lemma.lower() == "rally"
        and bool(view.children(tok, "dobj"))
    )


def race_for_prize(view: SentenceView, tok: Token) -> bool:
    """ "battling with Rubio for second place", "fighting for the nomination": rivals in a race
    for a place, a seat or votes, with no force and no accusation."""
    if tok.lemma.lower() not in RIVALRY_LEMMAS and tok.lemma.lower() not in CONFLICT_NOUNS:
        return False
    return any(o.lemma.lower() in CONTEST_PRIZES for o in view.prep_objects(tok, ("for",)))


def press_request(view: SentenceView, tok: Token, code: str) -> bool:
    """ "declined an interview request", "declined to comment": the press asked, and a refusal
    to answer journalists is no political rejection."""
    if code[:2] != "12":
        return False
    for obj in view.children(tok, "dobj", "xcomp"):
        words = [obj, *view.children(obj, "compound", "amod")]
        if any(w.lemma.lower() in PRESS_REQUESTS for w in words):
            return True
    return False


def media_appearance(code: str, target: Sequence[Actor]) -> bool:
    """ "visited NBC's 'Today'", "went to CNN's studios": a visit to a broadcaster is an
    appearance in the media, not a visit to a state or a body."""
    return code in {"042", "043"} and bool(target) and all(a.sector == "JRN" for a in target)


def family_only(code: str, target: Sequence[Actor]) -> bool:
    """ "thanked his parents, his wife and his children": what is said or done to one's own
    family (short of force) is private, no political event."""
    if code[:2] in VIOLENT_ROOTS or not target:
        return False
    return all(head_word(a.text) in KIN_NOUNS and a.text.lower().split()[0] in _OWN for a in target)


#: Possessives that make a relative one's own ("his wife"); "the president's wife" is another's.
_OWN = LEXICON.words("own_possessives")


def police_raid(tok: Token, code: str, source: Sequence[Actor]) -> bool:
    """ "Police raided the offices of the opposition party": a raid by the police is a search
    or a seizure (coercion), not an armed attack."""
    return (
        code[:2] in VIOLENT_ROOTS
        and tok.lemma.lower() in RAID_LEMMAS
        and bool(source)
        and all(a.sector == "COP" for a in source)
    )


def weapons_test(view: SentenceView, tok: Token, code: str) -> bool:
    """ "test-fired a ballistic missile", "fired two missiles in a test": a weapon tested is a
    show of force (CAMEO 150), no attack on anyone."""
    if code[:2] not in VIOLENT_ROOTS:
        return False
    tested = any(k.lemma.lower() == "test" for k in view.children(tok, "npadvmod", "compound"))
    return tested or any(o.lemma.lower() == "test" for o in view.prep_objects(tok, ("in", "as")))


def generic_present(view: SentenceView, tok: Token) -> bool:
    """ "Putin kills journalists", "our presidents kill terrorists", "the government offers
    loans to parents": an act told in the simple present with a bare plural object, outside
    the headline and with no date, says what someone does in general, not what happened."""
    present = tok.tag in {"VBZ", "VBP"} or (
        # the tagger often takes a plural present for a base form ("people kill civilians")
        tok.tag == "VB" and bool(view.children(tok, "nsubj"))
    )
    if tok.pos != "VERB" or not present or view.parsed.sentence.index == 0:
        return False
    if view.children(tok, "aux", "auxpass", "neg"):
        return False
    objects = view.children(tok, "dobj")
    if not objects or not all(_bare_plural(view, o) for o in objects):
        return False
    # a date of the verb's own clause dates the act; one elsewhere ("on his Friday night
    # show, guests said others kill people") dates something else
    return not any(t.ent in {"DATE", "TIME"} for t in [tok, *view.subtree(tok)])


def _bare_plural(view: SentenceView, noun: Token) -> bool:
    """A plural common noun with no determiner, possessor or number ("journalists")."""
    return (
        noun.tag == "NNS"
        and noun.ent == ""
        and not view.children(noun, "det", "poss", "nummod", "predet")
    )


def campaign_stop(
    view: SentenceView, code: str, source: Sequence[Actor], target: Sequence[Actor]
) -> bool:
    """ "Visiting Richmond, Virginia, for a rally and a fundraiser, Trump ...": a politician's
    visit to a place of their own country in a campaign is a stop on the trail, not a visit
    between parties."""
    if code != "042" or not source or not target:
        return False
    own = {a.country for a in source if a.country}
    domestic = bool(own) and all(a.country in own and a.sector in {None, "GOV"} for a in target)
    return domestic and mentions(view, CAMPAIGN_WORDS)


#: Sectors of a state's own arms: a "demonstration" they stage displays power.
_STATE_ARMS = frozenset({"GOV", "MIL"})


def state_display(tok: Token, code: str, source: list[Actor]) -> bool:
    """ "China flew 500 drones in a demonstration at a trade fair": a demonstration staged by a
    state's government or army displays its power (CAMEO 150); citizens demonstrate, states
    show."""
    return (
        code == "141"
        and tok.pos == "NOUN"
        and tok.lemma.lower() == "demonstration"
        and bool(source)
        and all(a.sector in _STATE_ARMS and a.country for a in source)
    )


#: Words of a comparison of amounts ("more people than any other president").
_MORE = frozenset({"more", "fewer", "less"})


def comparative_record(view: SentenceView, tok: Token) -> bool:
    """ "the regime has jailed more reporters than any government before it": a comparison of
    how much someone did over a term is a record, not an act with a date."""
    for obj in view.children(tok, "dobj"):
        compared = any(k.text.lower() in _MORE for k in view.children(obj, "amod", "advmod"))
        than = view.prep_objects(obj, ("than",)) or view.prep_objects(tok, ("than",))
        if compared and than:
            return True
    return False


def stab_in_the_back(view: SentenceView, tok: Token) -> bool:
    """ "The US had stabbed Turkey in the back": a betrayal told as a stabbing, no violence."""
    if tok.lemma.lower() not in {"stab", "knife"}:
        return False
    return any(o.lemma.lower() == "back" for o in view.prep_objects(tok, ("in",))) or any(
        o.lemma.lower() == "back"
        for d in view.children(tok, "dobj")
        for o in view.prep_objects(d, ("in",))
    )
