"""Who took part in a meeting, read from the dependency parse.

A meeting is named by a verb ("Jaishankar met Sri Lanka's new President Dissanayake", "will be
hosted by President Ramaphosa", "spoke with", "is ready to meet") or by a noun ("held talks
with", "received a telephone call from", "his talks with Meloni", "a meeting between A and B",
"urged X ... during a phone call"). The grammar says who took part: the verb's subject and
object, the noun's possessor and its "with" / "between" / "from" phrase, and for a noun that is
the object of "hold", "have" or "receive" (or the time of another verb: "during a call") the
subject of that verb. Each of those phrases is mapped to the actor mentions it covers; a
pronoun to the person it refers to; "the leaders of Saudi Arabia, Jordan and Egypt" to the
countries named.

Plural nouns with a subject and a list of counterparts are several meetings: "held phone calls
with the leaders of A, B and C" is one call with each.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.ingest.extract.actors import Mention
from newsgraph.ingest.extract.found import ParsedMeeting
from newsgraph.ingest.extract.groups import regroup
from newsgraph.ingest.extract.patterns import word_set
from newsgraph.ingest.extract.titles import canonical_title
from newsgraph.ingest.model import ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsgraph.ingest.extract.document import Document

__all__ = [
    "ParsedMeeting",
    "date_attachment",
    "parsed_meetings",
    "quote_start",
    "trigger_in_schedule",
]

_MEET_VERBS = word_set(
    "meet meets met meeting huddle huddles huddled huddling "
    # "the minister briefed the president on the talks": an audience given to report
    "brief briefs briefed"
)
# "Akufo-Addo visited Osinbajo at his residence": a visit to a person is a meeting with them
# (a visit to a country or a city is not).
# What a title is for, after it: "Envoy to the Middle East", "Adviser for Asia Pacific".
_TITLE_REMIT = re.compile(r"\s+(?:to|for|on)\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s*){1,4}(?=,)")
# The links a negation reaches a meeting word through: "did not agree to hold talks".
_NEGATION_PATH = frozenset(("xcomp", "dobj", "pobj", "prep", "conj"))
_VISIT_VERBS = word_set("visit visits visited visiting")
_BEFORE_BY = word_set("on upon at in")
_SET_OFF_AT_END = re.compile(r"[.!?]?[\"\u201d]?\s*(?:\n|$)")
_HELD = word_set("held hosted convened organised organized staged")
_HAPPENING = word_set("take be begin start open close end run follow continue resume")
_HOST_VERBS = word_set(
    "host hosts hosted hosting receive receives received receiving welcome welcomes welcomed "
    "welcoming greet greets greeted greeting "
    # as small outlets often spell it
    "recieve recieves recieved recieving"
)
_TALK_VERBS = word_set(
    "speak speaks spoke spoken speaking talk talks talked talking confer confers conferred "
    "conferring phone phones phoned phoning telephone telephoned dial dialed dialled call calls "
    "called calling ring rang rings ringing"
)
_PHONE_VERBS = word_set(
    "phone phones phoned phoning telephone telephoned dial dialed dialled ring rang rings ringing"
)
_CALL_VERBS = word_set("call calls called calling")
# Papers received from someone who was not there.
_PAPERS = word_set("message messages letter letters note greetings congratulations condolences")
_HOLD_VERBS = word_set(
    "hold holds held holding have has had having conduct conducts conducted conducting receive "
    "pay pays paid paying "
    "receives received receiving make makes made making host hosts hosted hosting attend "
    "attends attended attending join joins joined joining chair chairs chaired co-chaired "
    "convene convened begin began start started wrap wrapped conclude concluded end ended "
    "grant grants granted granting give gives gave given giving"
)
# "granted an audience to the president", "gave audience to": the one it was granted to is
# the other side
_GRANT_VERBS = word_set("grant grants granted granting give gives gave given giving")
# "was accorded a warm welcome by", "was given a red-carpet reception by"
_ACCORDED = word_set("accorded given")
_WELCOMES = word_set("welcome reception")
# What someone makes when they travel: "his visit", "the minister's tour".
_TRIP_NOUNS = word_set("visit trip tour stay mission journey stopover")
_EVENT_NOUNS = word_set(
    "meeting meetings talks call calls conversation conversations summit summits discussion "
    "discussions negotiations videoconference videoconferences teleconference audience "
    "bilateral bilaterals tete-a-tete luncheon dinner banquet breakfast lunch iftar supper "
    "consultations dialogue deliberations encounter encounters"
)
# Standing bodies of two countries that meet ("the Australia-Papua New Guinea Ministerial Forum").
_JOINT_BODIES = word_set("commission committee forum dialogue consultations council")
# (the parser's lemmas are not computed: the forms themselves)
_BODY_SITS = word_set(
    "held holds hold met meets meet convened convenes convene opened opens began begins "
    "concluded concludes"
)
_BODY_HELD = word_set("held holds hold chaired co-chaired cochaired convened")
# "paid a courtesy call on the president", "paid a visit to the king": a call or a visit paid
# to a person is a meeting with them.
_PLAN_VERBS = word_set("planned scheduled expected arranged set slated envisaged foreseen")
_PAY_VERBS = word_set("pay pays paid paying")
# "made a courtesy call on", "will make calls on": calls are made as well as paid; visits are
# made to places as often as to people.
_MAKE_VERBS = word_set("make makes made making")
_PAID_NOUNS = word_set("call calls visit visits")
# "discussed the ceasefire with his Qatari counterpart", "reviewed ties with the deputy prime
# minister": talking a matter over with someone named is meeting them.
_DISCUSS_VERBS = word_set(
    "discuss discusses discussed discussing review reviews reviewed reviewing"
)
# Verbs of joining a meeting that others hold: "took part in a meeting of A and B".
_JOIN_VERBS = word_set(
    "participate participates participated participating attend attends attended attending "
    "join joins joined joining take takes took taking"
)
_RANKS = word_set(
    "admiral general colonel lieutenant major captain marshal ambassador dr mr mrs ms sir "
    "professor prof sheikh hon honourable"
)
# The words that tell whose counterparts they are: "his Arab counterparts", "his counterparts
# from Asia", "his counterparts who attended".
_COUNTERPARTS_MADE_KNOWN = word_set("amod compound nmod prep relcl acl")
_NOT_FOR_THE_COUNTRY = word_set("opposition rebel rebels former exiled dissident")
_COUNTS = {"three": 3, "four": 4, "five": 5, "six": 6}
_SIT_VERBS = word_set("sit sits sat sitting")
_SHAKE_VERBS = word_set("shake shakes shook shaking")
_PLAY_VERBS = word_set("play plays played playing")
_REACH_VERBS = word_set("reach reaches reached reaching")
_CO_CHAIR_VERBS = word_set("co-chair co-chairs co-chaired co-chairing cochaired")
# "dined with B", "A and B lunched together": a meal of two is a meeting
_DINE_VERBS = word_set("dine dines dined dining lunch lunches lunched lunching")
# "delivered a message from Museveni to Ruto", "handed over a letter to the king": an envoy
# received by the one the message is for
_DELIVER_VERBS = word_set("deliver delivers delivered hand hands handed")
_MESSAGES = word_set("message messages letter letters invitation")
# "A and B signed the treaty", "signed an agreement with B": two people who sign together meet
_SIGN_VERBS = word_set("sign signs signed signing")
_ACCORDS = word_set(
    "agreement agreements treaty treaties accord accords deal deals memorandum memoranda mou "
    "mous protocol protocols declaration pact charter convention communique"
)
_PHRASAL = (
    _SIT_VERBS
    | _SHAKE_VERBS
    | _PLAY_VERBS
    | _REACH_VERBS
    | _CO_CHAIR_VERBS
    | _DINE_VERBS
    | _DELIVER_VERBS
    | _SIGN_VERBS
)
_INCLUDE = word_set("include includes included including")
# "a series of meetings", "a round of talks": the count of meetings, not a thing of its own
_QUANTITIES = word_set("series round rounds number couple string flurry spate set")
_SESSION_KINDS = word_set("talk talks negotiating negotiation negotiations bilateral working")
# "met separately with A and B": one meeting with each.
_APART = word_set("separately individually respectively")
_EXCHANGE_VERBS = word_set("exchange exchanged exchanging exchanges")
# "Lula invited Petro to visit Brasilia": a proposed meeting of the two.
_INVITE_VERBS = word_set("invite invites invited inviting")
_ACCEPT_VERBS = word_set("accept accepts accepted accepting")
# Verbs by which an invitation is given: "extended an invitation to X to visit".
_GIVE_VERBS = word_set(
    "extend extends extended extending issue issues issued issuing deliver delivers delivered"
    " handed hands hand conveyed conveys convey renewed renews renew sent sends send"
)
_EXCHANGED = word_set("views opinions greetings ideas")
_HOSTED_MEALS = word_set("luncheon dinner banquet breakfast reception lunch iftar supper")
_GIVING_VERBS = word_set(
    "hold holds held holding give gives gave given giving offer offers offered offering "
    "throw throws threw thrown throwing"
)
_SPLITTABLE = word_set("meetings calls conversations bilaterals discussions")
# Time adjuncts that make an event noun the occasion of another verb: "urged X during a call".
# "arrived in Nairobi for talks with Hassan": the purpose of a journey is a meeting too.
_OCCASION = word_set("during in at after following before ahead amid with for")
_GROUP_HEADS = word_set(
    "leader leaders delegation delegations official officials representative representatives "
    "counterpart counterparts minister ministers envoy envoys government governments "
    "negotiator negotiators team teams side sides head heads president presidents authorities "
    "diplomat diplomats delegate delegates lawmaker lawmakers legislator legislators senator "
    "senators ambassador ambassadors chief chiefs commander commanders mediator mediators "
    "leadership peer peers"
)
_PRONOUNS = word_set("he she him his her")
_PAIRS = word_set(
    "men women leaders presidents ministers premiers counterparts heads sides officials "
    "diplomats envoys chiefs"
)
_DEFINITE = word_set("the that this these those")
_NOT_COUNTERPARTS = word_set("reporters journalists press media audience crowd supporters")


def _added_to(prep: Token) -> Token | None:
    """The verb that "besides", "apart from" or "in addition to" hangs on."""
    if prep.lower_ == "besides":
        head = prep.head
    elif prep.lower_ == "from" and prep.head.lower_ == "apart":
        head = prep.head.head
    elif prep.lower_ == "to" and prep.head.lower_ == "addition" and prep.head.head.lower_ == "in":
        head = prep.head.head.head
    else:
        return None
    return head if head.tag_.startswith("VB") and head.i != prep.i else None


def _of_country_conjuncts(name: Token) -> list[Token]:
    """ "Chrystia Freeland of Canada and Maria Angela Holguin of Colombia": the parser hangs
    the second name on the first one's country; it is the first name's conjunct."""
    return [
        conj
        for prep in name.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for country in prep.children
        if country.dep_ == "pobj"
        for conj in country.conjuncts
        if conj.tag_ == "NNP" and any(c.dep_ == "prep" and c.lower_ == "of" for c in conj.children)
    ]


def _also(verb: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children)


def _conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


class _Parser:
    def __init__(
        self,
        doc: Document,
        start: int,
        end: int,
        told: Sequence[tuple[int, Sequence[str]]] = (),
        speakers: Mapping[int, str] | None = None,
        voices: Sequence[tuple[int, int, str]] = (),
    ) -> None:
        self.doc = doc
        self.voices = voices
        self.start = start
        self.end = end
        self.how: dict[str, str] = {}
        self.told = told
        # The speaker of each quotation (by its start) the statements found: inside a quote,
        # "I" is its speaker and "he" never is.
        self.speakers = speakers or {}

    def _named(self, actor: str, how: str) -> tuple[str, str | None]:
        self.how.setdefault(actor, how)
        return actor, None

    # -- phrases to actors ----------------------------------------------------------------
    def mention_at(self, token: Token) -> Mention | None:
        lo, hi = token.idx, token.idx + len(token.text)
        for m in self.doc.mentions_in(max(self.start, lo - 80), min(self.end, hi + 80)):
            if m.start <= lo and hi <= m.end and not m.implicit:
                # ("Riyadh, Asharq Al-Awsat—Qatari Emir ...": a dateline's place and outlet
                # take part in nothing)
                return None if self.doc.in_dateline(m.start) else m
        return None

    def participant(self, m: Mention) -> tuple[str, str | None] | None:
        kind = self.doc.kind(m.actor)
        if kind is None or kind is ActorKind.MEDIA:
            return None
        if self.doc.names_government(m):
            return None
        return m.actor, None

    def _listed_beside(self, appos: Token, heads: list[Token], appositions: list[Token]) -> bool:
        """Whether a person the parser set beside another is one more of a list: "with UK
        Prime Minister David Cameron, Polish Prime Minister Donald Tusk, ... and Boyko
        Borissov", a list that goes on; "Presidents A of X, B of Y, C of Z and D of W", where
        the parser may set B and C beside A, each with a conjunct of its own."""
        return self._person_at(appos) and (
            any(h.i > appos.i for h in heads)
            or any(c.dep_ == "conj" for c in appos.children)
            or sum(1 for a in appositions if self._person_at(a)) >= 2
        )

    def phrase(self, token: Token) -> list[tuple[str, str | None]]:
        """The actors a noun phrase headed by ``token`` names (its conjuncts included)."""
        found: list[tuple[str, str | None]] = []
        # "Lord Tariq Ahmad, Minister for South Asia, the United Nations and the Commonwealth":
        # what is listed after an apposition belongs to it, not to the people named.
        # ("The Prime Minister also met with the chairs of the groups - A, ...; B, ... and C":
        # no apposition of a subject stands after its verb, whatever the parser hung there)
        appositions = [
            c for c in token.children
            if c.dep_ == "appos" and not token.i < token.head.i < c.left_edge.i
        ]  # fmt: skip
        if named := self._group_apposed(token, appositions):
            return named
        heads = [
            h for h in _conjuncts(token)
            if not appositions or h.i < appositions[0].i or self._person_at(h)
            # (", as well as the Opposition leader, Ben Ulenga": an office with its holder)
            or any(c.dep_ == "appos" and self._person_at(c) for c in h.children)
        ]  # fmt: skip
        mention = self.mention_at(token)
        if appositions and mention is not None and _dateline_place(token):
            # "New Delhi: External Affairs Minister S Jaishankar on Friday held talks": the
            # parser makes the dateline's city the subject and the person its apposition.
            named = [
                p for appos in appositions for p in self._one(appos)
                if self.doc.kind(p[0]) is ActorKind.PERSON
            ]  # fmt: skip
            if named:
                return named
        titled: Token | None = None  # a title whose person is its apposition
        if (mention is None and token.tag_ in ("NN", "NNP")) or self._office_in(token, mention):
            # "Mexico's secretary of Foreign Affairs, Marcelo Ebrard,": a title the person
            # set off after it is
            for appos in appositions:
                person = self.mention_at(appos)
                if person is not None and self.doc.kind(person.actor) is ActorKind.PERSON:
                    heads.append(appos)
                    titled = token
                    break
        for appos in appositions:
            # "The Italian Prime Minister Giorgia Meloni and Indian Prime Minister Narendra
            # Modi": a name the parser set beside its own title still heads a list.
            if mention is not None and mention is self.mention_at(appos):
                heads.extend(appos.conjuncts)
            elif (
                mention is not None
                and self.doc.kind(mention.actor) is ActorKind.PERSON
                and self._listed_beside(appos, heads, appositions)
            ):
                heads.extend([appos, *appos.conjuncts])
        for head in heads:
            # ("his Tonga and Samoa counterparts": the countries of a group, read as one)
            group = head.lower_ in _GROUP_HEADS and head.tag_ in ("NNS", "NNPS")
            for child in () if group else head.subtree:
                # "between the U.S., Ukraine and Russia", "with Japanese Foreign Minister
                # Takeshi Iwaya and South Korean Foreign Minister Cho Hyun": the parser may
                # hang the first of a list on the second instead of coordinating them.
                if (
                    child.dep_ in ("nmod", "amod", "poss", "compound")
                    and child.i < head.i
                    and child.i + 1 < len(child.doc)
                    and (
                        (child.dep_ == "nmod" and child.doc[child.i + 1].text == ",")
                        or any(c.dep_ == "cc" for c in child.children)
                    )
                ):
                    # (with its own conjuncts: "between A and B, top Iranian diplomat and his
                    # Saudi peer" hangs "A and B" on "diplomat")
                    for item in _conjuncts(child):
                        found.extend(self._one(item))
            if titled is None or head.i != titled.i:
                found.extend(self._one(head))
        return found

    def _group_apposed(
        self, token: Token, appositions: list[Token]
    ) -> list[tuple[str, str | None]]:
        """ "the two presidents, Gustavo Petro of Colombia and Nicolas Maduro of Venezuela,":
        the people set off after a group ("with the former Presidents A and B, President C of
        Jubaland, and ...": the list goes on after the apposition, coordinated with the
        group). Not "the minister and the Ethiopian Ambassador, Azanaw Tadesse Abreha," whose
        apposition the parser hangs on the first of the two."""
        listed = token.tag_ != "NNS" and any(c.dep_ == "conj" for c in token.children)
        if not appositions or listed:
            return []
        if token.lower_ not in _GROUP_HEADS and token.tag_ != "NNS":
            return []
        return [
            p for h in [
                *(h for appos in appositions
                  for h in [*_conjuncts(appos), *_of_country_conjuncts(appos)]),
                *(c for c in token.conjuncts if c.i > appositions[0].i),
            ]
            for p in self._one(h)
            if self.doc.kind(p[0]) is ActorKind.PERSON
        ]  # fmt: skip

    def _person_at(self, token: Token) -> bool:
        """Whether ``token`` is a person's name: "by Christopher Landau, U.S. ambassador to
        Mexico, and Martha Barcena, ...", a list of people that goes on after one's office."""
        mention = self.mention_at(token)
        return mention is not None and self.doc.kind(mention.actor) is ActorKind.PERSON

    def _office_in(self, token: Token, mention: Mention | None) -> bool:
        """ "the Secretary-General of Japan's ruling Liberal Democratic Party (LDP), Toshimitsu
        Motegi,": a body the parser made the head of an office in it, whose holder follows."""
        if mention is None or self.doc.kind(mention.actor) is not ActorKind.ORGANIZATION:
            return False
        lo = token.left_edge.idx
        words = re.findall(r"[A-Z][\w-]+", self.doc.text[lo : token.idx])
        return any(canonical_title(w).title for w in words)

    def _spoken_pronoun(self, head: Token) -> list[tuple[str, str | None]] | None:
        """Who a pronoun in words someone said means (None when it is in no one's words): a
        quotation's "I" is its speaker and its "he" someone else; the "I" of a transcript's
        turn or a post, outside quotation marks, is its speaker too."""
        lower = head.lower_
        quote = quote_start(self.doc, head.idx)
        if quote is not None:
            speaker = self.speakers.get(quote)
            # ("We have just held a meeting with President Banda": the speaker, with others)
            first = lower in ("i", "me", "my") or (lower == "we" and head.dep_ == "nsubj")
            if first and speaker is not None:
                if self.doc.kind(speaker) is not ActorKind.PERSON:
                    return []  # (an office's "I" is its holder's, relayed, not the office)
                return [self._named(speaker, "speaker")]
            if lower in ("he", "she", "his", "her"):
                actor = self.doc.referent(head.idx)
                if actor is None or actor == speaker:
                    return []  # a quote's "he" is someone other than who says it
                return [self._named(actor, "pronoun")]
            return []
        if lower in ("i", "me", "my") or (lower == "we" and head.dep_ == "nsubj"):
            # (a transcript's "SIMON CREAN: ... the meetings that we had with Chen": his)
            voice = next((who for lo, hi, who in self.voices if lo <= head.idx < hi), None)
            if voice is None or self.doc.kind(voice) is not ActorKind.PERSON:
                return []
            return [self._named(voice, "speaker")]
        return None

    def _doer(self, pronoun: Token) -> str | None:
        """The person named as the subject of the verb an object pronoun hangs on."""
        for word in list(pronoun.ancestors)[:4]:  # ("held talks with him": up to "held")
            subject = next((c for c in word.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                mention = self.mention_at(subject)
                return mention.actor if mention is not None else None
        return None

    def _one(self, head: Token) -> list[tuple[str, str | None]]:
        if not (self.start <= head.idx < self.end):
            return []
        lower = head.lower_
        if lower in _NOT_COUNTERPARTS:
            return []
        if head.tag_ in ("PRP", "PRP$"):
            spoken = self._spoken_pronoun(head)
            if spoken is not None:
                return spoken
        if lower in _PRONOUNS and head.tag_ in ("PRP", "PRP$"):
            actor = self.doc.referent(head.idx)
            if actor is not None and lower in ("him", "her") and actor == self._doer(head):
                # "Blinken telephoned him": someone other than the one who called
                actor = self.doc.referent(head.idx, besides=actor)
            return [self._named(actor, "pronoun")] if actor else []
        if (lower in ("they", "them") and head.tag_ == "PRP") or (
            # (not "agreed by Bush and Martin at their meeting": theirs are named before it)
            lower == "their" and head.tag_ == "PRP$" and not self._people_before(head)
        ):
            # "They last met in Athens in December", "their next meeting": those of the
            # meeting told just before.
            told = [who for pos, who in self.told if head.idx - 1500 < pos < head.idx]
            return [self._named(p, "pronoun") for p in told[-1]] if told else []
        if leaders := self._delegation_leaders(head):
            # (whatever the recogniser named it: "the Delegation of ... , headed by Amorim")
            return leaders
        mention = self.mention_at(head)
        if mention is not None:
            if mention.via == "demonym":
                return []
            if any(c.dep_ == "case" for c in head.children) and self.doc.kind(mention.actor) in (
                ActorKind.COUNTRY,
                ActorKind.ORGANIZATION,
            ):
                return []  # "Jordan's Deputy Prime Minister ... Safadi": Safadi is named next
            if head.dep_ in ("pobj", "dobj") and _owner_of_next(head):
                return []  # "met with President Xi's second-in-command": not Xi
            if self.doc.kind(mention.actor) is ActorKind.COUNTRY:
                # "the presidents of Mexico, López Obrador, and Guatemala, Arévalo": a country's
                # leader set off after it is the party
                for appos in head.children:
                    leader = self.mention_at(appos) if appos.dep_ == "appos" else None
                    if leader is not None and self.doc.kind(leader.actor) is ActorKind.PERSON:
                        return [self._named(leader.actor, "name")]
                # "with U.S. Deputy Envoy to the Middle East, Morgan Ortagus,": the country
                # qualifies a title whose holder is set off after it
                holder = self._apposed_person(head) if canonical_title(head.text).title else None
                if holder is not None:
                    return [self._named(holder[0], "title")]
            one = self.participant(mention)
            if one is None:
                return []
            return [self._named(one[0], "title" if mention.via == "role" else "name")]
        if lower in ("pair", "duo") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children
        ):
            return self._pair(head)  # "The pair held talks": the two people just told
        pair = _pair_noun(head)
        person = self._person_in(head)
        if person is None and (pair or head.tag_ in ("NNS", "NNPS")):
            # "with the visiting ministers, Wang Yi and Takeshi Iwaya,": everyone set off
            listed = self._listed_after(head)
            if len(listed) >= 2:
                return [self._named(p, "name") for p in listed]
        if person is None and not pair and head.tag_ not in ("NNS", "NNPS"):
            # one title's one person (not a plural's: "with the prime ministers of Japan and
            # Canada, the President also had ...")
            person = self._apposed_person(head)
        if person is not None:
            return [self._named(person[0], "title")]
        if lower in _GROUP_HEADS:
            return self._group(head)
        if head.tag_ in ("NNS", "NNPS"):
            # Other plurals name a group only by "of" or "from" ("the heads of state of A and
            # B"), not by an adjective: "Israeli crimes" are not Israel's delegation.
            return self._group(head, modifiers=False)
        if head.lower_ == "who" and head.dep_ in ("nsubj", "nsubjpass"):
            return self.phrase(head.head.head) if head.head.dep_ == "relcl" else []
        return []

    def _people_before(self, head: Token) -> bool:
        """Whether the sentence names a person before ``head``."""
        return any(
            self.doc.kind(m.actor) is ActorKind.PERSON
            for m in self.doc.mentions_in(self.start, head.idx)
        )

    def _person_in(self, head: Token) -> tuple[str, str | None] | None:
        """The one person a title phrase names: "visiting Prime Minister of Vietnam Pham Minh
        Chinh" is headed by "Minister" but means Chinh."""
        lo = head.left_edge.idx
        hi = head.right_edge.idx + len(head.right_edge.text)
        # "President Xi Jinping's second-in-command" is not Xi: an owner is someone else.
        owners = [
            (t.left_edge.idx, t.idx + len(t.text))
            for t in head.subtree
            if t.dep_ == "poss" and any(c.dep_ == "case" for c in t.children)
        ]
        # "the Afrika Shrine, founded by Fela Kuti": the people of a clause on it are not it
        owners += [
            (t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text))
            for t in head.children
            if t.dep_ in ("acl", "relcl")
        ]
        people = {
            m.actor
            for m in self.doc.mentions_in(max(self.start, lo), min(self.end, hi))
            if not m.implicit
            and self.doc.kind(m.actor) is ActorKind.PERSON
            and not any(a <= m.start and m.end <= b + 3 for a, b in owners)
            and not self.doc.names_government(m)
        }
        return (people.pop(), None) if len(people) == 1 else None

    def _apposed_person(self, head: Token) -> tuple[str, str | None] | None:
        """ "with the Chairman of the African Union Commission, Moussa Faki Mahamat,": the
        person set off by commas right after a title phrase is who it means."""
        edge = head.right_edge
        while edge.i > head.i and edge.is_punct:
            edge = edge.doc[edge.i - 1]  # (the parser may end the phrase with its comma)
        end = edge.idx + len(edge.text)
        # (the title's own "to the Middle East", which the parser may hang on the verb)
        remit = _TITLE_REMIT.match(self.doc.text, end)
        end = remit.end() if remit is not None else end
        gap = self.doc.text[end : end + 2]
        if not gap.startswith(","):
            return None
        for m in self.doc.mentions_in(end, min(self.end, end + 60)):
            if m.implicit:
                continue
            words = self.doc.text[end : m.start].strip(" ,").split()
            # (", admiral Flávio Viana Rocha,": a rank or title may stand before the name)
            if all(w.lower() in _RANKS or canonical_title(w).title for w in words) and (
                self.doc.kind(m.actor) is ActorKind.PERSON
            ):
                return m.actor, None
            break
        return None

    def _protagonist(self, pos: int) -> list[tuple[str, str | None]]:
        """The person who leads most of the meetings told before ``pos`` (their first
        participant: the subject or host)."""
        counts: dict[str, int] = {}
        for at, who in self.told:
            if at < pos and who and self.doc.kind(who[0]) is ActorKind.PERSON:
                counts[who[0]] = counts.get(who[0], 0) + 1
        if not counts:
            return []
        best = max(counts.values())
        top = [a for a, n in counts.items() if n == best]
        return [self._named(top[0], "pronoun")] if len(top) == 1 and best >= 1 else []

    def _people_doing(self, verb: Token) -> int:
        saved = dict(self.how)
        people = {
            a for a, _ in self.subjects(verb) if self.doc.kind(a) is ActorKind.PERSON
        }  # fmt: skip
        self.how = saved
        return len(people)

    def _listed_after(self, head: Token) -> list[str]:
        """The people named between commas right after a plural phrase."""
        end = head.idx + len(head.text)
        listed = re.match(r",\s[^,;.]{5,160}?(?:,|\.|;)", self.doc.text[end : end + 170])
        if listed is None:
            return []
        first = self.doc.mentions_in(end, end + listed.end())
        if not first or self.doc.text[end : first[0].start].strip(" ,") != "":
            return []  # not a list that starts right after the comma
        people = [
            m.actor for m in first
            if not m.implicit and self.doc.kind(m.actor) is ActorKind.PERSON
        ]  # fmt: skip
        return list(dict.fromkeys(people))

    def _pair(self, head: Token) -> list[tuple[str, str | None]]:
        """ "the two leaders", "both men", "the three leaders": the people of the meetings told
        just before, or else the last people the text named, as many as the noun counts."""
        listed = self._listed_after(head)
        if len(listed) >= 2:
            # "the two leaders, President A and President B,": the people set off after it.
            return [self._named(p, "name") for p in listed]
        # The people of the meetings just told, back to as many as the noun counts: "the two
        # leaders" of the last call; "the three leaders" after separate calls of one with
        # each of the other two.
        count = 3 if any(c.lower_ == "three" for c in head.children) else 2
        holders = self._office_holders(head, count)
        if holders:
            return [self._named(p, "pronoun") for p in holders]
        everyone: list[str] = []
        for pos, who in reversed(self.told):
            if not head.idx - 1500 < pos < head.idx:
                continue
            everyone.extend(p for p in who if p not in everyone)
            if len(everyone) >= count:
                break
        if len(everyone) == count:
            return [self._named(p, "pronoun") for p in everyone]
        before = [m for m in self.doc.mentions_in(max(0, head.idx - 1500), head.idx)
                  if not m.implicit and self.doc.kind(m.actor) is ActorKind.PERSON]  # fmt: skip
        people = list(dict.fromkeys(m.actor for m in reversed(before)))[:count]
        if len(people) < count:
            return []
        return [self._named(p, "pronoun") for p in reversed(people)]

    def _office_holders(self, head: Token, count: int) -> list[str]:
        """ "The two Defence Ministers on Friday discussed ...": the people named before who
        hold that office, when there are as many as the noun counts (not the people of the
        meeting told last, which may be another: "the Indian delegation will be led by
        Defence Minister Rajnath Singh and External Affairs Minister S Jaishankar")."""
        words = [c.text for c in head.children if c.dep_ == "compound" and c.i < head.i]
        if not words or not head.text.endswith("s"):
            return []
        office = canonical_title(" ".join([*words, head.text[:-1]])).title
        if office is None:
            return []
        before = self.doc.mentions_in(max(0, head.idx - 3000), head.idx)
        people = [
            m.actor for m in before
            if not m.implicit and self.doc.kind(m.actor) is ActorKind.PERSON
            and any(r.title == office for r in self.doc.book.roles(m.actor))
        ]  # fmt: skip
        people = list(dict.fromkeys(people))
        return people if len(people) == count else []

    def _bare_counterparts(self, head: Token) -> list[tuple[str, str | None]] | None:
        """ "Dr. Al-Ghobash also discussed with his counterparts ...", after a sentence naming
        the Palestinian, Lebanese and Romanian health ministers: "his counterparts", with no
        country or list of their own, are the people the sentence before names in one office."""
        if (
            head.lower_ != "counterparts"
            or not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in head.children)
            # (an apposition may be the parser's reading of the object after: "discussed with
            # his counterparts the current health conditions")
            or any(c.dep_ in _COUNTERPARTS_MADE_KNOWN for c in head.children)
        ):
            return None
        index = self.doc.sentence_index(head.idx)
        if index == 0:
            return None
        before, this = self.doc.sentences[index - 1], self.doc.sentences[index]
        # (not whose counterparts they are, named again: "Al-Ghobash also discussed ...")
        here = {m.actor for m in self.doc.mentions_in(this.start, this.end, implicit=True)}
        offices: dict[str, list[str]] = {}
        for m in self.doc.mentions_in(before.start, before.end):
            if self.doc.kind(m.actor) is ActorKind.PERSON and m.actor not in here:
                for title in {r.title for r in self.doc.book.roles(m.actor)}:
                    if m.actor not in offices.setdefault(title, []):
                        offices[title].append(m.actor)
        shared = [people for people in offices.values() if len(people) >= 2]
        if len(shared) != 1:
            return None
        return [self._named(p, "pronoun") for p in shared[0]]

    def _delegation_leaders(self, head: Token) -> list[tuple[str, str | None]]:
        """ "a Ugandan delegation led by Foreign Minister Jeje Odongo": the one who leads it."""
        if head.lower_ not in _DELEGATIONS:
            return []
        if head.lower_ in ("delegation", "delegates") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children
        ):
            # "a delegation led by Foreign Minister Arreaza ... The delegation met with ...":
            # the delegation is its head's.
            leader = self.doc.delegation_leader(head.idx)
            if leader is not None:
                return [self._named(leader, "pronoun")]
        for led in (c for c in head.children if c.dep_ == "acl" and c.lower_ in _LED_BY):
            for agent in (c for c in led.children if c.dep_ == "agent"):
                leaders = [
                    p for obj in agent.children if obj.dep_ == "pobj"
                    for p in self.phrase(obj)
                    if self.doc.kind(p[0]) is ActorKind.PERSON
                ]  # fmt: skip
                if leaders:
                    return leaders
        return []

    def _group(self, head: Token, *, modifiers: bool = True) -> list[tuple[str, str | None]]:
        """ "the leaders of A, B and C", "Ukrainian and Russian delegations", "Kenya's team"."""
        role = head.lower_.rstrip("s") if head.lower_ in _GROUP_HEADS else None
        found: list[tuple[str, str | None]] = []
        if any(c.lower_ in _NOT_FOR_THE_COUNTRY for c in head.children):
            return []  # "Venezuela's main opposition leader" does not speak for Venezuela
        if _pair_noun(head):
            return self._pair(head)
        if (bare := self._bare_counterparts(head)) is not None:
            return bare
        counted = next((_COUNTS[c.lower_] for c in head.children if c.lower_ in _COUNTS), None)
        if counted is not None and head.lower_ in _PAIRS:
            # "the three leaders": the participants of the meeting just told, if three
            told = [(pos, who) for pos, who in self.told if head.idx - 1500 < pos < head.idx]
            if told:
                # (everyone of the last sentence that told meetings: "separate talks with
                # A and B" ... "the three leaders")
                last = told[-1][0]
                everyone = list(dict.fromkeys(a for pos, who in told if pos == last for a in who))
                if len(everyone) == counted:
                    return [self._named(p, "pronoun") for p in everyone]
        if role is not None and any(
            c.dep_ == "prep" and c.lower_ == "of" and _two_nations(c) for c in head.children
        ):
            # "the top diplomats of the two nations": the pair of the meeting told before.
            return self._pair(head)
        for child in head.children:
            if (child.dep_ == "relcl" and child.lower_ in _INCLUDE) or (
                child.dep_ == "prep" and child.lower_ in ("including", "like")
            ):
                # "his counterparts that included Iran, Bulgaria and Turkey", "officials
                # including ...": the ones named among them
                for obj in (c for c in child.children if c.dep_ in ("dobj", "pobj")):
                    for actor, _ in self.phrase(obj):
                        if self.doc.kind(actor) in (ActorKind.COUNTRY, ActorKind.PERSON):
                            self.how[actor] = "group"
                            found.append((actor, role))
            elif child.dep_ == "prep" and (
                child.lower_ in ("of", "from", "for")
                or (
                    child.lower_ == "in"
                    and head.lower_ in ("counterpart", "counterparts")
                    # ("his Lithuanian counterpart in Warsaw": where they met)
                    and not any(
                        c.dep_ in ("amod", "poss", "compound")
                        and c.i < head.i
                        and self.mention_at(c) is not None
                        for c in head.children
                    )
                )
            ):
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    if obj.lower_ in ("state", "government", "governments"):
                        # "the heads of state of Angola, Namibia and Botswana"
                        obj = next(
                            (p for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"),
                            obj,
                        )
                        obj = next((c for c in obj.children if c.dep_ == "pobj"), obj)
                    for actor, _ in self.phrase(obj):
                        if role == "envoy" and self.doc.kind(actor) is ActorKind.PERSON:
                            continue  # "Special Envoys from President Mugabe": who sent them
                        self.how[actor] = "group"
                        found.append((actor, role))
            elif modifiers and child.dep_ in ("amod", "compound", "poss", "nmod"):
                for part in _conjuncts(child):
                    mention = self.mention_at(part)
                    if mention is not None and self.doc.kind(mention.actor) in (
                        ActorKind.COUNTRY,
                        ActorKind.ORGANIZATION,
                    ):
                        self.how.setdefault(mention.actor, "group")
                        found.append((mention.actor, role))
        return found

    # -- the grammar around a trigger ------------------------------------------------------
    def subjects(self, verb: Token) -> list[tuple[str, str | None]]:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            # "A and B are currently engaged in talks": the parser may hang the subject on
            # the auxiliary
            subjects = [
                c for aux in verb.children if aux.dep_ in ("aux", "auxpass")
                for c in aux.children if c.dep_ in ("nsubj", "nsubjpass")
            ]  # fmt: skip
        if subjects:
            # "Faisal ... and Blinken held talks" may come out as two subjects, not one pair.
            found: list[tuple[str, str | None]] = []
            for child in subjects:
                if child.lower_ in ("who", "that") and verb.dep_ == "relcl":
                    found.extend(self.phrase(verb.head))
                else:
                    found.extend(self.phrase(child))
            return found
        stray = self._stray_subject(verb)
        if stray:
            return stray
        if verb.dep_ == "conj" and verb.head.i != verb.i:
            return self.subjects(verb.head)
        if verb.dep_ in ("xcomp", "acomp") and verb.head.i != verb.i:
            # "ready to meet", "agreed to meet"; "urged X to meet": the object is the subject.
            objects = [c for c in verb.head.children if c.dep_ == "dobj"]
            if objects and verb.head.tag_.startswith("VB"):
                return self.phrase(objects[0])
            return self.subjects(verb.head)
        if _headline_verb(verb) or (
            verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.tag_.startswith("NN")
        ):
            # "President Nyusi receiving President Ramaphosa" (a caption): the noun the
            # participle hangs on is its subject.
            return self.phrase(verb.head)
        if verb.dep_ in ("advcl", "acl") and verb.head.i != verb.i:
            return self.subjects(verb.head)
        if (
            verb.dep_ == "ccomp"
            and verb.head.tag_ == "VBN"
            and any(c.dep_ == "agent" for c in verb.head.children)
        ):
            # "Mugabe accompanied by his ministers paid a visit to Zuma": without commas the
            # parser makes the participle the main verb and the real one its complement.
            return self.subjects(verb.head)
        if verb.dep_ == "relcl":
            return self.phrase(verb.head)
        if verb.dep_ == "pcomp" and _looking_forward(verb.head):
            # "the two leaders looked forward to meeting in person": who looks forward meets
            return self.subjects(verb.head.head)
        if verb.dep_ == "pcomp" and (added_to := _added_to(verb.head)) is not None:
            # "met with his colleagues ..., in addition to holding talks with Cormann": who
            # met is who held the talks
            return self.subjects(added_to)
        if (
            verb.dep_ == "pcomp"
            and verb.head.lower_ in ("before", "after")
            and (verb.head.head.i != verb.head.i)
        ):
            # "will meet Milei before flying to Lima to meet Boluarte": who flies is who meets
            found = self.subjects(verb.head.head)
            if not any(self.doc.kind(p[0]) is ActorKind.PERSON for p in found):
                # "Al-Hakim's visit to Turkey ended after meeting with Gul": the one whose
                # visit it was
                trips = [
                    c for c in verb.head.head.children
                    if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _TRIP_NOUNS
                ]  # fmt: skip
                found = [p for t in trips for c in t.children if c.dep_ == "poss"
                         for p in self.phrase(c)]  # fmt: skip
            return found
        quote = quote_start(self.doc, verb.idx)
        if verb.dep_ == "ROOT" and quote is not None and quote in self.speakers:
            # A post's "Concluded talks with FM Herath today": the subject left out is "I".
            return [self._named(self.speakers[quote], "speaker")]
        return []

    def _stray_subject(self, verb: Token) -> list[tuple[str, str | None]]:
        """A person the parser left beside the main verb instead of under it as its subject:
        "O'Neill met NZ Prime Minister John Key" gives a bare, sentence-initial surname it
        does not know as an adverb."""
        if verb.dep_ != "ROOT" or not verb.tag_.startswith("VB"):
            return []
        for child in verb.lefts:
            if child.dep_ not in ("advmod", "npadvmod", "dep", "nmod", "compound"):
                continue
            found = self.phrase(child)
            if any(self.doc.kind(actor) is ActorKind.PERSON for actor, _ in found):
                return found
        return []

    def objects(self, verb: Token, preps: frozenset[str]) -> list[tuple[str, str | None]]:
        found: list[tuple[str, str | None]] = []
        for child in verb.children:
            if child.dep_ in ("dobj", "attr", "oprd") and child.lower_ not in _EVENT_NOUNS:
                # ("oprd": the parser's reading of "called US President Donald Trump")
                found.extend(self.phrase(child) or self._group_from_verb(verb, child))
            elif (
                child.dep_ == "dep"
                and child.tag_.startswith("NNP")
                and child.i > verb.i
                and not any(c.dep_ == "dobj" for c in verb.children)
            ):
                # "received at the palace on Monday Foreign Minister X": an object the parser
                # could not label, after the time and place (not one more thing discussed,
                # when the one met is already the object).
                found.extend(self.phrase(child))
            elif (
                child.dep_ == "npadvmod"
                and child.tag_.startswith("NNP")
                and found
                and any(t.dep_ == "cc" for t in child.subtree)
            ):
                # "met Maduro, Lula and Arce": the end of a list the parser cut loose.
                found.extend(self.phrase(child))
            elif child.dep_ == "conj" and child.tag_.startswith("NNP") and found:
                # "spoke with A, and B": a name coordinated with the verb is one more object.
                found.extend(self._one(child))
            elif child.dep_ == "prep" and child.lower_ in preps:
                for obj in _pobjs(child):
                    found.extend(self.phrase(obj))
        return found

    def _group_from_verb(self, verb: Token, group: Token) -> list[tuple[str, str | None]]:
        """ "met his peers from Argentina and Brazil, Jorge Faurie and Aloysio Nunes": the
        parser hangs the group's "from" on the verb. The people listed there are the group;
        the countries, only when no one is named."""
        if group.lower_ not in _GROUP_HEADS:
            return []
        after = group.right_edge.i + 1
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "of") and prep.i == after:
                named = [p for obj in _pobjs(prep) for p in self.phrase(obj)]
                people = [p for p in named if self.doc.kind(p[0]) is ActorKind.PERSON]
                role = group.lower_.rstrip("s")
                if role == "envoy":
                    # "Special Envoys from President X": who sent them, not who came
                    named, people = [p for p in named if p not in people], []
                for actor, _ in people or named:
                    self.how[actor] = "group"
                return [(actor, role) for actor, _ in people or named]
        return []

    def agent(self, verb: Token) -> list[tuple[str, str | None]]:
        found: list[tuple[str, str | None]] = []
        for child in verb.children:
            if child.dep_ == "agent":
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    found.extend(self.phrase(obj))
        if found:
            return found
        # "was met on arrival by President Lungu", "was received at the airport by ...": the
        # parser may hang the "by" on the noun of the phrase before it
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _BEFORE_BY):
            for noun in _pobjs(prep):
                for by in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"):
                    for obj in _pobjs(by):
                        found.extend(self.phrase(obj))
        return found

    def welcome(self, verb: Token) -> ParsedMeeting | None:
        """ "President Isaias was accorded a warm welcome by Dr. Alfred Mutua": a reception,
        of the one welcomed by the one who welcomed them."""
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in _WELCOMES), None)
        if noun is None:
            return None
        self.how = {}
        hosts = self.agent(verb)
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"):
            for obj in _pobjs(prep):
                hosts.extend(self.phrase(obj))  # (the parser may hang "by" on the noun)
        guests = self.subjects(verb)
        if not hosts or not guests:
            return None
        return ParsedMeeting(
            verb.idx, verb.idx + len(verb.text), "received", "verb",
            _unique([*hosts, *guests]), hosts[0][0], self.negated(verb),
            rule="verb", how=dict(self.how),
        )  # fmt: skip

    def negated(self, token: Token) -> bool:
        seen = 0
        while seen < 4:
            if any(c.dep_ == "neg" for c in token.children):
                return True
            if token.head.i == token.i or token.dep_ not in _NEGATION_PATH:
                return False
            token = token.head
            seen += 1
        return False

    # -- triggers -----------------------------------------------------------------------
    def verb(self, token: Token) -> ParsedMeeting | None:
        self.how = {}
        lower = token.lower_
        if (lower in _CALL_VERBS and _names_as(token)) or (
            lower in _HOST_VERBS and (_counted(token) or self._paper_only(token))
        ):
            # "Obama called Erdogan a strong partner": a naming, no call; "Malema, who
            # received 44": votes, no guests; "received a message from Bush": a paper. Told
            # as denied, so that the word rules do not read a meeting the parse did not.
            end = token.idx + len(token.text)
            return ParsedMeeting(token.idx, end, lower, "verb", negated=True, rule="verb")
        if lower in _TALK_VERBS:
            objects = self._talked_to(token)
        elif lower in _MEET_VERBS:
            objects = self._met(token)
        elif lower in _VISIT_VERBS:
            objects = self._visited(token)
        else:
            objects = self._hosted(token)
        if objects is None:
            return None
        objects.extend(self._guests_beside(token))
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
        subjects = self.subjects(token)
        host: str | None = None
        if passive:
            agents = self.agent(token)
            if lower in _HOST_VERBS and agents:
                host = agents[0][0]
            participants = [*agents, *subjects, *objects]
        else:
            if lower in _HOST_VERBS and subjects:
                host = subjects[0][0]
            participants = [*subjects, *objects]
        return ParsedMeeting(
            token.idx,
            token.idx + len(token.text),
            lower,
            "verb",
            _unique(participants),
            host,
            self.negated(token),
            rule="verb",
            how=dict(self.how),
        )

    def _paper_only(self, verb: Token) -> bool:
        """ "Bashir received on Wednesday a written message from U.S. President George W.
        Bush": a paper received, its sender not there, when the sentence names no one else
        (not "received a message from Lourenço, delivered by Foreign Minister Tomas")."""
        papers = [
            c for c in verb.children
            if c.dep_ == "dobj" and c.lower_ in _PAPERS
            # ("received letters of credence from 13 ambassadors": handed over in person)
            and not any(g.lower_ == "credence" for g in c.subtree)
        ]  # fmt: skip
        if not papers:
            return False
        sent = verb.sent
        people = {
            m.actor for m in self.doc.mentions_in(sent.start_char, sent.end_char)
            if self.doc.kind(m.actor) is ActorKind.PERSON
        }  # fmt: skip
        known = {a for a, _ in self.subjects(verb)} | {a for a, _ in self.phrase(papers[0])}
        return not people - known

    def _subject_ahead(self, noun: Token) -> list[tuple[str, str | None]]:
        """ "In addition to his in-person meetings with ..., the President also had ...",
        "After her talks with X, the minister flew on": a possessive in a phrase that opens
        the sentence looks ahead to the subject of the clause it opens."""
        top = noun
        while top.dep_ in ("pobj", "prep") and not top.head.tag_.startswith("VB"):
            top = top.head
        verb = top.head
        if top.dep_ != "prep" or not verb.tag_.startswith("VB"):
            return []
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i > noun.i]
        opening = top.doc[top.sent.start : top.i]
        if len(subjects) != 1 or not all(t.is_punct or t.is_space for t in opening):
            return []
        return [p for p in self.phrase(subjects[0]) if self.doc.kind(p[0]) is ActorKind.PERSON]

    def _talked_to(self, token: Token) -> list[tuple[str, str | None]] | None:
        """Whom a verb of talking or calling names ("spoke with B", "phoned B", "called on
        B"), or None when it names no conversation at all."""
        lower = token.lower_
        preps = frozenset({"with", "to"})
        if lower in _PHONE_VERBS or lower in _CALL_VERBS:
            called_on = self._called_on(token) if lower in _CALL_VERBS else []
            if called_on:
                return called_on  # "called on the president": a courtesy visit
            if lower in _CALL_VERBS and any(
                c.dep_ in ("prep", "prt")
                and c.lower_ in ("for", "on", "off", "up", "out")
                and c.i == token.i + 1
                and not self._dated(c)
                for c in token.children
            ):
                # "called for talks", "called on Russia to stop" (not "called the prime
                # minister on the last night of his holiday")
                return None
            return self.objects(token, preps)
        objects = self.objects(token, preps)
        # "the two men spoke by phone" is a call; "spoke at a conference" is not.
        spoke_to = any(c.dep_ == "prep" and c.lower_ in preps for c in token.children)
        if not spoke_to and len(_unique(self.subjects(token))) < 2:
            return None
        return objects

    def _met(self, token: Token) -> list[tuple[str, str | None]]:
        """Whom a verb of meeting names: its object or its "with"."""
        objects = self.objects(token, frozenset({"with"}))
        if not objects:
            # "will meet on the border with President Maduro": the parser may hang the
            # "with" on the place
            for prep in _with_phrases(token):
                for obj in _pobjs(prep):
                    objects.extend(
                        f
                        for f in self.phrase(obj)
                        if self.doc.kind(f[0]) is ActorKind.PERSON or self.how.get(f[0]) == "group"
                    )
        return objects

    def _visited(self, token: Token) -> list[tuple[str, str | None]] | None:
        """Whom a verb of visiting names, or None when it names no one met."""
        # A person visited, or the leaders of a country ("visited the heads of state of
        # Angola, Namibia and Botswana"); not a country or a city.
        objects = [
            o for o in self.objects(token, frozenset())
            if self.doc.kind(o[0]) is ActorKind.PERSON or self.how.get(o[0]) == "group"
        ]  # fmt: skip
        if not objects:
            return None
        return objects

    def _hosted(self, token: Token) -> list[tuple[str, str | None]]:
        """Whom a verb of hosting names: its object, its "with", or the guests of the meal it
        hosts."""
        objects = self.objects(token, frozenset({"with"}))
        meals = [
            meal for child in token.children if child.dep_ == "dobj"
            for meal in _conjuncts(child) if meal.lower_ in _HOSTED_MEALS
        ]  # fmt: skip
        for meal in [*meals, token] if meals else []:
            # "hosted a luncheon in honour of the minister", "an iftar and dinner for";
            # the parser may hang "in honour of" on the verb.
            for prep in meal.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "for"):
                    continue
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    if obj.lower_ in ("honor", "honour"):
                        for of in (c for c in obj.children if c.dep_ == "prep"):
                            for guest in (c for c in of.children if c.dep_ == "pobj"):
                                objects.extend(self.phrase(guest))
                    elif prep.lower_ == "for":
                        objects.extend(self.phrase(obj))  # not "a dinner in Ankara"
        if not objects:
            objects = self._guest_after_place(token)
        return objects

    def at_invitation(self, token: Token) -> ParsedMeeting | None:
        """ "Clinton traveled to Guanajuato at the invitation of Foreign Secretary Espinosa",
        "visited Qatar at the invitation of Sheikh Tamim": a journey made at someone's
        invitation is a meeting with them, who hosts it."""
        self.how = {}
        hosts = [
            h for obj in _inviters(token) for h in self.phrase(obj)
            if self.doc.kind(h[0]) is ActorKind.PERSON
        ]  # fmt: skip
        head = token.head.head  # the verb or the visit the invitation is the occasion of
        while head.tag_.startswith("NN") and head.head.i != head.i:
            head = head.head
        if len(hosts) != 1 or not head.tag_.startswith("VB"):
            return None
        visitors = [
            v for v in self.subjects(head) if self.doc.kind(v[0]) is ActorKind.PERSON
        ]  # fmt: skip
        if len(_unique(visitors)) != 1 or visitors[0][0] == hosts[0][0]:
            return None
        return self._invited(token, visitors[0], hosts[0][0], head)

    def _invited(
        self, token: Token, guest: tuple[str, str | None], host: str, verb: Token
    ) -> ParsedMeeting:
        """The visit an invitation (``token``) tells, of ``guest`` to ``host``."""
        return ParsedMeeting(
            token.idx, token.idx + len(token.text), "visit", "noun",
            [guest, (host, "host")], host, self.negated(verb),
            rule="invitation", how=dict(self.how),
        )  # fmt: skip

    def extended_invitation(self, token: Token) -> ParsedMeeting | None:
        """ "Key issued an invitation to Cameron to visit New Zealand", "handed over an
        invitation from Ruto to Biden to visit Kenya": a visit proposed between the one who
        invites (the giver, or who the invitation is from) and the one invited."""
        self.how = {}
        verb = token.head
        accepted = verb.lower_ in _ACCEPT_VERBS
        if token.dep_ != "dobj" or not (accepted or verb.lower_ in _GIVE_VERBS):
            return None
        if not any(
            c.dep_ == "acl" and c.lower_ in ("visit", "meet", "come") for c in token.children
        ):
            return None  # (an invitation to a summit or a ceremony is no meeting of the two)
        # ("from X", "X's invitation": who invites, whoever hands the invitation over)
        senders = [
            obj for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
            for obj in _pobjs(c)
        ] + _inviters(token)  # fmt: skip
        inviters = [p for obj in senders for p in self.phrase(obj)]
        if accepted:
            # "Turnbull accepted a personal invitation from Merkel to meet": he is invited
            invited = self.subjects(verb)
        else:
            inviters = inviters or self.subjects(verb)
            invited = [
                p for prep in [*token.children, *verb.children]
                if prep.dep_ == "prep" and prep.lower_ == "to"
                for obj in _pobjs(prep) for p in self.phrase(obj)
            ]  # fmt: skip
        people = [p for p in [*inviters, *invited] if self.doc.kind(p[0]) is ActorKind.PERSON]
        if len(inviters) != 1 or len(invited) != 1 or len(_unique(people)) != 2:
            return None
        return self._invited(token, invited[0], inviters[0][0], verb)

    def _previous_subject(
        self, pos: int, *, same_paragraph: bool = True
    ) -> list[tuple[str, str | None]]:
        subject = self.doc.subject_before(pos, same_paragraph=same_paragraph)
        return [self._named(subject, "pronoun")] if subject is not None else []

    def _guest_after_place(self, token: Token) -> list[tuple[str, str | None]]:
        """ "Salih welcomed on Sunday at the Baghdad Palace, Kuwaiti Foreign Minister Ahmed
        Al-Sabah": with the object after the time and place, the parser coordinates the guest
        with the place, or sets it beside it."""
        found: list[tuple[str, str | None]] = []
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("at", "in", "on"):
                continue
            for place in _pobjs(prep):
                apposed = [c for c in place.children if c.dep_ == "appos"]
                for guest in [*place.conjuncts, *apposed]:
                    found.extend(
                        p for p in self.phrase(guest) if self.doc.kind(p[0]) is ActorKind.PERSON
                    )
        return found

    def _guests_beside(self, token: Token) -> list[tuple[str, str | None]]:
        """Those a meeting verb names outside its object: a guest the parser took for an
        apposition of the host, and those present."""
        found: list[tuple[str, str | None]] = []
        if _headline_verb(token):
            # "Sheikh Mohamed received at Qasr Al Watan on Monday Egyptian Foreign Minister
            # Abdelatty": the parser takes the verb for a participle and the guest for an
            # apposition of the host.
            for guest in token.head.children:
                if guest.dep_ == "appos" and guest.i > token.i:
                    found.extend(self.phrase(guest))
        for prep in token.children:
            # "received X in the presence of Sheikh Tahnoun": those present took part too
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for presence in (c for c in _pobjs(prep) if c.lower_ == "presence"):
                    for of in (c for c in presence.children if c.dep_ == "prep"):
                        for who in _pobjs(of):
                            for actor, role in self.phrase(who):
                                self.how[actor] = "joined"
                                found.append((actor, role))
        return found

    def _dated(self, prep: Token) -> bool:
        """ "on Tuesday": a preposition whose object is a date, not "called on Russia"."""
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        return bool(objects) and all(
            self.doc.dates_in(prep.idx, o.idx + len(o.text) + 1) for o in objects
        )

    def _called_on(self, token: Token) -> list[tuple[str, str | None]]:
        """ "called on Sri Lanka's president in Colombo": the people called on, when "on"
        names people and no "to" clause makes it an appeal ("called on Kyiv to ...")."""
        if any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in token.children):
            return []
        found: list[tuple[str, str | None]] = []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "on":
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    found.extend(self.phrase(obj))
            elif child.dep_ == "prt" and child.lower_ == "on":
                for obj in (c for c in token.children if c.dep_ == "dobj"):
                    found.extend(self.phrase(obj))
        people = [f for f in found if self.doc.kind(f[0]) is ActorKind.PERSON]
        return people if people and len(people) == len(found) else []

    def discussion(self, token: Token) -> ParsedMeeting | None:
        """ "A discussed the ceasefire with B", "A yesterday discussed ways to strengthen
        relations with B": a matter talked over with someone named is a meeting of the two.
        The "with" may hang on the verb or inside its object."""
        self.how = {}
        counterparts: list[tuple[str, str | None]] = []
        for prep in _with_phrases(token):
            for obj in _pobjs(prep):
                counterparts.extend(self.phrase(obj))
        # A person or a delegation: "discussed trade with China" is about China, not a talk.
        counterparts = [
            c for c in counterparts
            if self.doc.kind(c[0]) is ActorKind.PERSON or self.how.get(c[0]) == "group"
        ]  # fmt: skip
        subjects = self.subjects(token)
        if not counterparts:
            # "A and his Pakistani counterpart B also discussed bilateral relations": two
            # people who talked a matter over together met, with no "with" needed.
            people = [s for s in subjects if self.doc.kind(s[0]) is ActorKind.PERSON]
            if len(_unique(people)) < 2 or len(people) != len(subjects):
                return None
        participants = _unique([*subjects, *counterparts])
        if len(participants) < 2:
            return None
        return ParsedMeeting(
            token.idx, token.idx + len(token.text), "talks", "verb", participants, None,
            self.negated(token), rule="verb", how=dict(self.how),
        )  # fmt: skip

    def phrasal(self, token: Token) -> ParsedMeeting | None:
        """ "sat down with B", "shook hands with B", "played host to B": a verb and its
        particle or object that together mean meeting someone."""
        self.how = {}
        lower = token.lower_
        kids = list(token.children)
        together = False  # whether the subjects alone make the meeting ("A and B shook hands")
        # ("The message was handed over to Assad by Bogdanov": the bearer is the agent)
        handed = lower in _DELIVER_VERBS and _message_subject(token)
        if lower in _SIT_VERBS and any(c.dep_ == "prt" and c.lower_ == "down" for c in kids):
            # ("A and B sat down for three hours": the two subjects alone)
            heads, preps, together = [token], frozenset({"with"}), True
        elif lower in _DINE_VERBS and token.tag_.startswith("VB"):
            heads, preps, together = [token], frozenset({"with"}), True
        elif lower in _DELIVER_VERBS and any(_object(token, w) for w in _MESSAGES):
            message = next(o for w in _MESSAGES if (o := _object(token, w)) is not None)
            heads, preps = [token, message], frozenset({"to"})
        elif handed:
            heads, preps = [token], frozenset({"to"})
        elif lower in _SHAKE_VERBS and (hands := _object(token, "hands")) is not None:
            heads, preps, together = [token, hands], frozenset({"with"}), True
        elif lower in _PLAY_VERBS and (role := _object(token, "host")) is not None:
            heads, preps = [token, role], frozenset({"to"})
        elif lower in _REACH_VERBS and any(c.dep_ == "prt" and c.lower_ == "out" for c in kids):
            heads, preps = [token], frozenset({"to"})  # "reached out to B" (by phone, mostly)
        elif lower in _CO_CHAIR_VERBS or (lower in _SIGN_VERBS and _signed_accord(token)):
            heads, preps, together = [token], frozenset({"with"}), True
        elif lower in _CALL_VERBS:
            # "called on B" (``parsed_meetings`` sends a call verb here only when it is a visit)
            heads, preps = [token], frozenset({"on"})
        else:
            return None
        counterparts = [o for head in heads for o in self.objects(head, preps)]
        counterparts = [c for c in counterparts if c[0] and self.doc.kind(c[0]) is not None]
        if lower in _DELIVER_VERBS:
            # (whom the message is from sent it, and was not there)
            senders = {a for h in heads for a, _ in self._from(h)}
            counterparts = [c for c in counterparts if c[0] not in senders]
        if lower in _CALL_VERBS or lower in _SIGN_VERBS:
            # a visit is paid to a person, "called on Turkey for support" asks a country, and
            # a deal signed with a country is no meeting with it
            counterparts = [c for c in counterparts if self.doc.kind(c[0]) is ActorKind.PERSON]
        doers = self.agent(token) if handed else self.subjects(token)
        participants = _unique([*doers, *counterparts])
        # (a country standing for its office holder counts: "the presidents of Rwanda and
        # Uganda signed an agreement" are two people, found as such once the meeting is)
        people = [
            p for p in participants
            if self.doc.kind(p[0]) is ActorKind.PERSON or self.how.get(p[0]) == "group"
        ]  # fmt: skip
        if len(participants) < 2 or not (counterparts or (together and len(people) >= 2)):
            return None
        if lower in _SIGN_VERBS and any(self.how.get(p) == "pronoun" for p, _ in participants):
            return None  # "the two sides had signed an MOU": the talks told before, signed
        host = participants[0][0] if lower in _PLAY_VERBS else None
        return ParsedMeeting(
            token.idx, token.idx + len(token.text), "meeting", "verb", participants, host,
            self.negated(token), rule="verb", how=dict(self.how),
        )  # fmt: skip

    def _from(self, head: Token) -> list[tuple[str, str | None]]:
        """The actors named after "from" in ``head``'s phrase ("a message from Museveni")."""
        return [
            p for token in head.subtree if token.dep_ == "prep" and token.lower_ == "from"
            for obj in token.children if obj.dep_ == "pobj"
            for p in self.phrase(obj)
        ]  # fmt: skip

    def invitation(self, token: Token) -> ParsedMeeting | None:
        """ "A invited B to visit": A and B, if B is a person or a country's delegation."""
        self.how = {}
        if not any(
            c.dep_ in ("xcomp", "advcl") and c.lower_ in ("visit", "meet", "attend", "come")
            for c in token.children
        ) and not any(c.dep_ == "prep" and c.lower_ in ("to", "for") for c in token.children):
            return None
        participants = _unique([*self.subjects(token), *self.objects(token, frozenset())])
        if len(participants) < 2:
            return None
        return ParsedMeeting(
            token.idx, token.idx + len(token.text), "meeting", "verb", participants, None,
            self.negated(token), rule="verb", how=dict(self.how),
        )  # fmt: skip

    def exchange(self, token: Token) -> ParsedMeeting | None:
        """ "A and his counterpart B exchanged views on ...": a conversation of the two."""
        self.how = {}
        if not any(c.dep_ == "dobj" and c.lower_ in _EXCHANGED for c in token.children):
            return None
        participants = _unique([*self.subjects(token), *self.objects(token, frozenset({"with"}))])
        if len(participants) < 2:
            return None
        return ParsedMeeting(
            token.idx, token.idx + len(token.text), "talks", "verb", participants, None,
            self.negated(token), rule="exchange", how=dict(self.how),
        )  # fmt: skip

    def noun(self, token: Token) -> list[ParsedMeeting]:
        self.how = {}
        lower = token.lower_
        own, counterparts, between, members = self._noun_phrases(token)
        governor, dep = _noun_governor(token)
        negated = self.negated(token)
        rule = "noun"
        held_by, held_with = self._holders(token, governor, dep)
        own.extend(held_by)
        counterparts.extend(held_with)
        definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children)
        # (only a definite noun can be a meeting told before, so only its occasion is asked)
        occasion = definite and self._occasion_of_other_verb(governor, dep)
        if self._referred_to(governor, dep, own, counterparts, definite, occasion):
            # "participated at the Aug. 22 discussion": a meeting already told, referred to.
            return []
        joined = governor is not None and (
            governor.lower_ in _JOIN_VERBS
            or (governor.lower_ in _OCCASION and governor.head.lower_ in _JOIN_VERBS)
        )
        if governor is not None and not between and (joined or not members):
            own, counterparts, rule = self._from_governor(governor, dep, own, counterparts)
        if not counterparts:
            counterparts = self._other_side(token, governor, dep)
        if counterparts and not own and token.dep_ in ("nsubj", "nsubjpass"):
            # "Schallenberg is expected in Brussels on Monday. Meetings are planned there with
            # Metsola, Kallas and Costa": meetings of whom the sentence before is about.
            own = self._previous_subject(token.idx)
        if counterparts and not own:
            # "During the meeting with his Saudi counterpart Faisal bin Farhan, the two sides
            # praised ...": whose counterpart he is is the other side.
            own = self._counterpart_owner(token)
        if counterparts and not own and _schedule_line(self.doc, token):
            # "- Thursday (noon): Talks with French President Emmanuel Macron": a line of
            # the schedule of whom the article's meetings are.
            own = self._protagonist(token.idx)
        everyone = _unique([*own, *counterparts])
        host = None
        if governor is not None and governor.lower_ in _HOST_VERBS and dep == "dobj":
            subjects = self.subjects(governor)
            host = subjects[0][0] if subjects else None
        start, end = token.idx, token.idx + len(token.text)
        tense_end = _tense_end(token)
        # "held phone calls with A, B and C", "separate talks with A and B": one with each.
        separate = any(c.lower_ in ("separate", "individual") for c in token.children)
        if (
            (lower in _SPLITTABLE or separate)
            and len(_unique(own)) == 1
            and len(_unique(counterparts)) >= 2
        ):
            return [
                ParsedMeeting(
                    start,
                    end,
                    lower,
                    "noun",
                    _unique([*own, c]),
                    host,
                    negated,
                    rule=rule,
                    how=dict(self.how),
                    tense_end=tense_end,
                )
                for c in _unique(counterparts)
                if c[0] != own[0][0]
            ]
        return [
            ParsedMeeting(
                start, end, lower, "noun", everyone, host, negated, rule, dict(self.how),
                tense_end, apart=separate,
                definite=occasion,
            )
        ]  # fmt: skip

    def _counterpart_owner(self, noun: Token) -> list[tuple[str, str | None]]:
        """The one whose counterpart a meeting noun's "with" names: "his" in "the meeting
        with his Saudi counterpart"."""
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"):
            for obj in _pobjs(prep):
                if obj.lower_ not in ("counterpart", "counterparts"):
                    continue
                if not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in obj.children):
                    continue
                # Whom the sentence before is about, rather than the last name before "his":
                # the one whose counterpart is met is the story's subject, not a leader named
                # in passing ("in line with directives from President Sisi").
                return self._previous_subject(noun.idx, same_paragraph=False)
        return []

    def _from_governor(
        self,
        governor: Token,
        dep: str,
        own: list[tuple[str, str | None]],
        counterparts: list[tuple[str, str | None]],
    ) -> tuple[list[tuple[str, str | None]], list[tuple[str, str | None]], str]:
        """The owners and counterparts of a meeting noun with those of the word it hangs on,
        and how they were read: held by a verb, the occasion of another verb, or what people
        came together for."""
        if (dep in ("dobj", "attr", "nsubjpass") and governor.lower_ in _HOLD_VERBS) or (
            dep == "nsubjpass" and governor.lower_ in _PLAN_VERBS
        ):
            # ("Meetings are planned there with Metsola, Kallas and Costa")
            own, counterparts = self._held(governor, own, counterparts)
        elif (
            dep == "pobj"
            and governor.lower_ in _OCCASION
            and governor.head.tag_.startswith("VB")
            and (governor.lower_ not in ("with", "for") or counterparts)
            and not (
                counterparts
                and _meeting_verb(governor.head)
                and not self._visit_of_a_place(governor.head)
            )
        ):
            # ("met B following his talks with C": two meetings, not one of three)
            own, counterparts = self._occasion(governor.head, own, counterparts)
            if self._visit_of_a_place(governor.head):
                # (Madrid is where the meeting was, not a party to it)
                counterparts = [
                    c for c in counterparts if self.doc.kind(c[0]) is not ActorKind.COUNTRY
                ]
            return own, counterparts, "occasion"
        elif dep == "pobj" and governor.lower_ == "for" and not own and not counterparts:
            # "A and B on Thursday sat down for a bilateral meeting": the people who came
            # together for it, when two or more are the verb's subject.
            own = self._gathered(governor.head)
        return own, counterparts, "noun"

    def _visit_of_a_place(self, verb: Token) -> bool:
        """ "visited Madrid at a meeting with Albares": a visit to a place, whose meeting
        with someone is the visitor's, not a second meeting beside the visit."""
        return verb.lower_ in _VISIT_VERBS and not any(
            self.doc.kind(actor) is ActorKind.PERSON for actor, _ in self.objects(verb, frozenset())
        )

    def _noun_phrases(
        self, token: Token
    ) -> tuple[list[tuple[str, str | None]], list[tuple[str, str | None]], bool, bool]:
        """Who a meeting noun names itself: its owners and members (its possessor, "of",
        "between", a name before it) and its counterparts ("with", "from"); and whether it
        names everyone ("between") or the people it is of."""
        own: list[tuple[str, str | None]] = []
        counterparts: list[tuple[str, str | None]] = []
        between = False  # "a meeting between A and B" names everyone itself
        members = False  # "a meeting of A and B" too, unless someone joins it
        # "paid a courtesy call on the president", "paid a visit to the king"
        paid = _paid(token)
        # "a visit to Greek President Karolos Papoulias": a visit to a person meets them (a
        # visit to a country is where it went)
        # ("granted an audience to the president": an audience is granted to a person)
        visit = token.lower_ in ("visit", "visits") or (
            token.lower_ == "audience" and token.head.lower_ in _GRANT_VERBS
        )
        towards = (
            ("with", "from", "on", "to")
            if paid
            else ("with", "from", "to")
            if visit
            else ("with", "from")
        )
        owned = any(c.dep_ == "poss" for c in token.children)
        for child in token.children:
            if child.dep_ == "poss":
                ahead = self._subject_ahead(token) if child.lower_ in ("his", "her") else []
                own.extend(ahead or self.phrase(child))
                if token.dep_ == "conj" and token.head.tag_.startswith("NNP"):
                    # "Joe Biden and Xi Jinping's meeting": the parser coordinates the first
                    # owner with the meeting itself.
                    own.extend(self._one(token.head))
            elif child.dep_ == "prep" and child.lower_ in towards:
                for obj in _pobjs(child):
                    found = self.phrase(obj)
                    if not paid and child.lower_ == "to":
                        found = [f for f in found if self.doc.kind(f[0]) is ActorKind.PERSON]
                    elif paid and child.lower_ in ("on", "to"):
                        # a person, or the leaders of a country ("calls on the Prime
                        # Ministers of Solomon Islands and Papua New Guinea"), not a place
                        found = [
                            f for f in found
                            if self.doc.kind(f[0]) is ActorKind.PERSON
                            or self.how.get(f[0]) == "group"
                        ]  # fmt: skip
                    counterparts.extend(found)
            elif child.dep_ == "prep" and child.lower_ == "of":
                # "an expanded meeting of his European counterparts and Marco Rubio": the
                # people it is of (not "the meeting of the Council": a body's sitting).
                for obj in _pobjs(child):
                    people = [
                        f for f in self.phrase(obj)
                        if self.doc.kind(f[0]) is ActorKind.PERSON
                    ]  # fmt: skip
                    if people:
                        members = True
                        own.extend(people)
            elif child.dep_ == "prep" and child.lower_ in ("between", "among"):
                between = True
                for obj in _pobjs(child):
                    own.extend(self.phrase(obj))
            elif child.dep_ in ("compound", "nmod", "amod") and child.idx < token.idx:
                # "a Yunus-Modi meeting": the parser hangs the first name on the second.
                for part in child.subtree:
                    if part.dep_ not in ("compound", "nmod", "amod") and part.i != child.i:
                        continue
                    mention = self.mention_at(part)
                    if mention is not None and mention.via == "metonym" and owned:
                        continue  # "his Moscow talks": where they were held
                    if mention is not None and mention.via != "demonym":
                        one = self.participant(mention)
                        if one:
                            own.append(one)
        if any(self.doc.kind(c[0]) is ActorKind.PERSON for c in counterparts):
            # "held a Japan-India summit with Mr. Modi": the countries are whose leaders met,
            # not parties beside them.
            own = [o for o in own if self.doc.kind(o[0]) is not ActorKind.COUNTRY]
        return own, counterparts, between, members

    def _holders(
        self, token: Token, governor: Token | None, dep: str
    ) -> tuple[list[tuple[str, str | None]], list[tuple[str, str | None]]]:
        """Who held the meeting a noun names, and with whom, as a clause on the noun or the
        passive verb it is the subject of tells."""
        own: list[tuple[str, str | None]] = []
        counterparts: list[tuple[str, str | None]] = []
        for clause in token.children:
            if clause.dep_ in ("relcl", "acl") and clause.lower_ in _HOLD_VERBS:
                # "a discussion President Ali held with the leadership of Caricom": who held
                # the meeting the noun names, and with whom.
                if not any(c.dep_ == "agent" for c in clause.children):
                    own.extend(self.subjects(clause) if _own_subject(clause) else [])
                else:
                    own.extend(self.agent(clause))
                counterparts.extend(self.objects(clause, frozenset({"with"})))
        if (
            governor is not None
            and dep == "nsubjpass"
            and governor.lower_ in _JOIN_VERBS | _HOLD_VERBS
            # (not "The meeting was also attended by A and B": they were there beside the
            # ones told before)
            and not _also(governor)
        ):
            # "The meeting, held at the palace, was attended by A and B."
            own.extend(self.agent(governor))
        return own, counterparts

    def _referred_to(
        self,
        governor: Token | None,
        dep: str,
        own: list[tuple[str, str | None]],
        counterparts: list[tuple[str, str | None]],
        definite: bool,
        occasion: bool,
    ) -> bool:
        """Whether a meeting noun only refers to a meeting told before: "the" meeting, naming
        no one, neither held nor the time of another verb."""
        holds = (
            governor is not None and dep == "dobj" and governor.lower_ in _HOLD_VERBS - _JOIN_VERBS
        )
        return definite and not own and not counterparts and not holds and not occasion

    def _occasion_of_other_verb(self, governor: Token | None, dep: str) -> bool:
        """Whether a meeting noun is the time of another verb with people on both sides: "told
        Xi during the talks that ...", "During the call, A and B stressed ..."."""
        return (
            governor is not None
            and dep == "pobj"
            and governor.lower_ in ("during", "after", "following", "before", "at", "in")
            and governor.head.tag_.startswith("VB")
            and governor.head.lower_ not in _JOIN_VERBS
            and (
                any(
                    c.dep_ in ("dobj", "dative")
                    and (m := self.mention_at(c)) is not None
                    and self.doc.kind(m.actor) is ActorKind.PERSON
                    for c in governor.head.children
                )
                or self._people_doing(governor.head) >= 2
            )
        )

    def _held(
        self,
        governor: Token,
        own: list[tuple[str, str | None]],
        counterparts: list[tuple[str, str | None]],
    ) -> tuple[list[tuple[str, str | None]], list[tuple[str, str | None]]]:
        """The owners and counterparts of a meeting noun with those of the verb that holds it:
        its subject, and a "between" or "with" the parser hung on the verb."""
        for prep in governor.children:
            if prep.dep_ == "prep" and prep.lower_ in ("between", "among"):
                # "Talks were held on Monday between A and B"
                for obj in _pobjs(prep):
                    own.extend(self.phrase(obj))
        own = [*self.subjects(governor), *own]
        # "held a virtual meeting with ...", "received a phone call on Friday from
        # ...": the parser may hang "with" or "from" on the verb.
        preps = frozenset(
            {"with", "from", "to"} if governor.lower_ in _GRANT_VERBS else {"with", "from"}
        )
        counterparts = [*counterparts, *self.objects(governor, preps)]
        return own, counterparts

    def _gathered(self, verb: Token) -> list[tuple[str, str | None]]:
        if not verb.tag_.startswith("VB"):
            return []
        subjects = _unique(self.subjects(verb))
        people = [s for s in subjects if self.doc.kind(s[0]) is ActorKind.PERSON]
        return people if len(people) >= 2 else []

    def _occasion(
        self,
        verb: Token,
        own: list[tuple[str, str | None]],
        counterparts: list[tuple[str, str | None]],
    ) -> tuple[list[tuple[str, str | None]], list[tuple[str, str | None]]]:
        """The owners and counterparts of a meeting noun with those of the verb it is the time
        of: "urged X to stay out ... during a phone call" is a call between the urging verb's
        subject and its object."""
        while verb.head.i != verb.i:
            if verb.dep_ in ("xcomp", "advcl"):
                counterparts = [*counterparts, *self.objects(verb, frozenset())]
                verb = verb.head
            elif (
                verb.dep_ == "acl"
                and verb.head.dep_ in ("dobj", "attr")
                and verb.head.head.tag_.startswith("VB")
            ):
                # "reviewed efforts to bolster ties during a phone call": the call is of
                # whoever made the efforts, the subject of the verb the infinitive hangs on.
                verb = verb.head.head
            else:
                break
        own = [*self.subjects(verb), *own]
        counterparts = [*counterparts, *self.objects(verb, frozenset())]
        return own, counterparts

    def _other_side(
        self, token: Token, governor: Token | None, dep: str
    ) -> list[tuple[str, str | None]]:
        """The counterparts of a meeting noun that names none, from a "with" on a word joined
        to it or to the verb that holds it."""
        counterparts: list[tuple[str, str | None]] = []
        if governor is not None and dep == "dobj" and governor.lower_ in _HOLD_VERBS:
            # "will host talks and exchange a memorandum with Phuc": the "with" of the verb
            # joined to the holding one names the other side of the talks too.
            for verb in (c for c in governor.children if c.dep_ == "conj"):
                for prep in _with_phrases(verb):
                    for obj in _pobjs(prep):
                        counterparts.extend(self.phrase(obj))
        if not counterparts:
            # "Talks and exchanging of a MoU with Xi Jinping": the "with" of a coordinated noun
            for sibling in token.conjuncts:
                for prep in _with_phrases(sibling):
                    for obj in _pobjs(prep):
                        counterparts.extend(self.phrase(obj))
        return counterparts


