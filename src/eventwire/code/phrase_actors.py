"""Actors named by a noun phrase of the parse: the phrase and its conjuncts resolved, with what
the sentence adds - a named apposition ("the Islamist group al-Shabab"), a locative ("rebels
in eastern Congo"), a shared nationality ("U.S. government and industry officials"), the
owner a possessive pronoun stands for ("Iran said its forces ...", "his soldiers")."""

from __future__ import annotations

from dataclasses import replace

from eventwire.code.grammar import (
    DECLARING,
    GENERIC_DETS,
    PAIR_HEADS,
    PLACE_NOUNS,
    QUANTITY_NOUNS,
    REPORTING,
    RESOLVED_PRONOUNS,
    SHELTER_NOUNS,
    SUBJ,
    ActorFn,
    after_dateline,
    agrees,
    binding_subjects,
    controller_subject,
    is_dateline,
)
from eventwire.kb import KnowledgeBase
from eventwire.kb.lexicon import load_lexicon
from eventwire.records import (
    CONTEXT_KB_ID,
    Actor,
    Token,
)
from eventwire.syntax import SentenceView

#: "the offices of the opposition party": a building that stands for whose it is
OWNED_PLACES = load_lexicon("en").words("owned_places")


#: "US-backed forces": participles that name a party other than the noun they modify.
BACKING_PARTICIPLES = frozenset(
    {"backed", "funded", "trained", "armed", "sponsored", "supported", "financed", "equipped"}
)


