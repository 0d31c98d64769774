"""Meetings: calls, talks, meetings, summits — who took part, when, how, where, and whether
they happened or are only planned or proposed.

Each sentence is cut into clauses at subordinators ("following a meeting between ...",
"after ...", "; ", ", where ...") so that two meetings in one sentence keep their own dates,
places and participants. A trigger word gives the participants by the grammar around it:
"X and Y met", "X met (with) Y", "a call between X and Y", "X held talks with Y", "his
conversation with Y" (the possessor is the sentence's subject), "the Trump-Putin summit".
At least two distinct actors are needed; a sentence that only says people "also participated
at the Aug. 22 discussion" adds them to that meeting with the role its words give
("national security adviser", "representative").

Dates come from the clause ("on Aug. 22", "on Monday"); a vague time ("earlier in the week")
means no date and no guess. A call that a leader's dated post reports takes the post's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from itertools import pairwise

from newsgraph.ingest.extract.actors import Mention
from newsgraph.ingest.extract.dates import DateMention, find_dates, resolve, vague_span
from newsgraph.ingest.extract.document import PRONOUN, Document, Paragraph
from newsgraph.ingest.extract.found import Met
from newsgraph.ingest.extract.groups import without_companions, without_retold
from newsgraph.ingest.extract.meeting_parse import (
    ParsedMeeting,
    date_attachment,
    parsed_meetings,
    quote_start,
    trigger_in_schedule,
)
from newsgraph.ingest.extract.patterns import word_set
from newsgraph.ingest.extract.statements import Said
from newsgraph.ingest.extract.text import Sentence, ends_sentence
from newsgraph.ingest.extract.titles import HEAD_OF_STATE_TITLES, LEADER_TITLES
from newsgraph.ingest.model import ActorKind, MeetingMode, MeetingStatus

__all__ = ["Met", "extract_meetings"]

_TRIGGER = re.compile(
    r"""\b(?:
      (?P<verb>met|meets|meet|meeting(?=\s+with\b)|hosted|hosts|host|welcomed|received)
    | (?P<talk>spoke|speaks|speak|talked|talks|talk)(?=\s+(?:(?:by|over\s+the|on\s+the)\s+
          (?:tele)?phone\b|with\b|to\b(?!\s+(?:reporters|journalists|the\s+press|media)\b)))
    | (?P<noun>(?:(?:tele)?phone|video)\s+(?:call|conversation|talks)|call|conversation
          |meetings?|talks|summit|discussions?|negotiations|videoconference|video\s+conference)
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r",?\s+(?=(?:following|after|before|ahead\s+of|while|whereas|amid|during|as\s+well\s+as)\s)"
    r"|;\s*|,\s+(?=(?:where|when|which|who)\s)"
)
_FRONTED_CLAUSE = re.compile(r"(?i)^(?:following|after|before|ahead\s+of|during|amid)\b[^,]*,")
_FILLER = re.compile(
    r"\s*(?:(?:with|to|by\s+(?:tele)?phone|on\s+the\s+phone|over\s+the\s+phone|via\s+video(?:\s*link)?"
    r"|separately|also|again|today|the|his|her|their|a|an|both|in\s+person|virtually)\s+)*",
    re.IGNORECASE,
)
_CONJUNCTION = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*)(?:the\s+|his\s+|her\s+|their\s+)?"
)
# "A and B held a phone conversation": a meeting noun whose subjects are everyone.
_HELD_BEFORE = re.compile(
    r"\b(?:held|hold|holds|holding|had|have|has|having|conducted)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}$"
)
_SPEECH_AFTER = re.compile(
    r"\s+(?:has\s+|had\s+|also\s+)?(?:said|says|told|tells|wrote|added|noted|stated|announced)\b"
)
# Between two names of a list: ", ", ", and ", " and ", after an optional "in <Place>".
# A nickname in quotes after a name: "Pushpa Kamal Dahal 'Prachanda'".
_NICKNAME_AFTER = r"(?:\s*['\u2018\"\u201c][^'\u2019\"\u201d]{1,25}['\u2019\"\u201d])?"
_LIST_GAP = re.compile(
    rf"{_NICKNAME_AFTER}(?:\s+in\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)?"
    r"(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+)"
)
# Who a sentence names without being a party to its meeting (the last-resort rule): an owner
# ("X's adviser"), an outlet that reports it, whoever tells it after the fact ("..., said
# spokesman X") and whoever sends greetings or letters. "X said" stays: one of the two often
# tells of their meeting ("in their first meeting ..., Mr Key said they ...").
_NOT_A_PARTY_AFTER = re.compile(r"(?:['\u2019]s\b)|\s+(?:reported|reports)\b")
_NOT_A_PARTY_BEFORE = re.compile(
    r"(?:\b(?:said|says|told|according\s+to|reported|wrote)\b(?:\s+[\w'\u2019.-]+){0,4}"
    r"|\b(?:greetings|message|letter|behalf|regards|wishes|invitation|congratulations"
    r"|condolences|envoys?|emissary|emissaries|messages|letters)\s+(?:of|from)\b"
    # (a title set off before the name: "an envoy from the Kenyan President, Dr. William Ruto")
    r"(?:\s+[\w'\u2019.-]+,?){0,4})\s+$",
    re.IGNORECASE,  # ("Special Envoys from")
)
_APPOSED_OFFICE = re.compile(
    r"\b(?:minister|president|premier|chancellor|secretary|ambassador|envoy|speaker|head"
    r"|leader|chairman|chair|governor|commander|chief|king|emir|prince|mayor|spokesman"
    r"|spokeswoman|spokesperson|director|commissioner|coordinator|adviser|advisor|deputy)\b",
    re.IGNORECASE,
)
_BUILDING_WORDS = word_set(
    "House Palace Hall Airport Hotel Centre Center Building Residence Mansion Lodge"
)
_HYPHEN = re.compile(r"\s*[-\u2013—]\s*")
_GROUP_NOUN = re.compile(
    r"\s+(?P<noun>delegations?|officials?|negotiators?|teams?|representatives?|sides?|envoys?)\b"
)
# A country's name before a lower-case plural: its people, not its state ("the Fiji students").
_PEOPLE_OF_A_PLACE = re.compile(r"\s+(?:[a-z]+\s+)?[a-z]+s\b")
_DETERMINER = re.compile(r"\b(?:his|her|their|its|the|a|an|of|in|on|for|after|during)\s+$", re.I)
# "the talks between ...", "their bilateral meeting": a meeting referred to again
_DEFINITE_BEFORE = r"\b(?:the|their|these|those)\s+(?:\w+\s+)?"
_THEIRS = re.compile(r"\b[Tt]heir\s+(?:[\w-]+\s+){0,3}$")
_NEGATION = re.compile(
    r"\b(?:not|never|no|refused|rejected|declined|cancel{1,2}ed|called\s+off|without"
    r"|yet\s+to)\b",
    re.IGNORECASE,
)
_PROPOSED = re.compile(
    r"\b(?:potential|possible|possibly|proposed|propose[sd]?|proposal|seeks?|sought|seeking"
    r"|ready\s+to|willing\s+to|open\s+to|offer(?:s|ed)?\s+to|invit(?:e|es|ed|ation)|could|might"
    r"|may|wants?\s+to|wanted\s+to|hope[sd]?\s+to|push(?:es|ed|ing)?\s+for|calls?\s+for"
    r"|called\s+for|idea\s+of|suggest(?:s|ed)?|prospects?\s+of|demand(?:s|ed)?"
    r"|request(?:s|ed|ing)?|try(?:ing)?\s+to|tried\s+to"
    r"|needs?\s+to|needed\s+to|look(?:s|ed|ing)?\s+forward\s+to"
    # ("has asked Prime Minister Stephen Harper for a short meeting": one asked for)
    r"|ask(?:s|ed|ing)?\s+(?:[\w'\u2019.-]+\s+){0,8}?for\s+(?:a|an)"
    r"|(?:want|wants|wanted|urge[sd]?|urging|directed|instructed|asked|call(?:s|ed|ing)?\s+on)"
    r"\s+(?:[\w'\u2019-]+\s+){1,10}?to)\b"
)
_ON_INVITATION = re.compile(
    r"\b(?:at|upon|on)\s+(?:the\s+|an\s+|a\s+)?(?:[\w.-]+\s+){0,4}?"
    r"(?:[\w.-]+(?:'s|\u2019s)\s+)?(?:kind\s+|official\s+|special\s+)?invitation\b"
)
# A paragraph that ends by introducing whom someone met: "... Clinton met with this week:",
# "During the visit, the minister held talks with:".
_MET_WITH_COLON = re.compile(
    r"\b(?P<verb>met|meets|meet|held\s+(?:talks|meetings)|had\s+(?:talks|meetings))"
    r"(?:\s+(?:with|separately))?\b[^.:;\"“”]{0,120}:$"
)
# "also met three other leaders, King Mswati of Swaziland, ... and ...": a group met, then
# the people it is made of; the parse rarely holds such a list together.
_MET_GROUP_THEN_LIST = re.compile(
    r"\b(?P<verb>met|meets|held\s+(?:separate\s+|bilateral\s+)*(?:talks|meetings)"
    r"|had\s+(?:separate\s+|bilateral\s+)*(?:talks|meetings))(?:\s+with)?"
    r"(?:\s+(?:the|his|her|their|three|four|five|six|several|two|other|fellow|foreign|regional"
    r"|\d+)){0,3}"
    r"\s+(?:leaders|heads\s+of\s+(?:state|government)|counterparts|presidents"
    r"|prime\s+ministers|ministers|dignitaries)"
    r"(?:\s*,\s*|\s*[:\u2013\u2014]\s*|\s+(?:including|namely)\s+)"
)
# A finite verb near the start of a line, which makes it a sentence rather than a list item.
_VERB_OF_A_SENTENCE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|said|says)\b")
# A meeting told as one more of a round: "X also met", "Later, X received", "X separately met".
_ONE_MORE = re.compile(
    r"\b(?:also|[Ll]ater|[Ss]eparately|[Aa]fterwards|[Ss]ubsequently|[Tt]hen|[Ff]urther)\b"
)
_ROUND_SENTENCES = 3
# A meeting named as one already told: "held the meeting", "held the talks".
_HELD_THE_MEETING = re.compile(
    r"\b(?:held|had|conducted)\s+the(?:ir)?\s+(?:bilateral\s+|one-on-one\s+)?"
    r"(?:meeting|talks|discussions?)\b"
)
# "On 8 July 2020, an informal seminar of the two ministries took place at ...": the sentence
# that dates the occasion the next sentence's meeting was held at.
_EVENT_TOOK_PLACE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,3}(?:seminar|summit|conference|session|forum"
    r"|consultations|ceremony|dialogue|retreat|gathering|meeting|talks|visit)\b[^.]{0,150}?"
    r"\b(?:took\s+place|was\s+held|were\s+held|opened|convened)\b"
)
# "Trade will grow, Garcia said yesterday after meeting Calderon": the saying, after the meeting.
_SAID_AFTER = re.compile(r"\b(?:said|told|added)\b[^.;\"\u201c]{0,50}?\b(?:after|following)\b")
# "received a verbal message from his Chadian counterpart": a message someone else brought.
_RECEIVED_MESSAGE = re.compile(
    r"\breceived\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:message|letter)\s+from\b", re.IGNORECASE
)
# "who conveyed the message", "led a delegation to deliver the message": its bearer.
_BROUGHT_MESSAGE = re.compile(
    r"\b(?:conveyed|delivered|deliver|handed\s+over|brought|carried)\s+the\s+"
    r"(?:[\w-]+\s+)?(?:message|letter)\b",
    re.IGNORECASE,
)
# "the next round of talks", "a second meeting", "further Polish-British meetings": one more
# of a series, to come.
_NEXT_MEETING = re.compile(
    r"\b(?:next|second|third|another|further|follow[- ]up|upcoming|forthcoming)\s+"
    r"(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?P<noun>meeting|meetings|round|session|summit|talks|consultations)\b",
    re.IGNORECASE,
)
# "my earlier talks with President Sarkozy": a meeting of another day than the story's.
_ANOTHER_TIME = re.compile(
    r"\b(?:earlier|previous|recent|last|past)\s+(?:[\w-]+\s+)?"
    r"(?:talks|meetings?|conversations?|calls?|visits?)\b"
)
# "building on their productive meeting", "the two had met": an earlier meeting's words.
_EARLIER = re.compile(
    r"\b(?:building\s+on|since)\s+(?:their|his|her|the)\s+|\bhad\s+(?:\w+\s+)?"
    r"(?:met|held|spoken|talked|visited|hosted|received)\b"
)
# "Tuesday's talks included Libya", "today's meeting": the day of a meeting the article names
# by its day alone.
_DAYS_MEETING = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|[Tt]oday|[Yy]esterday)(?='s|\u2019s)"
    r"(?=..\s+(?:[\w-]+\s+)?(?:meeting|talks|conversation|call|discussions)\b)"
)
# A sentence that goes on about what the one before told: "He said this while ...", "She
# made the remarks during ...".
_GOES_ON_ABOUT = re.compile(
    r"(?:He|She)\s+(?:said|made|gave|stressed|noted|expressed)\s+(?:this|these|that|the\s+remarks?"
    r"|the\s+statement|the\s+comments?)\b"
)
# Statements whose words are their speaker's own, outside quotation marks.
_OWN_VOICE = frozenset({"transcript", "post", "block", "first-person"})
# A sentence going on with the same day: "Later, ...", "Afterwards ...".
_THEN = re.compile(r"(?:Later|Afterwards?)\b")
# The end of a visit of more days than one: "ended his two-day visit", "concluded a three-day
# state visit" (its first day is the day its first meetings were most often held on).
_VISIT_OF_DAYS = re.compile(
    r"\b(?:ended|ends|concluded|concludes|wrapped\s+up|wound\s+up|completed|rounded\s+off)\s+"
    r"(?:his|her|their|a|the|its)\s+"
    r"(?:(?:two|three|four|five|six|seven|several|multi|\d+)[- ]day|48[- ]hour|week-long)"
    r"\s+(?:[\w-]+\s+){0,2}(?:visit|tour|trip)\b",
    re.IGNORECASE,
)
# A journey: "will pay an official visit to Azerbaijan", "traveled to Oman", "his trip".
_TRIP = re.compile(
    r"\b(?:visit(?:ed|s)?|trip|travel(?:l?ed|s)?|(?:will|to)\s+travel|flew|arrived|arrives)\b",
    re.IGNORECASE,
)
# A journey of more days than one, whose meetings may fall on any of them: "a three-day
# visit", "on November 20-21", "this week".
_DAYS_LONG = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|several|multi|\d+)[- ]days?\b|\bdays\b"
    r"|\bweek\b|\bweek-long\b|\b\d{1,2}\s*[-\u2013]\s*\d{1,2}\b|\buntil\b|\bthrough\b",
    re.IGNORECASE,
)
# A meeting told as part of a journey: "During the visit, ...", "on his trip".
_DURING_TRIP = re.compile(
    r"\b(?:during|on|in\s+the\s+course\s+of)\s+(?:the|his|her|their|this|that)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:visit|trip|stay|stopover)\b",
    re.IGNORECASE,
)
# How far back a journey may have been told: its sentence and the two after it.
_TRIP_SENTENCES = 3
# A visit of one day, whose held meetings are all on that day: "on a day's visit to Ghana",
# "a one-day working visit", "a daylong visit".
_ONE_DAY_VISIT = re.compile(
    r"\b(?:(?:a|one|1)[- ]day|day['\u2019]s|day-?long)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:visit|trip|tour)\b",
    re.IGNORECASE,
)
# The start of a time, not the day of a doing: "since he took office on 16 October".
_SINCE = re.compile(r"\bsince\b[^,;]{0,60}$")
# The words between a journey and its own day: "visit to Azerbaijan on".
_TRIP_TO_DAY = re.compile(r"[^,;.]{0,50}?\s(?:on\s+)?")
# A schedule's next item: "This was followed by a meeting with ...".
_AND_THEN_WITH = re.compile(r"\band\s+then\s+with\b")
_FOLLOWED = re.compile(r"(?:This|That|It|Which)\s+(?:was|is|will\s+be)\s+followed\s+by\b")
# A visitor's welcome: "was met on arrival by", "received him at the airport".
_ON_ARRIVAL = re.compile(
    r"\b(?:on|upon)\s+(?:(?:his|her|their|the)\s+)?arrival\b|\bat\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}"
    r"(?:airport|airbase)\b",
    re.IGNORECASE,
)
_ARRIVED = re.compile(r"\b(?:arriv(?:ed|es|ing)|landed|touched\s+down)\b", re.IGNORECASE)
_PLANNED = re.compile(
    r"\b(?:will|shall|would|is\s+set\s+to|are\s+set\s+to|scheduled|expected\s+to|plans?\s+to"
    r"|(?:is|are)\s+due\s+to|(?:likely|poised|slated|about)\s+to|en\s+route"
    r"|planned|planning\s+to|upcoming|is\s+to|are\s+to|to\s+be\s+held|going\s+to|next\s+week"
    r"|tomorrow|preparing|[Aa]head\s+of"
    # "the two leaders agreed to meet in person": a meeting to come, whatever came before
    r"|(?:agree[sd]?|agreeing|decided|pledged|vowed|promised)\s+to"
    r"(?!\s+(?:on|in|at|by|with|during|after|before|when|this|that|it)\b))\b|'ll\b"
)
# "paid a courtesy call on the president", "called on the king": a visit, not a phone call.
_COURTESY = re.compile(
    # ("paid a farewell call on", "made an introductory call on": any call paid on someone)
    r"\b(?:courtesy|farewell|introductory|protocol|goodwill)\s+calls?\b"
    r"|\b(?:pa(?:id|ys?)\s+an?\s+(?:[\w-]+\s+)?call|call(?:s|ed|ing))\s+on\s+"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|May|Jun"
    r"|Jul|Aug|Sep|Oct|Nov|Dec)\w*\b)",
    re.IGNORECASE,
)
_DATELINE_END = re.compile(r"\s*(?:[-\u2013\u2014:|]|\(\w)")
_CAPS_PLACE = re.compile(r"\s*[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*,")
_SEQUEL = re.compile(r"(?:before|after|then)\s+\w+ing\b", re.IGNORECASE)
_VIDEO = re.compile(r"\bvideo|\bvirtual(?:ly)?\b|\bonline\b", re.IGNORECASE)
_PHONE = re.compile(
    # ("a telephonic conversation", as South Asian outlets write it)
    r"\b(?:tele)?phon(?:e|ed|es|ic)\b|\bcall(?:ed|s)?\b|\b(?:rang|dialled|dialed)\b",
    re.IGNORECASE,
)
_VISIT = re.compile(
    r"\b(?:visit(?:ed|s|ing)?|in[\s-]+person|face-to-face|summit|hosted|hosts|arrived|travel(?:l)?ed"
    r"|on\s+the\s+sidelines)\b",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"\b(?:at|in)\s+(?:the\s+)?(?P<place>(?:[A-Z][\w'\u2019\-.]*\s?){1,4}?(?:,\s+[A-Z][\w'\u2019\-]+)?)"
    r"(?=[\s,.;]|$)"
)
_NOT_PLACES = re.compile(
    r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|The|This|That|Which|Its|His|Her|Their)\b"
)
_JOIN = re.compile(
    r"\b(?:participated|took\s+part|joined|attended|(?:were|was)\s+(?:also\s+)?present"
    r"|(?:were|was)\s+also\s+on\s+the\s+call|(?P<host>hosted|chaired|co-chaired|convened))\b",
    re.IGNORECASE,
)
_JOINED_REFERENCE = re.compile(
    r"\s*\b(?:the|that|this|these|those)\s+(?:[\w.]+\s+){0,3}?"
    r"(?:discussions?|meetings?|call|talks|conversation|summit|negotiations|videoconference)\b",
    re.IGNORECASE,
)
_EVENT_AFTER_DATE = re.compile(
    r"\s+(?:appearance|visit|meeting|talks|trip|summit|call|conversation)\b"
    r"(?:\s+(?:at|in|to)\s+(?:the\s+)?(?P<where>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3}))?"
)
_OWNER_BEFORE_DATE = re.compile(
    r"(?P<who>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3})(?:'s|\u2019s)\s+$"
)
_OWNER_EVENT_BEFORE_DATE = re.compile(
    r"(?P<who>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3})(?:'s|\u2019s)\s+"
    r"(?:[\w-]+\s+)?(?:visit|trip|talks|meeting|call|conversation)"
    r"(?:\s+(?:to|in)\s+(?:the\s+)?(?P<where>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3}))?"
    r"\s+(?:on\s+)?$"
)
_REFERS_BACK = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]heir|[Tt]he\s+two)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:meeting|talks|call|conversation|summit|visit|discussions?|leaders|ministers|sides)\b"
    r"|\b(?:[Tt]hey|[Bb]oth)\b"
    # ("... will hold talks with Yudhoyono this week. A bilateral meeting will take place in
    # Indonesia on Wednesday": an occasion no one is named at, told as the one just told)
    r"|\bA\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|summit)\s+(?:will|would|is\s+to|was|is\s+"
    r"(?:due|set|scheduled|expected)\s+to)\s+(?:take\s+place|be\s+held)\b"
)
# What a later sentence refers back to that may be an occasion of its own, not the meeting
# (the meeting nouns themselves refer back to the meeting: "held a phone conversation. During
# the conversation on Sunday, ...").
_OCCASION_NOUNS = frozenset(("summit",))
# A sentence that is a day and nothing more: "On late Thursday 26th of January 2012."
_ONLY_A_DAY = re.compile(
    r"(?i)\W*(?:on|late|early|in\s+the\s+(?:morning|afternoon|evening)|\s)*\W*"
)
# The words that tell a meeting again ("The Prime Minister called Prime Minister Trudeau").
_RETOLD = re.compile(r"\b(?:met|meets?|talks|spoke|talked|called|conversation|meeting)\b")
# A headline about a meeting: "Zuma to meet Kenyatta on Thursday", "Ruto hosts Hasina".
_HEADLINE_MEETING = re.compile(
    r"\b(?:meets?|meeting|talks|calls?|phone|visits?|hosts?|receives?|welcomes?|holds?)\b",
    re.IGNORECASE,
)
_ROLE_PHRASE = re.compile(
    r"\b(?P<role>(?:national\s+security\s+)?advis[eo]rs?|representatives?|officials?"
    r"|delegations?|delegates?|envoys?|(?:foreign|defen[sc]e)\s+ministers?|ministers?|leaders?"
    r"|heads?\s+of\s+state|diplomats?|negotiators?|ambassadors?|chiefs?\s+of\s+staff)"
    r"\s+(?:for|of|from)\s",
    re.IGNORECASE,
)
_NOUN_TITLES = {
    "call": "call", "conversation": "conversation", "meeting": "meeting", "meetings": "meeting",
    "talks": "talks", "summit": "summit", "discussion": "discussion", "discussions": "discussion",
    "negotiations": "negotiations",
}  # fmt: skip