_INSIDE = frozenset({"dobj", "relcl", "acl", "xcomp", "conj", "prep", "pobj"})


def _with_phrases(verb: Token) -> list[Token]:
    """The "with" phrases of a verb, on the verb itself or inside its object and the clauses
    that hang on that object, never inside a clause of its own subject."""
    found: list[Token] = []
    todo = [verb]
    while todo:
        node = todo.pop()
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                found.append(child)
            elif child.dep_ in _INSIDE and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in child.children
            ):
                if child.dep_ == "conj" and child.tag_.startswith("VB"):
                    continue  # "... and met the press with B": another verb's phrase
                todo.append(child)
    return found


def _tense_end(noun: Token) -> int | None:
    """The end of the verb a meeting noun is the subject of ("a meeting is going to take
    place", "the talks will be held"), with its infinitive, when that verb follows it."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.i < noun.i:
        return None
    verb = noun.head
    last = verb
    for child in verb.children:
        if child.dep_ == "xcomp" and child.i > last.i:
            last = child
    return last.idx + len(last.text)


def _noun_governor(noun: Token) -> tuple[Token | None, str]:
    """The word a meeting noun hangs on and how, looking past a count of meetings."""
    governor = noun.head if noun.head.i != noun.i else None
    dep = noun.dep_
    if (
        governor is not None
        and dep == "pobj"
        and governor.lower_ == "of"
        and governor.head.lower_ in _QUANTITIES
        and governor.head.head.i != governor.head.i
    ):
        # "held a series of meetings with ...": the meetings are what was held
        dep = governor.head.dep_
        governor = governor.head.head
    return governor, dep


def _unique(items: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    seen: dict[str, str | None] = {}
    for actor, role in items:
        if actor not in seen or (seen[actor] is None and role is not None):
            seen[actor] = role
    return list(seen.items())


def parsed_meetings(
    doc: Document,
    start: int,
    end: int,
    told: Sequence[tuple[int, Sequence[str]]] = (),
    speakers: Mapping[int, str] | None = None,
    voices: Sequence[tuple[int, int, str]] = (),
) -> list[ParsedMeeting]:
    """The meetings the parse names in ``text[start:end]``, in text order. ``told`` are the
    meetings found before it (where, and who took part): "the two leaders" are those of the
    last one. ``speakers`` are the speakers of quotations by where each starts: a meeting a
    spokesman relays in quotation marks ("he had bilateral meetings with ...") counts when a
    participant is named in it; ``voices``, the spans said outside them (turns, posts)."""
    if doc.parsed is None:
        return []
    span: Span | None = doc.parsed.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    parser = _Parser(doc, start, end, told, speakers, voices)
    found: list[ParsedMeeting] = []
    for token in span:
        lower = token.lower_
        invitation = _invitation(parser, token)
        if invitation is not None:
            found.extend(invitation)
            continue
        if lower in _ACCORDED and token.tag_ == "VBN":
            welcomed = parser.welcome(token)
            if welcomed is not None:
                found.append(welcomed)
            continue
        if lower in _EXCHANGE_VERBS and token.tag_.startswith("VB"):
            exchanged = parser.exchange(token)
            if exchanged is not None:
                found.append(exchanged)
            continue
        if token.tag_.startswith("VB") and (
            lower in _PHRASAL or (lower in _CALL_VERBS and _courtesy_call_on(token))
        ):
            met = parser.phrasal(token)
            if met is not None:
                found.append(met)
            continue
        if lower in _DISCUSS_VERBS and token.tag_.startswith("VB"):
            discussed = parser.discussion(token)
            if discussed is not None:
                found.append(discussed)
            continue
        if token.tag_.startswith("VB") and (
            lower in _MEET_VERBS
            or lower in _HOST_VERBS
            or lower in _TALK_VERBS
            or lower in _VISIT_VERBS
            or _meal_given(token)
        ):
            # A verb whose object is an event noun ("received a call") is read at the noun.
            if any(c.dep_ == "dobj" and c.lower_ in _EVENT_NOUNS - _HOSTED_MEALS
                   for c in token.children):  # fmt: skip
                continue
            parsed = parser.verb(token)
            if parsed is not None:
                found.extend(_apart(parsed, token))
        elif _meeting_noun(token):
            found.extend(parser.noun(token))
    found = regroup(doc, found, parser.subjects)
    return [
        p for p in found
        if not doc.in_quote(p.start)
        or _scare_quoted(doc, p.start)
        or _named_in_quote(p, quote_start(doc, p.start) in parser.speakers)
    ]  # fmt: skip


def _invitation(parser: _Parser, token: Token) -> list[ParsedMeeting] | None:
    """The meeting an invitation tells, if ``token`` is one (None when it is no invitation):
    a journey "at the invitation of X", "extended an invitation to X to visit", "invited X
    to visit"."""
    lower = token.lower_
    if lower == "invitation" and token.dep_ == "pobj" and token.head.lower_ in ("at", "upon", "on"):
        invited = parser.at_invitation(token)
    elif lower == "invitation" and token.dep_ == "dobj":
        invited = parser.extended_invitation(token)
    elif lower in _INVITE_VERBS and token.tag_.startswith("VB"):
        invited = parser.invitation(token)
    else:
        return None
    return [invited] if invited is not None else []