class PhraseActors:
    """Noun phrases of one sentence to actors, through the pipeline's resolver."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    # -- roles -----------------------------------------------------------------------------
    def actors(
        self, view: SentenceView, heads: list[Token], actor_fn: ActorFn, possessor: bool = True
    ) -> list[Actor]:
        """Actors headed by ``heads`` and their conjuncts; ``possessor``: a possessive pronoun
        ("its forces") may give the actor its owner's country."""
        out: list[Actor] = []
        for h in heads:
            shared = self._shared_nationality(view, h, actor_fn)
            for t in view.conjuncts(h):
                if is_dateline(view, t):
                    continue  # "DOHA — Hamas released ...": where the story was filed
                if t.pos == "PRON" and t.text.lower() not in RESOLVED_PRONOUNS:
                    continue  # "we", "you": not resolved (resolved_pronouns)
                if any(
                    k.text.lower() in GENERIC_DETS for k in view.children(t, "det")
                ) and not self._nationality_told(view, t):
                    continue  # "each country must negotiate": no one in particular
                pair_fn = getattr(actor_fn, "pair", None)
                told = [t] if self._names_a_pair(view, t) else []
                # "the military governments in both countries": the pair's own
                told += [
                    o for o in view.prep_objects(t, ("in", "of")) if self._names_a_pair(view, o)
                ]
                pair = pair_fn(view.noun_phrase(told[0])) if pair_fn and told else []
                if pair:  # "the two sides agreed": the two states named just before
                    out.extend(a for a in pair if all(a.country != b.country for b in out))
                    continue
                binders = self._binders(view, t, actor_fn)
                phrase = after_dateline(view, view.noun_phrase(t))
                counter = t if t.lemma.lower() in QUANTITY_NOUNS else None
                if counter is not None and view.prep_objects(t, ("of",)):
                    actor = None  # "thousands of troops": the people counted (below) first
                elif binders:
                    actor = actor_fn(phrase, t, not_people=binders)
                else:
                    actor = actor_fn(phrase, t)
                if actor is None and t.lemma.lower() in SHELTER_NOUNS:
                    # "a camp for Sudanese refugees was shelled": the people it shelters
                    for sheltered in view.prep_objects(t, ("for", "of")):
                        actor = actor_fn(view.noun_phrase(sheltered), sheltered)
                        if actor is not None:
                            t = sheltered
                            break
                more: list[Token] = []
                if t.lemma.lower() in OWNED_PLACES:
                    # "raided the offices of the opposition party", "stormed the home of the
                    # opposition leader": the one whose they are, before the building itself
                    owners = view.prep_objects(t, ("of",)) + view.children(t, "poss")
                    for owner in owners:
                        found = actor_fn(view.noun_phrase(owner), owner)
                        if found is not None:
                            actor, t = found, owner
                            break
                if actor is None and t.lemma.lower() in QUANTITY_NOUNS:
                    # "tens of thousands of students": the people counted are the actor
                    for counted in view.prep_objects(t, ("of",)):
                        t = counted
                        actor = actor_fn(view.noun_phrase(t), t)
                if actor is None or actor.kb_id in {None, CONTEXT_KB_ID} or t.pos == "NOUN":
                    # "Assad's backer, Russia": a known name in apposition says who the
                    # description is, whoever the description's possessor is
                    actor = self._named_apposition(view, t, actor_fn) or actor
                if actor is not None and (actor.country is None or actor.kb_id == CONTEXT_KB_ID):
                    actor = self._located(view, t, actor, actor_fn)
                if actor is not None and actor.kb_id == CONTEXT_KB_ID:
                    actor = self._not_the_backers(view, t, actor, actor_fn)
                if (
                    possessor
                    and actor is not None
                    and (actor.country is None or actor.kb_id == CONTEXT_KB_ID)
                ):
                    actor = self._speakers_own(view, t, actor, actor_fn)
                if (
                    shared
                    and t is not h
                    and actor is not None
                    and (actor.country is None or actor.kb_id == CONTEXT_KB_ID)
                ):
                    # "U.S. government and industry officials": the nationality before the
                    # first noun stands for the coordinated ones that name none of their own
                    actor = replace(actor, country=shared, kb_id=None)
                if actor is not None and all(a.start != actor.start for a in out):
                    out.append(actor)
                    out.extend(self._coordinated_modifiers(view, t, actor, actor_fn))
                    if counter is not None:
                        # "dozens of Sudanese and Central African refugees", "scores of
                        # Burkinabe and Ivorian migrants": each people counted is an actor
                        for counted in view.prep_objects(counter, ("of",)):
                            out.extend(
                                a
                                for a in self._coordinated_modifiers(view, counted, actor, actor_fn)
                                if all(b.start != a.start for b in out)
                            )
                            more += [c for c in view.conjuncts(counted) if c.i != counted.i]
                for c in more:
                    counted_too = actor_fn(view.noun_phrase(c), c)
                    if counted_too is not None and all(a.start != counted_too.start for a in out):
                        out.append(counted_too)
        return out

    @staticmethod
    def _binders(view: SentenceView, tok: Token, actor_fn: ActorFn) -> frozenset[int | str]:
        """Mentions and names an object pronoun cannot stand for: its clause's subject."""
        out: set[int | str] = set()
        for subj in binding_subjects(view, tok):
            phrase = view.noun_phrase(subj)
            # every word of the subject, its article too: a mention may start at any of them
            out.update(t.idx for t in [*phrase, *view.children(subj, "det")])
            found = actor_fn(phrase, subj)
            if found is not None and found.name:
                out.add(found.name)
        return frozenset(out)

    @staticmethod
    def _nationality_told(view: SentenceView, tok: Token) -> bool:
        """ "any Australian fishermen", "every Syrian refugee": a generic determiner leaves the
        people unnamed but not their country; "no" denies there are any."""
        if any(k.text.lower() == "no" for k in view.children(tok, "det")):
            return False
        return any(m.ent in {"NORP", "GPE"} for m in view.children(tok, "amod", "compound"))

    @staticmethod
    def _names_a_pair(view: SentenceView, tok: Token) -> bool:
        """ "the two sides", "both countries", "the two leaders": a pair told before."""
        if tok.lemma.lower() not in PAIR_HEADS and tok.text.lower() not in PAIR_HEADS:
            return False
        kids = {(k.dep, k.text.lower()) for k in view.children(tok)}
        # "the two sides" points back; "two opposition leaders" introduces new people
        if ("det", "all") in kids and tok.lemma.lower() in {"side", "party"}:
            return True  # "urged all sides to agree a truce": the parties of the conflict told
        return (
            bool(kids & {("det", "both"), ("predet", "both")})
            or {
                ("nummod", "two"),
                ("det", "the"),
            }
            <= kids
        )

    def _shared_nationality(self, view: SentenceView, head: Token, actor_fn: ActorFn) -> str | None:
        """The country a nationality or party modifier of the first of coordinated nouns names
        ("U.S. government and industry officials", "GOP voters, lawmakers and thinkers"), when
        the nouns are coordinated at all."""
        if not view.children(head, "conj"):
            return None
        for mod in view.children(head, "compound", "amod", "nmod"):
            if mod.ent in {"GPE", "NORP", "ORG"} and mod.i < head.i:
                found = actor_fn([mod], mod)
                if found is not None and found.country:
                    return found.country
        return None

    def _speakers_own(
        self, view: SentenceView, head: Token, actor: Actor, actor_fn: ActorFn
    ) -> Actor:
        """ "Iran said its forces captured ...": a possessive pronoun in a reported clause is
        the speaker's, so the forces are Iran's, not the country the article mentions most."""
        if not any(
            k.pos == "PRON" and k.text.lower() in {"its", "their", "his", "her"}
            for k in view.children(head, "poss")
        ):
            return actor
        cur = view.head(head)
        poss = next(k.text.lower() for k in view.children(head, "poss") if k.pos == "PRON")
        if head.dep not in {"nsubj", "nsubjpass"}:
            # "Russia must withdraw its troops": the clause's own subject owns them, when the
            # pronoun agrees with it ("Iranian Guards attacked its troops": not theirs)
            if cur is None:
                return actor
            # "Denmark vowed to bring its fighters to court": the controlling subject's
            for subj in view.children(cur, *SUBJ) or controller_subject(view, cur):
                if subj.pos == "PRON" or not agrees(poss, subj):
                    continue
                owner = actor_fn(view.noun_phrase(subj), subj)
                if owner is not None and owner.country and owner.kb_id != CONTEXT_KB_ID:
                    return replace(actor, country=owner.country, kb_id=None)
                return actor
        for _ in range(3):
            if cur is None:
                break
            gov = view.head(cur)
            if gov is None or cur.dep not in {"ccomp", "xcomp", "conj"}:
                break
            if gov.lemma.lower() in DECLARING | REPORTING:
                for speaker in view.children(gov, *SUBJ):
                    if speaker.pos == "PRON":
                        continue
                    said = actor_fn(view.noun_phrase(speaker), speaker)
                    if said is not None and said.country and said.kb_id != CONTEXT_KB_ID:
                        return replace(actor, country=said.country, kb_id=None)
                break
            cur = gov
        if poss in {"his", "her"}:
            # "his soldiers detained the president": the soldiers of the person named before
            pron = next(k for k in view.children(head, "poss") if k.pos == "PRON")
            owner = actor_fn([pron], pron)
            if owner is not None and owner.country:
                return replace(actor, country=owner.country, kb_id=None)
        if poss == "its" and head.dep in {"nsubj", "nsubjpass"}:
            # "under threat from Turkey after its forces attacked": a state's "its" in a clause
            # of its own stands for the state named last before it in the sentence
            pron = next(k for k in view.children(head, "poss") if k.pos == "PRON")
            for tok in reversed(view.tokens[: pron.i]):
                if tok.ent not in {"GPE", "ORG"}:
                    continue
                named = actor_fn(view.noun_phrase(tok), tok)
                if named is not None and named.country and named.kb_id != CONTEXT_KB_ID:
                    return replace(actor, country=named.country, kb_id=None)
                break
        return actor

    @staticmethod
    def _not_the_backers(view: SentenceView, head: Token, actor: Actor, actor_fn: ActorFn) -> Actor:
        """ "US-backed forces", "Iranian-funded militias": whoever backs, funds, trains or
        arms a force is another party than the force itself, so the country guessed for it
        from the article is never the backer's."""
        for mod in view.children(head, "amod"):
            if mod.text.lower() not in BACKING_PARTICIPLES:
                continue
            for backer in view.children(mod, "npadvmod", "compound", "nmod"):
                found = actor_fn([backer], backer)
                if found is not None and found.country == actor.country:
                    return replace(actor, country=None, kb_id=None)
        return actor

    def _named_apposition(self, view: SentenceView, head: Token, actor_fn: ActorFn) -> Actor | None:
        """ "the Islamist group al-Shabab", "the president, Mahamat Deby": the name in
        apposition says who the description is."""
        for kid in view.children(head, "appos"):
            if kid.ent in {"ORG", "PERSON", "NORP", "GPE"}:
                named = actor_fn(view.noun_phrase(kid), kid)
                if named is not None and named.kb_id not in {None, CONTEXT_KB_ID}:
                    return named
        return None

    def _coordinated_modifiers(
        self, view: SentenceView, head: Token, actor: Actor, actor_fn: ActorFn
    ) -> list[Actor]:
        """ "U.S. and Russian negotiators", "Indian and American warships": one noun, several
        countries; each coordinated nationality is an actor of its own with the noun's sector."""
        out: list[Actor] = []
        for mod in view.children(head, "amod", "nmod", "compound"):
            if mod.ent not in {"GPE", "NORP"}:
                continue
            stack = view.children(mod, "conj")
            if stack:
                # "the Foreign and Commonwealth Office": words coordinated inside a name
                # that are no nationalities are not countries listed before one noun
                own = actor_fn([mod], mod)
                if own is None or not own.country:
                    continue
            while stack:
                c = stack.pop(0)
                stack.extend(view.children(c, "conj"))
                if c.ent not in {"GPE", "NORP"}:
                    continue
                # "Sudanese and Central African refugees": the conjunct's own words before it
                words = [k for k in view.children(c, "amod", "compound") if k.i < c.i]
                found = actor_fn([*words, c], c)
                if found is None or not found.country or found.country == actor.country:
                    continue
                end = head.idx + len(head.text)
                first = words[0] if words else c
                out.append(
                    replace(
                        actor,
                        text=view.span_text([first, head])[0],
                        start=first.idx,
                        end=end,
                        country=found.country,
                        name=None,
                        kb_id=found.kb_id,
                    )
                )
        return out

    def _located(self, view: SentenceView, head: Token, actor: Actor, actor_fn: ActorFn) -> Actor:
        """ "Rebels in eastern Congo", "security forces in Chad": an actor named with no
        country takes the one its locative modifier names."""
        objs = view.prep_objects(head, ("in", "from", "throughout", "across"))
        if head.lemma.lower() in PLACE_NOUNS:  # "the town of Afrin": where the town is
            objs += view.prep_objects(head, ("of",))
        for acl in view.children(head, "acl"):  # "a report released in Kigali"
            objs += view.prep_objects(acl, ("in",))
        for obj in objs:
            prep = view.head(obj)
            from_group = prep is not None and prep.text.lower() == "from"
            place_noun = obj.lemma.lower() in PLACE_NOUNS  # "in the Rwandan capital"
            if obj.ent not in {"GPE", "LOC"} and not from_group and not place_noun:
                continue  # "nurses from two Danish aid groups" counts too
            where = actor_fn(view.noun_phrase(obj), obj)
            if where is not None and where.country:
                return replace(actor, country=where.country)
        return actor
