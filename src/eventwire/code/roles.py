"""Pass 3, roles: source and target of a trigger from the parse (active and passive voice,
"X's attack on Y", light verbs, participles, appositions, possessive pronouns, the addressee of an
appeal, coordination), and the synthetic events of claims ("X claimed Y attacked") and
obligations ("Y must withdraw"). An actor the text does not name stays empty; none is taken from
a sibling clause."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from eventwire.code.clauses import (
    active_participle_subject,
    cataphor,
    finite_acl_subject,
    listed_pairs,
    relative_antecedent,
)
from eventwire.code.grammar import (
    ACTOR_MODIFIERS,
    ADDRESSED_ROOTS,
    ANSWER_NOUNS,
    ATTACK_NOUNS,
    BRANCHES,
    CLAIM_LINKS,
    CLAIM_NOUNS,
    DECLARING,
    JUDGING_VERBS,
    LEXICON,
    LOCAL_SECTORS,
    OBJ,
    PASSIVE_SUBJ,
    PLAN_NOUNS,
    PRESSING_VERBS,
    REACTION_VERBS,
    REPORTING,
    RESCUE_MOTION,
    STATE,
    SUBJ,
    TEXT_NOUNS,
    TIME_PREPS,
    VICTIM_VERBS,
    VIOLENT_ROOTS,
    ActorFn,
    controller_subject,
    light_verb,
    reached_objects,
    reduced_passive,
    shared_object,
    shifted_object,
    under_verb,
)
from eventwire.code.patterns import Pattern
from eventwire.code.phrase_actors import PhraseActors
from eventwire.kb import KnowledgeBase
from eventwire.records import (
    CONTEXT_KB_ID,
    COUNTRY_KB_PREFIX,
    Actor,
    Token,
)
from eventwire.syntax import SentenceView


@dataclass(frozen=True, slots=True)
class Roles:
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    light_verb: Token | None
    inferred: bool = False
    #: (actor start, pair number) when the text lists parties in pairs ("clashes between
    #: Ethiopia and Eritrea, and Sudan and Chad"): each acts on its own partner only
    pairing: tuple[tuple[int, int], ...] = ()


#: Verbs that report a hostile act as one side's claim ("Kenya claimed that al-Shabaab attacked").
CLAIMING = LEXICON.words("claiming")
DEMANDING_AUX = LEXICON.words("demanding_aux")
UNDERGOING_VERBS = LEXICON.words("undergoing_verbs")
MEETING_SETTINGS = LEXICON.words("meeting_settings")
SETTING_WORDS = LEXICON.words("setting_words")
#: Envoys: acted on, they stand for the state that sent them.
ENVOY_NOUNS = LEXICON.words("envoy_nouns")
PROTEST_NOUNS = LEXICON.words("protest_nouns")
#: Prepositions that aim an embedded act at its party ("cut off power to X", "strike at X").
AIMED_PREPS = ("against", "to", "on", "at")
#: "help X rebuild", "enable X to export": verbs whose helped party is the next act's subject
HELPING_LEMMAS = LEXICON.words("helping_lemmas")
#: CAMEO roots of acts that judge another act: criticism (11), praise and endorsement (05),
#: rejection (12).
JUDGED_ROOTS = frozenset({"05", "11", "12"})
#: Nouns of acts of force whose author a judgement of them is aimed at.
ACT_OF_FORCE_NOUNS = ATTACK_NOUNS | LEXICON.words("act_of_force_nouns")
#: "agreed to send troops to Haiti": verbs of sending, whose "to" names who receives.
SENDING_LEMMAS = frozenset({"send", "deploy", "dispatch", "deliver", "ship", "airlift"})
#: "extend the grain deal with Ukraine": ties whose "with" names the partner.
PARTNERSHIP_NOUNS = LEXICON.words("partnership_nouns")
#: "refused to let inspectors visit": the permitted party is the next act's subject.
PERMITTING_LEMMAS = LEXICON.words("permitting_lemmas")
#: "blame X on Y", "pin X on Y": Y is held responsible for X
BLAMING_LEMMAS = LEXICON.words("blaming_lemmas")
#: Sectors of armed groups outside a state's forces.
ARMED_GROUPS = frozenset({"REB", "UAF", "PRM"})
#: The lowest CAMEO root of the acts one undergoes "under" (investigation 09 ... force 19-20):
#: "under the deal", "under the agreement" name a framework, not an act suffered.
HOSTILE_ROOTS_FROM = "09"
#: CAMEO code of a visit.
VISIT_CODE = "042"
#: CAMEO root of consultations (meet, visit, host, negotiate).
MEETING_ROOT = "04"
#: The pattern a deontic "must" codes (CAMEO 10: demand).
DEONTIC = Pattern(id="deontic-must", lemmas=frozenset({"must"}), pos="VERB", code="100")
#: What such a claim codes: of one's own act, responsibility (015); of another's, an accusation.
CLAIM_OWN = Pattern(id="claim-own-act", lemmas=CLAIMING, pos="VERB", code="015")
CLAIM_OTHER = Pattern(id="claim-other-act", lemmas=CLAIMING, pos="VERB", code="112")


def reciprocal_parts(
    pattern: Pattern,
    source: list[Actor],
    target: list[Actor],
    pairing: tuple[tuple[int, int], ...] = (),
) -> list[tuple[list[Actor], list[Actor]]]:
    """ "Mali, Niger and Burkina Faso met": with no target, each party of a reciprocal
    event meets the others - one event per party, so dyads run both ways; parties listed in
    pairs meet their own partner only."""
    # parties differ by country, or within one country by sector ("the government and the
    # rebels signed a peace deal")
    sides = {(a.country, a.sector) for a in source if a.country}
    if not pattern.reciprocal or target or len(sides) < 2:
        return [(source, target)]
    pair_of = dict(pairing)
    out: list[tuple[list[Actor], list[Actor]]] = []
    for a in source:
        others = [
            b
            for b in source
            if (b.country, b.sector) != (a.country, a.sector)
            and pair_of.get(a.start) == pair_of.get(b.start)
        ]
        if a.country and others:
            out.append(([a], others))
    return out or [(source, target)]


def judged_act(view: SentenceView, tok: Token, judge: Token) -> bool:
    """``tok`` is the act a verb of judging is about ("criticised X for killing Y", "praised
    X for freeing Y", "accused X of shelling Y"): it hangs from the judging verb's "for" or
    "of" (through coordinated acts), and that verb judges someone."""
    if judge.lemma.lower() not in JUDGING_VERBS:
        return False
    cur = tok
    for _ in range(6):
        head = view.head(cur)
        if head is None:
            return False
        if head.dep == "prep" and head.text.lower() in {"for", "of", "over"}:
            return view.head(head) is judge
        if cur.dep not in {"conj", "pcomp", "xcomp", "pobj"}:
            return False
        cur = head
    return False


def _own_state(source: list[Actor], target: list[Actor]) -> bool:
    """A state's own officials saying what their state must do state its policy; they press
    no one ("Germany must be able to prosecute them, the German minister said")."""
    # the executive only: a legislator or a judge pressing their own government demands
    executive = {"GOV", "MIL"}
    return (
        bool(source)
        and bool(target)
        and all(a.sector in executive for a in source + target)
        and {a.country for a in source} == {a.country for a in target}
    )


def manner_noun(view: SentenceView, tok: Token) -> bool:
    """ "blocked roads in protest", "fired back in retaliation": a noun after "in" that tells
    in what spirit the verb's subject acted, not an act the verb reacts to."""
    prep = view.head(tok)
    return tok.dep == "pobj" and prep is not None and prep.text.lower() == "in"


def each_other(view: SentenceView, tok: Token) -> bool:
    """The trigger's object is "each other" or "one another"."""
    for obj in view.children(tok, *OBJ):
        words = {k.text.lower() for k in view.children(obj)} | {obj.text.lower()}
        if {"each", "other"} <= words or {"one", "another"} <= words:
            return True
    return False


class RoleFinder:
    """Source and target of a trigger from the parse; the synthetic events of claims and
    obligations."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.phrases = PhraseActors(kb)
        self.actors = self.phrases.actors

    def roles(self, view: SentenceView, tok: Token, p: Pattern, actor_fn: ActorFn) -> Roles:
        light: Token | None = None
        inferred = False
        pairing: tuple[tuple[int, int], ...] = ()
        if tok.pos in {"VERB", "ADJ"}:  # "Berlin is worried about ...": as a verb
            # a feeling told in the passive is its subject's ("France was alarmed by the
            # incursion"): the subject feels it, the "by" phrase names what it is about
            felt = p.pos == "ADJ"
            passive = bool(view.children(tok, *PASSIVE_SUBJ)) and not felt
            if passive or reduced_passive(view, tok):
                src_heads = [
                    o for a in view.children(tok, "agent") for o in view.children(a, "pobj")
                ]
                obj_heads = relative_antecedent(view, tok, view.children(tok, *PASSIVE_SUBJ))
                if not src_heads and p.code[:2] in VIOLENT_ROOTS:
                    # "killed in French airstrikes", "wounded in a Russian raid": the
                    # attack is the instrument, its author the one who killed
                    for noun in view.prep_objects(tok, ("in",)):
                        found = self._attack_author(view, noun, actor_fn)
                        if found:
                            return Roles(
                                tuple(found),
                                tuple(self._objects(view, obj_heads, p, actor_fn)),
                                None,
                            )
            else:
                src_heads = view.children(tok, *SUBJ)
                if felt and not src_heads:
                    src_heads = view.children(tok, *PASSIVE_SUBJ)
                obj_heads = view.children(tok, *OBJ)
                if not obj_heads and not p.intransitive:
                    obj_heads = shared_object(view, tok)  # "beat and arrested the traders"
                if not obj_heads and not p.intransitive:
                    # "denounced as a crime Russia's blockade": the object after "as X"
                    obj_heads = shifted_object(view, tok)
                if tok.dep == "relcl":  # "the rebels, whom the junta accused of ...": the rebels
                    obj_heads = relative_antecedent(view, tok, obj_heads, fill=False)
                if not src_heads:  # "X plans to install", "X agreed to withdraw"
                    src_heads = controller_subject(view, tok)
                if not src_heads:  # "a gunman targeting and killing five officers"
                    src_heads = active_participle_subject(view, tok)
                if not src_heads:  # "The UN chief, António Guterres, called on ..." misparsed
                    src_heads = finite_acl_subject(view, tok)
            src_heads = self._speaker_for_pronoun(view, tok, src_heads)
            source = self.actors(view, src_heads, actor_fn)
            source = self._whose(view, tok, src_heads, source, actor_fn)
            source = self._state_agents(source, [h for h in src_heads if h.dep == "amod"], p)
            if p.code[:2] in VIOLENT_ROOTS and any(
                h.lemma.lower() in ATTACK_NOUNS for h in src_heads
            ):
                # "a bombing claimed by al-Shabaab killed ...": the attack's author acts
                source = [a for h in src_heads for a in self._attack_author(view, h, actor_fn)]
            target = [] if p.theme_obj else self._objects(view, obj_heads, p, actor_fn)
            if p.theme_obj and not view.prep_objects(tok, p.target_preps):
                # "summoned Ukraine's ambassador", "expelled the French envoy": a foreign
                # envoy acted on stands for the state that sent them
                own = {a.country for a in source}
                target = [
                    a
                    for a in self.actors(
                        view, [o for o in obj_heads if o.lemma.lower() in ENVOY_NOUNS], actor_fn
                    )
                    if a.country and a.country not in own
                ]
            if p.recipient_subject:  # "the rebels received drones from Iran"
                givers = view.prep_objects(tok, p.source_preps)
                for obj in obj_heads:
                    givers += view.prep_objects(obj, p.source_preps)
                return Roles(tuple(self.actors(view, givers, actor_fn)), tuple(source), None)
            if not target and p.target_preps:
                aimed = view.prep_objects(tok, p.target_preps)
                # "sanctions imposed by the EU on Belarus": the parse hangs the aim on the agent
                aimed += [
                    o
                    for a in view.children(tok, "agent")
                    for by in view.children(a, "pobj")
                    for o in view.prep_objects(by, p.target_preps)
                ]
                target = self.actors(view, aimed, actor_fn)
            if not target and p.target_preps:  # "deepening ties with Moscow"
                # "suspended most of its assistance to Niger": through a part's "of"
                parts = [o for h in obj_heads for o in view.prep_objects(h, ("of",))]
                for obj in [*obj_heads, *parts]:
                    target = self.actors(view, view.prep_objects(obj, p.target_preps), actor_fn)
                    if target:
                        break
            if not target and tok.lemma.lower() in BLAMING_LEMMAS:
                # "blamed the attack on Hezbollah": whom the act is blamed on
                blamed = view.prep_objects(tok, ("on",)) + [
                    o for h in obj_heads for o in view.prep_objects(h, ("on",))
                ]
                target = self.actors(view, blamed, actor_fn)
            if not target and p.code[:2] in ADDRESSED_ROOTS:
                target = self._addressee(
                    view, tok, obj_heads, actor_fn, source, threat=p.code[:2] == "13"
                )
            if not target and not obj_heads:
                target = self._embedded_object(view, tok, actor_fn, threat=p.code[:2] == "13")
        else:
            rescuer = self._came_to_aid(view, tok)
            if rescuer is not None:  # "Chad came to Niger's aid": Chad helps Niger
                source = self.actors(view, view.children(rescuer, *SUBJ), actor_fn)
                target = self.actors(view, view.children(tok, "poss"), actor_fn)
                return Roles(tuple(source), tuple(target), rescuer, inferred)
            of_objs = view.prep_objects(tok, ("of",))
            src_heads = [cataphor(view, h) for h in view.children(tok, "poss")]
            src_heads += [o for a in view.children(tok, "agent") for o in view.children(a, "pobj")]
            src_heads += view.prep_objects(tok, ("by", *p.source_preps))
            if not src_heads and p.of_role == "target":
                # "the arrest of the opposition leader by Senegalese police": the parse hangs
                # the agent on the noun's "of" object, which no "by" can belong to
                src_heads += [
                    o for h in of_objs for o in view.prep_objects(h, ("by", *p.source_preps))
                ]
            for theme in of_objs if p.of_role == "theme" else ():
                for t in view.conjuncts(theme):
                    src_heads += view.prep_objects(t, p.source_preps)
            if p.of_role == "source":
                src_heads += of_objs
            modifiers = [
                m
                for m in view.children(tok, "amod", "compound")
                if m.ent in {"NORP", "GPE", "ORG", "PERSON"} and not self._venue(m)
            ]
            left: list[Token] = []
            if (p.mode == "withdraw" and src_heads) or p.code == VISIT_CODE:
                # "Biden's Afghanistan withdrawal": with its author named, a country's name before
                # a withdrawal is the place left ("the US withdrawal" has no other author);
                # before a visit it is always the place visited ("during a Japan state visit",
                # "his Moscow visit" went to Moscow)
                left = [m for m in view.children(tok, "compound") if m.ent == "GPE"]
                modifiers = [m for m in modifiers if m not in left]
            src_heads += modifiers
            source = self.actors(view, src_heads, actor_fn)
            owners = view.children(tok, "poss")
            if owners and all(o.pos == "PRON" for o in owners):
                # "criticised Sudan for its attack on Juba": the one judged owns the act
                judge = view.head(view.head(tok) or tok)
                if judge is not None and judged_act(view, tok, judge):
                    source = self.actors(view, view.children(judge, "dobj"), actor_fn) or source
            source = self._state_agents(source, modifiers, p)
            if not source:  # "a military coup", "the ousting ... in a military coup"
                for head in [tok, *view.prep_objects(tok, p.source_preps)]:
                    mods = [
                        m
                        for m in view.children(head, "amod", "compound")
                        if m.lemma.lower() in ACTOR_MODIFIERS
                    ]
                    source = self.actors(view, mods, actor_fn)
                    if source:
                        break
            if not source and p.of_role == "theme":  # "the delivery of Russian drones"
                # only a country the phrase itself names: a guess from the article says
                # nothing of who sells or sends ("the sale of F-35 jets")
                themes = [
                    a
                    for a in self.actors(view, of_objs, actor_fn)
                    if a.country and a.kb_id != CONTEXT_KB_ID
                ]
                source, inferred = themes[:1], bool(themes)
            target = self._objects(view, of_objs, p, actor_fn) if p.of_role == "target" else []
            target = target or self.actors(view, left, actor_fn)
            if not target and p.code[:2] in ADDRESSED_ROOTS:
                # "Washington's demand that Niger expel ...": the one asked to act
                for clause in view.children(tok, "acl", "ccomp", "relcl"):
                    if any(m.text.lower() == "that" for m in view.children(clause, "mark")):
                        target = self.actors(view, view.children(clause, *SUBJ), actor_fn)
                        if target:
                            break
            if not target:  # "Turkey's commitment to train Somalia's army"
                for acl in view.children(tok, "acl"):
                    target = [
                        a
                        for a in self.actors(view, view.children(acl, *OBJ), actor_fn)
                        if a.country
                    ]
                    if target:
                        break
            if not target and p.target_preps:
                target = self.actors(view, view.prep_objects(tok, p.target_preps), actor_fn)
            if not target and tok.dep == "pobj":  # "engaged the patrol in a firefight"
                prep = view.head(tok)
                verb = view.head(prep) if prep is not None else None
                if prep is not None and prep.text.lower() == "in" and verb is not None:
                    if verb.pos == "VERB":
                        target = self.actors(view, view.children(verb, "dobj"), actor_fn)
            if not target and p.code[:2] in VIOLENT_ROOTS:
                # "the Russian bombardment pounded Bakhmut": what the attack reached
                target = self.actors(view, reached_objects(view, tok), actor_fn)
            if not source and p.reciprocal:
                # "talks between Ethiopia and Egypt": both parties act, each on the other
                parties = self.actors(view, view.prep_objects(tok, ("between",)), actor_fn)
                if len({a.country for a in parties if a.country}) >= 2:
                    source = parties
                    target = [a for a in target if all(a.start != b.start for b in parties)]
                    pairing = listed_pairs(view, parties)
            if not source and p.code[:2] == MEETING_ROOT:
                # "said ahead of a meeting with X", "raised it at talks with X": whoever the
                # clause is about took part in the meeting it is set at
                host = self._meeting_setting(view, tok)
                if host is not None:
                    heads = view.children(host, *SUBJ) or controller_subject(view, host)
                    # ... though media only report it ("the agency reported during talks")
                    source = [
                        a
                        for a in self.actors(view, heads, actor_fn)
                        if all(a.start != b.start for b in target) and a.sector != "JRN"
                    ]
            under = under_verb(view, tok) if p.code[:2] >= HOSTILE_ROOTS_FROM else None
            if under is not None:
                # "the convoy came under attack from Turkish forces": the subject is attacked
                source, target = self._undergone(view, under, p, source, target, actor_fn)
            light = light_verb(view, tok) if under is None else None
            if light is not None and self._suffers(view, light):
                # "two soldiers died in an ambush", "were wounded in the attack", "faces
                # criticism from the opposition": the subject undergoes the act, never does it
                source, target = self._undergone(view, light, p, source, target, actor_fn)
                light = None
            if light is not None and light.lemma.lower() in BLAMING_LEMMAS:
                # "Israel blamed the attack on Hezbollah": the one it is blamed on made it
                blamed = view.prep_objects(tok, ("on",)) + view.prep_objects(light, ("on",))
                authors = self.actors(view, blamed, actor_fn)
                if authors:
                    source = authors
                    target = [a for a in target if all(a.start != b.start for b in authors)]
                light = None
            if (
                light is not None
                and light.lemma.lower() in REACTION_VERBS | JUDGING_VERBS
                and not manner_noun(view, tok)
            ):
                # "Abuja condemned the attack": a reaction, not its author; though "blocked
                # roads in protest" is the farmers' own protest, told as the manner of the act
                light = None
            if light is not None:
                if not source:
                    heads = view.children(light, *SUBJ) or controller_subject(view, light)
                    source = self.actors(view, heads, actor_fn)
                if not target and p.target_preps:
                    target = self.actors(view, view.prep_objects(light, p.target_preps), actor_fn)
        if not target:
            target = self._owner_of_claim(view, tok, actor_fn, light)
        source = [a for a in source if all(a.start != b.start for b in target)]
        return Roles(tuple(source), tuple(target), light, inferred, pairing)

    def _whose(
        self,
        view: SentenceView,
        tok: Token,
        heads: list[Token],
        actors: list[Actor],
        actor_fn: ActorFn,
    ) -> list[Actor]:
        """ "Guinea, whose junta had rejected the timetable": a subject owned by "whose" is of
        the country of the noun the relative clause modifies, in its own sector."""
        antecedent = view.head(tok)
        if (
            tok.dep != "relcl"
            or antecedent is None
            or antecedent.pos not in {"NOUN", "PROPN"}
            or not any(k.text.lower() == "whose" for h in heads for k in view.children(h, "poss"))
        ):
            return actors
        owners = [a for a in self.actors(view, [antecedent], actor_fn) if a.country]
        if len({a.country for a in owners}) != 1:
            return actors
        return [replace(a, country=owners[0].country, kb_id=owners[0].kb_id) for a in actors]

    @staticmethod
    def _state_agents(actors: list[Actor], modifiers: list[Token], p: Pattern) -> list[Actor]:
        """A nationality word that acts ("the Iranian offensive", "the French withdrawal",
        "the American decision to ...") stands for its state: its forces when the act is
        violence or a troop movement, else its government - not its civilians."""
        starts = {m.idx for m in modifiers}
        if not starts:
            return actors
        sector = "MIL" if p.code[:2] in VIOLENT_ROOTS or p.mode == "withdraw" else "GOV"
        return [
            replace(a, sector=sector) if a.start in starts and a.sector == "CVL" else a
            for a in actors
        ]

    def _attack_author(
        self, view: SentenceView, noun: Token, actor_fn: ActorFn, *, any_noun: bool = False
    ) -> list[Actor]:
        """Who carried out an attack named by a noun ("a bombing claimed by al-Shabaab", "an
        Israeli strike", "Russia's missile attack"): the attack is the instrument, its author
        the actor. Only nouns of violence qualify ("the plan by X" is no attack), unless the
        caller has checked the noun (``any_noun``)."""
        if not any_noun and noun.lemma.lower() not in ATTACK_NOUNS:
            return []
        heads = list(view.children(noun, "poss"))
        # "France said its strikes killed ...": a possessive pronoun is the speaker's
        heads = self._speaker_for_pronoun(view, noun, heads) if heads else heads
        heads += [o for a in view.children(noun, "agent") for o in view.children(a, "pobj")]
        heads += view.prep_objects(noun, ("by",))
        # "a missile from Syria", "a rocket fired from Gaza": where it was launched from
        heads += view.prep_objects(noun, ("from",))
        for acl in view.children(noun, "acl"):  # "claimed by", "carried out by"
            heads += view.prep_objects(acl, ("from",))
            heads += [o for a in view.children(acl, "agent") for o in view.children(a, "pobj")]
        heads += [
            m
            for m in view.children(noun, "amod", "compound")
            if (m.ent in {"NORP", "GPE", "ORG"} or m.lemma.lower() in ACTOR_MODIFIERS)
            and not self._venue(m)
        ]
        found = self.actors(view, heads, actor_fn)
        return [replace(a, sector="MIL") if a.sector in {None, "CVL"} else a for a in found]

    def _force_author(self, view: SentenceView, noun: Token, actor_fn: ActorFn) -> list[Actor]:
        """Who carried out an act of force named by a noun, read as ``_attack_author`` reads an
        attack's, for the wider set of such nouns ("invasion", "incursion", "occupation");
        only authors tied to a country."""
        return [a for a in self._attack_author(view, noun, actor_fn, any_noun=True) if a.country]

    @staticmethod
    def embedded_in(view: SentenceView, tok: Token, gov: Token) -> bool:
        """Whether ``tok`` is an act inside ``gov``'s own clause ("pledged support, with plans
        to send trainers"), not inside a noun phrase that names someone ("paid tribute to the
        soldiers killed in Somalia": the killing is not the tribute-payer's)."""
        for anc in view.ancestors(tok):
            if anc.i == gov.i:
                return True
            if anc.pos in {"NOUN", "PROPN"} and anc.lemma.lower() not in PLAN_NOUNS:
                return False
        return False

    def _undergone(
        self,
        view: SentenceView,
        verb: Token,
        p: Pattern,
        source: list[Actor],
        target: list[Actor],
        actor_fn: ActorFn,
    ) -> tuple[list[Actor], list[Actor]]:
        """Sides of an act told through a verb whose subject undergoes it ("died in an ambush",
        "came under attack"): that subject, or the controller of a participle ("postponed the
        vote, drawing criticism"), is the target; the act's source prepositions on the verb
        name who did it ("drew criticism from the opposition")."""
        if not target:
            undergoer = view.children(verb, *SUBJ, *PASSIVE_SUBJ) or controller_subject(view, verb)
            target = self.actors(view, undergoer, actor_fn)
        if not source and p.source_preps:
            source = self.actors(view, view.prep_objects(verb, p.source_preps), actor_fn)
        return source, target

    @staticmethod
    def _suffers(view: SentenceView, verb: Token) -> bool:
        """A verb whose subject undergoes what happens: "die", "perish", or any passive."""
        return verb.lemma.lower() in VICTIM_VERBS or bool(view.children(verb, *PASSIVE_SUBJ))

    @staticmethod
    def _came_to_aid(view: SentenceView, tok: Token) -> Token | None:
        """The verb of "came to X's aid", "rushed to X's defence": in these idioms the
        possessor is the one helped, not the helper, and the subject of the motion verb helps."""
        if tok.dep != "pobj" or not view.children(tok, "poss"):
            return None
        prep = view.head(tok)
        if prep is None or prep.text.lower() != "to":
            return None
        verb = view.head(prep)
        if verb is None or verb.pos != "VERB" or verb.lemma.lower() not in RESCUE_MOTION:
            return None
        return verb

    def _venue(self, mod: Token) -> bool:
        """A city before a noun event names where it happens ("the London talks", "the Geneva
        accords"), unlike a country or a people ("US-China talks", "Iranian strikes")."""
        if mod.ent != "GPE":
            return False
        kinds = {h.kind for h in self.kb.lookup(mod.text)}
        return bool(kinds) and not kinds & {"country", "adjective", "org", "person"}

    def _owner_of_claim(
        self, view: SentenceView, tok: Token, actor_fn: ActorFn, light: Token | None = None
    ) -> list[Actor]:
        """ "gave in to demands from the strikers", "in protest against abuses by the
        police", "in protest of the council's decision", "staged demonstrations to demand
        reforms by Macron's government": the act answers (or presses) a demand, a refusal
        or a policy, and whoever owns it is the target."""
        heads: list[Token] = []
        for verb in (tok, light):
            if verb is None:
                continue
            heads += view.children(verb, *OBJ, *PASSIVE_SUBJ)  # "the demand was rejected"
            for prep in view.children(verb, "prep"):
                if prep.text.lower() not in TIME_PREPS:
                    heads += view.children(prep, "pobj")
            for purpose in view.children(verb, "xcomp", "advcl"):
                if purpose.lemma.lower() in PRESSING_VERBS:  # "... to demand reforms by X"
                    heads += view.children(purpose, *OBJ)
        for head in list(heads):
            if head.lemma.lower() in ANSWER_NOUNS:  # "in protest against X", "in response to"
                heads += [
                    o for pr in view.children(head, "prep") for o in view.children(pr, "pobj")
                ]
        for head in heads:
            if head.lemma.lower() not in CLAIM_NOUNS:
                continue
            found = [a for a in self._claim_owners(view, head, actor_fn) if a.country]
            if found:
                return found
        return []

    def _claim_owners(self, view: SentenceView, claim: Token, actor_fn: ActorFn) -> list[Actor]:
        """Who made a demand, a refusal or a policy: its possessor or its "from"/"by"/"of"
        noun ("the unions' demand", "demands from the ELN"; "the decision of sending soldiers"
        names no owner)."""
        agents = [  # "the march organised by students", "a plan drawn up by Paris"
            o
            for acl in view.children(claim, "acl")
            for a in view.children(acl, "agent")
            for o in view.children(a, "pobj")
        ]
        owners = [
            o
            for o in view.children(claim, "poss")
            + view.prep_objects(claim, ("from", "by", "of"))
            + agents
            if o.pos in {"NOUN", "PROPN"}
        ]
        return self.actors(view, owners, actor_fn)

    def _speaker_for_pronoun(
        self, view: SentenceView, tok: Token, heads: list[Token]
    ) -> list[Token]:
        """ "Iran said it would allow ...": a pronoun subject of a reported clause is the
        subject of the verb that reports it; so is a possessive one owning the clause's
        subject ("France said its strikes killed 30 militants")."""
        if not heads or any(h.pos != "PRON" for h in heads):
            return heads
        word = heads[0].text.lower()
        if word not in {"it", "they", "he", "she", "we", "i", "its", "their"}:
            return heads
        cur = view.head(heads[0]) or tok  # the clause the pronoun is subject of
        if word in {"its", "their"}:
            owned = cur
            if heads[0].dep != "poss" or owned.dep != "nsubj":
                return heads
            cur = view.head(owned) or tok  # "its strikes killed": the clause "killed" heads
        if heads[0].text.lower() == "it" and cur.dep == "advcl":
            # "Mali's junta has tightened ties with Moscow since it took power": "it" in a
            # clause of time or cause is the main clause's subject, not the last body named
            gov = view.head(cur)
            main = view.children(gov, "nsubj") if gov is not None else []
            if main and all(m.pos in {"NOUN", "PROPN"} for m in main):
                return main
        for _ in range(3):
            gov = view.head(cur)
            if gov is None or cur.dep not in {"ccomp", "xcomp", "conj"}:
                break
            if gov.lemma.lower() in DECLARING | REPORTING:
                speakers = view.children(gov, *SUBJ)
                # "Ankara, which said it would strike": the speaker is the relative's noun
                return relative_antecedent(view, gov, speakers, fill=False) or heads
            cur = gov
        return heads

    def claims(
        self,
        view: SentenceView,
        pending: list[tuple[Token, Pattern, Roles]],
        actor_fn: ActorFn,
    ) -> list[tuple[Token, Pattern, Roles]]:
        """ "Kenya claimed that al-Shabaab had attacked a police post": the claim is itself an
        event - an accusation of al-Shabaab (112); "claimed that they had raided the post", of
        the claimant's own act, a claim of responsibility (015) aimed at the act's target."""
        out: list[tuple[Token, Pattern, Roles]] = []
        seen: set[int] = {t.i for t, _, _ in pending}  # a claim verb coded on its own
        for tok, pattern, roles in pending:
            entry = self.kb.cameo.get(pattern.code)
            if entry is None or entry.quad_class < 3:
                continue
            cur, verb = tok, None
            for _ in range(3):
                gov = view.head(cur)
                if gov is None or cur.dep not in CLAIM_LINKS:
                    break
                if gov.lemma.lower() in CLAIMING and gov.pos == "VERB":
                    verb = gov
                    break
                cur = gov
            if verb is None or verb.i in seen:
                continue
            claimant = self.actors(view, view.children(verb, *SUBJ), actor_fn)
            if not claimant:
                continue
            seen.add(verb.i)
            own = {a.country for a in claimant}
            if roles.source and {a.country for a in roles.source} <= own:
                out.append((verb, CLAIM_OWN, Roles(tuple(claimant), roles.target, None)))
            elif roles.source:
                out.append((verb, CLAIM_OTHER, Roles(tuple(claimant), roles.source, None)))
        return out

    def deontic(self, view: SentenceView, actor_fn: ActorFn) -> list[tuple[Token, Pattern, Roles]]:
        """ "X said (that) Y must Z" or "... should Z": a demand by X on Y, whatever Z is."""
        out = []
        for tok in view.tokens:
            musts = [k for k in view.children(tok, "aux") if k.text.lower() in DEMANDING_AUX]
            if not musts or tok.dep not in {"ccomp", "xcomp"}:
                continue
            if tok.lemma.lower() in UNDERGOING_VERBS or any(
                k.lemma.lower() == "have" for k in view.children(tok, "aux")
            ):
                continue  # "he should get a boost": a forecast; "should have been": hindsight
            gov = view.head(tok)
            if gov is None or gov.lemma.lower() not in DECLARING:
                continue
            # a law or a report that "says" what must be is no one making a demand
            speakers = view.children(gov, *SUBJ)
            if any(
                sp.ent in {"LAW", "WORK_OF_ART"} or sp.lemma.lower() in TEXT_NOUNS
                for sp in speakers
            ):
                continue
            subjects = view.children(tok, "nsubj", "nsubjpass")
            if any(
                k.text.lower() in {"a", "an"} for s in subjects for k in view.children(s, "det")
            ):
                continue  # "a president must be ready": what any one must do, a general rule
            source = self.actors(view, speakers, actor_fn)
            target = self.actors(view, subjects, actor_fn)
            if _own_state(source, target):
                continue  # "Germany must be able to prosecute", said its minister: policy
            if source or target:
                out.append((musts[0], DEONTIC, Roles(tuple(source), tuple(target), None)))
        return out

    def _addressee(
        self,
        view: SentenceView,
        tok: Token,
        obj_heads: list[Token],
        actor_fn: ActorFn,
        source: Sequence[Actor] = (),
        threat: bool = False,
    ) -> list[Actor]:
        """Who a demand, accusation or threat is aimed at when it has no direct object actor:
        the subject of its clause ("demanded that Finland drop ...") or the agent of its
        object ("demanded the pullout of Wagner fighters", "an apology by Tokyo"). When
        the clause's subject is the speaker's own side ("vowed that Israel would crush the
        militants", "vowed he would root them out"), the threat is aimed at the clause's object."""
        own = {a.country for a in source if a.country} if threat else set()
        own_sides = {(a.country, a.sector) for a in source}
        for clause in view.children(tok, "ccomp", "xcomp", "advcl"):
            if clause.dep == "advcl" and not any(
                m.text.lower() == "for" for m in view.children(clause, "mark")
            ):
                continue  # only "appealed for both sides to ...", not "after X did ..."
            subj = view.children(clause, "nsubj", "nsubjpass")
            found = self.actors(view, subj, actor_fn)
            if found and own and {(a.country, a.sector) for a in found} <= own_sides:
                # through "continue to", "try to": "vowed he would keep hunting them"
                verbs = [clause, *view.children(clause, "xcomp")]
                heads = [
                    h
                    for v in verbs
                    for h in (*view.children(v, "dobj"), *view.prep_objects(v, AIMED_PREPS))
                ]
                aimed = [
                    a
                    for a in self.actors(view, heads, actor_fn)
                    if a.country and a.country not in own
                ]
                if aimed:
                    return aimed
                continue
            if found:
                return found
        for obj in obj_heads:
            found = self.actors(view, view.prep_objects(obj, ("of", "by", "from")), actor_fn)
            if found:
                return found
        return []

    @staticmethod
    def _meeting_setting(view: SentenceView, tok: Token) -> Token | None:
        """The verb whose clause a meeting noun sets the scene of: "spoke ahead of a meeting",
        "told reporters during talks", "on the sidelines of a summit"."""
        prep = view.head(tok)
        if tok.dep != "pobj" or prep is None or prep.text.lower() not in MEETING_SETTINGS:
            return None
        up = view.head(prep)
        for _ in range(3):  # "ahead of", "on the sidelines of": climb to the clause's verb
            if up is None or up.pos in {"VERB", "AUX"}:
                break
            if up.dep == "pobj" or up.lemma.lower() in SETTING_WORDS or up.dep == "prep":
                up = view.head(up)
                continue
            return None
        if up is None or up.pos not in {"VERB", "AUX"}:
            return None
        return up

    def _embedded_object(
        self, view: SentenceView, tok: Token, actor_fn: ActorFn, threat: bool = False
    ) -> list[Actor]:
        """The party acted on by the act a commitment or refusal is about: with a control verb
        ("refused to repatriate its citizens", "pledged to support Somalia") the event is the
        embedded act, so its object is the target. Only actors tied to a country count: an
        embedded object is often a thing ("agreed to send troops")."""
        for clause in view.children(tok, "xcomp"):
            if clause.pos != "VERB":
                continue
            objects = view.children(clause, "dobj")
            if clause.lemma.lower() in HELPING_LEMMAS | PERMITTING_LEMMAS:
                # "pledged to help Kenya rebuild its railways": the one helped is the subject
                # the parser gives the helped act
                objects = objects + [
                    s
                    for c in view.children(clause, "ccomp", "xcomp")
                    for s in view.children(c, *SUBJ)
                ]
            heads = [h for h in objects if self._names_its_party(view, h)]
            # "agreed to extend the grain deal with Ukraine": the partner of the tie
            heads += [
                w
                for h in objects
                if h.lemma.lower() in PARTNERSHIP_NOUNS
                for w in view.prep_objects(h, ("with",))
                if self._names_its_party(view, w)
            ]
            # "threatened to retaliate against Israel", "to cut off gas to Moldova",
            # "to deal heavy blows to Kyiv": an act aimed at someone
            sending = clause.lemma.lower() in SENDING_LEMMAS
            heads = heads or [
                h
                for owner in ((clause, *objects) if threat else (clause,))
                for h in view.prep_objects(
                    owner,
                    AIMED_PREPS if threat else ("against", "to") if sending else ("against",),
                )
                if self._names_its_party(view, h)
            ]
            if threat and not heads:
                # "threatened to walk out if the United States deploys ...": a threat made on
                # a condition is aimed at whoever the condition is about
                heads = [
                    h
                    for owner in (clause, tok)
                    for c in view.children(owner, "advcl")
                    if any(m.text.lower() in {"if", "unless"} for m in view.children(c, "mark"))
                    for h in view.children(c, *SUBJ)
                    if self._names_its_party(view, h)
                ]
            found = [a for a in self.actors(view, heads, actor_fn) if a.country]
            if found:
                return found
        return []

    @staticmethod
    def _names_its_party(view: SentenceView, head: Token) -> bool:
        """Whether a noun phrase says whose it is (a name, a nationality, a possessive):
        "troops" alone takes its country from the context, which is often the wrong side."""
        if head.ent in {"GPE", "NORP", "ORG", "PERSON"}:
            return True
        return bool(view.children(head, "poss")) or any(
            m.ent in {"GPE", "NORP", "ORG"} for m in view.children(head, "amod", "compound")
        )

    def _objects(
        self, view: SentenceView, heads: list[Token], p: Pattern, actor_fn: ActorFn
    ) -> list[Actor]:
        """Objects as targets, except the pattern's own object word ("joined forces")."""
        keep = []
        for h in heads:
            if p.code[:2] in JUDGED_ROOTS and h.lemma.lower() in ACT_OF_FORCE_NOUNS:
                # "criticised the Turkish invasion of northern Syria": an act judged is its
                # author's; the one it was aimed at is no target of the judgement
                authors = self._force_author(view, h, actor_fn)
                if authors:
                    keep.extend(authors)
                    continue
            if h.lemma.lower() in CLAIM_NOUNS | PROTEST_NOUNS:
                # "the unions' demand was rejected": whoever made the demand is the target;
                # "broke up the march staged by students": the marchers
                found = [a for a in self._claim_owners(view, h, actor_fn) if a.country or a.sector]
                if found:
                    keep.extend(found)
                    continue
            if h.lemma.lower() in p.obj or h.text.lower() in p.obj:
                # the pattern's own object word is the thing acted with, not an actor, unless
                # the phrase names one ("expelled the French ambassador"); whose it is ("withdraw
                # their peacekeeping force") is no target of the act
                # ("3,000 troops": a count names no one)
                named = [
                    t
                    for t in view.noun_phrase(h)
                    if t.i != h.i and t.pos not in {"DET", "PRON", "NUM"}
                ]
                # what is given is named after its giver ("a World Bank loan", "Russian jets"),
                # never after whom it is given to
                if not named or p.code.startswith("07"):
                    continue
                actors = self.actors(view, [h], actor_fn, possessor=False)
                keep.extend(a for a in actors if a.country)
                continue
            keep.extend(self.actors(view, [h], actor_fn))
        return keep

    def separate_sides(
        self, view: SentenceView, source: list[Actor], target: list[Actor], actor_fn: ActorFn
    ) -> tuple[list[Actor], list[Actor]]:
        """A country guessed from context must not put the same state on both sides
        ("the withdrawal of American troops from the country")."""

        def redo(actors: list[Actor], other: list[Actor]) -> list[Actor]:
            # only a state on the other side rules its country out ("the rebels" and the
            # government they fight share one)
            out = []
            for a in actors:
                # ... but a legislature or a court faces its own executive ("Congress is
                # asking Obama"): branches of one state are two sides of a domestic event,
                # though not when the other side is the state named as a whole ("the Senate
                # criticised Iran" is no Iranian senate)
                banned = frozenset(
                    o.country
                    for o in other
                    if o.country
                    and o.sector in STATE
                    and not (
                        {a.sector, o.sector} & BRANCHES
                        and a.sector != o.sector
                        and not (o.kb_id or "").startswith(COUNTRY_KB_PREFIX)
                    )
                )
                # ... and civilians, protesters or rebels face their own state's police and army
                if a.sector in LOCAL_SECTORS:
                    banned = frozenset()
                # "the militia" guessed to be the armed group named last never fights that
                # group when the sentence names it on the other side
                if a.sector in ARMED_GROUPS:
                    banned |= frozenset(
                        o.country
                        for o in other
                        if o.country and o.kb_id != CONTEXT_KB_ID and o.sector in ARMED_GROUPS
                    )
                if a.kb_id == CONTEXT_KB_ID and a.country in banned:
                    toks = [t for t in view.tokens if a.start <= t.idx < a.end]
                    head = next(
                        (
                            t
                            for t in toks
                            if t.head == t.i or not a.start <= view.tokens[t.head].idx < a.end
                        ),
                        None,
                    )
                    if not toks or head is None:
                        continue
                    again = actor_fn(toks, head, banned)
                    if again is not None:
                        out.append(again)
                    continue
                out.append(a)
            return out

        target = redo(target, source)
        source = redo(source, target)
        return source, target