def _scare_quoted(doc: Document, pos: int) -> bool:
    """ "held a “wonderful meeting” with President Whipps": a few words in quotation marks
    inside the narrative are the writer's, not a quotation of what someone said."""
    return any(
        q.start <= pos < q.end and len(doc.text[q.start : q.end].split()) <= 3 for q in doc.quotes
    )


# (The pipeline runs without a lemmatizer: word forms.)
_SPEECH_WORDS = word_set(
    "say says said saying tell tells told telling announce announces announced announcing "
    "report reports reported reporting confirm confirms confirmed confirming state states "
    "stated add adds added note notes noted write writes wrote written post posts posted "
    "tweet tweets tweeted disclose disclosed reveal revealed quoted cited informed"
)


_CLOCK_WORDS = word_set("am pm a.m. p.m.")


def _purpose(token: Token) -> bool:
    """An infinitive of purpose: "(met) to discuss"; not the parser's reading of an event's
    own time ("met ahead of the forum to take place on Monday")."""
    return (
        token.dep_ == "advcl"
        and token.lower_ not in _HAPPENING
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
    )


def _said_after(trigger: Token, said: Token) -> bool:
    """The meeting is what the speaker said something after or during: "said on Tuesday after
    meeting Karzai", "told reporters yesterday following talks with Calderon", "said in Beijing
    Wednesday during a meeting with Jaitley"."""
    if any(
        t.lower_ in ("after", "following") and t.head.i == said.i
        for t in [trigger, *trigger.ancestors]
    ):
        return True
    noun = trigger
    while noun.dep_ == "compound":
        noun = noun.head
    during = noun.head  # (the meeting noun itself, not a word of a clause that hangs on it)
    return noun.dep_ == "pobj" and during.lower_ in ("during", "at", "in") and during.head == said