_CREDENTIALS = re.compile(r"\b(?:credentials|letters?\s+of\s+credence)\b", re.IGNORECASE)
_ENVOY_TITLES = frozenset({"Ambassador", "High Commissioner", "Envoy"})
# "These thirteen newly-appointed Ambassadors are", "The other envoys received were"
_ENVOY_LIST = re.compile(
    r"\b(?:envoys|ambassadors|high\s+commissioners|diplomats)\b[^.;]{0,100}?\b(?:are|were|include|"
    r"included|namely)\b",
    re.IGNORECASE,
)


class _Meetings:
    def __init__(self, doc: Document, statements: list[Said]) -> None:
        self.doc = doc
        self.text = doc.text
        self.statements = statements
        self.found: list[Met] = []
        self._span: tuple[dt.date, dt.date] | None = None
        # Who says each quotation (by where it starts), as the statements found it.
        self.speakers: dict[int, str] = {}
        for said in statements:
            for lo, hi in said.content:
                for q in doc.quotes:
                    if q.start <= lo and hi <= q.end:
                        self.speakers.setdefault(q.start, said.speaker)
        # Words said outside quotation marks, and by whom: a transcript's turns, a post, a
        # first-person statement ("PRESIDENT OBAMA: I had a chance to speak with ...").
        self.voices: list[tuple[int, int, str]] = [
            (lo, hi, said.speaker)
            for said in statements if said.rule in _OWN_VOICE
            for lo, hi in said.content
        ]  # fmt: skip
        # (position, actor, day) of meetings told without their counterparts.
        self.occasions: list[tuple[int, str, dt.date]] = []
        # Every report of a meeting: (its sentence's start, its clause, the meeting it is).
        self.told: list[tuple[int, tuple[int, int], Met]] = []

    def sentence(self, sentence: Sentence) -> None:
        told = [(at, met.principals) for at, _, met in self.told]
        parsed = parsed_meetings(
            self.doc, sentence.start, sentence.end, told, self.speakers, self.voices
        )
        for start, end in self._clauses(sentence):
            from_parse = False
            for p in parsed:
                if not (start <= p.start < end) or p.negated:
                    continue
                before = self.text[max(start, p.start - 30) : p.start]
                if _NEGATION.search(before):
                    continue
                split = sum(1 for q in parsed if q.start == p.start) > 1
                # (a list of offices and names set apart by semicolons runs on past the
                # clause the semicolon cut)
                reach = sentence.end if self.text[start:end].rstrip().endswith(";") else end
                goes_on = [] if split else self._list_goes_on(p, reach)
                # ("his meetings with Wang and state councillor Yang": one with each, as the
                # parse reads "meetings with A and B" when it finds the list itself)
                plural = p.word in ("meetings", "calls", "conversations", "bilaterals")
                if (
                    (p.apart and goes_on)
                    or (plural and len(p.participants) == 1 and len(goes_on) >= 2)
                    # "bilateral meetings with Heine, ..., and then with Teo": one after another
                    or (plural and goes_on and _AND_THEN_WITH.search(self.text, p.end, reach))
                ):
                    # "separate phone talks with A, and B": the list's others one by one
                    self._one_by_one(sentence, (start, end), p, p.participants[0], goes_on, p.host)
                    goes_on = []
                participants = [*p.participants, *goes_on]
                if self._followed_on(sentence, start, p, participants):
                    from_parse = True
                    continue
                met = self._build(
                    sentence,
                    start,
                    end,
                    (p.start, p.end),
                    p.word,
                    participants,
                    p.host,
                    rule=p.rule,
                    how=p.how,
                    tense_end=p.tense_end,
                )
                if met is not None:
                    if p.definite and met.date is None and not met.vague:
                        # "In the meeting, A and B exchanged views": the meeting just told
                        earlier = [m for at, _, m in self.told if at < sentence.start]
                        gap = self.doc.sentence_index(sentence.start) - (
                            self.doc.sentence_index(earlier[-1].start) if earlier else -9
                        )
                        # (not a meeting still to come after one held: "they agreed to meet
                        # again" is not on the day they met)
                        if earlier and gap <= 2 and earlier[-1].status is met.status:
                            met.date, met.date_how = earlier[-1].date, "linked"
                    self._add(met)
                    from_parse = True
                elif len(p.participants) == 1:
                    self._occasion(sentence, start, end, p.participants[0][0])
            if from_parse:
                continue
            # (a trigger the parse read as denied stays denied, however far the "not" is from
            # it: "have not held formal leader-to-leader talks since")
            denied = {p.start for p in parsed if p.negated}
            for trigger in _TRIGGER.finditer(self.text, start, end):
                if self.doc.in_quote(trigger.start()) or trigger.start() in denied:
                    continue
                met = self._meeting(sentence, start, end, trigger)
                if met is not None:
                    self._add(met)
                    break
        join = _JOIN.search(self.text, sentence.start, sentence.end)
        joined = join is not None and self._join(sentence, join)
        # (those who joined a meeting told before did not meet each other besides)
        if not joined and not any(m.start == sentence.start for m in self.found):
            self._cooccur(sentence, {p.start for p in parsed if p.negated})

    def _one_by_one(
        self,
        sentence: Sentence,
        clause: tuple[int, int],
        p: ParsedMeeting,
        first: tuple[str, str | None],
        others: list[tuple[str, str | None]],
        host: str | None,
    ) -> None:
        """A meeting of ``first`` with each of ``others``, told by the parse's meeting ``p``."""
        for other in others:
            alone = self._build(
                sentence, *clause, (p.start, p.end), p.word, [first, other], host,
                rule=p.rule, how=p.how, tense_end=p.tense_end,
            )  # fmt: skip
            if alone is not None:
                self._add(alone)

    def _followed_on(
        self,
        sentence: Sentence,
        start: int,
        p: ParsedMeeting,
        participants: list[tuple[str, str | None]],
    ) -> bool:
        """ "He first met with Rabuka. This was followed by a meeting with Simina and then with
        Brown.": a schedule's next meetings, each of the one whose day it tells with each
        person named. Whether the meetings were added so."""
        if not _FOLLOWED.match(self.text, start):
            return False
        owner = self.doc.antecedent(start)
        if owner is None or self.doc.kind(owner) is not ActorKind.PERSON:
            return False
        others = [x for x in participants if x[0] != owner]
        for then in _AND_THEN_WITH.finditer(self.text, start, sentence.end):
            # ("and then with the Prime Minister of the Cook Islands, Mark Brown": the person
            # the office is, named last)
            people = [
                m for m in self.doc.mentions_in(then.end(), sentence.end, quoted=False)
                if self.doc.kind(m.actor) is ActorKind.PERSON
            ]  # fmt: skip
            if people and people[0].actor not in {a for a, _ in others}:
                others.append((people[0].actor, None))
        self._one_by_one(sentence, (start, sentence.end), p, (owner, None), others, None)
        return bool(others)

    def _cooccur(self, sentence: Sentence, denied: set[int]) -> None:
        """The last resort for a sentence with a meeting word from which neither the parse
        nor the word patterns made a meeting: the people it names, when two or more of them
        are not only its speakers, greeters or family, nor all of one government ("During
        the talks in Paris on Monday, which followed a lunch, Lula thanked Macron for ...").
        Its confidence says it is a guess."""
        for trigger in _TRIGGER.finditer(self.text, sentence.start, sentence.end):
            if self.doc.in_quote(trigger.start()) or trigger.start() in denied:
                continue
            before = self.text[max(sentence.start, trigger.start() - 30) : trigger.start()]
            if _NEGATION.search(before) or "unable" in before:
                continue
            people = self._theirs(sentence, trigger.start()) or self._cooccurring(sentence)
            if len(people) < 2:
                return
            met = self._build(
                sentence, sentence.start, sentence.end, (trigger.start(), trigger.end()),
                self._noun_word(trigger), [(p, None) for p in people], None, rule="cooccur",
            )  # fmt: skip
            if met is not None:
                self._add(met)
            return

    def _theirs(self, sentence: Sentence, trigger: int) -> list[str] | None:
        """ "This was their first phone call since Galant took office after Netanyahu's
        swearing-in": "their", with no one named before it, are the people of the meeting told
        last, not the names that follow (None when the sentence has no such "their")."""
        theirs = _THEIRS.search(self.text, max(sentence.start, trigger - 40), trigger)
        if theirs is None or any(
            self.doc.kind(m.actor) is ActorKind.PERSON
            for m in self.doc.mentions_in(sentence.start, theirs.start())
        ):
            return None
        told = [m for m in self.found if m.start < sentence.start]
        return list(told[-1].principals) if told else None

    def _cooccurring(self, sentence: Sentence) -> list[str]:
        """The people a sentence names as possible parties to a meeting (see ``_cooccur``)."""
        people: list[str] = []
        surnames: set[str] = set()
        skipped = 0
        for m in self.doc.mentions_in(sentence.start, sentence.end):
            if m.implicit or self.doc.in_quote(m.start) or self.doc.in_dateline(m.start):
                continue
            if self.doc.kind(m.actor) is not ActorKind.PERSON or m.actor in people:
                continue
            if self.doc.names_government(m):
                continue
            if _NOT_A_PARTY_AFTER.match(self.text, m.end) or _NOT_A_PARTY_BEFORE.search(
                self.text, max(sentence.start, m.start - 40), m.start
            ):
                skipped = m.end
                continue
            if skipped and _CONJUNCTION.fullmatch(self.text, skipped, m.start):
                skipped = m.end  # "greetings of Prime Minister A and President B"
                continue
            surname = m.actor.split()[-1]
            if surname in surnames:
                continue  # "Edgar Lungu and his wife Esther Lungu"
            surnames.add(surname)
            people.append(m.actor)
        countries = [self.doc.countries_of(p) for p in people]
        known = [c for c in countries if c]
        if people and len(known) == len(people) and len(set.union(*known)) == 1:
            return []  # colleagues of one government
        return people

    def _list_goes_on(self, p: ParsedMeeting, end: int) -> list[tuple[str, str | None]]:
        """ "met with his counterpart Fuad Hussein in Baghdad, Prime Minister Mustafa
        Al-Kadhimi, Head of Fatah Alliance Hadi Al-Amiri, ... and Head of the Judiciary Fayek
        Zidane": people the parse lost from a list of titled names after the last one it
        kept, between commas."""
        named = {a for a, _ in p.participants}
        last = [
            m for m in self.doc.mentions_in(p.end, end)
            if m.actor in named and not m.implicit and m.actor != p.participants[0][0]
        ]  # fmt: skip
        if not last:
            return []
        found = self._listed_before(p, last[0])
        named.update(a for a, _ in found)
        pos = last[-1].end
        if re.match(r"\s*;", self.text[last[0].end : end]):
            # "met with A; B, the president's envoy; and C": the parse keeps A and C and
            # loses B, set off by his office between them; such a list is read from A.
            pos = last[0].end
        while True:
            gap = _LIST_GAP.match(self.text, pos, end)
            if gap is None:
                break
            # (a list of long offices and names is often set apart by semicolons)
            stops = [i for i in (self.text.find(c, gap.end(), end) for c in ",;") if i != -1]
            stop = min(stops, default=end)
            people = [
                m for m in self.doc.mentions_in(gap.end(), stop)
                if not m.implicit and self.doc.kind(m.actor) is ActorKind.PERSON
            ]  # fmt: skip
            if not people and stop < end and self._apposition(gap.end(), stop):
                # "met A, Iraq's prime minister-designate, B, head of ...": the office set
                # off after a name; the list goes on after it.
                pos = stop
                continue
            if not people or _SPEECH_AFTER.match(self.text, people[-1].end):
                break  # ("..., Kirby said": the one who tells it)
            if self._verb_between(gap.end(), people[-1].start):
                break  # ("talks with A and spoke on the phone with B": another clause's)
            for person in people:
                # ("..., Morocco PM Abbas El Fassi and EC President Herman Van Rompuy.")
                if person.actor not in named:
                    found.append((person.actor, None))
                    named.add(person.actor)
            pos = people[-1].end
        return found

    def _apposition(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is an office set off after a name: a few words, a
        title among them, no verb."""
        words = self.text[start:end].split()
        if not 1 <= len(words) <= 12 or self._verb_between(start, end):
            return False
        return _APPOSED_OFFICE.search(self.text, start, end) is not None

    def _listed_before(self, p: ParsedMeeting, first: Mention) -> list[tuple[str, str | None]]:
        """ "met Nepal Prime Minister Pushpa Kamal Dahal 'Prachanda', Mauritius Prime Minister
        Pravind Kumar Jugnauth, ...": people the parse lost from the list before the first one
        it kept, set off from it as the list's items are after it."""
        people = [
            m for m in self.doc.mentions_in(p.end, first.start)
            if not m.implicit and self.doc.kind(m.actor) is ActorKind.PERSON
        ]  # fmt: skip
        found: list[Mention] = []
        after = first
        for m in reversed(people):
            if not _LIST_GAP.fullmatch(self.text, m.end, after.start):
                break
            found.insert(0, m)
            after = m
        if not found or self._verb_between(p.end, found[0].start):
            return []
        return [(m.actor, None) for m in found if m.actor != p.participants[0][0]]

    def _verb_between(self, start: int, end: int) -> bool:
        """Whether a verb stands between ``start`` and ``end``, outside the names there (the
        parser may tag a name's word as a verb: "Tshering Tobgay")."""
        if self.doc.parsed is None:
            return False
        span = self.doc.parsed.char_span(start, end, alignment_mode="contract")
        if span is None:
            return False
        names = [(m.start, m.end) for m in self.doc.mentions_in(start, end)]
        return any(
            t.tag_.startswith(("VB", "MD")) and not any(a <= t.idx < b for a, b in names)
            for t in span
        )

    def _clauses(self, sentence: Sentence) -> list[tuple[int, int]]:
        cuts = [sentence.start]
        fronted = _FRONTED_CLAUSE.match(self.text[sentence.start : sentence.end])
        if fronted:
            cuts.append(sentence.start + fronted.end())
        for m in _CLAUSE_BREAK.finditer(self.text, sentence.start, sentence.end):
            if not self.doc.in_quote(m.start()) and m.end() > cuts[-1]:
                cuts.append(m.end())
        cuts.append(sentence.end)
        return [(a, b) for a, b in pairwise(cuts) if b > a]

    # -- one trigger ----------------------------------------------------------------------
    def _meeting(
        self, sentence: Sentence, start: int, end: int, trigger: re.Match[str]
    ) -> Met | None:
        before = self.text[max(start, trigger.start() - 30) : trigger.start()]
        if _NEGATION.search(before):
            return None
        as_noun = bool(trigger.group("noun")) or (
            trigger.group("talk") is not None and _DETERMINER.search(before) is not None
        )  # "his talks with Trump" is a noun, "Putin talks with Xi" a verb
        objects = self._objects(trigger, end, as_noun)
        subjects: list[tuple[str, str | None]] = []
        host = False
        if as_noun:
            hyphenated = self._hyphenated(start, trigger.start())
            between = re.match(r"\s+between\s", self.text[trigger.end() : end])
            if between:
                objects = self._chain(trigger.end() + between.end() - 1, end, direct=True)
            elif hyphenated:
                objects = hyphenated
            elif objects:
                subjects = self._subjects(start, trigger.start(), possessive=True)
            elif _HELD_BEFORE.search(self.text, start, trigger.start()):
                # (the parse may break the list of subjects: "Foreign Minister Andrii Sybiha and
                # his Polish counterpart Radoslaw Sikorski held a phone conversation")
                held = _HELD_BEFORE.search(self.text, start, trigger.start())
                assert held is not None
                together = self._subjects(start, held.start(), possessive=False)
                subjects = together if len(together) >= 2 else []
        else:
            subjects = self._subjects(start, trigger.start(), possessive=False)
            host = trigger.group("verb") is not None and trigger.group("verb").lower() in (
                "hosted", "hosts", "host", "welcomed", "received"
            )  # fmt: skip
        participants: list[tuple[str, str | None]] = []
        for mention, role in [*subjects, *objects]:
            if mention not in [p for p, _ in participants]:
                participants.append((mention, role))
        if host and subjects:
            host_actor: str | None = subjects[0][0]
        else:
            host_actor = None
        if (
            as_noun
            and trigger.group().lower() == "meetings"
            and len(subjects) == 1
            and len(objects) >= 2
        ):
            # "his meetings with Wang and state councillor Yang": one meeting with each
            for other in objects[1:]:
                if other[0] == subjects[0][0]:
                    continue
                alone = self._build(
                    sentence, start, end, (trigger.start(), trigger.end()),
                    self._noun_word(trigger), [subjects[0], other], None,
                )  # fmt: skip
                if alone is not None:
                    self._add(alone)
            participants = [subjects[0], objects[0]]
        return self._build(
            sentence,
            start,
            end,
            (trigger.start(), trigger.end()),
            self._noun_word(trigger),
            participants,
            host_actor,
        )

    def _building(self, actor: str) -> bool:
        """An organisation named for its building ("State House", "Government House", "the
        Oval Office"): where a meeting is held, not a party to it."""
        if self.doc.kind(actor) is not ActorKind.ORGANIZATION:
            return False
        return actor.split()[-1] in _BUILDING_WORDS or actor == "Oval Office"

    def _build(
        self,
        sentence: Sentence,
        start: int,
        end: int,
        trigger: tuple[int, int],
        noun_word: str,
        participants: list[tuple[str, str | None]],
        host: str | None,
        rule: str = "window",
        how: dict[str, str] | None = None,
        tense_end: int | None = None,
    ) -> Met | None:
        if host is not None:
            participants = [(a, "host" if a == host else r) for a, r in participants]
        participants = without_companions(self.doc, participants, trigger[0])
        participants = [(a, r) for a, r in participants if not self._building(a)]
        if len({a for a, _ in participants}) < 2:
            return None
        segment = self.text[start:end]
        status = self._status(start, max(trigger[1], min(end, tense_end or 0)))
        if status is MeetingStatus.HELD and trigger_in_schedule(self.doc, trigger[0]):
            # a line of a schedule has no tense: it is as far ahead as the schedule
            earlier = [m for m in self.found if m.start < sentence.start]
            if earlier and earlier[-1].status is not MeetingStatus.HELD:
                status = earlier[-1].status
        if status is MeetingStatus.HELD and _SEQUEL.match(self.text, start):
            # "will meet Milei on Tuesday before flying to Lima to meet Boluarte": a clause
            # with no tense of its own is as far ahead as the one it follows.
            status = self._status(sentence.start, start)
        place = self._place(start, end, {a for a, _ in participants})
        mode = self._mode(segment, place)
        self._span = None
        date, vague, date_how = self._date(sentence, start, end, status, trigger[0])
        if date is None and status is MeetingStatus.HELD:
            # "building on their productive meeting at the G7", "the two had met for the first
            # time last year": a meeting of another day, never the one the story dates
            words = self.text[max(start, trigger[0] - 40) : trigger[1]]
            vague = vague or bool(_ANOTHER_TIME.search(words) or _EARLIER.search(words))
        return Met(
            participants=participants,
            principals=[a for a, _ in participants],
            start=sentence.start,
            end=sentence.end,
            date=date,
            mode=mode,
            status=status,
            place=place,
            noun=_title_noun(noun_word, mode),
            clause=(start, end),
            vague=vague,
            vague_span=self._span,
            rule=rule,
            date_how=date_how,
            how=dict(how or {}),
        )

    def _actor_ok(self, m: Mention) -> bool:
        kind = self.doc.kind(m.actor)
        return kind is not None and kind is not ActorKind.MEDIA

    def _as_participant(self, m: Mention) -> tuple[str, str | None] | None:
        if not self._actor_ok(m) or self.doc.names_government(m):
            return None
        if m.via == "demonym":
            group = _GROUP_NOUN.match(self.text, m.end)
            if group is None:
                return None
            return m.actor, _singular(group.group("noun").lower())
        if (
            self.doc.kind(m.actor) is ActorKind.COUNTRY
            and _PEOPLE_OF_A_PLACE.match(self.text, m.end)
            and not _GROUP_NOUN.match(self.text, m.end)
        ):
            return None  # "will meet the Fiji students studying at ...": people of it
        return m.actor, None

    def _resolve(self, m: Mention | re.Match[str]) -> tuple[str, str | None] | None:
        if isinstance(m, Mention):
            return self._as_participant(m)
        if m.group().lower() in ("he", "she", "his", "her", "him"):
            actor = self.doc.referent(m.start())
            return (actor, None) if actor else None
        return None

    def _next_mention(self, pos: int, end: int) -> Mention | re.Match[str] | None:
        candidates: list[Mention | re.Match[str]] = [
            m for m in self.doc.mentions_in(pos, end, quoted=False)
        ]
        pronoun = _OBJECT_PRONOUN.search(self.text, pos, end)
        if pronoun is not None:
            candidates.append(pronoun)
        if not candidates:
            return None
        return min(candidates, key=_start)

    def _chain(self, pos: int, end: int, *, direct: bool) -> list[tuple[str, str | None]]:
        """Actors listed from ``pos``: "with Macron, Starmer and Merz"."""
        found: list[tuple[str, str | None]] = []
        filler = _FILLER.match(self.text, pos, end)
        cursor = filler.end() if filler else pos
        first = True
        while True:
            nxt = self._next_mention(cursor, end)
            if nxt is None or (_start(nxt) != cursor and not (first and direct and
                               _FILLER.fullmatch(self.text, cursor, _start(nxt)))):  # fmt: skip
                break
            resolved = self._resolve(nxt)
            if resolved is None or _OWNER.match(self.text, _end(nxt)):
                break  # ("with President Xi's second-in-command": someone else)
            found.append(resolved)
            first = False
            conj = _CONJUNCTION.match(self.text, _end(nxt), end)
            if conj is None or conj.end() == _end(nxt):
                break
            if "and" not in conj.group() and "&" not in conj.group():
                # "ready to meet Zelensky, Lavrov told NBC": a comma before a speaker ends it.
                following = self._next_mention(conj.end(), end)
                if following is not None and _SPEECH_AFTER.match(self.text, _end(following)):
                    break
            cursor = conj.end()
        return found

    def _objects(
        self, trigger: re.Match[str], end: int, noun: bool
    ) -> list[tuple[str, str | None]]:
        rest = self.text[trigger.end() : end]
        if noun:
            # "a meeting at the highest level with Putin": a few words may come between.
            with_ = re.match(r"\s+(?:[\w'\u2019-]+\s+){0,5}?with\s", rest)
            if not with_:
                return []
            return self._chain(trigger.end() + with_.end() - 1, end, direct=True)
        return self._chain(trigger.end(), end, direct=True)

    def _subjects(
        self, start: int, trigger_start: int, *, possessive: bool
    ) -> list[tuple[str, str | None]]:
        head = self.text[start:trigger_start]
        if possessive:
            owner = re.search(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$", head)
            if owner is not None:
                actor = self.doc.referent(start + owner.start())
                return [(actor, None)] if actor else []
            if not re.search(
                r"\b(?:held|hold|holds|holding|had|has|have|having|conducted|a|an)\s+"
                r"(?:[\w-]+\s+){0,2}$", head
            ):  # fmt: skip
                return []
        mentions = [
            m for m in self.doc.mentions_in(start, trigger_start, quoted=False)
            if not self.doc.is_object(m.start, start) and self._actor_ok(m)
        ]  # fmt: skip
        pronouns = [
            p for p in PRONOUN.finditer(self.text, start, trigger_start)
            if p.group().lower() in ("he", "she")
        ]  # fmt: skip
        last: Mention | re.Match[str] | None = None
        if mentions:
            last = mentions[-1]
        if pronouns and (last is None or pronouns[-1].start() > _start(last)):
            last = pronouns[-1]
        if last is None:
            return []
        resolved = self._resolve(last)
        if resolved is None:
            return []
        chain = [resolved]
        if isinstance(last, Mention):
            index = mentions.index(last)
            while index > 0:
                previous = mentions[index - 1]
                gap = self.text[previous.end : mentions[index].start]
                if not _CONJUNCTION.fullmatch(gap):
                    break
                resolved_previous = self._as_participant(previous)
                if resolved_previous is None and previous.via == "demonym" and chain[0][1]:
                    # "Ukrainian and Russian delegations": the noun serves both adjectives.
                    resolved_previous = (previous.actor, chain[0][1])
                if resolved_previous is None:
                    break
                chain.insert(0, resolved_previous)
                index -= 1
        return chain

    def _hyphenated(self, start: int, trigger_start: int) -> list[tuple[str, str | None]]:
        mentions = self.doc.mentions_in(start, trigger_start, quoted=False)
        chain: list[tuple[str, str | None]] = []
        cursor = trigger_start
        for m in reversed(mentions):
            gap = self.text[m.end : cursor]
            if chain and not _HYPHEN.fullmatch(gap):
                break
            if not chain and gap.strip() not in ("", "'s"):
                break
            resolved = self._as_participant(m) if m.via != "demonym" else (m.actor, None)
            if resolved is None:
                break
            chain.insert(0, resolved)
            cursor = m.start
        return chain if len(chain) >= 2 else []

    # -- attributes -----------------------------------------------------------------------
    def _status(self, start: int, trigger_end: int) -> MeetingStatus:
        said = [m.start() for m in _SAID_AFTER.finditer(self.text, start, trigger_end + 12)]
        if said and said[-1] < trigger_end:
            # "Trade will grow, Garcia said yesterday after meeting Calderon": the meeting is
            # before the saying, whatever the words said look forward to
            start = said[-1]
        # ("at the invitation of X" is the occasion of a journey, not a proposal of one)
        window = _ON_INVITATION.sub(" ", self.text[start:trigger_end])
        if _PROPOSED.search(window):
            return MeetingStatus.PROPOSED
        if _PLANNED.search(window):
            return MeetingStatus.PLANNED
        return MeetingStatus.HELD

    def _mode(self, segment: str, place: str | None) -> MeetingMode:
        if _COURTESY.search(segment):
            return MeetingMode.IN_PERSON
        if _VIDEO.search(segment):
            return MeetingMode.VIDEO
        if _PHONE.search(segment):
            return MeetingMode.PHONE
        if place is not None or _VISIT.search(segment):
            return MeetingMode.IN_PERSON
        return MeetingMode.UNKNOWN

    def _place(self, start: int, end: int, participants: set[str]) -> str | None:
        for m in _PLACE.finditer(self.text, start, end):
            if self.doc.in_quote(m.start()):
                continue
            place = m.group("place").strip().rstrip(".,")
            if not place or _NOT_PLACES.match(place):
                continue
            first = place.split(",")[0].strip()
            mentions = self.doc.mentions_in(m.start("place"), m.start("place") + len(first) + 4)
            if any(self.doc.kind(x.actor) in (ActorKind.PERSON, ActorKind.MEDIA) for x in mentions):
                continue
            if any(x.actor in participants and x.via != "metonym" for x in mentions):
                continue
            if "," in place:
                second = place.split(",", 1)[1].strip()
                tail_start = m.start("place") + place.index(second)
                if self.doc.mentions_in(tail_start, tail_start + len(second)):
                    place = first
            return place
        return None

    def _date(
        self,
        sentence: Sentence,
        start: int,
        end: int,
        status: MeetingStatus,
        trigger: int | None = None,
    ) -> tuple[dt.date | None, bool, str | None]:
        """The day, whether the text gave only a vague time, and how the day was read. A
        quotation's dates are its speaker's, except for a meeting told inside that quote."""
        future = status is not MeetingStatus.HELD
        own = quote_start(self.doc, trigger) if trigger is not None else None
        # ("met Xi on Saturday, two days after his talks with Putin": the count of days that
        # leads into this meeting's clause is its day, counted back from Saturday)
        lead = [
            d for d in self.doc.dates_in(sentence.start, min(end, start + 16))
            if d.kind == "same_day" and d.offset and d.start < start <= d.end + 8
        ]  # fmt: skip
        mentions = [
            d for d in [*lead[-1:], *self.doc.dates_in(start, end)]
            if quote_start(self.doc, d.start) in (None, own)
            and self._hangs(d, trigger) not in ("speech", "event", "other")
            and not self._dateline(d, sentence)
        ]  # fmt: skip
        vague = [d for d in mentions if d.kind == "vague" and self._hangs(d, trigger) is None]
        if vague and not any(
            d.kind != "vague" and self._hangs(d, trigger) is None for d in mentions
        ):  # ("met on Sunday, the third such meeting this month": Sunday)
            self._span = vague_span(
                self.text[vague[0].start : vague[0].end], self.doc.anchor, future=future
            )
            return None, True, None
        mentions = [d for d in mentions if d.kind != "vague"]
        if trigger is not None and len(mentions) > 1:
            # "Thursday, September 15, 2022 - Ruto met Mohamud yesterday": of several days in
            # the clause, the one the parse hangs on the meeting, the nearest first
            mentions.sort(key=lambda d: (self._hangs(d, trigger) is not None,
                                         abs(d.start - trigger)))  # fmt: skip
        for d in mentions:
            if d.kind == "same_day":
                day = self.doc.day_before(d.start, future=future)
                if day is not None:
                    day += dt.timedelta(days=d.offset)
                return day, False, "linked" if day is not None else None
            day = resolve(d, self.doc.anchor, future=future)
            return day, False, d.kind if day is not None else None
        fronted = [
            d
            for d in self.doc.dates_in(sentence.start, min(sentence.end, sentence.start + 30))
            if self.text[sentence.start : d.start].strip() in ("", "On", "on")
            and self.text[d.end : d.end + 1] == ","
        ]
        if fronted:
            day = resolve(fronted[0], self.doc.anchor, future=future)
            return day, False, fronted[0].kind if day is not None else None
        whole = [
            d for d in self.doc.dates_in(sentence.start, sentence.end)
            if not self.doc.in_quote(d.start)
            and self._hangs(d, trigger) not in ("speech", "event", "other")
            and not self._dateline(d, sentence)
        ]  # fmt: skip
        alone = not self._other_meeting(sentence, start)
        if len(whole) == 1 and whole[0].kind != "vague" and alone:
            # "Erdogan on Sunday urged al-Sudani ... during a phone call": the sentence's one
            # date is the call's, wherever the clauses were cut.
            day = resolve(whole[0], self.doc.anchor, future=future)
            return day, False, "sentence" if day is not None else None
        for said in self.statements:
            written = said.written or (said.medium or "").startswith("post")
            inside = said.attribution is not None and (
                said.attribution[0] <= start < said.attribution[1]
            )
            if inside and written and said.date is not None:
                return said.date, False, "post"
        return None, False, None

    def _dateline(self, d: DateMention, sentence: Sentence) -> bool:
        """ "Thursday, September 15, 2022 - Ruto met ... yesterday": the day of writing set
        before the first sentence, not the day of what it tells."""
        head = self.text[sentence.start : d.start]
        return (
            len(head) < 40
            # a dateline's day opens the paragraph or follows its place ("LIMA, June 28 (AP)
            # -"), never a word of the story ("He met today (18) with") nor a schedule's
            # bullet ("- Thursday (noon): Talks with ...")
            and (not head.strip() or head.rstrip().endswith(","))
            and _DATELINE_END.match(self.text, d.end) is not None
            and (
                # "HAVANA, Cuba, Sep 17 (ACN)": a place in capitals opens a dateline even when
                # a country named after it is an actor
                _CAPS_PLACE.match(head) is not None
                or not any(m.start < d.start for m in self.doc.mentions_in(sentence.start, d.start))
            )
        )

    def _hangs(self, d: DateMention, trigger: int | None) -> str | None:
        """ "speech" when the parse hangs the date on the verb that reports the meeting ("the
        ministry said Friday"), "other" on another verb ("since he took office last month")."""
        if trigger is None:
            return None
        return date_attachment(self.doc, d.start, d.end, trigger)

    def _other_meeting(self, sentence: Sentence, clause_start: int) -> bool:
        """Another meeting was already found in another clause of this sentence."""
        return any(m.start == sentence.start and m.clause[0] != clause_start for m in self.found)

    @staticmethod
    def _noun_word(trigger: re.Match[str]) -> str:
        if trigger.group("noun"):
            return trigger.group().lower().split()[-1]
        if trigger.group("talk"):
            return "talks"
        return "meeting"

    def _occasion(self, sentence: Sentence, start: int, end: int, actor: str) -> None:
        """ "Mohamad held several bilateral meetings with his counterparts ... on Tuesday": no
        one to meet is named, but the day is that of the meetings told next."""
        date, vague, _ = self._date(sentence, start, end, MeetingStatus.HELD)
        if date is not None and not vague:
            self.occasions.append((sentence.start, actor, date))

    # -- ceremonies ---------------------------------------------------------------------------
    def credentials(self) -> None:
        """A head of state receiving ambassadors' credentials meets each envoy the article
        names ("accepted credentials presented by thirteen newly-appointed Ambassadors ...
        These Ambassadors are A, B, ..."; "The other envoys received were A (Korea), B
        (Niger)"): one meeting per envoy, on the ceremony's day, as the gold and the
        protocol have it (each presents alone)."""
        ceremony = next(
            (s for s in self.doc.sentences if _CREDENTIALS.search(self.text, s.start, s.end)),
            None,
        )
        if ceremony is None:
            return
        envoys = self._envoys()
        receiver = self._receiver(ceremony, envoys)
        if receiver is None or not envoys:
            return
        met_already = {
            a
            for met in self.found
            if receiver in met.principals and met.status is MeetingStatus.HELD
            for a in met.principals
        }  # (an invitation to visit is no meeting held: "she has extended an invitation")
        trigger = _CREDENTIALS.search(self.text, ceremony.start, ceremony.end)
        assert trigger is not None
        # ("The other envoys received were A (Korea), B (Niger)": a list of those who met the
        # receiver, not a meeting of theirs with one another)
        self.found = [
            m for m in self.found if not (m.rule == "cooccur" and set(m.principals) <= set(envoys))
        ]
        for envoy in envoys:
            if envoy in met_already or envoy == receiver:
                continue
            met = self._build(
                ceremony, ceremony.start, ceremony.end, trigger.span(), "meeting",
                [(receiver, "host"), (envoy, None)], receiver, rule="credentials",
            )  # fmt: skip
            if met is not None:
                if met.mode is MeetingMode.UNKNOWN:
                    met.mode = MeetingMode.IN_PERSON  # (credentials are handed over in person)
                self._add(met)

    def _receiver(self, ceremony: Sentence, envoys: list[str]) -> str | None:
        """Who receives the credentials: a head of state or government the ceremony's
        sentence names, else the person the article names most."""
        people = [
            m.actor
            for m in self.doc.mentions_in(0, len(self.text))
            if self.doc.kind(m.actor) is ActorKind.PERSON and m.actor not in envoys
        ]
        leaders = [
            p for p in people
            if any(r.title in LEADER_TITLES | HEAD_OF_STATE_TITLES for r in self.doc.book.roles(p))
        ]  # fmt: skip
        here = {m.actor for m in self.doc.mentions_in(ceremony.start, ceremony.end)}
        if here & set(leaders):
            return min(here & set(leaders), key=leaders.index)
        others = [p for p in dict.fromkeys(people) if p in here]
        if len(others) == 1:
            # "presented his Letter of Credence to the Governor General of Australia, Her
            # Excellency Quentin Bryce": the one person the ceremony names beside the envoys
            return others[0]
        if people:
            # the host the story is about, named most (not the head of state who sent one)
            return max(
                dict.fromkeys(people),
                key=lambda p: (people.count(p), p in leaders, -people.index(p)),
            )
        return self.doc.subject_before(ceremony.start, same_paragraph=False)

    def _envoys(self) -> list[str]:
        """The people the article names as envoys: by an envoy's title, or in a list of the
        envoys received ("The other envoys received were A (Korea), B (Niger)")."""
        found: dict[str, None] = {}
        for m in self.doc.mentions_in(0, len(self.text), quoted=False):
            if self.doc.kind(m.actor) is not ActorKind.PERSON:
                continue
            # ("High Commissioner to Malawi", "Ambassador to Zambia": the title with its post)
            titled = any(
                r.title.split(" to ")[0] in _ENVOY_TITLES for r in self.doc.book.roles(m.actor)
            )
            sentence = self.doc.sentence_at(m.start)
            listed = _ENVOY_LIST.search(self.text, sentence.start, m.start)
            if titled or listed:
                found.setdefault(m.actor, None)
        return list(found)

    # -- dates across sentences -------------------------------------------------------------
    def dates_of_occasions(self) -> None:
        """An undated meeting of someone whose day of meetings the article gave before (not
        one still to come: "they hoped to meet again")."""
        for met in self.found:
            if met.date is not None or met.vague or met.status is not MeetingStatus.HELD:
                continue
            earlier = [
                (pos, day) for pos, actor, day in self.occasions
                if pos < met.start and actor in met.principals and met.start - pos < 1500
            ]  # fmt: skip
            if earlier:
                met.date = max(earlier)[1]
                met.date_how = "linked"

    def dates_told_later(self) -> None:
        """ "Jaishankar held talks with Herath. The meeting took place on Friday in Colombo.":
        a meeting named in one sentence and dated in one of the next two, which refers back to
        it ("the meeting", "the talks", "the two leaders") and names no meeting of its own."""
        sentences = self.doc.sentences
        starts = {m.start for m in self.found}
        for met in self.found:
            if met.date is not None or (met.vague and met.vague_span is None):
                continue
            index = self.doc.sentence_index(met.start)
            for later in sentences[index + 1 : index + 3]:
                back = _REFERS_BACK.search(self.text, later.start, later.end)
                if back is None and later.start in starts:
                    break  # another meeting's own sentence
                back = back or self._retold(met, later)
                if back is None:
                    continue
                if self._another_occasion(met, back.group()):
                    break
                dates = self._unquoted_dates(later)
                if not dates:
                    # ("Ardern had a meeting with Xi. The 50-minute meeting late on Friday
                    # ran longer": told again with no time, then dated)
                    continue
                if len(dates) != 1 or dates[0].kind == "vague":
                    break
                if any(
                    m.clause[0] <= back.start() < m.clause[1]
                    and set(m.principals) == set(met.principals)
                    and m.status is not met.status
                    for m in self.found
                ):
                    # "They had a brief meeting at the airbase. They will lead their
                    # delegations at the talks to be held on Wednesday": the day of the pair's
                    # other meeting, the one that sentence tells
                    break
                if date_attachment(self.doc, dates[0].start, dates[0].end, back.start()):
                    # "Both leaders are attending the assembly that opens on Tuesday": the
                    # day of something else the sentence tells.
                    break
                day = self._day_for(met, dates[0])
                if met.vague_span is not None and not (
                    day is not None and met.vague_span[0] <= day <= met.vague_span[1]
                ):
                    break  # ("talks this week" are not dated by a day of another week)
                met.date = day
                met.date_how = "linked" if met.date is not None else None
                met.vague = met.vague and met.date is None
                break

    def _another_occasion(self, met: Met, back: str) -> bool:
        """Whether the occasion a later sentence refers back to ("at the summit") is another
        one that the meeting's own sentence names: "The latest conversation between the two
        followed the NATO summit this week. During Biden's news conference Thursday evening
        at the summit, ..." dates the summit's evening, not the conversation."""
        noun = back.split()[-1].lower()
        if noun not in _OCCASION_NOUNS or noun in met.noun.lower():
            return False
        sentence = self.doc.sentence_at(met.start)
        return re.search(rf"(?i)\b{noun}\b", self.text[sentence.start : sentence.end]) is not None

    def _day_for(self, met: Met, mention: DateMention) -> dt.date | None:
        """The day ``mention`` gives ``met``: read forward for a meeting still to come."""
        return resolve(mention, self.doc.anchor, future=met.status is not MeetingStatus.HELD)

    def dates_of_a_day_before(self) -> None:
        """ "On late Thursday 26th of January 2012. Sayeed Amar al-Hakeem ... met Recep Tayyip
        Erdogan": a sentence that is only a day dates the undated meeting told next."""
        for met in self.found:
            index = self.doc.sentence_index(met.start)
            if met.date is not None or met.vague or index == 0:
                continue
            before = self.doc.sentences[index - 1]
            dates = self._unquoted_dates(before)
            if len(dates) != 1 or dates[0].kind == "vague":
                continue
            rest = self.text[before.start : dates[0].start] + self.text[dates[0].end : before.end]
            if _ONLY_A_DAY.fullmatch(rest):
                met.date = self._day_for(met, dates[0])
                met.date_how = "linked" if met.date is not None else None

    def _retold(self, met: Met, sentence: Sentence) -> re.Match[str] | None:
        """ "May spoke with Canadian Prime Minister Justin Trudeau ... The Prime Minister
        called Prime Minister Trudeau of Canada earlier today.": a sentence that tells the
        meeting again, by a word of its kind with one of its people after it and no one else
        named, refers back to it."""
        word = (_PHONE if met.mode is MeetingMode.PHONE else _RETOLD).search(
            self.text, sentence.start, sentence.end
        )
        if word is None or self.doc.in_quote(word.start()):
            return None
        people = [
            m
            for m in self.doc.mentions_in(sentence.start, sentence.end)
            if self.doc.kind(m.actor) is ActorKind.PERSON
        ]
        if not people or any(m.actor not in met.principals for m in people):
            return None
        # (who it was with, not only who sought it: "Sogavare has been a most wanted person
        # to talk to since Monday" tells no meeting again)
        return word if any(m.start > word.end() for m in people) else None

    def listed_after_colon(self) -> None:
        """ "The officials Clinton met with this week:" and, as the next paragraph, a list of
        people ("Prime Minister Lee Hsien Loong of Singapore, Foreign Minister ..."): a
        meeting of the one who met with each person listed."""
        paragraphs = self.doc.paragraphs
        for at, lead in enumerate(paragraphs[:-1]):
            said = _MET_WITH_COLON.search(self.text[lead.start : lead.end].rstrip())
            if said is None:
                continue
            listed = paragraphs[at + 1]
            if _VERB_OF_A_SENTENCE.search(self.text[listed.start : listed.end].split(",")[0]):
                continue  # a sentence, not a list
            end = listed.end
            if self._list_item(listed):
                # one person to a paragraph: "Gan Kim Yong, Minister for Trade and Industry
                # of Singapore", then the next, each without a full stop
                for item in paragraphs[at + 2 :]:
                    if not self._list_item(item):
                        break
                    end = item.end
            verb = (lead.start + said.start("verb"), lead.start + said.end("verb"))
            self._each_listed_met(lead.start, verb, listed.start, end)

    def _list_item(self, paragraph: Paragraph) -> bool:
        """Whether a paragraph is one item of a list: short, no sentence's end, no verb of a
        sentence in its first part ("Gan Kim Yong, Minister for Trade and Industry of
        Singapore")."""
        text = self.text[paragraph.start : paragraph.end].strip()
        return (
            not ends_sentence(text)
            and len(text.split()) <= 30
            and not _VERB_OF_A_SENTENCE.search(text.split(",")[0])
        )

    def listed_after_group(self) -> None:
        """ "Lungu also met three other leaders, King Mswati of Swaziland, Lesotho's Prime
        Minister Pakalitha Mosisili and Ethiopian Prime Minister Hailemariam Desalegn": each
        person listed after the group met the one who met it."""
        for sentence in self.doc.sentences:
            said = _MET_GROUP_THEN_LIST.search(self.text, sentence.start, sentence.end)
            if said is not None:
                self._each_listed_met(sentence.start, said.span("verb"), said.end(), sentence.end)

    def _each_listed_met(self, since: int, verb: tuple[int, int], start: int, end: int) -> None:
        """A meeting, rule "list", of the person named right before ``verb`` (after
        ``since``) with each of two or more people listed in ``text[start:end]``."""
        whos = [
            m for m in self.doc.mentions_in(since, verb[0])
            if self.doc.kind(m.actor) is ActorKind.PERSON
        ]  # fmt: skip
        if not whos or (
            whos[-1].end < verb[0] - 12
            # (or with an office set off between: "Mary Ng, Minister of Small Business, ...
            # and International Trade met with")
            and not (
                self.text.startswith(",", whos[-1].end)
                and self._apposition(whos[-1].end + 1, verb[0])
            )
        ):
            return  # (the one who met stands right before the verb)
        who = whos[-1].actor
        people = [
            m.actor for m in self.doc.mentions_in(start, end)
            if self.doc.kind(m.actor) is ActorKind.PERSON and m.actor != who
        ]  # fmt: skip
        if len(set(people)) < 2:
            return
        sentence = self.doc.sentence_at(verb[0])
        for person in dict.fromkeys(people):
            met = self._build(
                sentence, verb[0], end, verb, "meeting", [(who, None), (person, None)], None,
                rule="list",
            )  # fmt: skip
            if met is not None:
                self._add(met)

    def people_of_group_meetings(self) -> None:
        """ "The foreign ministers of Fiji and New Zealand met in Auckland on Saturday ..."
        then "the talks between Murray McCully and Ratu Inoke Kubuabola focused on ...": the
        meeting of the countries' office holders, referred to again within two sentences with
        as many people named, is one meeting. The people's takes its day, place and mode, and
        the countries' goes."""
        gone: list[Met] = []
        for group in self.found:
            if group.date is None or not all(
                self.doc.kind(a) is ActorKind.COUNTRY and group.how.get(a) == "group"
                for a in group.principals
            ):
                continue
            at = self.doc.sentence_index(group.start)
            for people in self.found:
                if (
                    people.date is not None
                    or people.status is not group.status
                    or len(people.principals) != len(group.principals)
                    or not all(self.doc.kind(a) is ActorKind.PERSON for a in people.principals)
                    or not 0 < self.doc.sentence_index(people.start) - at <= 2
                    or not self._referred_again(people)
                ):
                    continue
                people.date, people.date_how = group.date, "linked"
                people.place = people.place or group.place
                if people.mode is MeetingMode.UNKNOWN:
                    people.mode = group.mode
                gone.append(group)
                break
        self.found = [m for m in self.found if not any(m is g for g in gone)]

    def _referred_again(self, met: Met) -> bool:
        """Whether a meeting's noun is definite: "the talks between A and B"."""
        noun = re.escape(met.noun)
        return bool(re.search(rf"{_DEFINITE_BEFORE}{noun}\b", self.text[slice(*met.clause)], re.I))

    def bearers_of_messages(self) -> None:
        """ "Al-Bashir on Sunday received a verbal message from Deby ... the Chadian foreign
        minister, Moussa Faki Mahamat, who conveyed the message": the one who brought a
        message the story told received met its receiver, on the day it was received."""
        for received in _RECEIVED_MESSAGE.finditer(self.text):
            if self.doc.in_quote(received.start()):
                continue
            index = self.doc.sentence_index(received.start())
            sentence = self.doc.sentences[index]
            receiver = self.doc.subject(sentence.start, received.start())
            if receiver is None:
                continue
            sender = self.doc.subject(received.end(), sentence.end)
            days = {
                resolve(d, self.doc.anchor) for d in self._unquoted_dates(sentence)
                if d.kind not in ("vague", "same_day")
            }  # fmt: skip
            day = days.pop() if len(days) == 1 else None
            for later in self.doc.sentences[index + 1 : index + 5]:
                brought = _BROUGHT_MESSAGE.search(self.text, later.start, later.end)
                if brought is None:
                    continue
                bearers = [
                    m.actor for m in self.doc.mentions_in(later.start, brought.start())
                    if self.doc.kind(m.actor) is ActorKind.PERSON
                    and m.actor not in (receiver.actor, sender.actor if sender else None)
                ]  # fmt: skip
                if bearers:
                    self._met_the_bearer(later, brought, receiver.actor, bearers[-1], day)
                break

    def _met_the_bearer(
        self, sentence: Sentence, brought: re.Match[str], receiver: str, bearer: str,
        day: dt.date | None,
    ) -> None:  # fmt: skip
        told = [m for m in self.found if {receiver, bearer} <= set(m.principals)]
        if not told:
            met = self._build(
                sentence, sentence.start, sentence.end, brought.span(), "meeting",
                [(receiver, "host"), (bearer, None)], receiver, rule="message",
            )  # fmt: skip
            if met is None or met.status is not MeetingStatus.HELD:
                return
            met.mode = MeetingMode.IN_PERSON  # (a message is handed over in person)
            self._add(met)
            told = [m for m in self.found if {receiver, bearer} <= set(m.principals)]
        for met in told:
            if met.date is None and day is not None:
                met.date, met.date_how = day, "message"

    def next_meetings_of_the_pair(self) -> None:
        """ "The two ministers agreed to hold a second meeting", "the next round of talks will
        be held in New Delhi": a meeting to come that names no one is the two countries' whose
        people met in the meeting told before, or of the two the sentence names."""
        for found in _NEXT_MEETING.finditer(self.text):
            sentence = self.doc.sentence_at(found.start())
            if not _PLANNED.search(self.text, sentence.start, sentence.end):
                continue
            if self.doc.in_quote(found.start()) or (
                found.group("noun").lower() == "summit" and "bilateral" not in found.group().lower()
            ):
                continue  # (a summit of many: "the next Arab summit")
            if any(sentence.start <= m.start < sentence.end for m in self.found):
                continue
            pair = self._countries_named(*found.span()) or self._countries_met_before(
                sentence.start
            )
            if pair is None:
                continue
            met = self._build(
                sentence, sentence.start, sentence.end, found.span("noun"),
                found.group("noun"), [(c, None) for c in pair], None,
                rule="next", tense_end=sentence.end,
            )  # fmt: skip
            if met is not None and met.status is not MeetingStatus.HELD:
                self._add(met)

    def _countries_named(self, start: int, end: int) -> list[str] | None:
        """The two countries named in the words of a meeting: "Polish-British meetings"."""
        named = list(dict.fromkeys(
            m.actor for m in self.doc.mentions_in(start, end, implicit=True)
            if self.doc.kind(m.actor) is ActorKind.COUNTRY
        ))  # fmt: skip
        return named if len(named) == 2 else None

    def _countries_met_before(self, pos: int) -> list[str] | None:
        before = [m for m in self.found if m.start < pos]
        if not before:
            return None
        countries: list[str] = []
        for actor in before[-1].principals:
            of = self.doc.countries_of(actor)
            kind = self.doc.kind(actor)
            if len(of) != 1 or kind not in (ActorKind.COUNTRY, ActorKind.PERSON):
                return None
            countries.append(of.pop())
        pair = list(dict.fromkeys(countries))
        return pair if len(pair) == 2 else None

    def dates_of_linked_clauses(self) -> None:
        """ "Blinken also met Shoukry following his talks with al-Sisi": a meeting told in one
        sentence with another of the same person, before or after it, that the text dated,
        took place that day."""
        for position, clause, met in self.told:
            if met.date is not None or met.vague:
                continue
            linked = [
                other for at, other_clause, other in self.told
                if at == position and other_clause != clause and other is not met
                and other.date is not None and set(other.principals) & set(met.principals)
                and other.status is met.status
            ]  # fmt: skip
            if linked:
                met.date, met.date_how = linked[0].date, "linked"

    def dates_of_the_narrative(self) -> None:
        """ "The king is scheduled to arrive in Dhaka on Monday. The president is expected to
        receive the king at the airport.": an undated meeting in a sentence with no time of
        its own happens on the day the sentence before gave to the same person's doings."""
        for met in self.found:
            if met.date is not None or met.vague:
                continue
            index = self.doc.sentence_index(met.start)
            own = [d for d in self.doc.dates_in(met.start, met.end) if d.kind != "vague"]
            if index == 0 or own:
                continue  # (a vague time of something else in it, "in August", is no day)
            before = self.doc.sentences[index - 1]
            dates = self._unquoted_dates(before)
            if not dates and index >= 2 and _GOES_ON_ABOUT.match(self.text, before.start):
                # "Meles on Wednesday reaffirmed ... He said this while meeting UNMEE
                # officials. During their talks, ...": a sentence that only goes on about the
                # one before passes its day on
                before = self.doc.sentences[index - 2]
                dates = self._unquoted_dates(before)
            if not dates or any(d.kind in ("vague", "same_day") for d in dates):
                continue
            if _VISIT_OF_DAYS.search(self.text, before.start, before.end) or (
                _DURING_TRIP.search(self.text, met.start, met.end)
                and _DAYS_LONG.search(self.text, before.start, before.end)
            ):
                # "ended his two-day visit to Benin yesterday. During the visit, he met ...",
                # "arrived on Monday for a three-day visit. During the visit, ...": some day
                # of the visit, not always the one it began or ended on
                continue
            # (not the start of a time: "his first trip since he took office on 16 October")
            dates = [d for d in dates if not _SINCE.search(self.text, before.start, d.start)]
            if not dates:
                continue
            subject = self.doc.subject(before.start, before.end)
            doer = self.doc.antecedent(before.start + 1) if subject is None else subject.actor
            leading = PRONOUN.match(self.text, before.start)
            if leading is not None and leading.group().lower() in ("he", "she"):
                doer = self.doc.referent(before.start)
            if doer not in met.principals and not _EVENT_TOOK_PLACE.search(
                self.text, before.start, before.end
            ):
                continue  # (unless it told of the occasion: "On 8 July a seminar took place")
            ahead = bool(_PLANNED.search(self.text, before.start, before.end))
            then = _THEN.match(self.text, self.doc.sentences[index].start)
            if ahead != (met.status is not MeetingStatus.HELD) and then is None:
                # "X met Y on Monday. They hope to meet again": not that Monday ("Today he
                # joins the retreat. Later he is due to meet Y": that day, later on)
                continue
            future = met.status is not MeetingStatus.HELD
            # (one day, however often told: "April 5, 2006 (ADDIS ABABA) — ... on Wednesday")
            days = {resolve(d, self.doc.anchor, future=future) for d in dates}
            if len(days) == 1 and (day := days.pop()) is not None:
                met.date, met.date_how = day, "narrative"

    def dates_of_arrivals(self) -> None:
        """ "Akufo-Addo arrived in Lusaka on Monday evening. ... He was met on arrival by
        President Lungu.": a welcome on arrival, with no time of its own, is held the one day
        the article gives a participant's arrival."""
        for met in self.found:
            if met.date is not None or met.vague or met.status is not MeetingStatus.HELD:
                continue
            sentence = self.doc.sentence_at(met.start)
            if not _ON_ARRIVAL.search(self.text, sentence.start, sentence.end):
                continue
            if self.doc.dates_in(sentence.start, sentence.end):
                continue
            days: set[dt.date | None] = set()
            for other in self.doc.sentences:
                if other is sentence or not _ARRIVED.search(self.text, other.start, other.end):
                    continue
                if _PLANNED.search(self.text, other.start, other.end):
                    continue  # "is expected to arrive on Monday": told before it happened
                named = {m.actor for m in self.doc.mentions_in(other.start, other.end)}
                if not named & set(met.principals):
                    continue
                days |= {resolve(d, self.doc.anchor) for d in self._unquoted_dates(other)
                         if d.kind not in ("vague", "same_day")}  # fmt: skip
            if len(days) == 1 and (day := days.pop()) is not None:
                met.date, met.date_how = day, "narrative"

    def dates_of_the_trip(self) -> None:
        """ "Lavrov will pay an official visit to Azerbaijan on November 20. Lavrov is
        scheduled to meet his Azerbaijani counterpart in Baku": an undated meeting, told as part
        of a journey the article dated a sentence or two before ("During the visit, ...") or,
        still to come, with someone of the country visited, is on the journey's day, when the
        journey is told as one day (not "a three-day visit")."""
        for met in self.found:
            if met.date is not None or met.vague or met.status is MeetingStatus.PROPOSED:
                continue
            index = self.doc.sentence_index(met.start)
            sentence = self.doc.sentences[index]
            if any(d.kind != "vague" for d in self.doc.dates_in(sentence.start, sentence.end)):
                continue
            during = _DURING_TRIP.search(self.text, sentence.start, sentence.end) is not None
            if not during and met.status is MeetingStatus.HELD:
                # (a visit told as past, and a talk with a host with no day: the visit may
                # have lasted days; a schedule announced names the day it sets)
                continue
            for before in reversed(self.doc.sentences[max(0, index - _TRIP_SENTENCES) : index]):
                trip = self._trip(before, met, during=during)
                if trip is None:
                    continue
                ahead = bool(_PLANNED.search(self.text, before.start, before.end))
                if ahead == (met.status is MeetingStatus.HELD):
                    break  # ("arrived on Monday; he is to meet ...": not told as that day)
                met.date = self._day_for(met, trip)
                met.date_how = "linked" if met.date is not None else None
                break

    def dates_of_a_days_visit(self) -> None:
        """ "Kufuor on Monday held talks with Gnassingbe, who is on a day's visit to Ghana.
        ... Gnassingbe was met on arrival by the foreign minister.": the visitor's undated
        meetings of a visit of one day were held on its day."""
        days: dict[str, set[dt.date | None]] = {}
        for visit in _ONE_DAY_VISIT.finditer(self.text):
            if self.doc.in_quote(visit.start()):
                continue
            sentence = self.doc.sentence_at(visit.start())
            if _PLANNED.search(self.text, sentence.start, sentence.end):
                continue
            dates = [d for d in self._unquoted_dates(sentence) if d.kind != "vague"]
            # (the visitor: the last person named before the visit, not the host who met them)
            people = [
                m for m in self.doc.mentions_in(sentence.start, visit.start())
                if self.doc.kind(m.actor) is ActorKind.PERSON
            ]  # fmt: skip
            if people and dates:
                visitor = people[-1].actor
                days.setdefault(visitor, set()).update(resolve(d, self.doc.anchor) for d in dates)
        for met in self.found:
            if met.date is not None or met.vague or met.status is not MeetingStatus.HELD:
                continue
            known = [days[p] for p in met.principals if len(days.get(p, ())) == 1]
            if len(known) == 1 and (day := next(iter(known[0]))) is not None:
                met.date, met.date_how = day, "narrative"

    def _trip(self, sentence: Sentence, met: Met, *, during: bool) -> DateMention | None:
        """The one day of the journey ``sentence`` tells, if it is a journey of one of
        ``met``'s people that ``met`` belongs to."""
        word = _TRIP.search(self.text, sentence.start, sentence.end)
        if word is None or self.doc.in_quote(word.start()):
            return None
        if _DAYS_LONG.search(self.text, sentence.start, sentence.end):
            return None
        named = self.doc.mentions_in(sentence.start, sentence.end)
        if during:
            travellers = {m.actor for m in named if m.actor in met.principals}
            if not travellers or travellers == set(met.principals):
                return None
        else:
            # (the one who travels is named before the journey, the country after it; a host
            # may be named too: "visited Athens, Greece on Tuesday, upon an invitation by his
            # Greek counterpart Samaras")
            travellers = {
                m.actor for m in named if m.actor in met.principals and m.end <= word.start()
            }
            visited = {
                m.actor for m in named
                if m.start > word.start() and self.doc.kind(m.actor) is ActorKind.COUNTRY
            }  # fmt: skip
            hosts = [p for p in met.principals if p not in travellers]
            if not travellers or not hosts or not visited:
                return None
            if not all(self.doc.countries_of(p) & visited for p in hosts):
                return None
        dates = [
            d for d in self._unquoted_dates(sentence)
            if d.kind not in ("vague", "same_day")
            and date_attachment(self.doc, d.start, d.end, word.start()) is None
        ]  # fmt: skip
        # (the day right after the journey's word is its own: "an official visit to
        # Azerbaijan on November 20, Zakharova said at a briefing on November 16")
        close = [d for d in dates if _TRIP_TO_DAY.fullmatch(self.text, word.end(), d.start)]
        return close[0] if close else dates[0] if len(dates) == 1 else None

    def _unquoted_dates(self, sentence: Sentence) -> list[DateMention]:
        return [
            d for d in self.doc.dates_in(sentence.start, sentence.end)
            if not self.doc.in_quote(d.start)
        ]  # fmt: skip

    def _undated_held_told(self, told: re.Pattern[str]) -> Iterator[tuple[Met, int]]:
        """The held meetings with no day whose sentence matches ``told`` and gives no time of
        its own, with the index of that sentence."""
        for met in self.found:
            if met.date is not None or met.vague or met.status is not MeetingStatus.HELD:
                continue
            index = self.doc.sentence_index(met.start)
            sentence = self.doc.sentences[index]
            if not told.search(self.text, sentence.start, sentence.end):
                continue
            if any(d.kind != "vague" for d in self.doc.dates_in(sentence.start, sentence.end)):
                continue
            yield met, index

    def dates_of_the_days_round(self) -> None:
        """ "Aoun met the Lebanese ambassador on Monday. ... Aoun also received the energy
        minister.": a meeting told as one more of the same person's round of meetings, with
        no time of its own, was held the day the meeting told just before it was."""
        for met, index in self._undated_held_told(_ONE_MORE):
            # (the last meeting held: "Albright met Ivanov today ... They are to meet again
            # tomorrow. Albright later met Luzhkov" is today's round, not tomorrow's)
            earlier = [
                other for other in self.found
                if other is not met and other.start < met.start
                and self.doc.sentence_index(other.start) >= index - _ROUND_SENTENCES
                and other.status is MeetingStatus.HELD
            ]  # fmt: skip
            if not earlier:
                continue
            last = max(earlier, key=lambda m: m.start)
            if (
                last.date is not None
                and not last.vague
                and last.status is MeetingStatus.HELD
                and set(last.principals) & set(met.principals)
            ):
                met.date, met.date_how = last.date, "round"

    def dates_of_the_meeting_told(self) -> None:
        """ "Prime Ministers of Nepal and India on Sunday held a bilateral meeting ... Dahal
        and his Indian counterpart Modi held the meeting on the sidelines of the summit": a
        meeting held, named with "the" and no time of its own, is the one told just before
        with someone of it, and was held that day."""
        for met, index in self._undated_held_told(_HELD_THE_MEETING):
            earlier = [
                other for other in self.found
                if index - _ROUND_SENTENCES <= self.doc.sentence_index(other.start) < index
                and other.status is MeetingStatus.HELD
                and other.date is not None and not other.vague
                and set(other.participants) & set(met.participants)
            ]  # fmt: skip
            days = {other.date for other in earlier}
            if len(days) == 1:
                met.date, met.date_how = days.pop(), "linked"

    def dates_by_their_day(self) -> None:
        """ "Davutoglu's talks with Droutsas and Papandreou ... Tuesday's talks included
        Libya": the article names its meeting by its day. Only when it names one such day, and
        only for meetings already held (a "Tuesday's meeting" still to come is another)."""
        days = set()
        for named in _DAYS_MEETING.finditer(self.text):
            if self.doc.in_quote(named.start()):
                continue
            # (the document's own reading of the day: "this Saturday's meeting" is one mention)
            at = named.start()
            mention = next((d for d in self.doc.dates if d.start <= at < d.end), None)
            day = resolve(mention, self.doc.anchor) if mention else None
            if day is not None:
                days.add(day)
        if len(days) != 1:
            return
        (day,) = days
        for met in self.found:
            if met.date is None and not met.vague and met.status is MeetingStatus.HELD:
                if self.doc.in_quote(met.start) or _ANOTHER_TIME.search(self.text, *met.clause):
                    continue  # "my earlier talks with President Sarkozy": another day's
                met.date, met.date_how = day, "linked"

    def dates_named_elsewhere(self) -> None:
        """ "a meeting between Zelensky and Trump at the White House earlier in the week" and,
        elsewhere on the page, "Zelensky's Aug. 18 appearance at the White House": one event
        named twice, the second time with its day. The possessor must be a participant, the
        place (if the meeting has one) the same, and a vague "earlier in the week" must allow
        the day."""
        undated = [m for m in self.found if m.date is None]
        if not undated:
            return
        for text in (self.text, *self.doc.context):
            for mention in find_dates(text):
                if mention.kind in ("vague", "same_day"):
                    continue
                event = _EVENT_AFTER_DATE.match(text, mention.end)
                owner = _OWNER_BEFORE_DATE.search(text, max(0, mention.start - 60), mention.start)
                if event is None or owner is None or mention.kind not in ("absolute", "month_day"):
                    # "Sergey Lavrov's visit on Monday": the event named first, then its day.
                    event = owner = _OWNER_EVENT_BEFORE_DATE.search(
                        text, max(0, mention.start - 100), mention.start
                    )
                if event is None or owner is None:
                    continue
                actor = self._actor_named(owner.group("who"))
                if actor is None:
                    continue
                where = (event.group("where") or "").strip().lower()
                for met in undated:
                    if met.date is not None or actor not in met.principals:
                        continue
                    day = resolve(
                        mention, self.doc.anchor, future=met.status is not MeetingStatus.HELD
                    )
                    if day is None:
                        continue
                    if met.place and where and met.place.lower() not in where:
                        continue
                    if met.vague and not self._within_week(day):
                        continue
                    met.date, met.date_how = day, "linked"

    def dates_in_headline(self) -> None:
        """ "Zuma to meet Kenyatta on Thursday" over a story that says "later this week": the
        headline's one day is the day of the one undated meeting between the people it names,
        when that day fits the meeting's tense and any vague time the story gives."""
        line = self.doc.headline
        if not line or _HEADLINE_MEETING.search(line) is None:
            return
        days = [d for d in find_dates(line) if d.kind not in ("vague", "same_day")]
        if len(days) != 1:
            return
        words = set(re.findall(r"[\w'\u2019-]+", line))
        book = self.doc.book
        named = [
            m for m in self.found
            if m.date is None and len(m.principals) >= 2
            and all(book.short_name(a) in words or a.split()[-1] in words for a in m.principals)
        ]  # fmt: skip
        if len({tuple(sorted(m.principals)) for m in named}) != 1:
            return
        for met in named:
            day = self._day_for(met, days[0])
            if day is not None and self._fits_tense(met, day):
                met.date, met.date_how = day, "headline"

    def dates_of_the_dateline(self) -> None:
        """ "MOSCOW, 12 APR — RIA Novosti. In Moscow negotiations of head the Ministry of
        foreign Affairs, Sergei Lavrov, and U.S. Secretary Rex Tillerson": the paragraph a wire
        dateline opens tells the day's news; a meeting it tells held, with no day of its own
        nor words of an earlier one, was held on the dateline's day."""
        found = self.doc.dateline()
        if found is None:
            return
        day, paragraph = found
        for met in self.found:
            if (
                met.date is None
                and not met.vague
                and met.status is MeetingStatus.HELD
                and len(met.principals) >= 2
                and paragraph.start <= met.start < paragraph.end
                and not self.doc.in_quote(met.start)
                and _ANOTHER_TIME.search(self.text, *met.clause) is None
                and _EARLIER.search(self.text, *met.clause) is None
            ):
                met.date, met.date_how = day, "dateline"

    def _fits_tense(self, met: Met, day: dt.date) -> bool:
        """Whether a day told apart from ``met`` can be its day: a coming meeting's not before
        the publication, a held one's not after it (a headline's coming meeting is not the one
        the story says was held), and within any vague time the story gives it."""
        published = self.doc.published
        if published is None or (met.status is MeetingStatus.HELD) != (day <= published):
            return False
        return met.vague_span is None or met.vague_span[0] <= day <= met.vague_span[1]

    def dates_in_the_lead(self) -> None:
        """ "New Zealand and Australian trade, economic and agriculture ministers will meet
        tomorrow for annual talks", before the story names them: an opening sentence that
        tells a meeting and its one day but names no one gives that day to the story's one
        undated meeting, when the day fits its tense (as a headline's day does)."""
        found = next(
            (
                (s, trigger) for s in self.doc.sentences[:3]
                if (trigger := _TRIGGER.search(self.text, s.start, s.end)) is not None
                and not self.doc.in_quote(s.start)
            ),
            None,
        )  # fmt: skip
        if found is None:
            return
        lead, trigger = found
        if any(
            m.start == lead.start and self.doc.kind(a) is ActorKind.PERSON
            for m in self.found
            for a in m.principals
        ):
            return
        if any(
            self.doc.kind(m.actor) is ActorKind.PERSON
            for m in self.doc.mentions_in(lead.start, lead.end)
        ):
            return
        days = [
            d for d in self.doc.dates_in(lead.start, lead.end)
            # (not "ENA reported on Monday that ... met": the day of the report)
            if d.kind != "vague" and self._hangs(d, trigger.start()) is None
        ]  # fmt: skip
        undated = [m for m in self.found if m.date is None and len(m.principals) >= 2]
        if len(days) != 1 or days[0].kind == "same_day" or len(undated) != 1:
            return
        met = undated[0]
        day = self._day_for(met, days[0])
        if day is not None and self._fits_tense(met, day):
            met.date, met.date_how = day, "lead"

    def _actor_named(self, name: str) -> str | None:
        book = self.doc.book
        found = book.person(name) or book.person(name.split()[-1])
        if found is None:
            ref = self.doc.reference.lookup(name)
            found = ref.name if ref is not None else None
        return found

    def _within_week(self, day: dt.date) -> bool:
        published = self.doc.published
        return published is not None and 0 <= (published - day).days <= 7

    # -- bookkeeping ----------------------------------------------------------------------
    def _add(self, met: Met) -> None:
        self.told.append((met.start, met.clause, self._merged(met)))

    def _merged(self, met: Met) -> Met:
        """The meeting ``met`` is (an earlier report of it, completed), or ``met`` itself."""
        for other in self.found:
            # A meeting told with only a vague time ("in November") is not the one of a
            # stated day ("on Saturday"): two calls, not one told twice.
            vague_and_dated = other.vague != met.vague and (other.date or met.date)
            if vague_and_dated and _within(other, met):
                # "plan to meet next week" and "On Monday I will meet Maduro": the day falls
                # in the week the vague time gave
                vague_and_dated = False
            mine, theirs = set(met.principals), set(other.principals)
            if (
                other.start == met.start
                and other.clause == met.clause
                and (mine < theirs or theirs < mine)
                and other.principals[0] == met.principals[0]
                and _same_stage(other.status, met.status)
                and (other.date == met.date or other.date is None or met.date is None)
            ):
                # "met and held talks with A in Baghdad, B, C and D": one meeting told by two
                # words of one clause, one of them with fewer of its participants
                for actor, role in met.participants:
                    if actor not in theirs:
                        other.participants.append((actor, role))
                        other.principals.append(actor)
                        other.how.setdefault(actor, met.how.get(actor, "name"))
                other.date = other.date or met.date
                other.date_how = other.date_how or met.date_how
                return other
            if set(other.principals) == set(met.principals) and (
                other.date == met.date or other.date is None or met.date is None
            ) and _same_stage(other.status, met.status) and not vague_and_dated:  # fmt: skip
                if MeetingStatus.PLANNED in (other.status, met.status):
                    other.status = MeetingStatus.PLANNED
                if other.date is None and met.date is not None:
                    other.date, other.date_how = met.date, met.date_how
                    other.vague = False
                if other.mode is MeetingMode.UNKNOWN:
                    other.mode = met.mode
                other.place = other.place or met.place
                return other
        self.found.append(met)
        return met

    def _join(self, sentence: Sentence, join: re.Match[str]) -> bool:
        """Add the actors of a sentence like "X also participated at the Aug. 22 discussion"
        or "Merz hosted the videoconference" to the meeting it refers back to; whether any
        were added."""
        reference = _JOINED_REFERENCE.match(self.text, join.end(), sentence.end)
        if join.group("host") and reference is None:
            return False  # "hosted Zelensky" is a meeting of its own, found by its trigger
        if not self.found or not _JOINED_REFERENCE.search(self.text, sentence.start, sentence.end):
            return False
        dates = [resolve(d, self.doc.anchor)
                 for d in self.doc.dates_in(sentence.start, sentence.end)]  # fmt: skip
        candidates = [m for m in self.found if m.start < sentence.start]
        if dates and any(d is not None for d in dates):
            same_day = [m for m in candidates if m.date in dates]
            candidates = same_day or candidates
        if not candidates:
            return False
        meeting = candidates[-1]
        roles = list(_ROLE_PHRASE.finditer(self.text, sentence.start, sentence.end))
        present = {a for a, _ in meeting.participants}
        added = False
        for m in self.doc.mentions_in(sentence.start, sentence.end, quoted=False):
            participant = self._as_participant(m)
            if participant is None or m.actor in present:
                continue
            role = participant[1]
            preceding = [r for r in roles if r.end() <= m.start]
            if preceding:
                role = _singular(" ".join(preceding[-1].group("role").lower().split()))
            if join.group("host") and m.end <= join.start():
                role = "host"
            meeting.participants.append((m.actor, role))
            meeting.how[m.actor] = "joined"
            present.add(m.actor)
            added = True
        if added:
            meeting.end = max(meeting.end, sentence.end)
        return added


def _within(a: Met, b: Met) -> bool:
    """One of two reports has only a vague time whose span holds the other's day."""
    vague, dated = (a, b) if a.vague else (b, a)
    span = vague.vague_span
    return span is not None and dated.date is not None and span[0] <= dated.date <= span[1]


def _same_stage(a: MeetingStatus, b: MeetingStatus) -> bool:
    """Whether two reports of one pair's meeting may be one meeting: a meeting requested or
    proposed and the same pair's meeting planned are one meeting on its way; a meeting held is
    never one still to come."""
    return a is b or {a, b} == {MeetingStatus.PROPOSED, MeetingStatus.PLANNED}


def _title_noun(word: str, mode: MeetingMode) -> str:
    """What a meeting's title calls it: "phone call", "talks", "summit", "meeting"."""
    if mode is MeetingMode.PHONE:
        return "phone call"
    if mode is MeetingMode.VIDEO:
        return "video call"
    if word == "talks" or word in ("talk", "talked", "talking"):
        return "talks"
    return _NOUN_TITLES.get(word, "meeting")


def _start(item: Mention | re.Match[str]) -> int:
    return item.start if isinstance(item, Mention) else item.start()


def _end(item: Mention | re.Match[str]) -> int:
    return item.end if isinstance(item, Mention) else item.end()


_OBJECT_PRONOUN = re.compile(r"\b(?:him|her)\b")
_OWNER = re.compile(r"['\u2019]s\s+(?!(?:and|or|,))[\w-]")


def _singular(word: str) -> str:
    if word.startswith("heads of"):
        return "head" + word[5:]
    if word.startswith("chiefs of"):
        return "chief" + word[6:]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def extract_meetings(doc: Document, statements: list[Said]) -> list[Met]:
    """Meetings the article reports, in text order, with topics from their own words."""
    finder = _Meetings(doc, statements)
    for sentence in doc.sentences:
        finder.sentence(sentence)
    finder.credentials()
    finder.listed_after_colon()
    finder.listed_after_group()
    finder.people_of_group_meetings()
    finder.next_meetings_of_the_pair()
    finder.bearers_of_messages()
    finder.dates_told_later()
    finder.dates_of_a_day_before()
    finder.dates_of_linked_clauses()
    finder.dates_of_occasions()
    finder.dates_of_the_narrative()
    finder.dates_of_arrivals()
    finder.dates_of_the_trip()
    finder.dates_of_a_days_visit()
    finder.dates_of_the_days_round()
    finder.dates_named_elsewhere()
    finder.dates_in_headline()
    finder.dates_in_the_lead()
    finder.dates_by_their_day()
    finder.dates_of_the_meeting_told()
    finder.dates_of_the_dateline()
    finder.found = without_retold(doc, finder.found)
    for met in finder.found:
        met.topics = _topics(doc, met, finder.found)
    return finder.found


def _topics(doc: Document, met: Met, everything: list[Met]) -> list[str]:
    # The meeting's own clause ("met on Aug. 22 to discuss a post-war security plan"), not
    # the other clauses of its sentence; then, if the paragraph is about this meeting alone,
    # what the paragraph goes on to say ("According to the president, security guarantees").
    topics = doc.topics(*met.clause)
    paragraph = doc.paragraph_at(met.start)
    alone = [m for m in everything if paragraph.start <= m.start < paragraph.end] == [met]
    if alone:
        for topic in doc.topics(met.end, paragraph.end):
            if topic not in topics:
                topics.append(topic)
    return topics
