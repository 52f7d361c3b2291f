"""Modality of an event: asserted, planned, claimed, negated or hypothetical, from the parse.

An analyst counts what happened; plans, denials and conditionals are kept but flagged so they
are excluded from default counts. A claim ("Kenya claimed that al-Shabaab attacked") is counted but
flagged as one side's word.
"""

from __future__ import annotations

from eventwire.code.grammar import phoned_to
from eventwire.kb.lexicon import load_lexicon
from eventwire.records import Token
from eventwire.syntax import SentenceView

#: The English word classes the rules below depend on (lang/en/lexicon.yaml).
LEXICON = load_lexicon("en")

#: Governing words that make what they govern a plan or intention.
PLAN_LEMMAS = LEXICON.words("plan_lemmas")
#: Governing words that ask for what they govern: it has not happened.
REQUESTING_LEMMAS = LEXICON.words("requesting_lemmas")
#: Governing words that report what they govern as one side's claim or allegation.
CLAIMING_LEMMAS = LEXICON.words("claiming_lemmas")
#: Governing words that deny what they govern.
NEGATING_LEMMAS = LEXICON.words("negating_lemmas")
NEGATING_DETS = LEXICON.words("negating_determiners")
SUPPOSING_VERBS = LEXICON.words("supposing_verbs")
ENABLING_ADJECTIVES = LEXICON.words("enabling_adjectives")
BELIEF_NOUNS = LEXICON.words("belief_nouns")
#: "a challenge to prosecute", "the option to intervene": what is only possible or needed.
POSSIBILITY_NOUNS = LEXICON.words("possibility_nouns")
#: "trained units to fight Isis": the infinitive names the purpose of the training.
PURPOSE_TRAINING = LEXICON.words("purpose_training_verbs")
#: Verbs of weighing what to do: a refusal they govern is only considered.
DELIBERATING_LEMMAS = LEXICON.words("deliberating_lemmas")
#: "oppose cutting off aid": the gerund of a side taken is a proposal, not an act
STANCE_LEMMAS = LEXICON.words("stance_lemmas")
#: Adverbs that make a statement a guess about what may happen.
HEDGES = LEXICON.words("hedges")
#: Speakers whose "will" is a forecast, not a plan announced by its actor.
FORECASTERS = LEXICON.words("forecasters")
#: Adjectives that make a noun event one that has not happened ("a possible strike").
UNREALISED_MODIFIERS = LEXICON.words("unrealised_modifiers")
#: Governing words of fear, prevention and avoidance: their object event has not happened.
AVERTING_LEMMAS = LEXICON.words("averting_lemmas")
#: Verbs that report what a speaker said or expects.
SAYING = LEXICON.words("saying")
DECLARING_LEMMAS = LEXICON.words("declaring")
HYPOTHETICAL_AUX = LEXICON.words("hypothetical_aux")
#: Subordinators that make their clause a condition, not a report.
CONDITION_MARKS = LEXICON.words("condition_marks")
#: "would"/"should": reported intent ("said it would meet") unless a condition is stated.
CONDITIONAL_AUX = LEXICON.words("conditional_aux")
FUTURE_AUX = LEXICON.words("future_aux")
#: Clause links through which a governing word's modality reaches the trigger.
#: The subjects that make a coordinated verb a clause of its own.
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
_CLIMB = frozenset(
    {
        "xcomp",
        "acl",
        "ccomp",
        "dobj",
        "pobj",
        "prep",
        "advcl",
        "pcomp",
        "conj",
        "relcl",
        "nsubjpass",
        "attr",
        "oprd",
        "acomp",
    }
)


#: Prepositions of time, cause or concession: what they govern is not the governing word's
#: complement, so its plan or denial does not reach it.
_ADJUNCT_PREPS = LEXICON.words("adjunct_preps")
_ADJUNCT_MARKS = LEXICON.words("adjunct_marks")


#: What a copula says of an event noun that makes it unrealised ("clashes are a possibility").
UNREALISED_PREDICATES = LEXICON.words("unrealised_predicates")
#: Verb and particle of keeping away from an act ("hold off from", "stop short of").
_HOLDING_OFF = LEXICON.pairs("holding_off")