def date_attachment(doc: Document, start: int, end: int, trigger: int) -> str | None:
    """What the parse hangs a date on, seen from a meeting's trigger word at ``trigger``:
    "speech" for the verb that reports the meeting ("held talks ..., the ministry said
    Friday"), "event" for the verb of another meeting ("The meeting will take place on Monday,
    X said, suggesting that Y will also meet Z"), "other" for another verb of its own ("since
    he took office last month"), None when it is the meeting's (or the parse cannot tell)."""
    if doc.parsed is None:
        return None
    if _SET_OFF_AT_END.match(doc.text, end) and doc.text[:start].rstrip().endswith(","):
        # "Harper speaks with Hu following a ceremony at the APEC Summit, Sunday September
        # 9, 2012.": a caption's day, set off at the end, is the whole sentence's
        return None
    span = doc.parsed.char_span(start, end, alignment_mode="expand")
    word = doc.parsed.char_span(trigger, trigger + 1, alignment_mode="expand")
    if span is None or word is None:
        return None
    chain: list[Token] = []
    for t in [word.root, *word.root.ancestors]:
        if t.lower_ not in _SPEECH_WORDS:
            chain.append(t)
        if t.dep_ == "ccomp" and t.tag_.startswith("VB"):
            break  # "suggesting that Rubio will meet Macron": a clause of its own, its own time
    # "the meeting is going to take place on Friday": the verbs a predicate continues in;
    # "met Mayorkas to discuss immigration Monday": the purpose the meeting was held for
    # "in a phone call received from Biden on Thursday", "talks held in Rome on Monday": a
    # participle that says what the meeting noun was
    noun = word.root
    while noun.dep_ == "compound":  # ("phone call": the trigger may start at "phone")
        noun = noun.head
    if noun.tag_ in ("NN", "NNS"):
        chain.extend(c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN")
    todo = list(chain)
    while todo:
        more = [c for c in todo.pop().children if c.dep_ == "xcomp" or _purpose(c)]
        chain.extend(more)
        todo.extend(more)
    anchors = {t.i for t in chain}
    node = span.root
    for _ in range(12):
        if node.i in anchors:
            return None
        if (
            node.tag_ in ("NN", "NNS")
            and node.lower_ in _EVENT_NOUNS
            and node is not span.root
            and not word.root.tag_.startswith("VB")
        ):
            # "The visit followed a meeting ... on Tuesday": that other meeting's day (a verb
            # "will host Macron for talks on Monday" is one event with its noun)
            return "event"
        if node.tag_.startswith("VB") and node.lower_ not in _CLOCK_WORDS:
            # ("at 10:30 am on Thursday": the parser may take "am" for a verb)
            if _same_occasion(node):
                node = node.head
                continue
            if node.lower_ not in _SPEECH_WORDS:
                if any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _EVENT_NOUNS
                    for c in node.children
                ):
                    return "event"  # "The meeting will take place on Monday": another one's
                return "other"
            # "the ministry said Friday", "said on Friday": next to the verb of saying; a date
            # at the far end of a long sentence may only look attached to it.
            near = min(abs(t.i - node.i) for t in span)
            if near <= 3 and _said_after(word.root, node):
                return None  # "Sharif said on Tuesday after talks with Karzai": that day's talks
            return "speech" if near <= 3 else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


_LED_BY = word_set("led headed")
_DELEGATIONS = word_set("delegation delegations delegates team mission")
_ARRIVAL_VERBS = word_set("visit visits visited visiting arrive arrives arrived arriving")
_WHEN_MARKS = word_set("when as while")


def _same_occasion(verb: Token) -> bool:
    """A verb whose date is the meeting's own: "a leaders meeting in Canberra on Monday" read
    as a verb qualifying "leaders", or "received him when he visited on Aug. 1"."""
    if verb.dep_ == "acl" and verb.lower_ in _EVENT_NOUNS:
        return True
    if verb.dep_ == "acl" and verb.lower_ in _HELD and verb.head.lower_ in _EVENT_NOUNS:
        return True  # "during talks held in Hanoi on October 13": the talks' own day
    if verb.dep_ == "relcl" and verb.lower_ in _HOLD_VERBS and verb.head.lower_ in _EVENT_NOUNS:
        return True  # "the meetings that we had last night with Chen": the same, relative
    if verb.dep_ == "acl" and verb.lower_ in _LED_BY and verb.head.lower_ in _DELEGATIONS:
        # "received a delegation led by X at State House on Tuesday": the parse hangs the
        # day on "led", a participle describing whom the meeting was with
        return True
    return (
        verb.dep_ == "advcl"
        and verb.lower_ in _ARRIVAL_VERBS
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in _WHEN_MARKS for c in verb.children)
    )