def _predicated_unreal(view: SentenceView, noun: Token) -> bool:
    """The event noun is the subject of "be" whose complement calls it only possible."""
    if noun.dep not in {"nsubj", "nsubjpass"}:
        return False
    verb = view.head(noun)
    if verb is None or verb.lemma.lower() != "be":
        return False
    return any(
        k.lemma.lower() in UNREALISED_PREDICATES for k in view.children(verb, "attr", "acomp")
    )


def _holding_off(view: SentenceView, verb: Token) -> bool:
    lemma = verb.lemma.lower()
    if lemma == "refrain":
        return True
    return any(
        (lemma, k.text.lower()) in _HOLDING_OFF for k in view.children(verb, "prt", "advmod")
    )


def _is_negated(view: SentenceView, tok: Token) -> bool:
    if any(k.dep == "neg" or k.text.lower() in {"never", "no"} for k in view.children(tok)):
        return True
    if any(
        k.text.lower() == "longer" and any(n.text.lower() == "no" for n in view.children(k))
        for k in view.children(tok, "advmod")
    ):
        return True  # "no longer demand": they stopped
    # "Neither Tehran nor Baghdad has given permission", "No country has recognised ...":
    # a subject that names no one who acted denies the act
    return any(
        k.text.lower() in NEGATING_DETS
        for subj in view.children(tok, "nsubj", "nsubjpass")
        for k in view.children(subj, "det", "preconj", "predet", "cc")
    )


def _not_yet(view: SentenceView, tok: Token) -> bool:
    """ "has yet to endorse", "is yet to sign": the act has not happened."""
    head = view.head(tok)
    return (
        tok.dep == "xcomp"
        and head is not None
        and head.lemma.lower() in {"have", "be"}
        and any(k.text.lower() == "yet" for k in view.children(head, "advmod"))
        and any(k.text.lower() == "to" for k in view.children(tok, "aux"))
    )


def _obliged(view: SentenceView, tok: Token) -> bool:
    """ "Congress has to approve any deal", "Iran needs to release them": what someone has or
    needs to do, told in the present, is an obligation, not an act ("had to withdraw" did)."""
    head = view.head(tok)
    return (
        tok.dep == "xcomp"
        and head is not None
        and head.lemma.lower() in {"have", "need"}
        and head.tag in {"VBZ", "VBP", "VB"}
        and any(k.text.lower() == "to" for k in view.children(tok, "aux"))
    )


def _inverted_condition(view: SentenceView, tok: Token) -> bool:
    """ "had Clinton congratulated him", "were Russia to attack", "should Iran refuse": an
    auxiliary before its subject in a subordinate clause makes the clause a condition."""
    if tok.dep not in {"advcl", "ccomp", "xcomp", "acl", "relcl"}:
        return False
    subjects = [k.i for k in view.children(tok, "nsubj", "nsubjpass")]
    if not subjects:
        return False
    auxes = list(view.children(tok, "aux", "auxpass"))
    head = view.head(tok)
    if head is not None and tok.dep == "ccomp":
        auxes.append(head)  # the parser may hang the clause on "had" itself
    return any(k.text.lower() in {"had", "were", "should"} and k.i < min(subjects) for k in auxes)


def _for_to(view: SentenceView, tok: Token) -> bool:
    """ "It is time for Russia to withdraw", "reason enough for Clinton to visit": an infinitive
    with its own subject after "for" names an act wanted, needed or possible, not one done."""
    return any(m.text.lower() == "for" for m in view.children(tok, "mark")) and any(
        k.text.lower() == "to" for k in view.children(tok, "aux")
    )


def _supposing(view: SentenceView, verb: Token) -> bool:
    """An imperative of supposition with no subject ("Imagine Iran refused ...") governs the
    clause, or opens it ("Say Mexico demanded ...", which the parser may attach as a child)."""
    if (
        verb.lemma.lower() in SUPPOSING_VERBS
        and verb.tag == "VB"
        and not view.children(verb, "nsubj", "nsubjpass", "aux")
    ):
        return True
    first = view.tokens[0]
    return (
        first.i != verb.i
        and first.lemma.lower() in SUPPOSING_VERBS
        and first.tag == "VB"
        and view.head(first) is verb
    )