def quote_start(doc: Document, pos: int) -> int | None:
    """Where the quotation holding ``pos`` starts, if it is in one."""
    for q in doc.quotes:
        if q.start <= pos < q.end:
            return q.start
    return None


def _named_in_quote(parsed: ParsedMeeting, said: bool) -> bool:
    """A meeting told inside a quotation needs someone named there; when no one is known to
    say the quotation, everyone in it must be named (its "he" and "we" are no one's)."""
    parsed.rule = "quoted"
    hows = [parsed.how.get(actor, "name") for actor, _ in parsed.participants]
    if not said and any(how not in ("name", "title", "group") for how in hows):
        return False
    return any(how in ("name", "title") for how in hows)


def _owner_of_next(token: Token) -> bool:
    """A name with its possessive "'s" and a word after it that the parser left unattached:
    the name owns what follows ("Xi's second-in-command", "Putin's envoy")."""
    case = next((c for c in token.children if c.dep_ == "case"), None)
    if case is None or case.i + 1 >= len(token.doc):
        return False
    after = token.doc[case.i + 1]
    return after.is_alpha and after.head.i != token.i


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("that", "which")
               for c in verb.children)  # fmt: skip


def _two_nations(prep: Token) -> bool:
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if obj.lower_ in ("nations", "countries", "sides", "governments") and any(
            c.lower_ in ("two", "both") for c in obj.children
        ):
            return True
    return False


def _counted(verb: Token) -> bool:
    """Whether what a verb of receiving takes is a number ("received 44", "received 283
    votes")."""
    return any(
        c.dep_ == "dobj" and (c.tag_ == "CD" or c.lower_ in ("votes", "percent", "seats"))
        for c in verb.children
    )


def _names_as(verb: Token) -> bool:
    """Whether "call" names someone as something: two complements, the second a common noun
    with its article ("called Turkey a strong partner"), not a time ("called him the next
    day")."""
    complements = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr") and c.i > verb.i]
    if len(complements) < 2:
        return False
    last = complements[-1]
    return (
        last.tag_ in ("NN", "NNS")
        and last.ent_type_ not in ("DATE", "TIME")
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in last.children)
    )


def _pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition; "with visiting Malaysian Prime Minister Anwar Ibrahim"
    is parsed as a verb "visiting" whose object is the visitor."""
    found: list[Token] = []
    for child in prep.children:
        if child.dep_ == "pobj":
            found.append(child)
        elif child.dep_ == "pcomp" and child.lower_ == "visiting":
            found.extend(c for c in child.children if c.dep_ == "dobj")
    return found


def _courtesy_call_on(verb: Token) -> bool:
    """ "called on the president" as a visit, not "called on the president to resign": a
    person after "on", and no infinitive or "for" saying what was asked of them."""
    if not any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children):
        return False
    # (not the "to" of a clause about the person: "called on Syed Naveed Qamar who showed
    # commitment to resolve all issues")
    about = {t.i for c in verb.subtree if c.dep_ == "relcl" for t in c.subtree}
    asked = (
        c for c in verb.subtree
        if (c.dep_ in ("xcomp", "ccomp", "advcl") and c.head.i == verb.i)
        or (c.lower_ == "to" and c.tag_ == "TO" and c.i not in about)
        or (c.dep_ == "prep" and c.lower_ == "for" and c.head.i == verb.i)
    )  # fmt: skip
    return next(asked, None) is None


def _signed_accord(verb: Token) -> bool:
    """Whether ``verb`` (a form of "sign") has an agreement, treaty or deal as its object."""
    return verb.tag_.startswith("VB") and any(
        c.dep_ == "dobj" and c.lower_ in _ACCORDS for c in verb.children
    )


def _message_subject(verb: Token) -> bool:
    """Whether a passive delivery's subject is the message: "the letter was handed to ..."."""
    return any(c.dep_ == "nsubjpass" and c.lower_ in _MESSAGES for c in verb.children)