def _phone_call(view: SentenceView, tok: Token) -> bool:
    """ "a telephone call in which they discussed ...": a call on the telephone is a
    conversation that took place, not a call for something."""
    return tok.pos == "NOUN" and any(
        k.lemma.lower() in {"telephone", "phone", "video"}
        for k in view.children(tok, "compound", "amod")
    )


def _infinitive_ahead(view: SentenceView, noun: Token) -> bool:
    """A noun event described by a passive infinitive of its own happening ("a summit to be
    held", "talks to be hosted by Qatar"): the event is scheduled, not reported as done."""
    clauses = list(view.children(noun, "acl", "relcl"))
    head = view.head(noun)
    if noun.dep == "nsubjpass" and head is not None:
        clauses.append(head)  # the parser often makes the infinitive the sentence's root
    for clause in clauses:
        aux = {k.text.lower() for k in view.children(clause, "aux", "auxpass")}
        if "to" in aux and "be" in aux:
            return True
    return False


def _proposal(view: SentenceView, tok: Token) -> bool:
    """A gerund that is the object of a verb of taking sides ("oppose cutting off aid", "backed
    sending troops"): the act is argued for or against, not done."""
    if tok.tag != "VBG":
        return False
    if any(k.lemma.lower() in STANCE_LEMMAS for k in view.children(tok, "aux")):
        return True  # the parser sometimes reads "oppose" before a gerund as an auxiliary
    head = view.head(tok)
    return (
        tok.dep in {"dobj", "xcomp", "pcomp", "ccomp"}
        and head is not None
        and head.lemma.lower() in STANCE_LEMMAS
    )