def _object(verb: Token, word: str) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == word), None)


def _headline_verb(token: Token) -> bool:
    """A past participle hanging on a name that is the root of its sentence: the finite verb
    of "X received at the palace on Monday Y", which the parser misreads."""
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and token.head.dep_ == "ROOT"
        and token.head.tag_.startswith("NNP")
        and not any(c.dep_ == "agent" for c in token.children)
    )


_SCHEDULE_LINE = re.compile(
    r"\s*(?:[-\u2013\u2022*]\s*)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Today|Tomorrow|Morning|Afternoon|Evening|\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?)"
    r"[^:\n]{0,30}:|[-\u2013\u2022*]\s)",
    re.IGNORECASE,
)


def _schedule_line(doc: Document, token: Token) -> bool:
    return trigger_in_schedule(doc, token.idx)


def trigger_in_schedule(doc: Document, pos: int) -> bool:
    """A line of a schedule: a bullet or a day and time label, then what happens ("- Friday
    (evening): Talks with ...")."""
    sentence = doc.sentence_at(pos)
    line_start = doc.text.rfind("\n", 0, pos) + 1
    start = max(sentence.start, line_start)
    return _SCHEDULE_LINE.match(doc.text, start) is not None and start < pos


def _meeting_verb(token: Token) -> bool:
    lower = token.lower_
    if lower in ("speaking", "talking") and not any(
        c.dep_ == "prep" and c.lower_ in ("with", "to") for c in token.children
    ):
        return False  # "Speaking after talks with B, A said": remarks, not a meeting
    return token.tag_.startswith("VB") and (
        lower in _MEET_VERBS or lower in _HOST_VERBS or lower in _TALK_VERBS
        or lower in _VISIT_VERBS
    )  # fmt: skip


def _meal_given(token: Token) -> bool:
    """ "will hold an official dinner for Sisi", "offered a lunch in honour of": a meal held,
    given or offered is hosted."""
    return (
        token.tag_.startswith("VB")
        and token.lower_ in _GIVING_VERBS
        and any(c.dep_ == "dobj" and c.lower_ in _HOSTED_MEALS for c in token.children)
    )


def _paid(token: Token) -> bool:
    """A call or visit paid (or a call made) to someone: "paid a courtesy call on"."""
    lower, verb = token.lower_, token.head.lower_
    return lower in _PAID_NOUNS and (
        verb in _PAY_VERBS or (verb in _MAKE_VERBS and lower in ("call", "calls"))
    )


def _dateline_place(token: Token) -> bool:
    """A place set before a colon or dash at the very start of a sentence: a dateline."""
    after = token.i + 1
    if after >= len(token.doc) or token.doc[after].text not in (":", "-", "\u2013", "\u2014"):
        return False
    first = token.left_edge
    return first.is_sent_start or first.i == 0 or token.doc[first.i - 1].text == "\n\n"


def _event_noun(token: Token) -> bool:
    lower = token.lower_
    if lower in ("session", "sessions"):
        # "a bilateral talk session", "a negotiating session"; not a parliament's session
        return any(c.lower_ in _SESSION_KINDS for c in token.children if c.i < token.i)
    if _paid(token) and token.dep_ == "dobj":
        return True
    if lower in ("visit", "visits"):
        # "a visit to Greek President Karolos Papoulias": to a person, a meeting; "a visit to
        # Greece" is a trip
        return any(
            t.ent_type_ == "PERSON"
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "to"
            for obj in c.children
            if obj.dep_ == "pobj"
            for t in obj.subtree
        )
    if lower in ("conference", "briefing") and any(
        c.lower_ == "joint" or (c.dep_ == "prep" and c.lower_ == "between") for c in token.children
    ):
        # "A and B held a joint press conference", "a press conference in Riyadh between the
        # Saudi foreign minister and his Austrian counterpart": they were together
        return True
    if lower in ("tete", "t\u00eate") and token.i >= 4:
        # "had a tete-a-tete": the parser cuts the word at its hyphens
        return token.doc[token.i - 4 : token.i].text.replace(" ", "").lower() in (
            "tete-a-",
            "t\u00eate-\u00e0-",
        )
    if lower in _HOSTED_MEALS:
        # "hosted a dinner for B" is read at the verb; "A and B had lunch" at the noun.
        governor = _governor(token)
        return not (
            token.dep_ in ("dobj", "conj")
            and (governor.lower_ in _HOST_VERBS or _meal_given(governor))
        )
    return lower in _EVENT_NOUNS


def _inviters(invitation: Token) -> list[Token]:
    """Who gave an invitation: "the invitation of X", "X's invitation", "an invitation extended
    by X"."""
    found: list[Token] = []
    for child in invitation.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            found.extend(_pobjs(child))
        elif child.dep_ == "poss":
            found.append(child)
        elif child.dep_ == "acl":
            for agent in child.children:
                if agent.dep_ == "agent":
                    found.extend(_pobjs(agent))
    return found


def _meeting_noun(token: Token) -> bool:
    # (a proper noun only when held or sitting: not "the Asian Cooperation Dialogue", "the G20
    # Summit", names of gatherings)
    if _sitting_joint_body(token):
        return True
    return (token.tag_ in ("NN", "NNS") or _named_and_held(token)) and _event_noun(token)


def _sitting_joint_body(token: Token) -> bool:
    """ "The Tanzania-Uganda Permanent Joint Commission was held", "co-chaired the India-Japan
    Strategic Dialogue": a standing body of two countries, when it sits; not "the European
    Commission", nor the body only named ("the revitalisation of the ... Commission")."""
    if token.lower_ not in _JOINT_BODIES:
        return False
    sits = (token.dep_ in ("nsubj", "nsubjpass") and token.head.lower_ in _BODY_SITS) or (
        token.dep_ == "dobj" and token.head.lower_ in _BODY_HELD
    )
    return sits and any(
        t.text in ("-", "\u2013")
        and t.i > token.left_edge.i
        and token.doc[t.i - 1].ent_type_ in ("GPE", "NORP")
        for t in token.doc[token.left_edge.i : token.i]
    )


def _named_and_held(token: Token) -> bool:
    """ "held a Japan-India Summit Meeting with Mr. Modi": a meeting written with capitals,
    as government summaries name them, held by someone with someone; not a gathering's name
    ("attended the G20 Summit")."""
    if not (
        token.tag_ in ("NNP", "NNPS") and token.dep_ == "dobj" and token.head.lower_ in _HOLD_VERBS
    ):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        return True
    # ("The two Foreign Ministers will also hold the 2nd High-Level Dialogue Meeting": two
    # who hold it together)
    return any(
        c.dep_ == "nsubj" and (c.lower_ in ("they", "both") or _pair_noun(c))
        for c in token.head.children
    )


def _looking_forward(prep: Token) -> bool:
    """ "look forward to": the "to" of a verb that "forward" goes with."""
    verb = prep.head
    return (
        prep.lower_ == "to"
        and verb.i != prep.i
        and verb.tag_.startswith("VB")
        and any(c.lower_ == "forward" for c in verb.children)
    )


def _pair_noun(head: Token) -> bool:
    """ "the two ministers", "both sides": a pair told before, by a noun."""
    return head.lower_ in _PAIRS and any(
        c.lower_ in ("two", "both", "three") for c in head.children
    )


def _governor(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.head


def _apart(parsed: ParsedMeeting, verb: Token) -> list[ParsedMeeting]:
    """One subject who met several people separately, or visited the leaders of several
    countries, had one meeting with each."""
    subjects = [a for a, _ in parsed.participants if parsed.how.get(a) != "group"]
    groups = [p for p in parsed.participants if parsed.how.get(p[0]) == "group"]
    apart = any(c.dep_ == "advmod" and c.lower_ in _APART for c in verb.children)
    if parsed.word in _VISIT_VERBS and len(groups) >= 2 and len(subjects) == 1:
        others = groups
    elif apart and len(parsed.participants) >= 3:
        first = parsed.participants[0]
        others = parsed.participants[1:]
        subjects = [first[0]]
    else:
        # ("met individually with A, B, C and D", where the parse finds only A: the rest of
        # the list, read after it, is met one by one too)
        return [replace(parsed, apart=True) if apart else parsed]
    own = next(p for p in parsed.participants if p[0] == subjects[0])
    return [replace(parsed, participants=[own, other]) for other in others]