def modality_of(view: SentenceView, trigger: Token, light_verb: Token | None = None) -> str:
    """Classify one trigger; a noun trigger's light verb ("held talks") counts as the trigger."""
    anchors = [trigger] + ([light_verb] if light_verb is not None else [])
    for tok in anchors:
        if _is_negated(view, tok) or _not_yet(view, tok):
            return "negated"
    if any(_obliged(view, tok) for tok in anchors):
        return "hypothetical"  # "has to approve": an obligation
    if any(_inverted_condition(view, tok) for tok in anchors):
        return "hypothetical"  # "had Clinton congratulated him": a condition, not a report
    if any(_for_to(view, tok) for tok in anchors):
        return "hypothetical"  # "it is time for Russia to withdraw": what should happen
    if any(k.text.lower() in {"any", "whatever"} for k in view.children(trigger, "det")):
        return "hypothetical"  # "any negotiations with Algeria would ...": none held yet
    if any(k.lemma.lower() in HEDGES for tok in anchors for k in view.children(tok, "advmod")):
        return "hypothetical"  # "will probably not push", "may possibly meet": a guess
    if any(k.lemma.lower() in UNREALISED_MODIFIERS for k in view.children(trigger, "amod")):
        return "hypothetical"  # "a potential Turkish attack": spoken of, not done
    if _predicated_unreal(view, trigger):
        return "hypothetical"  # "clashes are now a possibility", "a clash was likely"
    if _proposal(view, anchors[-1]):
        return "hypothetical"  # "most voters oppose cutting off aid": a course argued over
    if trigger.pos == "NOUN" and _infinitive_ahead(view, trigger):
        return "planned"  # "a summit to be held in Tehran on Friday": still to come
    chain: list[Token] = []
    phoned: set[int] = set()
    cur = anchors[-1]
    for anc in view.ancestors(cur):
        if cur.dep not in _CLIMB or (cur.dep == "prep" and cur.text.lower() in _ADJUNCT_PREPS):
            break  # "signed a truce after months of clashes": the clashes were no plan
        if cur.dep == "conj" and cur.pos in {"VERB", "AUX"} and view.children(cur, *_SUBJECTS):
            break  # "X did not attack, and Y sent troops": a clause of its own
        if cur.dep == "advcl" and any(
            m.text.lower() in _ADJUNCT_MARKS for m in view.children(cur, "mark")
        ):
            if cur.tag in {"VBZ", "VBP"} and any(
                k.text.lower() in FUTURE_AUX for k in view.children(anc, "aux")
            ):
                return "planned"  # "will keep working after he steps down": still to come
            break  # "demanded an inquiry after troops attacked": the attack happened
        if phoned_to(view, anc, cur):
            phoned.add(anc.i)  # "called Olaf Scholz to congratulate him": no request
        chain.append(anc)
        cur = anc
        if len(chain) >= 4:
            break
    for anc in chain:
        if anc.lemma.lower() in NEGATING_LEMMAS:
            return "negated"
    for anc in [*anchors[1:], *chain]:
        if _holding_off(view, anc):
            return "hypothetical"  # "persuaded Russia to hold off from an attack"
        if anc.lemma.lower() in AVERTING_LEMMAS:
            return "hypothetical"  # "fear an attack", "to prevent a war": it has not happened
    if any(_supposing(view, anc) for anc in [*anchors, *chain]):
        return "hypothetical"  # "Say Mexico demanded that ...": imagined
    if any(
        anc.lemma.lower() in ENABLING_ADJECTIVES
        or (
            anc.lemma.lower() == "be"
            and any(k.lemma.lower() in ENABLING_ADJECTIVES for k in view.children(anc, "acomp"))
        )
        for anc in chain
    ):
        return "hypothetical"  # "making it easier for families to sue", "it is hard to blame"
    if any(anc.lemma.lower() in PERMITTING_LEMMAS and anc.pos == "VERB" for anc in chain[:1]):
        return "hypothetical"  # "an accord allowing Rwanda to deploy troops": permitted, not done
    if any(anc.lemma.lower() in POSSIBILITY_NOUNS and anc.pos == "NOUN" for anc in chain[:1]):
        return "hypothetical"  # "the option to prosecute its citizens": not done
    if any(
        anc.lemma.lower() in PURPOSE_TRAINING
        and anc.pos == "VERB"
        and trigger.dep in {"xcomp", "advcl"}
        for anc in chain[:1]
    ):
        return "hypothetical"  # "trained Malian battalions to fight jihadists": the purpose
    if any(anc.lemma.lower() in BELIEF_NOUNS for anc in chain):
        return "hypothetical"  # "a sense that he rejects the rules": a view held
    marks = [m for tok in [*anchors, *chain] for m in view.children(tok, "mark")]
    if any(m.text.lower() == "whether" for m in marks):
        return "hypothetical"  # "whether Sanders beats Clinton": a question, not a report
    claim_at = next(
        (k for k, anc in enumerate(chain) if anc.lemma.lower() in CLAIMING_LEMMAS), None
    )
    if claim_at is not None:
        if any(anc.lemma.lower() in PLAN_LEMMAS for anc in chain[:claim_at]):
            # "accused France of planning to intervene": neither done nor a plan made public
            return "hypothetical"
        return "claimed"  # "Kenya claimed that al-Shabaab had attacked": one side's word
    asking = [
        w
        for anc in chain
        for w in (anc, *view.children(anc, "dobj"))  # "renewed its demand that X release"
        if w.lemma.lower() in REQUESTING_LEMMAS
        and w.lemma.lower() not in PLAN_LEMMAS
        and not _phone_call(view, w)
        and w.i not in phoned
    ]
    if asking:
        return "hypothetical"  # "demanded that they drop plans to host": only asked for
    conditional = any(t.dep == "mark" and t.text.lower() in CONDITION_MARKS for t in view.tokens)
    for tok in anchors + chain:
        if tok is not trigger and _is_negated(view, tok):
            return "negated"
        # the deontic "must" that is itself the trigger (a demand) does not make it hypothetical
        auxes = {k.text.lower() for k in view.children(tok, "aux") if k is not trigger}
        if (
            auxes & HYPOTHETICAL_AUX
            or any(k.text.lower() in CONDITION_MARKS for k in view.children(tok, "mark"))
            or _in_case(view, tok)
        ):
            return "hypothetical"
        if tok is not trigger and tok.lemma.lower() in PLAN_LEMMAS:
            return "planned"
        if (
            tok is not trigger
            and tok.lemma.lower() in REQUESTING_LEMMAS
            and not _phone_call(view, tok)
            and tok.i not in phoned
        ):
            return "hypothetical"  # what is demanded has not happened
        if auxes & CONDITIONAL_AUX:
            return "hypothetical" if conditional else "planned"
        if auxes & FUTURE_AUX:
            return "planned"
    return "asserted"


#: Governing words whose negation is itself an act of refusal.
REFUSING_LEMMAS = LEXICON.words("refusing_lemmas")


def refused(view: SentenceView, trigger: Token, light_verb: Token | None = None) -> bool:
    """True for "refused to X" / "will not X" / "would not X": an act of refusal."""
    cur = light_verb or trigger
    for anc in view.ancestors(cur):
        if anc.lemma.lower() in REFUSING_LEMMAS:
            return True
        if cur.dep not in _CLIMB:
            break
        cur = anc
    auxes = {k.text.lower() for k in view.children(light_verb or trigger, "aux")}
    if not (auxes & (FUTURE_AUX | CONDITIONAL_AUX) and _is_negated(view, light_verb or trigger)):
        return False
    # "considering announcing that he will not endorse X", "what would happen if he announced
    # he would not back X": a refusal only weighed or supposed has not been made
    cur = light_verb or trigger
    for anc in [cur, *list(view.ancestors(cur))[:4]]:
        if anc.lemma.lower() in DELIBERATING_LEMMAS:
            return False
        if any(m.text.lower() in CONDITION_MARKS | {"whether"} for m in view.children(anc, "mark")):
            return False
    return True


def _in_case(view: SentenceView, tok: Token) -> bool:
    """``tok`` heads a clause opened by "in case" ("hid the phones in case the militants raided
    the house"): a precaution against what may happen, not a report of it. "In the case of",
    "in any case", "in one such case" carry words of their own and are not conditions."""
    return any(
        prep.text.lower() == "in"
        and any(
            o.text.lower() == "case" and not view.children(o) for o in view.children(prep, "pobj")
        )
        for prep in view.children(tok, "prep")
    )


#: Verbs of permission: "refused to let X visit" is a refusal aimed at X, not X's visit.
PERMITTING_LEMMAS = LEXICON.words("permitting_lemmas")


def permission_refused(view: SentenceView, trigger: Token) -> bool:
    """ "Iran refused to let inspectors visit the site": the act whose permission was refused
    did not happen and is not the refuser's; the refusal itself is the event."""
    head = view.head(trigger)
    return (
        trigger.dep in {"ccomp", "xcomp"}
        and head is not None
        and head.lemma.lower() in PERMITTING_LEMMAS
        and refused(view, head)
    )


#: Verbs that report a speaker's own word: what follows is what the speaker says they will do.
_WARNING_VERBS = LEXICON.words("warning_verbs")


def conditional_threat(view: SentenceView, trigger: Token) -> bool:
    """ "Putin said Russia would strike Kyiv if the attacks continued": an act told as what
    will or would happen on a condition, reported from a speaker, is a threat made (the
    condition is what a threat is), not a mere hypothesis."""
    auxes = {k.text.lower() for k in view.children(trigger, "aux")}
    if not auxes & (FUTURE_AUX | CONDITIONAL_AUX):
        return False
    conditioned = any(
        m.text.lower() in CONDITION_MARKS
        for clause in view.children(trigger, "advcl")
        for m in view.children(clause, "mark")
    )
    gov = view.head(trigger)
    reported = (
        trigger.dep == "ccomp"
        and gov is not None
        and gov.lemma.lower() in SAYING | _WARNING_VERBS | DECLARING_LEMMAS
    )
    return conditioned and reported


def forecast(view: SentenceView, trigger: Token, light_verb: Token | None = None) -> bool:
    """True when an analyst, economist or professor says what someone else will do
    ("Nakasone will step down, Professor Shiratori said"): a forecast, not a plan."""
    cur = light_verb or trigger
    for _ in range(4):
        gov = view.head(cur)
        if gov is None or gov is cur or cur.dep not in _CLIMB:
            return False
        if gov.lemma.lower() in SAYING:
            for subj in view.children(gov, "nsubj"):
                words = {t.lemma.lower() for t in view.noun_phrase(subj)}
                if words & FORECASTERS:
                    return True
            return False
        cur = gov
    return False
