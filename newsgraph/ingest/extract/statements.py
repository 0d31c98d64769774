"""Statements: who said what, when, where, about what.

Four forms are recognised, as a careful reader of news would:

* direct quotes with an attribution in the same sentence — ``"...," he wrote``,
  ``"...," said Peskov``, ``Lavrov said: "..."``, ``..., saying, "..."`` — with later
  unattributed quotes of the same paragraph continuing the same statement;
* reported speech with a named speaker — ``Lavrov has said that ...``, ``..., Lavrov said on
  Aug. 21``, ``According to the president, ...``, ``As the head of state noted, ...``;
* block quotes followed by the speaker's name line (the cleaner attaches it to the paragraph);
* unquoted first-person paragraphs ("We discussed ...") in an article in which one person, and
  only one, speaks: scraped pages lose block-quote markup, and such a paragraph can only be that
  person's words. With two speakers nobody can tell, so nothing is attributed.

Dates: the date the text gives the speech act ("said on Aug. 21", "On Monday, Peskov told");
else, for a written post, the date the article gave an earlier statement of the same speaker
(the lead summarises the post); else, when the article is same-day reporting — a stated
publication date that its lead gives as the day of the events — the publication date, unless
the verb says "has said"/"earlier"; else None. An inferred publication date is never used: it
would be circular.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.ingest.extract.actors import (
    Mention,
    body_words,
    spelled_out,
    strip_name_titles,
)
from newsgraph.ingest.extract.dates import resolve
from newsgraph.ingest.extract.document import PRONOUN, Document, Paragraph
from newsgraph.ingest.extract.gender import given_name_gender
from newsgraph.ingest.extract.patterns import ORG_WORDS, word_set
from newsgraph.ingest.extract.reference import STATE_FORM, office_name
from newsgraph.ingest.extract.text import Quote, Sentence, opens_unclosed_quote, strip_quotes
from newsgraph.ingest.extract.titles import canonical_title
from newsgraph.ingest.model import ActorKind

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

__all__ = ["Said", "extract_statements"]

# Verbs that say whom before what: "told his Chinese counterpart Wang Yi that ...".
_TELLING = word_set(
    "assured assures reassured reminded reminds informed informs briefed briefs warned warns "
    "told tells"
)
_VERBS = (
    r"said|says|say|told|tells|wrote|writes|posted|added|adds|noted|notes|stated|states"
    r"|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|underlined|underscored|warned|warns"
    r"|announced|announces|claimed|claims|declared|declares|argued|argues|insisted|insists"
    r"|reiterated|reiterates|confirmed|confirms|explained|explains|pointed\s+out|remarked"
    r"|made\s+(?:it\s+)?clear|makes\s+(?:it\s+)?clear|replied|responded|asserted"
    r"|acknowledged|admitted|commented|clarified|clarifies"
    r"|reported|reports|tweeted|tweets|quipped|revealed|disclosed|observed|affirmed|reaffirmed"
    r"|recalled|maintained|indicated|indicates|informed|drew\s+attention\s+to\s+the\s+fact"
    r"|pointed\s+to\s+the\s+fact"
    # "agreed that time has come ...", "assured that ...": a clause said, not a plan agreed
    r"|(?:agreed|assured|highlighted|hoped|vowed|pledged|suggested|proposed|believes|believed"
    r"|felt|feels|predicted|conceded|denied|hinted|cautioned|urged|demanded|mentioned|concluded"
    r"|shared|contends"
    r"|reminded|signalled|signaled|observed"
    r"|expressed\s+(?:(?:his|her|their|its)\s+)?(?:hope|confidence|concern|satisfaction"
    r"|conviction|optimism|belief|regret)|noted\s+with\s+(?:satisfaction|concern|appreciation)"
    r"|commented|comments|lamented|complained|contended|clarified|opined|promised"
    r"|reassured|reassures)"
    r"(?=\s+that\b)"
    # "assured his counterpart that ...", "reminded reporters that ...": whom, then what
    rf"|(?:{'|'.join(sorted(_TELLING))})(?=(?:\s+[\w'\u2019.-]+){{1,6}}?\s+that\b)"
)
_VERB_RE = re.compile(rf"\b(?:{_VERBS})\b")
_THAT_ONLY = re.compile(r"\s*(?:that\s+)?")
# The one told before what they were told: "told his Chinese counterpart Wang Yi that".
_WHOM_THEN_THAT = re.compile(r"(?:\s+[\w'\u2019.-]+){1,6}?\s+that\s+")
_PARTICIPLE = r"saying|adding|writing|noting|stressing|warning|stating|explaining|telling\s+\w+"
_LEAD_IN = re.compile(
    rf"(?:\b(?P<verb>{_VERBS})\b|\b(?P<part>{_PARTICIPLE})\b)[^\"“”.]{{0,60}}?[,:]?\s*$"
)
_QUOTED_AS = re.compile(
    r"\s*,?\s*(?:(?P<relayer>[^,.;\"“”]{1,60}?)\s+(?P<verb>quoted|quotes|cited|cites)\s+"
    r"(?P<who>[^,.;\"“”]{1,60}?)|(?P<who2>[^,.;\"“”]{1,60}?)\s+(?:was|were|is|has\s+been)\s+"
    r"quoted)\s+as\s+(?:saying|telling)\b"
)
# "quoted Zuma as calling on the African Union to": a call, the quotation what it calls for.
_CALLING = r"(?:calling|appealing|urging)\s+(?:on|upon|for)?[^,.;\"“”]{0,60}?"
_QUOTED_AS_LEAD = re.compile(
    r"(?P<relayer>\b[^,.;\"“”]{1,60}?)\s+(?P<verb>quoted|quotes|cited|cites)\s+"
    r"(?P<who>[^,.;\"“”]{1,60}?)"
    r"\s+as\s+(?:saying|having\s+said|telling\s+\w+|"
    rf"{_CALLING}"
    r")\s*[,:]?\s*$"
    # "Morawiecki was also quoted as saying at the time that “...”"
    # ("Zuma, who is out of the country ..., was also quoted as": the "who" clause's comma)
    r"|(?P<who2>\b(?:who\s[^,.;\"“”]{1,100}?,|[^,.;\"“”]{1,100}?))"
    r"\s+(?:was|were|has\s+been)\s+(?:also\s+)?quoted\s+as"
    # (or the quotation goes on from "as": 'was also quoted as "stressing the need ..."')
    r"(?:\s+(?:saying(?:\s+[^,.;\"“”]{1,40}?)?(?:\s+that)?|"
    rf"{_CALLING}"
    r"))?\s*[,:]?\s*$"
)
# Words that say a paragraph reports someone speaking, though it quotes nothing.
_SPEECH_CUE = re.compile(
    rf"\b(?:{_VERBS}|talking|speaking|praised|welcomed|hailed|critici[sz]ed|condemned|thanked"
    r"|commented|addressed|interview|remarks|(?:press|news)\s+conference|briefing"
    r"|expressed|voiced|spoke\s+(?:of|about))\b"
)
# A readout's own words, and whose they are: "The below is attributable to Spokesperson Ned
# Price:".
_ATTRIBUTABLE = re.compile(
    r"\b(?:[Tt]he\s+)?(?:below|following)\s+(?:is|are)\s+attributable\s+to\s+(?P<who>[^:]{3,80}?)"
    r"\s*:\s*$"
)
# A statement released as it stands: "issued the following statement:", "released these remarks:".
_RELEASED = re.compile(
    r"\b(?:issued|released|made|delivered|gave|sent)\s+(?:the\s+following|this|these)\s+"
    r"(?:statement|remarks|message|comments)\b",
    re.IGNORECASE,
)
# A given name and a surname in capitals (two or three words), a transcript's speaker label.
_FULL_NAME_LABEL = re.compile(r"[A-Z][A-Z'\u2019-]+(?: [A-Z][A-Z'\u2019-]+){1,2}")
# A transcript's turn: a speaker's label, a colon, the words ("PRESIDENT BUSH: Mr. President").
# A broadcast transcript may give the speaker's office after the name, in capitals too:
# "JULIA GILLARD, PRIME MINISTER: No country is closer ...".
_TURN = re.compile(
    # ("President of Russia Dmitry Medvedev:", "Prime Minister of Norway Jens Stoltenberg
    # (retranslated):": an office with its country before the name, a translator's note)
    r"(?P<label>(?:[A-Z][\w'\u2019.-]*[ \t]+(?:(?:of|the|for)[ \t]+){0,2}){0,6}"
    r"[A-Z][\w'\u2019.-]+)"
    r"(?:,[ \t]+[A-Z][A-Z'\u2019. -]{1,60}?)?(?:[ \t]+\([a-z][a-z ]{2,30}\))?:[ \t]+(?=\S)"
)
_NOT_SPEAKER_LABELS = word_set(
    """JOURNALIST JOURNALISTS QUESTION Q A REPORTER REPORTERS MODERATOR INTERVIEWER HOST
    ANNOUNCER PRESENTER PARTICIPANT AUDIENCE SPEAKER CHAIR NOTE TITLE DATE SOURCE PHOTO
    UPDATED INQUIRIES TRANSLATION STORY BREAKING DETAILS MORE BROADCAST PICTURE TRANSCRIPT"""
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")
_TRAILING_SOURCE = re.compile(
    r",\s*(?:according\s+to\s+[^,;\"“”]{1,80}?|[^,;\"“”]{1,60}?\s+(?:reported|reports))[.!]?\s*$"
)
# An office set off by commas after a name: ", Assistant to the Cambodian Premier,".
_SET_OFF_OFFICE = re.compile(
    r"\s*(?:the\s+)?(?:Assistant|Adviser|Advisor|Spokesman|Spokeswoman|Spokesperson|Secretary"
    r"|Director|Deputy|Ambassador|Chairman|Chairperson|Senior|Special|Chief|Head|Press)"
    r"(?:\s+(?:[A-Z][\w'\u2019-]*|of|to|for|the|and|on))*\s*,"
)
# A colon, then a quotation mark that nothing after it closes in the paragraph.
_OPENED_AFTER_COLON = re.compile(r":\s*[\"\u201c](?=[^\"\u201c\u201d]*$)")
_PARTICIPLE_CLAUSE = re.compile(
    r",\s*(?P<verb>saying|adding|noting|stressing|emphasi[sz]ing|underlining|underscoring"
    r"|explaining|insisting|warning|stating|affirming|reaffirming|reiterating|asserting"
    r"|pointing\s+out|indicating"
    # "..., telling reporters afterward that ...": whom, then what
    r"|telling\s+(?:[\w'\u2019-]+\s+){1,3}?(?=that\b))\s*(?P<that>that\s+)?"
)
_QUOTED_AS_SAYING = re.compile(
    # ("Fijilive quotes the military spokesman, Captain Neumi Leweni, as saying ...": the one
    # quoted may be set off after his title)
    r"(?:\b(?:quoted|quotes)\s+(?P<who>[^;\"“”]{1,80}?)"
    # "Dr. Gonsalves was quoted as saying that ...": the one quoted is the subject
    # ("The Ugandan president, Yoweri Museveni, is quoted by the Monitor as saying ...")
    r"|(?P<who2>\b[A-Z][^;\"“”]{0,80}?),?\s+(?:was|were|is|has\s+been)\s+(?:also\s+)?quoted"
    r"(?:\s+by\s+[^,;\"“”]{1,60}?)?)"
    r"\s+as\s+(?:saying\s*,?\s+(?:that\s+)?(?=[^\"“])"
    # ("quoted the minister as underscoring the firmness of relations": what he stressed)
    r"|(?=(?:underscoring|stressing|emphasi[sz]ing|affirming|reaffirming|reiterating"
    r"|expressing|describing|noting|welcoming)\s))"
)
_TRAILING_BODY = re.compile(
    r",\s*(?P<who>(?:the|a|an)\s+[^,;\"“”]{2,80}?)\s+(?:has\s+|had\s+|also\s+)?"
    r"(?P<verb>said|says|reported|reports|stated|states|added|adds|announced)"
    r"(?:\s+(?:on|in)\s+[^,;\"“”]{1,30}?)?\s*[.!]?[\"”]?\s*$"
)
_AS_REPORTED = re.compile(
    r",\s*as\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:reported|announced|stated|said"
    r"|confirmed)\s+by\s+(?P<who>[^,;\"“”]{2,80}?)\s*(?=,|[.!]?\s*$)"
)
_DEMANDED = re.compile(r"\b(?:urg(?:ed|es)|call(?:ed|s)\s+(?:for|on|upon))\b")
_CALLED = re.compile(
    r"\bcall(?:ed|s|ing)\s+(?:(?P<for>for)\s+|on\s+[^,;\"“”]{1,60}?\s+(?P<to>to)\s+(?=\w))"
)
_DESCRIBED = re.compile(
    r"\bdescrib(?:ed|es|e|ing)\s+(?P<obj>[^,;\"“”]{2,80}?)\s+as\s+(?P<what>[^;]+?)[.!]?[\"”]?\s*$"
)
# A judgement in the speaker's own quoted words, right after the verb and what it judges.
_JUDGED = re.compile(
    r"\b(?:praised|praises|hailed|hails|lauded|lauds|described|describes|called|calls"
    r"|labell?ed|labels|branded|brands|dubbed|dubs|termed|terms)\s+[^\"“”.;]{1,60}?"
    r"(?:\s+as)?\s*[\"“]?$"
)
_OUTLET_REPORTED = re.compile(
    r",\s*(?:the\s+)?(?P<who>[^,;\"“”]{2,80}?)\s+(?:also\s+)?(?:reported|reports|said|says)"
    # "..., the RBC newspaper reported Wednesday.": the day it reported, not who
    r"(?:\s+(?:on\s+)?(?:today|yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))?"
    r"[.!]?[\"”]?\s*$"
)
_REPORTED = re.compile(r"report(?:ed|s)|sa(?:id|ys)")
_OUTLET_WORD = re.compile(
    r"\b(?:TV|[Tt]elevision|[Rr]adio|[Aa]gency|[Nn]ews|[Nn]ewspaper|[Dd]aily|[Ww]ebsite"
    r"|[Bb]roadcaster|[Cc]hannel|[Ww]ire|[Tt]imes|[Pp]ost|[Hh]erald|[Tt]ribune|[Gg]azette"
    r"|[Jj]ournal)\b"
)
# "a news release", "a news conference": a paper or an event, not the outlet that speaks.
_NOT_AN_OUTLET = re.compile(r"\b(?:release|conference|briefing|statement|bulletin)s?\b", re.I)
_DESCRIBED_OUTLET = re.compile(
    r"(?P<said>(?:[a-z][\w-]*\s+)*)(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})"
    r"(?P<kind>\s+(?:newspaper|daily|website|channel|broadcaster|radio|television))?"
    r"(?:\s+\([A-Z]{2,6}\))?"
)
_VERB_OR_PARTICIPLE = re.compile(rf"\b(?:{_VERBS}|{_PARTICIPLE})\b")
# An honorific with its full stop, which ends no name: '"...," said Mr. Hu, as ...'.
_DOTTED_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Amb)\.\s+)?"
_TRAIL = re.compile(
    rf"\s*,?\s*(?:(?P<verb1>said|says|wrote|writes|added|adds|continued|told\s+\w+|quipped"
    rf"|noted|explained|insisted|stressed|replied|asked|tweeted|posted|stated|declared|expressed"
    rf"|remarked|commented|emphasi[sz]ed|underlined|recalled|affirmed|concluded"
    rf"|pointed\s+out|warned|observed|reiterated|acknowledged)\s+"
    # (a long style: "Qatar's Prime Minister and Foreign Minister H E Sheikh Hamad bin ...")
    rf"(?P<who1>{_DOTTED_HONORIFIC}[^,.;\"“”]{{1,120}}?)"
    # (or the paragraph ends, with no stop: '"...," said President Kenyatta')
    rf"(?=[,.;]|\s+(?:on|in|at|during|to|upon|after|before|following|while|when|ahead)\b"
    rf"|\s*(?:\n|$))"
    rf"|(?P<who2>{_DOTTED_HONORIFIC}[^,.;\"“”]{{1,80}}?)"
    rf"\s+(?:has\s+|had\s+|also\s+|later\s+)*"
    # (after a quote, "continued" says who goes on speaking: '"...," Ardern continued.')
    rf"(?P<verb2>{_VERBS}|continued|concluded)\b"
    # '"...," the British prime minister, Keir Starmer, told the BBC': the name set off after
    # its description.
    rf"|(?:the\s+)?[^,.;\"“”]{{1,60}}?,\s*(?P<who4>[A-Z][^,.;\"“”]{{1,60}}?),\s+"
    rf"(?:has\s+|had\s+|also\s+|later\s+)*(?P<verb4>{_VERBS})\b"
    # "..., the Kremlin's statement reads."
    rf"|(?P<who3>[^,.;\"“”]{{0,80}}?\b(?:statement|readout|communiqu[eé]|release|message"
    rf"|letter|post))\s+(?P<verb3>reads|read)\b)"
)
_GAP = re.compile(
    # "The Kremlin press service has confirmed": the seat's service speaks for it; "the
    # Ministry of External Affairs (MEA) said": the abbreviation's bracket.
    r"^\)?(?:(?:'s|\u2019s)?\s+press\s+(?:service|office))?"
    r"\s*(?:,[^,\"“”]{1,60},)?\s*"
    # ("Albusaidi, for his part said, ...": the comma before the phrase, none after it)
    r"(?:,\s*(?=(?:for\s+(?:his|her|its|their)\s+part|in\s+turn)\b))?"
    r"(?:(?:has|had|have|also|later|reportedly|previously|earlier"
    r"|then|again|once|repeatedly|publicly|recently|further|since|already|now|meanwhile|too"
    r"|subsequently|initially|first|in\s+turn|for\s+(?:his|her|its|their)\s+part"
    # ("The Prime Minister went on to say, “...”", "Jaishankar only said, “...”")
    r"|(?:went|goes|go)\s+on\s+to|continued\s+to|proceeded\s+to|only|simply|just|merely"
    r"|on\s+[A-Z][a-z]+(?:\s+\d{1,2}(?:st|nd|rd|th)?)?)\s+)*$"
)
_AUDIENCE = re.compile(
    r"\s+(?:reporters|journalists|the\s+press|the\s+media|lawmakers|parliament"
    r"|(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:briefing|conference|meeting|session|gathering|forum"
    r"|audience|rally|summit)\b|an?\s+\w+"
    r"|(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})"
)
_RELATIVE_BEFORE_VERB = re.compile(
    r"\s*,?\s*who\b[^;\"\u201c\u201d]{3,160},\s*(?:(?:has|had|also|later|then)\s+)*"
)
_CLOSED_APPOSITION = re.compile(r"\s*,[^,;\"\u201c\u201d]{1,70},\s*")
# ("Ms. Natividad Isabel Pena Bonilla from the Kingdom of Spain said")
_FROM_A_COUNTRY = re.compile(
    rf",?\s+(?:of|from)\s+(?:the\s+)?(?:{STATE_FORM}\s+of\s+(?:the\s+)?)?"
    r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,3},?\s+(?:also\s+)?"
)
_APPOSED = re.compile(r"^\s*,\s*(?:(?:has|had|also|later|then)\s+)*$")
_BEFORE_APPOSED = re.compile(r"\w,\s*(?:[A-Z][\w.]*\s+){0,2}$")
_THAT = re.compile(r"\s*,?\s*(?:that\s+)?")
# "Trump said ..., while Carney said ...": a second speaker's report after the first one's.
_WHILE_SAID = re.compile(
    r"(?P<lead>,\s+(?:while|whereas|but)\s+|,?\s+and\s+)(?P<who>(?:[A-Z][\w.'\u2019-]*\s+){1,4}?)"
    r"(?=(?:" + _VERBS + r")\b)"
)
# What may follow a sentence-final speech verb: "..., Lavrov said on Aug. 21."; "..., Li said,
# noting that ..." (the participle adds to what came before).
# "..., Le Drian said, suggesting that ...", "..., Sakai told a briefing, but declined to
# elaborate": a participle or a new coordinated clause adds to what came before.
_TAIL_AFTER_VERB = re.compile(
    r"\s*(?:(?:on|in|at|during|after|before|following)\s+[^,;\"“”]{1,40}?|[A-Z][\w ]{0,30})?\s*"
    r"(?:[.!]?[\"”]?\s*|,\s*(?:\w+ing|but|and|while|although|though|without|as)\b.*"
    # "..., said at a briefing on November 16, an APA correspondent reported from Moscow."
    r"|,\s*(?:an?\s+|the\s+)?[\w\s]{1,40}?\breported\b[^,;]{0,40}[.!]?\s*"
    # '"...!" Maduro said as he arrived at the Palace': when, not what
    r"|(?:as|while|when|upon)\s+(?:he|she|they|arriving|leaving|departing)\b.*)",
    re.DOTALL,
)
_INVERTED = re.compile(
    r",\s*(?P<verb>said|says|added|adds|stated|states|noted|notes|reported|reports|announced"
    r"|announces|wrote|writes|quipped|explained|stressed|informed|clarified|emphasi[sz]ed"
    r"|underlined|affirmed|insisted|warned|observed|revealed|recalled)\s+"
    r"(?P<who>(?!(?:he|she|they|it|we|I)\b)(?:(?!\b(?:that|on|in|at|to|during)\b)[^,;\"“”])"
    r"{2,100}?)\s*(?:(?:on|in|at|during|to)\s+[^,;\"“”]{1,40}?\s*)?"
    # The sentence ends there, or with the outlet that relays it ("..., Xinhua reported.").
    r"(?=[.!]?[\"”]?\s*$|,\s*[^,;\"“”]{1,80}\b(?:reported|reports|said|says)[.!]?[\"”]?\s*$)"
)
_LEAD_INVERTED = re.compile(
    r"(?:However|But|Still|Yet|Meanwhile|Moreover|Indeed|Instead|Nonetheless|Nevertheless|And"
    r"|So|Now|Also|Separately|Later|Earlier),?\s+(?P<verb>said|says|added|adds|noted|notes)\s+"
    r"(?P<who>[^,;\"“”]{2,60}?),\s*"
)
_APPOSED_NAME = re.compile(r",\s*(?P<who>[A-Z][^,.;\"“”]{1,60}?)(?=[,.;]|\s+(?:on|in|at)\b|$)")
# "disclosed this in a statement", "announced it on Sunday": the verb's object only points
# at words told elsewhere.
_NO_CONTENT = re.compile(
    r"(?i)(?:this|it|these|those|so|the\s+news|the\s+development)\s*"
    r"(?:$|,|\b(?:in|on|at|to|during|via|through|while|when|after|before|for|with)\b)"
    # "confirmed meeting the ambassador": an act, not words.
    r"|(?:meeting|holding|having|receiving|visiting|hosting|speaking|talking|signing)\s"
    # "tweeted about his meeting with X:", "tweeted upon his arrival:": what about, or when
    r"|(?:about|upon)\s"
    # "posted photographs of the two leaders": pictures, not words.
    r"|(?:(?:a|an|the|some|several|two|three)\s+)?(?:[\w-]+\s+)?(?:photo(?:graph)?s?|pictures?"
    r"|images?|videos?|footage|clips?)(?=\s+(?:of|from|showing|with)\b|\s*[,.]|\s*$)"
)
_THAT_LATER = re.compile(r",\s*that\s")
# "The WHO Regional Director for Africa (also) said": a capitalised description as the subject.
_DESCRIPTION_SUBJECT = re.compile(
    r"(?:^|(?<=,\s))[Tt]he\s+(?P<words>[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*"
    r"|for|of|on|and|the))*?)\s+(?:(?:also|later|then|further|meanwhile)\s+)*$"
)
_LATER_THAT = re.compile(
    r"(?:on|in|at|during|after|before|to|via|through|from|with|later|earlier|also|again|then"
    r"|afterwards?|previously|recently|separately|publicly|privately|repeatedly"
    # "told reporters traveling with him aboard Air Force One that ..."
    r"|traveling|travelling|flying|accompanying|gathered|waiting)\b"
    r"[^,;:\"“”]{0,60}?\bthat\s+"
)
# Verbs that issue a statement: "put out a statement", "issued a readout".
_ISSUING_VERBS = word_set(
    "issue issues issued put puts release releases released publish publishes published "
    "send sends sent circulate circulated"
)
# (after a connective: "But, according to Putin, there had been ...")
_FRONT = re.compile(
    r"^(?:(?:But|However|And|Yet|Still|Meanwhile|Moreover|Also|Further(?:more)?)\s*,?\s+)?"
    r"(?:(?P<according>[Aa]ccording\s+to)|As)\s+"
)
# Speech the article places before its own news: "had said", "has already said", "earlier".
_PAST_MARKER = re.compile(
    r"\bhad\s+(?:\w+\s+)?(?:said|stated|warned|made|noted|told)\b"
    r"|\b(?:earlier|previously|repeatedly|already|in\s+the\s+past)\b"
)
# "It said ...", "It also added ...": a body spoken of just before.
# What follows a source set off by commas mid-sentence: ", include the ongoing ..." (three
# words at least, so not a closing date or place).
_REST_AFTER_SOURCE = re.compile(r"\s*,\s*(?=(?:\S+\s+){2,}\S)")
# All that may stand before a fronted "According to": nothing, or a connective ("But, ").
_FRONTED_LEAD = re.compile(r"\W*(?:[A-Za-z]+\W*)?")
# A pronoun right before a verb, the subject of the sentence's first clause.
_PRONOUN_BEFORE = re.compile(r"(?:^|\s)(?:he|she|He|She)\s+(?:\w+\s+)?$")
_IT_SAID = re.compile(r"\s*It\s+(?:(?:also|further|then)\s+)?")
_MIN_QUOTE_WORDS = 5  # shorter quoted bits ("foreign military intervention") are fragments
_FIRST_PERSON_START = re.compile(r"^(?:We|I|Our|My)\b|^\w+(?:\s+\w+){0,3}\s+(?:we|I)\s")
_POST = "post"


@dataclass
class Said:
    """A statement being built; converted to a StatementFact by the caller."""

    speaker: str
    text: str
    start: int
    end: int
    date: dt.date | None = None
    medium: str | None = None
    own_date: bool = False
    attribution: tuple[int, int] | None = None  # the sentence holding the speech verb
    content: list[tuple[int, int]] = field(default_factory=list)  # spans of the words said
    written: bool = False
    earlier: bool = False
    rule: str = "reported"
    """How it was attributed (see confidence.STATEMENT_RULES)."""


@dataclass(frozen=True)
class _Relayed:
    speaker: str
    start: int
    end: int


class _Statements:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.found: list[Said] = []
        self.spokes: list[tuple[int, str]] = []  # whom each spokesperson cited spoke for
        self._titles: dict[tuple[str, str], bool] = {}  # (person, title): given next to a name
        self.released: set[int] = set()  # paragraphs (by start) of a released statement's text

    def _keep(self, said: Said) -> None:
        self.found.append(said)
        self.doc.note_speaker(said.start, said.speaker)

    # -- direct quotes --------------------------------------------------------------------
    def direct(self, paragraph: Paragraph) -> set[int]:
        """Statements from quotations in a paragraph; returns the sentence starts used."""
        used: set[int] = set()
        current: Said | None = None
        for quote in self.doc.quotes_in(paragraph.start, paragraph.end):
            inner = self.text[quote.start + 1 : quote.end - 1]
            if len(inner.split()) < _MIN_QUOTE_WORDS:
                continue
            sentence = self.doc.sentence_at(quote.start)
            speaker, verb = self._attribute(quote, sentence)
            if speaker is None and self._reported_around(quote, sentence):
                current = None  # 'Scholz said that ... and “greater security for all”.'
                continue
            if speaker is None and current is not None:
                speaker, verb = current.speaker, None
            elif speaker is None and quote.start == paragraph.start:
                speaker = self._carried_speaker(paragraph)
                if speaker is not None:
                    # One quotation over several paragraphs is one statement.
                    current = self._quote_before(paragraph, speaker) or current
            elif speaker is None and quote.start == sentence.start:
                speaker = self._reported_just_before(sentence, paragraph)
            if speaker is None or self.doc.kind(speaker) is ActorKind.MEDIA:
                current = None
                continue
            end_sentence = self.doc.sentence_at(quote.end - 1)
            used.update((sentence.start, end_sentence.start))
            if verb is not None:
                used.add(self.doc.sentence_at(verb.start()).start)  # ('"...!" X said as ...')
            if (
                current is None
                and quote.start == paragraph.start
                and verb is not None
                and _GOES_ON.search(verb.group())
            ):
                # '"...," it added.' right after a paragraph that ended with the same
                # speaker's quotation: the quotation goes on.
                current = self._quote_before(paragraph, speaker)
            if (
                current is not None
                and current.speaker == speaker
                # (not 'He also said that the relationship "has got a lot of history"': a
                # statement of its own, reported, that ends in quoted words)
                and not (verb is not None and self._reported_around(quote, sentence))
            ):
                current.text = _join(current.text, inner)
                current.end = max(current.end, end_sentence.end)
                current.content.append((quote.start + 1, quote.end - 1))
                if verb is not None and current.attribution is None:
                    said_in = self.doc.sentence_at(verb.start())
                    current.attribution = (said_in.start, said_in.end)
                    self._when_where(current, said_in, verb)
                continue
            text = self._quoted_text(quote, sentence, verb)
            if verb is None:
                rule = "quote-carried"
            elif PRONOUN.search(verb.group()) or PRONOUN.search(
                self.text, sentence.start, quote.start
            ):
                rule = "quote-pronoun"
            else:
                rule = "quote"
            current = Said(
                speaker,
                text,
                sentence.start,
                max(end_sentence.end, sentence.end),
                content=[(quote.start + 1, quote.end - 1)],
                rule=rule,
            )
            if verb is not None:
                # The verb may sit in a later sentence than the quote's start.
                said_in = self.doc.sentence_at(verb.start())
                current.attribution = (said_in.start, said_in.end)
                self._when_where(current, said_in, verb)
            self._keep(current)
            if verb is not None and verb.re is _JUDGED:
                current = None  # (a judgement quoted is whole; what is said next is not it)
        return used

    def _reported_around(self, quote: Quote, sentence: Sentence) -> bool:
        """Whether a quotation no lead-in attributes sits in reported speech of its own
        sentence ("Scholz said that having Finland in NATO brought “greater security for all
        of us”"): the sentence is a statement of its own, not the last quote going on."""
        head = self.text[sentence.start : quote.start]
        said = list(_SAID_THAT.finditer(head))
        # (not 'added that “Poland will ...”': the quotation is the clause said)
        return bool(said) and len(head[said[-1].end() :].split()) >= 3

    def _quoted_text(self, quote: Quote, sentence: Sentence, verb: re.Match[str] | None) -> str:
        """What a quotation's speaker said: the quotation, or the whole clause it ends when
        the quotation is only the clause's last words."""
        text = _clean_quote(self.text[quote.start + 1 : quote.end - 1])
        framed = _FRAMED.search(self.text, sentence.start, quote.start)
        word = _VERB_OR_PARTICIPLE.match(self.text, verb.start()) if verb else None
        if verb is not None and framed is not None and framed.start() >= verb.start():
            # "stressed that these meetings build a “close relationship ...”": what was
            # said is the whole clause, the quotation its own words within it.
            return strip_quotes(self.text[framed.end() : quote.end]).rstrip(".")
        if word is not None and word.end() <= quote.start:
            between = self.text[word.end() : quote.start]
            if not re.search(r"[,:]\s*$", between) and self._has_subject(word.end(), quote.start):
                # "said his visit was part of a tour to “take stock ...”": the same, without
                # "that" (or with it, when the clause runs past the words _FRAMED knows).
                said = strip_quotes(self.text[word.end() : quote.end]).strip().rstrip(".")
                return re.sub(r"^that\s+", "", said)
            return text
        lead = self.text[sentence.start : quote.start].split()
        # (a quotation opening in lower case goes on the clause before it: 'Both leaders
        # "agreed to work these differences out," it said')
        continues = self.text[quote.start + 1 : quote.start + 2].islower()
        if (
            verb is not None
            and verb.start() >= quote.end
            and (len(lead) >= 6 or (continues and len(lead) >= 2))
            and self._has_subject(sentence.start, quote.start)
        ):
            # 'More than 20 ministers are expected to discuss ways of coordinating
            # “policies within the EU,” Jablonski told reporters': the whole clause.
            return strip_quotes(self.text[sentence.start : quote.end]).rstrip(".,")
        return text

    def _has_subject(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds a clause's subject ("his visit was ..."), not
        only an audience or a time ("told reporters on Monday")."""
        if self.doc.parsed is None:
            return False
        span = self.doc.parsed.char_span(start, end, alignment_mode="contract")
        return span is not None and any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in span)

    def _attribute(
        self, quote: Quote, sentence: Sentence
    ) -> tuple[str | None, re.Match[str] | None]:
        limit = self._attribution_limit(quote, sentence)
        after_end = min([q.start for q in self.doc.quotes if q.start >= quote.end] + [limit])
        relayed = self._quoted_as(quote.end, after_end, sentence.start, quote.start)
        if relayed is not None:
            return relayed
        trailing = self._trailing_speaker(quote, after_end)
        if trailing is not None and _RELAYED.search(trailing[1].group()):
            # 'Skvernelis told reporters that relations were "the best ever," PAP reported':
            # the agency relays what the one the sentence has speaking said; the sentence is
            # read as reported speech.
            for verb in _VERB_RE.finditer(self.text, sentence.start, quote.start):
                if self._speaker_before(sentence.start, verb.start()) is not None:
                    return None, None
        if trailing is not None:
            return trailing
        dashed = _DASH_NAME.match(self.text, quote.end, after_end)
        if dashed:
            # '"Our two countries share the same values" — Kishida.'
            speaker = self.doc.speaker_at(dashed.start("who"), dashed.end("who"))
            if speaker is not None:
                return speaker, None
        named = _COLON_NAME.match(self.text, quote.end, after_end)
        if named:
            # A quote as a headline: "“It was a very cordial dialogue”: Ebrard on the meeting".
            speaker = self.doc.speaker_at(named.start("who"), named.end("who"))
            if speaker is not None:
                return speaker, None
        led = self._lead_in(quote, sentence)
        if led is not None:
            return led
        read = _STATEMENT_READ.match(self.text, sentence.start, quote.start)
        if read is not None:
            # 'The statement read: "..."': the words of whoever issued the statement.
            speaker = self._issued_before(sentence.start, read.end("what"), quote.start)
            if speaker is not None:
                return speaker, None
        inner_first = self.text[quote.start + 1 : quote.start + 2]
        if inner_first.islower():
            # 'el-Sissi "stressed the importance of resuming the negotiations ..."': the quote
            # is the predicate of the person named just before it (as a fronted source tells
            # it: 'According to Niinisto's office, he and Lavrov "had a serious ..."').
            for m in reversed(self.doc.mentions_in(sentence.start, quote.start, quoted=False)):
                adjacent = self.text[m.end : quote.start].strip() == ""
                if adjacent and self.doc.kind(m.actor) is ActorKind.PERSON:
                    told = self._said_of(sentence, m)
                    if told is not None:
                        return told
                    return self._according_before(sentence, quote) or m.actor, None
                break
        head = self.text[sentence.start : quote.start].rstrip()
        if head.endswith(":"):
            subject = self.doc.subject(sentence.start, quote.start)
            if subject is not None:
                return subject.actor, None
        judged = _JUDGED.search(self.text, sentence.start, quote.start)
        if (
            judged is not None
            and _VERB_RE.search(self.text, sentence.start, judged.start()) is None
        ):
            # (after "reported that ...", the sentence is reported speech, its quote within)
            # 'Trump praised Chile as “one of the most beautiful countries in the world”': the
            # words of whoever judged it so.
            subject = self.doc.subject(sentence.start, judged.start())
            if subject is not None and self.doc.kind(subject.actor) is not ActorKind.MEDIA:
                return subject.actor, judged
        return None, None

    def _said_of(self, sentence: Sentence, named: Mention) -> tuple[str, re.Match[str]] | None:
        """'Trump took to Twitter to say Tillerson "didn't have the mental capacity needed"':
        a quoted predicate of one who opens what a speech verb reports is the words of that
        verb's subject, not of the one they are about."""
        verbs = list(_VERB_RE.finditer(self.text, sentence.start, named.start))
        verb = verbs[-1] if verbs else None
        if verb is None or not _THAT_ONLY.fullmatch(self.text, verb.end(), named.start):
            return None
        subject = self.doc.subject(sentence.start, verb.start())
        if subject is None or subject.actor == named.actor:
            return None
        return subject.actor, verb

    def _according_before(self, sentence: Sentence, quote: Quote) -> str | None:
        """ "According to Niinisto's office, he and Lavrov "had a serious conversation ...": a
        quotation after a fronted source is the source's, not the words of whom it is about."""
        fronted = _front_source(self.text[sentence.start : quote.start])
        if fronted is None or not fronted[0].group("according"):
            return None
        who_start, who_end = sentence.start + fronted[0].end(), sentence.start + fronted[1]
        return self._issuing_body(who_start, who_end) or self.doc.speaker_at(who_start, who_end)

    def _attribution_limit(self, quote: Quote, sentence: Sentence) -> int:
        """How far after a quotation its attribution may stand."""
        # A quote of several sentences ends in a later sentence than it starts in; its
        # attribution ("...," Yermak said) follows the closing mark, in that later sentence.
        closing = self.doc.sentence_at(quote.end - 1)
        limit = max(sentence.end, closing.end)
        index = self.doc.sentence_index(quote.end - 1)
        stop = self.text[quote.start : quote.end - 1].rstrip()[-1:]
        if stop not in ("!", "?", ".") or closing.end > quote.end:
            return limit
        if index + 1 >= len(self.doc.sentences):
            return limit
        # '"... To work!" Maduro said as he arrived': a quotation ending in "!" or "?" reads
        # as a sentence of its own; its attribution is the next one's start. So does a full
        # stop's, when the next sentence is only the attribution: '"... the border."
        # Kaljulaid added at the joint press conference.'
        following = self.doc.sentences[index + 1]
        trail = _TRAIL.match(self.text, quote.end, following.end)
        if trail is None:
            return limit
        rest = trail.end()
        if (trail.group("verb2") or "") in ("told", "tells"):
            # '"... their views." Cameron told the Argentinian President, according to ...'
            whom = _AUDIENCE.match(self.text, rest, following.end)
            rest = whom.end() if whom is not None else rest
        if stop != "." or (
            self.doc.paragraph_at(following.start) is self.doc.paragraph_at(quote.start)
            and (
                _ONLY_CIRCUMSTANCE.fullmatch(self.text, rest, following.end)
                or _TRAILING_SOURCE.fullmatch(self.text, rest, following.end)
            )
        ):
            return following.end
        return limit

    def _lead_in(
        self, quote: Quote, sentence: Sentence
    ) -> tuple[str | None, re.Match[str] | None] | None:
        """The speaker of the verb nearest before the quotation that introduces it: "Singh
        told reporters 'it went well' while Kasuri said, "..."" is Kasuri's. None when no verb
        introduces it; (None, None) when one does but names no one."""
        leads = [
            lead
            for verb in _VERB_OR_PARTICIPLE.finditer(self.text, sentence.start, quote.start)
            if (lead := _LEAD_IN.match(self.text, verb.start(), quote.start)) is not None
        ]
        if not leads:
            return None
        lead = leads[-1]
        if lead.group("part"):
            subject = self.doc.subject(sentence.start, lead.start())
            pronoun = PRONOUN.search(self.text, sentence.start, lead.start())
            if pronoun is not None and pronoun.group().lower() not in ("he", "she"):
                pronoun = None
            if subject is not None and (pronoun is None or pronoun.start() > subject.start):
                return subject.actor, lead
            if pronoun is not None:
                # ("He noted that ... during the Omani Sultan's visit, adding, "...": the one
                # "he" is, before anyone named later in the sentence)
                return self.doc.pronoun_speaker(pronoun.start()), lead
            return None, None
        speaker = self._speaker_before(sentence.start, lead.start())
        if speaker is None:
            speaker = self._issued_before(sentence.start, lead.start(), quote.start)
        return (speaker, lead) if speaker is not None else None

    def _issued_before(self, start: int, end: int, quote_at: int) -> str | None:
        """The body a lead-in's subject stands for: 'It added: "..."' (the body that spoke
        last), 'The statement read: "..."' (whoever issued the statement told before)."""
        head = self.text[start:end].strip()
        if head.lower() == "it":
            bodies = [
                f for f in self.found
                if f.start < quote_at and self.doc.kind(f.speaker) is ActorKind.ORGANIZATION
            ]  # fmt: skip
            return max(bodies, key=lambda f: f.start).speaker if bodies else None
        if _ISSUED.fullmatch(head):
            return self._last_statement_issuer(quote_at)
        return None

    def _trailing_speaker(self, quote: Quote, after_end: int) -> tuple[str, re.Match[str]] | None:
        """The speaker named after the closing mark: '"...," said X', '"...," it added'."""
        trail = _TRAIL.match(self.text, quote.end, after_end)
        if not trail:
            return None
        group = next(g for g in ("who1", "who2", "who3", "who4") if trail.group(g) is not None)
        speaker = (
            self._head_of(trail.start(group), trail.end(group))
            or self._office_named(trail.start(group), trail.end(group))
            or self.doc.speaker_at(trail.start(group), trail.end(group))
        )
        if group == "who1" and _SPOKESPERSON_WORD.search(trail.group(group)):
            # '"...," said Ramaphosa's spokesperson, Khusela Diko.': the spokesperson named
            # after the title speaks, not the one whose spokesperson she is.
            named = _APPOSED_NAME.match(self.text, trail.end(group), after_end)
            if named is not None:
                speaker = self.doc.speaker_at(named.start("who"), named.end("who")) or speaker
        if speaker is None and group == "who1":
            # '"...," said spokesperson, Khusela Diko.': the name after the title.
            named = _APPOSED_NAME.match(self.text, trail.end(group), after_end)
            if named is not None:
                speaker = self.doc.speaker_at(named.start("who"), named.end("who"))
        if speaker is None and trail.group(group).strip().lower() == "it":
            # '"...," it said.': the body that spoke last ("the press service said").
            bodies = [
                f for f in self.found
                if f.start < quote.start and self.doc.kind(f.speaker) is ActorKind.ORGANIZATION
            ]  # fmt: skip
            speaker = max(bodies, key=lambda f: f.start).speaker if bodies else None
        if speaker is None and _THE_SPOKESPERSON.fullmatch(trail.group(group).strip()):
            # '"...," the spokesman added': the spokesperson the article cited last.
            earlier = [(pos, who) for pos, who in self.spokes if pos < quote.start]
            speaker = max(earlier)[1] if earlier else None
        if speaker is None and _ISSUED.fullmatch(trail.group(group).strip()):
            # "...," the statement said: whoever issued the statement told before.
            speaker = self._last_statement_issuer(quote.start)
        if speaker is not None:
            return speaker, trail
        return None

    def _office_named(self, start: int, end: int) -> str | None:
        """The body a speaker's phrase ``text[start:end]`` names by its office or its
        paper: "Harper's office", "the Prime Minister's Office" (the office, not the person
        whose office it is; see ``_office``), "a readout from the White House" (whoever issued
        it; see ``_issuer``)."""
        phrase = self.text[start:end].rstrip()
        last = phrase.rsplit(None, 1)[-1] if phrase else ""
        if last.lower() == "office":
            token = self._token_at(start + len(phrase) - len(last))
            return self._office(token) if token is not None else None
        return self._issuer_of(_ISSUED_NOUN.match(self.text, start, end))

    def _issuer_of(self, paper: re.Match[str] | None) -> str | None:
        """Whoever issued the paper an ``_ISSUED_NOUN`` match names, if it names one."""
        token = self._token_at(paper.start("noun")) if paper is not None else None
        return self._issuer(token) if token is not None else None

    def _quoted_as(
        self, after: int, after_end: int, before: int, quote_start: int
    ) -> tuple[str, re.Match[str]] | None:
        """ "“...,” he quoted Osinbajo as saying", "Akande quoted Osinbajo as saying: “...”",
        "“...,” Osinbajo was quoted as saying": the words are the one quoted; the one quoting
        is noted as speaking, so that "He added" next refers to the spokesman."""
        found = _QUOTED_AS.match(self.text, after, after_end) or _QUOTED_AS_LEAD.search(
            self.text, before, quote_start
        )
        if found is None:
            return None
        who = "who" if found.groupdict().get("who") else "who2"
        if found.group(who).startswith("who "):
            # "Zuma, who is out of the country ..., was also quoted as ...": whom the clause
            # is about stands right before it
            ahead = self.doc.mentions_in(max(0, found.start(who) - 80), found.start(who))
            last = ahead[-1] if ahead else None
            speaker = None
            if last is not None and self.text[last.end : found.start(who)].strip() == ",":
                speaker = last.actor if self.doc.kind(last.actor) is ActorKind.PERSON else None
        else:
            speaker = self.doc.speaker_at(found.start(who), found.end(who))
        if speaker is None and found.group(who).strip() in ("him", "her"):
            speaker = self._quoted_pronoun(found, who)
        if speaker is None:
            return None
        if found.groupdict().get("relayer"):
            relayer = self.doc.speaker_at(found.start("relayer"), found.end("relayer"))
            if relayer is not None and relayer != speaker:
                self.doc.note_speaker(found.start("verb"), relayer)
        return speaker, found

    def _quoted_pronoun(self, found: re.Match[str], who: str) -> str | None:
        """ "“...,” he quoted her as saying": the last person before whom the article shows to
        be a woman (a man, for "him"), other than the one quoting (a person)."""
        want = "female" if found.group(who).strip() == "her" else "male"
        pos = found.start(who)
        relayer = None
        if found.groupdict().get("relayer"):
            relayer = self.doc.speaker_at(found.start("relayer"), found.end("relayer"))
            if relayer is None and found.group("relayer").strip().lower() in ("he", "she"):
                relayer = self.doc.pronoun_speaker(found.start("relayer"))
        if relayer is None:
            # "“...,” Tass cites him as saying": an outlet quoting; "him" as any "he" is read
            return self.doc.pronoun_speaker(pos)
        shown = [
            m.actor for m in self.doc.mentions_in(max(0, pos - 2000), pos, implicit=False)
            if self.doc.kind(m.actor) is ActorKind.PERSON and m.actor != relayer
            and self.doc.gender(m.actor) == want
        ]  # fmt: skip
        return shown[-1] if shown else None

    def _speaker_before(self, start: int, verb_start: int) -> str | None:
        mentions = [
            m
            for m in self.doc.mentions_in(start, verb_start, quoted=False)
            if self.doc.kind(m.actor) is not ActorKind.MEDIA and m.via != "demonym"
        ]
        pronouns = [p for p in PRONOUN.finditer(self.text, start, verb_start)
                    if p.group().lower() in ("he", "she")]  # fmt: skip
        last_end = max([m.end for m in mentions[-1:]] + [p.end() for p in pronouns[-1:]] + [-1])
        if last_end < 0:
            return None
        gap = self.text[last_end:verb_start]
        person = next(
            (m for m in reversed(mentions) if self.doc.kind(m.actor) is ActorKind.PERSON), None
        )
        relative = self._subject_with_relative(verb_start)
        for m in reversed(mentions):
            if self.doc.kind(m.actor) is not ActorKind.PERSON:
                continue
            if relative is not None and m.start <= relative < m.end:
                # ("Muhyiddin who received a call from the Qatari Emir said": no commas)
                return m.actor
            if _RELATIVE_BEFORE_VERB.fullmatch(self.text, m.end, verb_start):
                # "Xi, who handed over a letter from Hu Jintao to Obama, said": the one the
                # relative clause is about, not the names inside it
                return m.actor
        if (
            person is not None
            and person is not mentions[-1]
            and (
                _CLOSED_APPOSITION.fullmatch(self.text, person.end, verb_start)
                or _FROM_A_COUNTRY.fullmatch(self.text, person.end, verb_start)
            )
        ):
            # ("Ms. Natividad Isabel Pena Bonilla from the Kingdom of Spain said": hers too)
            # "Maria Zakharova, spokesperson for the Russian Foreign Ministry, said": the one
            # named, not the body in the description set beside her
            return person.actor
        if not _GAP.match(gap):
            # "the minister's envoy on the issue, Khalilur Rahman, told ...": a name set off
            # by commas after its description is the subject all the same.
            named = mentions[-1] if mentions and mentions[-1].end == last_end else None
            if (
                named is None
                or not _APPOSED.match(gap)
                or not _BEFORE_APPOSED.search(self.text, start, named.start)
            ):
                return None
        if pronouns and pronouns[-1].end() == last_end:
            return self.doc.pronoun_speaker(pronouns[-1].start())
        if len(mentions) >= 2 and self._conjoined(mentions[-2], mentions[-1]):
            return None  # "Merz and Tusk stressed ...": a joint remark, no one speaker's
        if _SOMEONE_OF.search(self.text, max(start, mentions[-1].start - 40), mentions[-1].start):
            return None  # "the representative of the US government agreed": someone unnamed
        return self.doc.speaker_named(mentions[-1])

    def _subject_with_relative(self, verb_start: int) -> int | None:
        """Where the parse's subject of the verb at ``verb_start`` stands, when a relative
        clause ("who received a call from ...") hangs on it."""
        verb = self._token_at(verb_start)
        subject = _subject_of(verb) if verb is not None else None
        if subject is None or not any(c.dep_ == "relcl" for c in subject.children):
            return None
        return subject.idx

    def _conjoined(self, first: Mention, second: Mention) -> bool:
        """Whether two names are one coordinated subject ("Merz and Tusk", "Okada and his
        Chinese counterpart Yang"), not an object and a new subject ("met Sybiha, and Fidan
        said")."""
        between = self.text[first.end : second.start]
        if not re.fullmatch(r"\s*,?\s*and\s+[^,.;\"“”]{0,40}", between):
            return False
        if self.doc.kind(first.actor) is not self.doc.kind(second.actor):
            return False
        parsed = self.doc.parsed
        if parsed is None:
            return True
        span = parsed.char_span(second.start, second.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.dep_ == "conj" and first.start <= root.head.idx < first.end

    def _reported_just_before(self, sentence: Sentence, paragraph: Paragraph) -> str | None:
        """ "President Duda said that both countries were committed ... "We wish the
        Belarusian people well, ..."": a quotation with no attribution of its own, right after
        a person's reported words in the same paragraph, is theirs."""
        index = self.doc.sentence_index(sentence.start)
        if index == 0 or self.doc.sentences[index - 1].start < paragraph.start:
            return None
        before = self.doc.sentences[index - 1]
        for verb in _VERB_RE.finditer(self.text, before.start, before.end):
            if self.doc.in_quote(verb.start()):
                continue
            speaker = self._parsed_subject(verb.start()) or self._speaker_before(
                before.start, verb.start()
            )
            if speaker is not None and self.doc.kind(speaker) is ActorKind.PERSON:
                return speaker
        # "President Mbeki expressed his pleasure at the talks. "We have had very good
        # discussions ..."": a sentence about someone speaking, then words in the first person
        # that nobody else said.
        subject = self.doc.subject(before.start, before.end)
        if (
            _FIRST_PERSON.search(self.text, sentence.start, sentence.end)
            and subject is not None
            and self.doc.kind(subject.actor) is ActorKind.PERSON
            and _SPEECH_CUE.search(self.text, before.start, before.end)
            and not self.doc.quotes_in(before.start, before.end)
        ):
            return subject.actor
        return None

    def _carried_speaker(self, paragraph: Paragraph) -> str | None:
        """A paragraph that is only a quotation continues the previous paragraph's speaker
        when that paragraph introduced it ("Zelensky wrote:") or was itself that person
        speaking: news quotes a speaker over several paragraphs and names them once."""
        index = self.doc.paragraphs.index(paragraph)
        if index == 0:
            return None
        previous = self.doc.paragraphs[index - 1]
        introducer = self._introducer(previous)
        if introducer is not None:
            return introducer
        found = self._speaker_of(previous)
        if found is None and not self.doc.quotes_in(previous.start, previous.end):
            # "Talking to journalists, Sanchez praised the decision." then a paragraph that is
            # only a quotation: his words, as news sets them.
            cue = next(
                (c for c in _SPEECH_CUE.finditer(self.text, previous.start, previous.end)), None
            )
            subject = self.doc.subject(previous.start, previous.end)
            if cue is not None and subject is not None:
                found = subject.actor
        return found

    def _introducer(self, paragraph: Paragraph) -> str | None:
        """Who a paragraph ending in a colon introduces as speaking next: its subject
        ("Zelensky wrote:"), or whoever issued the paper it names ("Here follows a statement
        by the Royal Office:")."""
        if not self.text[paragraph.start : paragraph.end].rstrip().endswith(":"):
            return None
        subject = self.doc.subject(paragraph.start, paragraph.end)
        if subject is not None:
            return subject.actor
        return self._issuer_of(_ISSUED_NOUN.search(self.text, paragraph.start, paragraph.end))

    def _speaker_of(self, paragraph: Paragraph) -> str | None:
        """The one person whose statement the paragraph holds, if any."""
        speakers = {
            s.speaker
            for s in self.found
            if paragraph.start <= s.start < paragraph.end
            and self.doc.kind(s.speaker) is ActorKind.PERSON
        }
        return speakers.pop() if len(speakers) == 1 else None

    def open_quote(self, paragraph: Paragraph) -> bool:
        """A paragraph that opens a quotation and does not close it ("“Your visit also comes
        post Covid-19."): the quote runs on into the next paragraphs, each opening again, in
        the words of the person the paragraph before quoted."""
        body = self.text[paragraph.start : paragraph.end]
        if not opens_unclosed_quote(body):
            return False
        index = self.doc.paragraphs.index(paragraph)
        if index == 0:
            return False
        previous = self.doc.paragraphs[index - 1]
        speaker = self._speaker_of(previous) or self._introducer(previous)
        if speaker is None:
            return False
        earlier = self._quote_before(paragraph, speaker)
        if earlier is not None:
            earlier.text = _join(earlier.text, body)
            earlier.end = paragraph.end
            earlier.content.append((paragraph.start, paragraph.end))
            return True
        said = Said(speaker, _clean_quote(body), paragraph.start, paragraph.end,
                    content=[(paragraph.start, paragraph.end)], rule="quote-carried")  # fmt: skip
        self._keep(said)
        return True

    def opened_after_colon(self, paragraph: Paragraph) -> bool:
        """ "Moroe's statement read: “The Special Envoy ... has arrived ...": a quotation a
        colon opens mid-paragraph and the paragraph leaves open (it runs on into the next
        paragraphs), in the words of whoever the words before the colon introduce."""
        body = self.text[paragraph.start : paragraph.end]
        opened = _OPENED_AFTER_COLON.search(body)
        if opened is None or opened.start() == 0:
            return False
        mark = paragraph.start + opened.end() - 1
        lead_start = self.doc.sentence_at(paragraph.start + opened.start()).start
        speaker = self._introducer(Paragraph(lead_start, mark, paragraph.block))
        if speaker is None:
            return False
        said = Said(speaker, _clean_quote(self.text[mark : paragraph.end]), lead_start,
                    paragraph.end, content=[(mark + 1, paragraph.end)], rule="quote")  # fmt: skip
        self._keep(said)
        return True

    def run_on_quotes(self) -> None:
        """A quotation over paragraphs whose speaker is named only where it closes ("“... .
        ¶ “... ,” he said."): its open paragraphs join the words the closing one gives him."""
        paragraphs = self.doc.paragraphs
        for index in range(len(paragraphs) - 2, -1, -1):
            paragraph, following = paragraphs[index], paragraphs[index + 1]
            if not any(q.start == paragraph.start and q.end == paragraph.end
                       for q in self.doc.quotes):  # fmt: skip
                continue
            if any(paragraph.start <= s.start < paragraph.end for s in self.found):
                continue
            closing = [
                s for s in self.found
                if following.start <= s.start <= following.start + 1 and s.rule.startswith("quote")
            ]  # fmt: skip
            if not closing:
                continue
            said = closing[0]
            body = self.text[paragraph.start : paragraph.end]
            said.text = _join(body, said.text)
            said.start = paragraph.start
            said.content.insert(0, (paragraph.start, paragraph.end))

    def _quote_before(self, paragraph: Paragraph, speaker: str) -> Said | None:
        """The quotation of ``speaker`` that the paragraph before ended with, if any."""
        index = self.doc.paragraphs.index(paragraph)
        if index == 0:
            return None
        previous = self.doc.paragraphs[index - 1]
        quoted = [
            s for s in self.found
            if previous.start <= s.start < previous.end and s.rule.startswith("quote")
        ]  # fmt: skip
        if not quoted:
            return None
        last = max(quoted, key=lambda s: s.start)
        return last if last.speaker == speaker else None

    # -- reported speech -------------------------------------------------------------------
    def _fronted(self, sentence: Sentence, text: str) -> bool:
        """ "According to the minister, ...", "As Lula said, ...": the words after the comma
        are the speaker's. A title set off by commas names its holder after it ("According to
        Venezuelan Foreign Minister, Nicolas Maduro, the meeting ...")."""
        fronted = _front_source(text)
        if fronted is None:
            return False
        front, comma = fronted
        who_start, who_end = sentence.start + front.end(), sentence.start + comma
        verb = _VERB_RE.search(self.text, who_start, who_end)
        if not front.group("according") and verb is None:
            return False
        who_stop = verb.start() if verb else who_end
        speaker = self._issuing_body(who_start, who_stop) or self.doc.speaker_at(
            who_start, who_stop
        )
        if speaker is None and re.fullmatch(r"\s*(?:him|her)\s*", self.text[who_start:who_stop]):
            # "According to him, ...": the person last quoted or the subject before.
            speaker = self.doc.pronoun_speaker(who_start)
        if speaker is None and verb is None:
            after = text.find(",", comma + 1)
            if after != -1 and after - comma <= 60:
                holder = self.doc.speaker_at(sentence.start + comma + 1, sentence.start + after)
                if holder is not None and self.doc.kind(holder) is ActorKind.PERSON:
                    speaker, comma = holder, after
        if speaker is None:
            return False
        office = _SET_OFF_OFFICE.match(text, comma + 1)
        if office is not None and not self.doc.mentions_in(
            sentence.start + office.start(), sentence.start + office.end() - 1
        ):
            # "According to H.E. Eang Sophalleth, Assistant to the Cambodian Premier, H.E.
            # Wang Yi conveyed ...": the source's office set off after the name is not said
            comma = office.end() - 1
        self._report(speaker, sentence, sentence.start + comma + 1, sentence.end, verb or front)
        return True

    def reported(self, sentence: Sentence) -> None:
        text = self.text[sentence.start : sentence.end]
        if self._fronted(sentence, text):
            return
        if self._inverted(sentence) or self._as_reported(sentence):
            return
        if self._trailing_body(sentence) or self._quoted_as_saying(sentence):
            return
        for verb in _VERB_RE.finditer(self.text, sentence.start, sentence.end):
            if self.doc.in_quote(verb.start()):
                continue
            if _PRONOUN_BEFORE.search(self.text[sentence.start : verb.start()]) and (
                verb.start() < (self._closing_attribution(sentence) or -1)
            ):
                continue  # "She emphasised unity ..., Shahidul said.": what Shahidul told
            speaker = self._parsed_subject(verb.start())
            if speaker is None:
                speaker = self._speaker_before(sentence.start, verb.start())
            if speaker is None:
                speaker = self._it_said(sentence, verb)
            if speaker is None:
                speaker = self._described_again(sentence.start, verb.start())
            if speaker is None or self.doc.kind(speaker) is ActorKind.MEDIA:
                continue
            after = verb.end()
            if verb.group().startswith(("told", "tells")):
                audience = _AUDIENCE.match(self.text, after, sentence.end)
                after = audience.end() if audience else after
            tail = _TAIL_AFTER_VERB.fullmatch(self.text, after, sentence.end)
            if tail is not None and self._front_of_inserted(sentence, verb) is not None:
                tail = None  # "Cyprus, he said, and the Cyprus issue are a top priority."
            if tail is None and self._said_before(verb.start()):
                tail = verb  # (a long "during ..." after the verb, what was said before it)
            if tail is not None and any(
                q.end <= verb.start() and verb.start() - q.end <= 30
                for q in self.doc.quotes_in(sentence.start, verb.start())
            ):
                continue  # '“welcome again,” he told Petro.': a quote too short to count
            if tail is not None:
                # "..., Lavrov said on Aug. 21." — the clause is what came before.
                clause_end = self.text.rfind(",", sentence.start, verb.start())
                mention = self.doc.mentions_in(sentence.start, verb.start(), quoted=False)
                if mention:
                    clause_end = self.text.rfind(",", sentence.start, mention[-1].start)
                if clause_end > sentence.start:
                    self._report(speaker, sentence, sentence.start, clause_end, verb)
                    return
                later = _THAT_LATER.search(self.text, after, sentence.end)
                if later is not None:
                    # "Zelensky said on Monday, speaking in Kyiv, that ...": the clause follows.
                    self._report(speaker, sentence, later.end(), sentence.end, verb)
                    return
                continue
            clause_start = self._clause_after(sentence, verb)
            clause_end = self._second_report(sentence, clause_start)
            inserted = self._front_of_inserted(sentence, verb)
            if inserted is not None:
                clause_start = self.text.index(",", verb.end()) + 1
                while self.text[clause_start].isspace():
                    clause_start += 1
            self._report(speaker, sentence, clause_start, clause_end, verb, front=inserted)
            return
        self._participle(sentence)

    def _described_again(self, start: int, verb_start: int) -> str | None:
        """ "The WHO Regional Director for Africa said ...": a description the article first
        set before someone's name ("WHO Regional Director for Africa Matshidiso Moeti"), used
        again alone as the subject. Only a description of one person, of two words or more."""
        # (searched in a slice: the pattern's ^ is the start of the sentence)
        found = _DESCRIPTION_SUBJECT.search(self.text[start:verb_start])
        if found is None or len(found.group("words").split()) < 2:
            return None
        head = re.split(r"\s+(?:for|of|on|and|the)\s+", found.group("words"))[0].split()[-1]
        if head.endswith("s") and not head.endswith("ss"):
            return None  # "The Prime Ministers reaffirmed": more than one
        people: set[str] = set()
        described = re.escape(found.group("words")) + r",?\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
        for earlier in re.finditer(described, self.text[:start]):
            for m in self.doc.mentions_in(earlier.start(), earlier.end() + 80, quoted=False):
                if m.start <= earlier.end() and self.doc.kind(m.actor) is ActorKind.PERSON:
                    people.add(m.actor)
        return people.pop() if len(people) == 1 else None

    def _closing_attribution(self, sentence: Sentence) -> int | None:
        """Where the speech verb closing a sentence after a person's name stands ("...,
        Shahidul said."), if one does."""
        verbs = list(_VERB_RE.finditer(self.text, sentence.start, sentence.end))
        if len(verbs) < 2:
            return None
        last = verbs[-1]
        comma = self.text.rfind(",", sentence.start, last.start())
        named = self.doc.mentions_in(comma, last.start(), quoted=False) if comma > 0 else []
        if (
            named
            and all(self.doc.kind(m.actor) is ActorKind.PERSON for m in named)
            and _TAIL_AFTER_VERB.fullmatch(self.text, last.end(), sentence.end)
            and re.fullmatch(r",\s*", self.text[comma : named[0].start])
            and re.fullmatch(r"\s*", self.text[named[-1].end : last.start()])
        ):
            return last.start()
        return None

    def _it_said(self, sentence: Sentence, verb: re.Match[str]) -> str | None:
        """ "..., the Prime Minister's Office said in a statement. It says the two leaders
        also reaffirmed ...": "it" is the body whose statement was reported just before."""
        if not _IT_SAID.fullmatch(self.text, sentence.start, verb.start()):
            return None
        index = self.doc.sentence_index(sentence.start)
        since = self.doc.sentences[max(0, index - 2)].start
        bodies = [
            s.speaker for s in self.found
            if since <= s.start < sentence.start
            and self.doc.kind(s.speaker) in (ActorKind.ORGANIZATION, ActorKind.COUNTRY)
        ]  # fmt: skip
        return bodies[-1] if bodies else None

    def _clause_after(self, sentence: Sentence, verb: re.Match[str]) -> int:
        """Where what was said starts after its verb: past the audience ("told reporters"),
        a day, "that"."""
        clause_start = verb.end()
        if verb.group().startswith(("told", "tells")):
            audience = _AUDIENCE.match(self.text, clause_start, sentence.end)
            if audience:
                clause_start = audience.end()
        clause_start = self._skip_date(clause_start, sentence.end)
        whom = _WHOM_THEN_THAT.match(self.text, verb.end(), sentence.end)
        if verb.group() in _TELLING and whom is not None:
            return whom.end()
        that = _THAT.match(self.text, clause_start, sentence.end)
        if that:
            clause_start = that.end()
        # "wrote on Truth Social that ...", "said in an interview on Monday that ..." (not
        # the second "that" of "underscored that X and that Y").
        later_that = _LATER_THAT.match(self.text, clause_start, sentence.end)
        if later_that and not (that and "that" in that.group()):
            clause_start = later_that.end()
        return clause_start

    def _front_of_inserted(self, sentence: Sentence, verb: re.Match[str]) -> tuple[int, int] | None:
        """ "Both parties agreed, Downing Street said, on the need to ...": the words before an
        attribution set off by commas inside the clause it attributes."""
        if not _INSERTED_END.match(self.text, verb.end(), sentence.end):
            return None
        comma = self.text.rfind(",", sentence.start, verb.start())
        if comma <= sentence.start or len(self.text[comma : verb.start()].split()) > 6:
            return None
        front = self.text[sentence.start : comma]
        words = front.split()
        if not words or self.doc.quotes_in(sentence.start, comma):
            return None
        if len(words) == 1 and (words[0].lower() in _CONNECTIVES or words[0].endswith("ly")):
            return None  # "However, he said, ...": no words of the clause before the verb
        if _VERB_RE.search(front) or "," in front:
            return None  # (a clause with its own attribution, or a list)
        return (sentence.start, comma)

    def _second_report(self, sentence: Sentence, clause_start: int) -> int:
        """Where the clause of a report from ``clause_start`` ends: at ", while B said ..."
        when another speaker's report follows (which is read as its own statement), else at
        the end of the sentence."""
        for other in _WHILE_SAID.finditer(self.text, clause_start, sentence.end):
            verb = _VERB_RE.match(self.text, other.end("who"))
            if verb is None or self.doc.in_quote(other.start()):
                continue
            speaker = self._speaker_before(other.end("lead"), other.end("who"))
            if speaker is None or self.doc.kind(speaker) is ActorKind.MEDIA:
                continue
            if "and" in other.group("lead") and (
                self.doc.kind(speaker) is not ActorKind.PERSON
                or len(self.text[clause_start : other.start()].split()) < 3
            ):
                # ("said A, and Hipkins said B"; not "said Russia and China said ...": a
                # country's report inside the first)
                continue
            start = self._skip_date(verb.end(), sentence.end)
            that = _THAT.match(self.text, start, sentence.end)
            self._report(speaker, sentence, that.end() if that else start, sentence.end, verb)
            return other.start()
        return sentence.end

    def _participle(self, sentence: Sentence) -> None:
        """ "Sheikh Mohamed expressed appreciation to el-Sisi, saying that both countries hold
        identical views", "the ambassador extended congratulations, emphasizing that ...": the
        participle's words are the sentence subject's."""
        for found in _PARTICIPLE_CLAUSE.finditer(self.text, sentence.start, sentence.end):
            if self.doc.in_quote(found.start()):
                continue
            if (
                not found.group("that")
                and found.group("verb") not in ("saying", "adding")
                and not self._clause_follows(found.start("verb"))
            ):
                # "emphasising the importance of ...": a phrase, no clause said (but
                # "insisting the deal will come": a clause without its "that")
                continue
            if found.group("verb").startswith("telling") and _DEMANDED.search(
                self.text, sentence.start, found.start()
            ):
                continue  # "urged the resumption of talks, telling leaders that ...": one call
            subject = self.doc.subject(sentence.start, found.start())
            if subject is None:
                continue
            speaker = self._pronoun_subject(sentence.start, subject.start) or subject.actor
            verb = re.compile(r"\w+").match(self.text, found.start("verb"))
            if verb is None:
                continue
            before = len(self.found)
            self._report(speaker, sentence, found.end(), sentence.end, verb)
            if len(self.found) > before:
                return

    def _clause_follows(self, verb_start: int) -> bool:
        """Whether the parse hangs a clause with its own subject on the verb at
        ``verb_start``."""
        verb = self._token_at(verb_start)
        return verb is not None and any(
            c.dep_ == "ccomp" and c.i > verb.i and any(g.dep_ == "nsubj" for g in c.children)
            for c in verb.children
        )

    def _pronoun_subject(self, start: int, end: int) -> str | None:
        """Whom "he" or "she", the subject of a verb between ``start`` and ``end``, means:
        "Earlier, he met with the Chinese Premier Li Qiang, saying that ..." is his saying,
        not the premier's."""
        for pronoun in PRONOUN.finditer(self.text, start, end):
            if pronoun.group().lower() not in ("he", "she"):
                continue
            token = self._token_at(pronoun.start())
            if token is not None and token.dep_ == "nsubj" and not self.doc.in_quote(token.idx):
                return self.doc.pronoun_speaker(pronoun.start())
        return None

    def called(self, sentence: Sentence) -> None:
        """ "Xi called for improved relations between the two nations", "Xi called on Trump to
        take substantive actions": a demand is a statement of the sentence subject ("called
        on the president" alone is a visit, not said)."""
        found = _CALLED.search(self.text, sentence.start, sentence.end)
        if found is None or self.doc.in_quote(found.start()):
            return
        subject = self.doc.subject(sentence.start, found.start())
        if subject is None:
            return
        start = found.end() if found.group("for") else found.start("to")
        self._report(subject.actor, sentence, start, sentence.end, found)

    def described(self, sentence: Sentence) -> None:
        """ "Diaz-Canel described the meeting as sincere, truthful and hopeful": a judgement
        of some length is a statement (the subject of the sentence says it); "described the
        meeting as a great start" is too short to tell anything."""
        found = _DESCRIBED.search(self.text, sentence.start, sentence.end)
        if found is None or self.doc.in_quote(found.start()):
            return
        what = strip_quotes(found.group("what"))
        if len(re.findall(r"\w+", what)) < 4:
            return
        subject = self.doc.subject(sentence.start, found.start())
        if subject is None:
            return
        self._report(subject.actor, sentence, found.start("obj"), sentence.end, found)

    def outlet_reported(self, sentence: Sentence) -> None:
        """ "Netanyahu met with Mubarak in Sharm el-Sheikh, Egypt's state TV website
        reported.": when no one else in the sentence is said to speak, what an outlet reports
        is the outlet's statement (one relaying someone's words gives them to that one)."""
        found = _OUTLET_REPORTED.search(self.text, sentence.start, sentence.end)
        if found is None or self.doc.in_quote(found.start()):
            return
        outlet = self.doc.speaker_at(found.start("who"), found.end("who"))
        if outlet is None or self.doc.kind(outlet) is not ActorKind.MEDIA:
            # "the RBC newspaper": the paper, though the recogniser knows RBC as a company
            outlet = self._outlet(found.group("who"))
        if outlet is None or self.doc.kind(outlet) not in (ActorKind.MEDIA, ActorKind.ORGANIZATION):
            return  # (an outlet the recogniser took for a company is still the outlet)
        verb = _REPORTED.search(self.text, found.start("who"))
        if verb is None:
            return
        self._report(outlet, sentence, sentence.start, found.start(), verb, "reported")

    def _outlet(self, words: str) -> str | None:
        """The outlet words name: "state news agency Andina" is Andina, "al-Alam satellite
        TV" and "Egypt's state TV website" are what they say; other words are no outlet."""
        words = words.strip()
        if (
            len(words.split()) > 6
            or _OUTLET_WORD.search(words) is None
            or _NOT_AN_OUTLET.search(words) is not None
        ):
            return None
        described = _DESCRIBED_OUTLET.fullmatch(words)
        name = words
        if (
            described
            and (described.group("said") or described.group("kind") or words.endswith(")"))
            and not _OUTLET_WORD.fullmatch(described.group("name"))
        ):
            # "state-owned Oman News Agency (ONA)", "the RBC newspaper": the outlet's name
            name = described.group("name")
        return self.doc.book.introduce_media(name.replace("\u2019", "'"))

    def _quoted_as_saying(self, sentence: Sentence) -> bool:
        """ "The Elysee statement quoted Macron as saying that Europe must ...": the words are
        the one quoted."""
        found = _QUOTED_AS_SAYING.search(self.text, sentence.start, sentence.end)
        if found is None or self.doc.in_quote(found.start()):
            return False
        who = "who" if found.group("who") else "who2"
        speaker = self.doc.speaker_at(found.start(who), found.end(who))
        if speaker is None or self.doc.kind(speaker) is ActorKind.MEDIA:
            return False
        before = len(self.found)
        self._report(speaker, sentence, found.end(), sentence.end, found)
        return len(self.found) > before

    def _trailing_body(self, sentence: Sentence) -> bool:
        """ "..., the press service of the Canadian head of government said.": a body named
        by a phrase, after the words it said (read from the parse of the phrase alone, as the
        parse of the whole sentence often goes wrong there)."""
        found = _TRAILING_BODY.search(self.text, sentence.start, sentence.end)
        if found is None or self.doc.in_quote(found.start()):
            return False
        speaker = self._issuing_body(found.start("who"), found.end("who"))
        if speaker is None or self.doc.kind(speaker) is ActorKind.MEDIA:
            return False
        if self._someone_speaks(sentence.start, found.start()):
            return False  # ("the Iranian minister underscored ..., the statement added": his)
        verb = _VERB_RE.match(self.text, found.start("verb"))
        if verb is None:
            return False
        before = len(self.found)
        self._report(speaker, sentence, sentence.start, found.start(), verb, "office")
        return len(self.found) > before

    def _someone_speaks(self, start: int, end: int) -> bool:
        """Whether a person is the subject of a verb of saying in ``text[start:end]``."""
        if self.doc.parsed is None:
            return False
        span = self.doc.parsed.char_span(start, end, alignment_mode="contract")
        for token in span if span is not None else ():
            if token.lower_ not in _PARSED_VERBS or not token.tag_.startswith("VB"):
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            speaker = self._speaker_token(subject) if subject is not None else None
            if speaker is not None and self.doc.kind(speaker) is ActorKind.PERSON:
                return True
        return False

    def _as_reported(self, sentence: Sentence) -> bool:
        """ "Sultan Haitham arrived on Monday, as was reported by Oman's news agency (ONA),
        ahead of the summit": the source of what came before the comma."""
        found = _AS_REPORTED.search(self.text, sentence.start, sentence.end)
        if found is None or self.doc.in_quote(found.start()):
            return False
        speaker = self.doc.speaker_at(found.start("who"), found.end("who"))
        if speaker is None or self.doc.kind(speaker) is ActorKind.MEDIA:
            return False
        verb = _VERB_RE.search(self.text, found.start(), found.start("who"))
        if verb is None:
            return False
        before = len(self.found)
        self._report(speaker, sentence, sentence.start, found.start(), verb)
        return len(self.found) > before

    def _token_at(self, pos: int) -> Token | None:
        """The parsed token at character ``pos``."""
        if self.doc.parsed is None:
            return None
        span = self.doc.parsed.char_span(pos, pos + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _said_before(self, verb_start: int) -> bool:
        """ "Portugal's priorities ... focus on an economic recovery, Prime Minister Costa said
        during a joint press conference in Lisbon with ... on Monday": the parse hangs what
        was said before the verb, and nothing said after it."""
        verb = self._token_at(verb_start)
        if verb is None:
            return False
        clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj")]
        return bool(clauses) and all(c.i < verb.i for c in clauses)

    def _parsed_subject(self, verb_start: int) -> str | None:
        """The speaker a verb's grammatical subject names when the words before the verb do
        not end with a name: "Raila Odinga who reiterated", "the press service of the
        Canadian head of government said", "the ministry's statement said"."""
        verb = self._token_at(verb_start)
        if verb is None:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ == "officials":
            return self._officials_of(subject)
        if subject is None or subject.lower_ not in _BODY_HEADS | _DESCRIBED_HEADS | {
            "who",
            "that",
            "which",
        }:
            return None
        return self._speaker_token(subject)

    def _officials_of(self, subject: Token) -> str | None:
        """ "Chinese Foreign Ministry officials said": the body named before "officials", an
        organisation (not "Chinese officials", who are no one in particular)."""
        named = [c for c in subject.children if c.dep_ in ("compound", "nmod") and c.i < subject.i]
        if not named:
            return None
        lo = min(c.left_edge.idx for c in named)
        bodies = [
            m.actor for m in self.doc.mentions_in(lo, subject.idx)
            if self.doc.kind(m.actor) is ActorKind.ORGANIZATION
        ]  # fmt: skip
        return bodies[-1] if bodies else None

    def _issuing_body(self, start: int, end: int) -> str | None:
        """Who a phrase headed by a statement, office or spokesperson noun speaks for ("a
        statement from the Prime Minister's Office"), read from the parse; None for others."""
        if self.doc.parsed is None:
            return None
        span = self.doc.parsed.char_span(start, end, alignment_mode="contract")
        if span is None or len(span) == 0:
            return None
        root = span.root
        if root.lower_ in _BODY_HEADS:
            return self._speaker_token(root)
        return None

    def _inverted(self, sentence: Sentence) -> bool:
        """ "..., said a statement released by the ministry, Xinhua reported.", "..., reports
        Xinhua news agency.": the verb before its subject closes the clause it reports; the
        attribution nearest the words is the one that says whose they are."""
        if self._led_by_attribution(sentence):
            return True
        for found in _INVERTED.finditer(self.text, sentence.start, sentence.end):
            if self.doc.in_quote(found.start()) or found.start() <= sentence.start:
                continue
            lo, hi = found.start("who"), found.end("who")
            named = self.doc.mentions_in(lo, hi, quoted=False)
            # The subject after the verb is a name or a statement, nothing more: not "..., said
            # Tanzania was ready to ...".
            speaker = self.doc.speaker_at(lo, hi) if named and named[-1].end >= hi - 1 else None
            if speaker is None and self.doc.parsed is not None:
                span = self.doc.parsed.char_span(lo, hi, alignment_mode="expand")
                if span is not None and span.root.lower_ in (
                    _STATEMENT_NOUNS | _SPOKESPEOPLE | _DESCRIBED_HEADS
                ):
                    # ("..., stressed the spokesperson.", "..., said the Iranian minister.")
                    speaker = self._speaker_token(span.root)
            if speaker is None or self.doc.kind(speaker) is ActorKind.MEDIA:
                continue
            verb = _VERB_RE.match(self.text, found.start("verb"))
            if verb is None:
                continue
            before = len(self.found)
            rule = "office" if self.doc.kind(speaker) is ActorKind.ORGANIZATION else "reported"
            self._report(speaker, sentence, sentence.start, found.start(), verb, rule)
            return len(self.found) > before
        return False

    def _led_by_attribution(self, sentence: Sentence) -> bool:
        """ "However, said Mr Key, there were no real conclusions": the attribution set off
        after the sentence's first word, the clause after it."""
        lead = _LEAD_INVERTED.match(self.text, sentence.start, sentence.end)
        if lead is None:
            return False
        speaker = self.doc.speaker_at(lead.start("who"), lead.end("who"))
        verb = _VERB_RE.match(self.text, lead.start("verb"))
        if speaker is None or verb is None or self.doc.kind(speaker) is ActorKind.MEDIA:
            return False
        before = len(self.found)
        self._report(speaker, sentence, lead.end(), sentence.end, verb)
        return len(self.found) > before

    # -- reported speech the patterns miss, read from the parse ------------------------------
    def parsed(self, sentence: Sentence) -> None:
        """ "This year marks ..., Li said, noting ...", "Landsbergis called the meeting
        'unprecedented' and said it was useful to ...", "Erdogan urged al-Sudani to stay out of
        the conflict": the speech verb's subject is the speaker, its clause what was said."""
        if self.doc.parsed is None:
            return
        span = self.doc.parsed.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            return
        # A pledge or a charge is read last: "X pledged to deport ..., but said he would
        # focus on ...": what was said first.
        for token in sorted(span, key=lambda t: t.lower_ in _READ_LAST):
            if token.lower_ == "according" and self._according(sentence, token):
                return
            if token.lower_ not in _PARSED_VERBS or not token.tag_.startswith("VB"):
                continue
            if self.doc.in_quote(token.idx):
                continue
            content = _content_of(token)
            if content is None:
                continue
            subject = _subject_of(token)
            if subject is None:
                continue
            speaker = self._speaker_token(subject)
            if speaker is None or (
                # "Interfax said Putin told ...", "the Iranian minister underscored the ties
                # ..., the statement added": the words relayed are the one's who spoke them
                (self.doc.kind(speaker) is ActorKind.MEDIA or subject.lower_ in _STATEMENT_NOUNS)
                and _relays_speech(content)
            ):
                continue
            start = max(sentence.start, _urged(token, content).left_edge.idx)
            last = _object_end(token, content)
            end = min(sentence.end, last.idx + len(last.text))
            opened = next(
                (q for q in self.doc.quotes if q.start < start < q.end <= token.idx), None
            )
            if opened is not None:
                # '"A. B. C," Merz lamented': the quotation's last sentence is the parse's
                # sentence, but what was said is the whole quotation
                start, end = opened.start + 1, opened.end - 1
            if start <= token.idx < end:
                continue  # the verb inside its own clause: a parse gone wrong
            if any(
                start <= q.start and q.end <= token.idx and token.idx - q.end <= 30
                for q in self.doc.quotes_in(start, token.idx)
            ):
                continue  # '“welcome again,” he told Petro': the verb attributes a short quote
            text = self.text[start:end]
            lead = re.match(r"(?:that|to)\s+", text) if content.dep_ in ("ccomp", "acl") else None
            if lead is not None:
                start += lead.end()
            verb = re.compile(re.escape(token.text)).match(self.text, token.idx)
            if verb is None:
                continue
            before = len(self.found)
            by_office = subject.lower_ in _OFFICE_HEADS | _STATEMENT_NOUNS | _SPOKESPEOPLE
            self._report(speaker, sentence, start, end, verb, "office" if by_office else "reported")
            if len(self.found) > before:
                return

    def _according(self, sentence: Sentence, token: Token) -> bool:
        """ "Both sides agreed that relations ..., according to a statement from the Iranian
        Foreign Ministry": the source at the end of a sentence said what came before it."""
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        lead = self.text[sentence.start : token.idx]
        if source is None or _FRONTED_LEAD.fullmatch(lead) or ("," not in lead and len(lead) < 20):
            # a fronted "According to X, ..." is read by the patterns (after a connective or
            # a dateline: "But, according to ...", "DUBAI (Sputnik) — According to ...")
            return False
        speaker = self._speaker_token(source)
        if speaker is None:
            return False
        if self.doc.kind(speaker) is ActorKind.MEDIA and _VERB_RE.search(lead):
            return False  # an outlet relaying someone's words: theirs, read elsewhere
        end = self.text.rfind(",", sentence.start, token.idx)
        end = end if end > sentence.start else token.idx
        verb = re.compile(re.escape(token.text)).match(self.text, token.idx)
        if verb is None:
            return False
        before = len(self.found)
        rule = "office" if source.lower_ in _STATEMENT_NOUNS | _OFFICE_HEADS else "reported"
        last = token.right_edge
        rest = _REST_AFTER_SOURCE.match(self.text, last.idx + len(last.text), sentence.end)
        if rest is not None and end < token.idx:
            # "The issues, according to Adesina, include ...": the source set in the middle;
            # what was said is the sentence around it.
            front = (sentence.start, end)
            self._report(speaker, sentence, rest.end(), sentence.end, verb, rule, front)
        else:
            self._report(speaker, sentence, sentence.start, end, verb, rule)
        return len(self.found) > before

    def _speaker_token(self, token: Token) -> str | None:
        if (
            token.dep_ in ("nsubj", "nsubjpass")
            and any(c.dep_ == "conj" for c in token.children)
            and any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in token.children)
        ):
            return None  # "Merz and Tusk stressed ...": two speakers, no one's statement
        if token.lower_ in ("representative", "representatives", "delegate", "delegates"):
            return None  # "the representative of the US government agreed": someone unnamed
        lo, hi = token.idx, token.idx + len(token.text)
        for m in self.doc.mentions_in(max(0, lo - 80), hi + 80):
            if m.start <= lo and hi <= m.end and not m.implicit and m.via != "demonym":
                return self.doc.speaker_named(m)
        lower = token.lower_
        if lower in ("he", "she") and token.tag_ == "PRP":
            return self.doc.pronoun_speaker(token.idx)
        if lower in ("head", "chief") and (holder := self._head_of(*_extent(token))):
            return holder
        if (
            lower in ("that", "which")
            and token.head.dep_ == "relcl"
            and token.head.head.lower_ in _STATEMENT_NOUNS
        ):
            # "a statement that said the two leaders reviewed ...": the statement's issuer.
            return self._speaker_token(token.head.head)
        if lower == "who" and token.head.dep_ == "relcl" and token.head.head.i != token.head.i:
            # "Raila Odinga, who reiterated that ...": the one the relative clause is about.
            return self._speaker_token(token.head.head)
        if lower in ("service", "office") and any(
            c.dep_ == "compound" and c.lower_ == "press" for c in token.children
        ):
            # "the press service of the head of the Kyrgyz Republic": named by its own words.
            words = token.doc[token.left_edge.i : token.right_edge.i + 1]
            name = re.sub(r"^(?:the|a|an)\s+", "", words.text, flags=re.IGNORECASE)
            owner = re.match(r"(?:his|her)\s+", name, flags=re.IGNORECASE)
            if owner is not None:
                # "his press office": the office of the person "his" is
                person = self.doc.antecedent(words[0].idx)
                if person is None:
                    return None
                name = f"{person}'s {name[owner.end() :]}"
            return self._named_body(name)
        if lower in _STATEMENT_NOUNS:
            found = self._issuer(token)
            if found is None and any(_points_back(c) for c in token.children):
                # "the statement added", "Saturday's email said": the one named before.
                return self._last_statement_issuer(token.idx)
            return found
        if lower == "source" and any(c.lower_ == "same" for c in token.children):
            # "according to the same source": whoever was last cited.
            earlier = [s for s in self.found if s.start < token.idx]
            return max(earlier, key=lambda s: s.start).speaker if earlier else None
        if lower in _SPOKESPEOPLE or _press_secretary(token):
            spoken = self._spokesperson(token)
            if spoken is not None:
                self.spokes.append((token.idx, spoken))
            return spoken
        for child in token.children:
            if child.dep_ == "appos" and child.i > token.i:
                # "The Emir's Diwan Affairs Minister, Sheikh Mohammed Al-Sabah, stated":
                # the title's apposed name.
                for m in self.doc.mentions_in(child.left_edge.idx, child.idx + len(child.text)):
                    if not m.implicit and self.doc.kind(m.actor) is ActorKind.PERSON:
                        return m.actor
        if lower in _OFFICE_HEADS:
            office = self._office(token)
            if office is not None:
                return office
        if lower in _DESCRIBED_HEADS:
            return self._described(token)
        if lower in _ORG_HEADS and token.tag_.startswith("NNP"):
            # "The Kuwait News Agency reported": a body the article names by its proper name.
            names = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
            if names and all(t.tag_.startswith("NNP") for t in names):
                first = min(c.left_edge.i for c in names)
                words = token.doc[first : token.i + 1]
                if all(t.tag_.startswith("NNP") or t.tag_ == "HYPH" for t in words):
                    return self._named_body(words.text)
        return None

    def _described(self, token: Token) -> str | None:
        """ "The Sudanese official noted that ...", "the Iranian minister added", "the diplomat
        said": the person last named before who fits the description (of the country its
        demonym names, holding the title it names)."""
        dets = [c.lower_ for c in token.children if c.dep_ == "det"]
        # ("Croatian Foreign Minister stressed that ...": a title without its article, as
        # translated news often writes it, is the same description)
        bare = token.tag_ == "NNP" and not dets and token.dep_ in ("nsubj", "nsubjpass")
        if token.tag_ not in ("NN", "NNP") or not ("the" in dets or bare):
            return None
        if token.lower_ == "head" and not any(
            c.dep_ == "prep"
            and c.lower_ == "of"
            and any(g.lower_ in ("state", "government") for g in c.children)
            for c in token.children
        ):
            return None  # only "the Polish head of state", "the head of government"
        if token.lower_ == "executive" and not any(c.lower_ == "chief" for c in token.children):
            return None  # only "the chief executive"
        quals = [c for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i]
        countries = {
            ref.name
            for c in quals
            if (ref := self.doc.reference.lookup(c.text)) is not None
            and ref.kind is ActorKind.COUNTRY
        }
        if any(c.text[:1].isupper() and c.lower_ != "chief" for c in quals) and not countries:
            return None  # "the Labour leader": a description this cannot check
        unnamed = re.compile(
            rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w-]+\s+){{0,2}}{token.lower_}\b"
        )
        if unnamed.search(self.text, 0, token.idx):
            return None  # "a Japanese diplomat said ... the diplomat added": the unnamed source
        title = None if token.lower_ in _ANYONE_DESCRIBED else token.lower_

        def fits(p: str) -> bool:
            return (not countries or self._near_any(p, countries)) and (
                title is None or self._titled(p, title)
            )

        subject = token.dep_ in ("nsubj", "nsubjpass")
        topic = self.doc.subject_before(token.idx, same_paragraph=False) if subject else None
        if topic is not None and self.doc.kind(topic) is ActorKind.PERSON and fits(topic):
            # "President Kenyatta thanked President Zuma ... The president also noted ...":
            # the one the text was about, not the last one named
            return topic
        named = self._last_person(token.idx, fits)
        if named is None and topic is not None and self._untitled(topic, countries):
            # "Basescu said he and Scheffer discussed the agenda. The head of state said ...":
            # the article gives him no title, and no one else fits
            return topic
        return named

    def _untitled(self, person: str, countries: set[str]) -> bool:
        """Whether ``person`` is a person the article gives no office, named near one of
        ``countries`` if any are given."""
        return (
            self.doc.kind(person) is ActorKind.PERSON
            and not self.doc.book.roles(person)
            and (not countries or self._near_any(person, countries))
        )

    def _last_person(self, pos: int, fits: Callable[[str], bool]) -> str | None:
        """The person named last before ``pos`` (within a few paragraphs) who ``fits``."""
        for m in reversed(self.doc.mentions_in(max(0, pos - 3000), pos, quoted=False)):
            if self.doc.kind(m.actor) is ActorKind.PERSON and fits(m.actor):
                return m.actor
        return None

    def _near_any(self, person: str, countries: set[str]) -> bool:
        """Whether the article names ``person`` after one of ``countries`` ("Sudanese leader
        Abdel Fattah al-Burhan", "Sudan's Burhan")."""
        for m in self.doc.mentions:
            if m.actor != person or m.implicit:
                continue
            lo = self._title_start(m)
            # (a titled mention starts at its title: "Sudanese leader Abdel Fattah al-Burhan")
            if any(x.actor in countries for x in self.doc.mentions_in(lo, m.end, implicit=True)):
                return True
        return False

    def _title_start(self, m: Mention) -> int:
        """Where the words in front of a name that are its title begin ("the Sudanese leader
        | Abdel Fattah al-Burhan"): back to a comma, a clause word or another name."""
        lo = max(0, m.start - 50)
        breaks = [
            b.end() for b in _TITLE_BREAK.finditer(self.text, lo, m.start)
            # (not the "and" of an office's own name: "Minister of Foreign and European
            # Affairs Davor Ivo Stier")
            if b.group().strip() != "and"
            or not _OFFICE_OF_BEFORE.search(self.text, lo, b.start())
        ]  # fmt: skip
        start = max([lo, *breaks])
        others = [x.end for x in self.doc.mentions_in(start, m.start)
                  if self.doc.kind(x.actor) is ActorKind.PERSON]  # fmt: skip
        return max([start, *others])

    def _titled(self, person: str, title: str) -> bool:
        """Whether the article gives ``person`` the title ``title`` (or its synonym) next to
        a mention, and not as a former holder ("former premier Rafiq Hariri")."""
        known = self._titles.get((person, title))
        if known is None:
            known = self._titles[(person, title)] = self._find_title(person, title)
        return known

    def _find_title(self, person: str, title: str) -> bool:
        words = "|".join(re.escape(t) for t in _TITLE_SYNONYMS.get(title, (title,)))
        pattern = re.compile(rf"(?<!former )(?<!ex-)(?<!late )\b(?:{words})\b", re.IGNORECASE)
        apposed = re.compile(
            rf",\s+(?:(?:the|a|[\w-]+'s)\s+)?(?:[\w-]+\s+){{0,3}}?(?:{words})\b"
            # (closed, or its office following: not ", the Premier said", a new subject)
            r"(?=\s*[,;.)]|\s+(?:for|of|at)\s)",
            re.I,
        )
        return any(
            pattern.search(self.text, self._title_start(m), m.end) is not None
            or apposed.match(self.text, m.end) is not None
            for m in self.doc.mentions
            if m.actor == person and not m.implicit
        )

    def _named_body(self, text: str) -> str:
        """An organisation the article names only by these words ("the press service of the
        head of the Kyrgyz Republic", "The Prime Minister's Office", its apostrophe curly or
        not): without the article in front, with a plain apostrophe, so one body has one name
        whatever the typography."""
        return self.doc.book.introduce_org(body_words(text))

    def _spokesperson(self, token: Token) -> str | None:
        """For whom a spokesperson speaks: "a spokesman for the ministry", "the ministry's
        spokesman", "a German government spokesman", "a Kremlin spokeswoman"; "the spokesman"
        is the one the article cited last."""
        for child in token.children:
            if child.dep_ == "appos":
                # "Ruto's spokesman, Hussein Mohamed, said": the spokesman speaks, by name.
                for m in self.doc.mentions_in(child.left_edge.idx, child.idx + len(child.text)):
                    if not m.implicit and self.doc.kind(m.actor) is ActorKind.PERSON:
                        return m.actor
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "at"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ == "poss":
                objects = [child]
            else:
                continue
            for obj in objects:
                found = self._speaker_token(obj)
                if found is not None and self.doc.kind(found) is ActorKind.PERSON:
                    # "Ruto's spokesman said": he speaks for Ruto's office, not as Ruto.
                    return self._office_of(found)
                return found
        named = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
        if any(c.lower_ == "presidential" for c in named):
            # "a South Korean presidential spokesman": the country's presidency
            lo = min(c.left_edge.idx for c in named)
            for m in self.doc.mentions_in(lo, token.idx):
                if self.doc.kind(m.actor) is ActorKind.COUNTRY:
                    return self._country_office(m.actor, "presidency")
        for child in named:
            if child.i < token.i:
                found = self._speaker_token(child)
                if found is not None and self.doc.kind(found) is not ActorKind.PERSON:
                    return found
        proper = [c for c in named if c.i < token.i and c.tag_ == "NNP"]
        if proper:
            # "a Number 10 spokesperson": a body the article names only here.
            words = token.doc[min(c.left_edge.i for c in proper) : token.i]
            if all(t.tag_ in ("NNP", "NNPS", "CD", "HYPH") for t in words):
                return self._named_body(words.text)
        if any(c.dep_ == "det" and c.lower_ in ("the", "that") for c in token.children):
            earlier = [(pos, who) for pos, who in self.spokes if pos < token.idx]
            if earlier:
                return max(earlier)[1]
            # "spokeswoman Maria Zakharova said ... stressed the spokesperson": the person the
            # article titled so
            return self._last_person(token.idx, lambda p: self._titled(p, "spokesperson"))
        return None

    def _office(self, token: Token) -> str | None:
        """ "his office said" (the office of the person he is), "the ministry said" (the one
        the article named before)."""
        if token.text == "agency":  # (not "the News Agency of Nigeria": a name)
            the = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            return self._the_agency(token.idx) if the else None
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        book = self.doc.book
        if owner is not None:
            # "his office", "Ruto's office", "Macron's office": the office of the person's role.
            if owner.lower_ in ("his", "her"):
                person = self.doc.referent(owner.idx)
            else:
                person = self._speaker_token(owner)
            office = None
            if person is not None and self.doc.kind(person) is ActorKind.PERSON:
                office = self._office_of(person)
                if office is not None and owner.lower_ not in ("his", "her"):
                    # ("Netanyahu's office": the article's own words for it)
                    book.add_words(office, token.doc[owner.left_edge.i : token.i + 1].text)
            if office is None and token.tag_ == "NNP" and owner.tag_ == "NNP":
                # "The Prime Minister's Office says": the office by its own proper name.
                words = token.doc[owner.left_edge.i : token.i + 1]
                if all(t.tag_ == "POS" or t.text[:1].isupper() for t in words):
                    office = self._named_body(words.text)
            if (
                office is None
                and token.lower_ == "office"
                and person is not None
                and self.doc.kind(person) is ActorKind.PERSON
            ):
                # "Ruto's office said" where the article gives his office no country: the
                # office of that person, by his name
                office = self.doc.book.introduce_org(f"Office of {person}")
            return office
        if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            word = token.lower_
            offices = book.offices()
            # "the Ministry": the last office of that kind named before it ("the Ministry of
            # Foreign Affairs informed ..."), not one the article names only later
            before = [
                m.actor for m in self.doc.mentions_in(0, token.idx)
                if word in m.actor.lower().split()
                and (m.actor in offices or self.doc.kind(m.actor) is ActorKind.ORGANIZATION)
            ]  # fmt: skip
            same_kind = before or [n for n in offices if n.lower().endswith(word)]
            if same_kind:
                return same_kind[-1]
            # "Egypt's Foreign Minister Badr Abdelatty met ..., the ministry said": the
            # ministry of the minister the article named last.
            for m in reversed(self.doc.mentions_in(0, token.idx)):
                if self.doc.kind(m.actor) is ActorKind.PERSON:
                    office = self._office_of(m.actor, word)
                    if office is not None:
                        return office
        return None

    def _the_agency(self, pos: int) -> str | None:
        """ "..., reported Syria's official news agency SANA. The agency said that ...": the
        outlet (or agency: "the State Department ... the agency said") named last before."""
        for m in reversed(self.doc.mentions_in(0, pos)):
            kind = self.doc.kind(m.actor)
            if kind is ActorKind.MEDIA or (
                kind is ActorKind.ORGANIZATION and _AGENCY_NAME.search(m.actor)
            ):
                return m.actor
        return None

    def _head_of(self, start: int, end: int) -> str | None:
        """ "the head of the Uzbekistan Foreign Ministry" (``text[start:end]``): the one person
        the article names in the role whose office that is (its foreign minister), if any."""
        phrase = _HEAD_OF.match(self.text, start, end)
        if phrase is None:
            return None
        offices = {m.actor for m in self.doc.mentions_in(phrase.end(), end)
                   if self.doc.kind(m.actor) is ActorKind.ORGANIZATION}  # fmt: skip
        if not offices:
            return None
        people = {m.actor for m in self.doc.mentions if self.doc.kind(m.actor) is ActorKind.PERSON}
        # (asking about the others' offices does not name those offices in the article)
        holders = sorted(
            p for p in people if (office := self._office_name(p)) and office[0] in offices
        )
        return holders[0] if len(holders) == 1 else None

    def _country_office(self, country: str, office: str) -> str:
        """The ``office`` ("presidency") of ``country``, as an organisation of the article."""
        ref = self.doc.reference.actor(country)
        return country if ref is None else self._as_office(office_name(ref, office), ref.name)

    def _office_of(self, person: str, head: str | None = None) -> str | None:
        """The office of ``person``'s role ("Egyptian Foreign Ministry" for Egypt's foreign
        minister), if the article gave the role with its country; ``head`` the office's last
        word, when the text names it ("the ministry"). The office becomes an organisation
        of the article, as the speaker it is."""
        found = self._office_name(person, head)
        if found is None:
            return None
        return self._as_office(*found)

    def _as_office(self, name: str, country: str) -> str:
        """The office ``name`` of ``country``, made an organisation of the article."""
        self.doc.book.introduce_org(name)
        self.doc.book.add_role_less_org(name, country)
        return name

    def _office_name(self, person: str, head: str | None = None) -> tuple[str, str] | None:
        """The name of the office of ``person``'s role and its country (see ``_office_of``),
        without making it an actor of the article."""
        for role in self.doc.book.roles(person):
            office = _OFFICE_OF_ROLE.get(role.title)
            country = self.doc.reference.actor(role.of) if role.of else None
            if office is None or country is None:
                continue
            if head is not None and not office.endswith(head):
                continue
            return office_name(country, office), country.name
        return None

    def _proper_body(self, token: Token) -> str | None:
        """ "a statement by the Royal Office": a body the article names only here, by a proper
        name of capitalised words ending in an office's word."""
        words = [t for t in token.subtree if t.lower_ not in ("the", "a", "an")]
        if (
            token.lower_ not in _OFFICE_HEADS
            or not words
            or not all(t.text[:1].isupper() for t in words)
            or len(words) > 5
        ):
            return None
        return self._named_body(self.text[words[0].idx : token.idx + len(token.text)])

    def _seat(self, token: Token) -> str | None:
        """The seat of government ``token`` is part of, though read as a place: "a readout
        from the White House" was issued by it."""
        lo, hi = _extent(token)
        for m in self.doc.mentions_in(max(0, lo - 40), hi + 40, implicit=True):
            if m.via == "metonym" and m.start <= lo and hi <= m.end:
                return self.doc.speaker_named(m)
        return None

    def _issuer(self, noun: Token) -> str | None:
        """Who issued the statement, readout, release or email ``noun`` names, when the phrase
        says it: "a statement from the Presidency", "a statement released by the ministry",
        "the ministry's statement", "a Royal Court statement", "the PMO email"."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ == "acl":  # "released by", "issued by"
                objects = [
                    o
                    for by in child.children
                    if by.dep_ == "agent" or (by.dep_ == "prep" and by.lower_ == "by")
                    for o in by.children
                    if o.dep_ == "pobj"
                ]
            elif child.dep_ == "poss":
                objects = [child]
            else:
                continue
            for obj in objects:
                found = self._speaker_token(obj) or self._seat(obj) or self._proper_body(obj)
                if found is not None:
                    return found
        if noun.dep_ == "dobj" and noun.head.lower_ in _ISSUING_VERBS:
            # "The foreign ministry put out a statement that said ...": who issued it.
            for subject in (c for c in noun.head.children if c.dep_ == "nsubj"):
                found = self._speaker_token(subject)
                if found is not None:
                    return found
        modifiers = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
        if not modifiers:
            return None
        first = min(c.left_edge.i for c in modifiers)
        words = [t for t in noun.doc[first : noun.i] if t.lower_ not in _GENERIC_MODIFIERS]
        if not words:
            return None
        lo, hi = words[0].idx, words[-1].idx + len(words[-1].text)
        for m in self.doc.mentions_in(lo, hi):
            if not m.implicit and m.via != "demonym":
                return self.doc.speaker_named(m)
        if all(t.tag_ == "NNP" for t in words):
            # "a Royal Court statement": an issuer the article names only here.
            name = self.text[lo:hi]
            return self._named_body(name)
        return None

    def _last_statement_issuer(self, pos: int) -> str | None:
        """Whose statement "the statement" is: the last one the article reported, or the last
        one it named with its issuer ("in an official statement of the government")."""
        issued = [
            (s.start, s.speaker)
            for s in self.found
            if s.start < pos and s.medium in ("statement", "email")
        ]
        parsed = self.doc.parsed
        if parsed is not None:
            for token in parsed:
                if token.idx >= pos:
                    break
                if token.lower_ in _STATEMENT_NOUNS and not self.doc.in_quote(token.idx):
                    issuer = self._issuer(token)
                    if issuer is not None:
                        issued.append((token.idx, issuer))
        return max(issued)[1] if issued else None

    def _skip_date(self, start: int, end: int) -> int:
        for mention in self.doc.dates_in(start, min(end, start + 40)):
            between = self.text[start : mention.start]
            if re.fullmatch(r"\s*(?:on\s+)?", between):
                return mention.end
        return start

    def _report(
        self,
        speaker: str,
        sentence: Sentence,
        start: int,
        end: int,
        verb: re.Match[str],
        rule: str = "reported",
        front: tuple[int, int] | None = None,
    ) -> None:
        source = _TRAILING_SOURCE.search(self.text, start, end)
        if source is not None:
            end = source.start()  # "..., according to the Turkish presidency." is no word said
        clause = strip_quotes(self.text[start:end]).rstrip(".!;: ").lstrip(":;,\u2013\u2014- ")
        if front is not None:
            # "Both parties agreed, Downing Street said, on the need to ...": one clause, its
            # attribution set in the middle
            clause = f"{strip_quotes(self.text[front[0] : front[1]]).strip()} {clause}"
        if (
            len(clause.split()) < 3
            or clause.startswith(('"', "“"))
            or self._no_content(clause, start)
        ):
            return
        relayed = self._relayed(speaker, start, end)
        content = [(start, end)] if front is None else [front, (start, end)]
        said = Said(speaker, clause, sentence.start, sentence.end, content=content, rule=rule)
        said.attribution = (sentence.start, sentence.end)
        self._when_where(said, sentence, verb)
        self._keep(said)
        if relayed is not None:
            # "He stated that Imran Khan had regretted ... and said that Pakistan had hoped
            # ...", "Shiozaki says Mr. Abe expressed his willingness to ...": the relayed speech
            # within is its own speaker's statement too, and the outer speaker's report of it
            # stays theirs (one reader asks what Abe said, another what Shiozaki said).
            inner = strip_quotes(self.text[relayed.start : relayed.end]).rstrip(".!;: ")
            if len(inner.split()) >= 3:
                said = Said(relayed.speaker, inner, sentence.start, sentence.end,
                            content=[(relayed.start, relayed.end)], rule="reported")  # fmt: skip
                said.attribution = (sentence.start, sentence.end)
                self._when_where(said, sentence, verb)
                # (kept without noting its speaker as the one speaking: "He said the president
                # told him ..." after "Kalsakau told the crowd that Macron said ..." is
                # Kalsakau, who spoke, not Macron, whose words he passed on)
                self.found.append(said)

    def _no_content(self, clause: str, start: int) -> bool:
        """Whether a reported clause says nothing of its own ("this", "it", an act such as
        "meeting the ambassador"). After "that", a clause may open with a gerund as its
        subject: "said that having Finland and Sweden as members strengthened NATO"."""
        found = _NO_CONTENT.match(clause)
        if found is None:
            return False
        gerund = found.group().strip().endswith("ing")
        return not (gerund and re.search(r"\bthat\s+$", self.text[max(0, start - 6) : start]))

    def _relayed(self, speaker: str, start: int, end: int) -> _Relayed | None:
        """Speech reported inside reported speech: the clause ``text[start:end]`` has its own
        verb of saying with its own speaker ("that Trudeau noted ...", "Saudi Arabia denies the
        report, says ...", "Khan had regretted ... and said that ...")."""
        parsed = self.doc.parsed
        if parsed is None:
            return None
        span = parsed.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        roots = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
        if not roots or not roots[0].tag_.startswith("VB"):
            return None
        root = roots[0]
        for verb in (root, *root.conjuncts):
            if verb.lower_ not in _PARSED_VERBS or not verb.tag_.startswith("VB"):
                continue
            content = _content_of(verb)
            subject = _subject_of(verb)
            if content is None or subject is None or not span.start <= subject.i < span.end:
                continue
            inner = self._speaker_token(subject)
            if inner is None or inner == speaker or self.doc.kind(inner) is ActorKind.MEDIA:
                continue
            lo = max(start, content.left_edge.idx)
            hi = min(end, content.right_edge.idx + len(content.right_edge.text))
            lead = re.match(r"(?:that|to)\s+", self.text[lo:hi])
            if lead is not None:
                lo += lead.end()
            if lo <= verb.idx < hi:
                continue
            return _Relayed(inner, lo, hi)
        return None

    # -- date and medium -------------------------------------------------------------------
    def _when_where(self, said: Said, sentence: Sentence, verb: re.Match[str]) -> None:
        verb_text = verb.group()
        said.written = bool(re.search(r"\b(?:wrote|writes|writing|posted)\b", verb_text))
        said.earlier = bool(_PAST_MARKER.search(self.text, sentence.start, verb.end()))
        for mention in self.doc.dates_in(sentence.start, sentence.end):
            if self.doc.in_quote(mention.start) or _inside(mention.start, said.content):
                continue
            between_after = self.text[verb.end() : mention.start]
            between_before = self.text[mention.end : verb.start()]
            fronted = self.text[sentence.start : mention.start].strip() in ("", "On", "on")
            adjacent = (
                mention.start >= verb.end()
                and re.fullmatch(r"\s*(?:[\w.]+\s+){0,3}?(?:on\s+)?", between_after)
            ) or (mention.end <= verb.start() and re.fullmatch(r"\s*", between_before))
            if adjacent or (fronted and self.text[mention.end : mention.end + 1] == ","):
                if mention.kind == "vague":
                    said.earlier = True
                    return
                said.date = resolve(mention, self.doc.anchor)
                said.own_date = said.date is not None
                break
        said.medium = self._medium(said, sentence)

    def _medium(self, said: Said, sentence: Sentence) -> str | None:
        medium = _medium_in(self.doc, sentence.start, sentence.end)
        if medium is not None:
            return medium
        index = self.doc.sentence_index(sentence.start)
        if index > 0:
            previous = self.doc.sentences[index - 1]
            subject = self.doc.subject(previous.start, previous.end)
            if subject is not None and subject.actor == said.speaker:
                return _medium_in(self.doc, previous.start, previous.end)
        return None

    # -- block quotes and first-person paragraphs ------------------------------------------
    def block_quote(self, paragraph: Paragraph) -> None:
        block = paragraph.block
        name = strip_name_titles(block.speaker or "")
        if not name:
            return
        speaker = self.doc.book.person(name)
        if speaker is None:
            known = self.doc.reference.lookup(name)
            speaker = self.doc.book.use(known.name) if known is not None else None
        if speaker is None and len(name.split()) >= 2:
            # ("— Presidency Nigeria (@NGRPresident)", "— MFA Austria (@MFA_Austria)": an
            # office's account is the office's)
            office = any(
                w.lower() in ORG_WORDS or (w.isalpha() and w.isupper() and 2 <= len(w) <= 5)
                for w in name.split()
            )
            introduce = self.doc.book.introduce_org if office else self.doc.book.introduce
            speaker = introduce(name)
        if speaker is None:
            return
        role = paragraph.block.speaker_role
        if role:
            match = re.match(r"^(?P<title>.+?)\s+of\s+(?:the\s+)?(?P<of>.+)$", role)
            sense = canonical_title(match.group("title") if match else role)
            of = self.doc.reference.lookup(match.group("of")) if match else None
            if sense.title:
                self.doc.book.add_role(speaker, sense.title, of.name if of else None)
        body = self.text[paragraph.start : paragraph.end]
        said = Said(speaker, _clean_quote(body), paragraph.start, paragraph.end,
                    content=[(paragraph.start, paragraph.end)],
                    rule="post" if block.medium else "block")  # fmt: skip
        if block.medium is not None:
            said.medium = block.medium
            said.written = True
        if block.said_on is not None:
            said.date, said.own_date = block.said_on, True
        self._keep(said)

    def transcript_turn(self, paragraph: Paragraph) -> bool:
        """ "DOWNER: Well my guess, you know ...", "PRESIDENT BUSH: Mr. President, welcome.",
        "Angela Merkel: Ladies and Gentlemen, ...": a transcript's turn, the words of the
        person its label names. A label naming no one ("JOURNALIST:", "DUBAI:") is no turn."""
        turn = _TURN.match(self.text, paragraph.start, paragraph.end)
        if turn is None or len(self.text[turn.end() : paragraph.end].split()) < _MIN_QUOTE_WORDS:
            return False
        speaker = self._turn_speaker(turn)
        if speaker is None:
            return False
        body = self.text[turn.end() : paragraph.end].strip()
        said = Said(speaker, body, paragraph.start, paragraph.end,
                    content=[(turn.end(), paragraph.end)], rule="transcript")  # fmt: skip
        said.attribution = turn.span("label")
        self._keep(said)
        return True

    def _turn_speaker(self, turn: re.Match[str]) -> str | None:
        label = turn.group("label")
        if label.upper() in _NOT_SPEAKER_LABELS:
            return None
        start, end = turn.span("label")
        people = [
            m.actor for m in self.doc.mentions_in(start, end, implicit=False)
            if self.doc.kind(m.actor) is ActorKind.PERSON
        ]  # fmt: skip
        if people:
            return people[-1]
        name = strip_name_titles(label.title() if label.isupper() else label)
        found = self.doc.book.person(name) if name else None
        if (
            found is None
            and name == label.title()
            and _FULL_NAME_LABEL.fullmatch(label)
            and given_name_gender(name) is not None
            # (a broadcast's presenter tells the story in the third person: "TONY JONES: On
            # her first official visit ...", no statement of theirs)
            and _FIRST_PERSON.search(self.text, turn.end(), self.doc.paragraph_at(start).end)
        ):
            # "WINSTON PETERS: We've had a very fruitful discussion": a minister's office
            # writes its transcripts with the speakers named in full, and nowhere else
            return self.doc.book.introduce(name)
        if found is not None or not name or " " in name or not label.isupper():
            return found
        if name != label.title():
            # "SECRETARY KERRY:": a title and a surname name a speaker of one turn too
            return self.doc.book.introduce_single(name)
        # A surname in capitals that labels several turns is the one speaking them
        # ("DOWNER: ..." in a minister's doorstop transcript).
        turns = len(re.findall(rf"(?m)^\s*{re.escape(label)}:", self.text))
        return self.doc.book.introduce_single(name) if turns >= 2 else None

    def introduced_block(self, paragraph: Paragraph) -> bool:
        """ "A Number 10 spokesperson said:" and then a paragraph without quotation marks:
        a block quotation whose marks the page lost, in the words of the one introduced."""
        index = self.doc.paragraphs.index(paragraph)
        if index == 0 or self.doc.quotes_in(paragraph.start, paragraph.end):
            return False
        previous = self.doc.paragraphs[index - 1]
        intro = self.text[previous.start : previous.end].rstrip()
        if not intro.endswith(":") or self.doc.quotes_in(previous.start, previous.end):
            return False
        released = _RELEASED.search(self.text, previous.start, previous.end)
        owner = _ATTRIBUTABLE.search(self.text, previous.start, previous.end)
        verbs = list(_VERB_RE.finditer(self.text, previous.start, previous.end))
        if not verbs and released is None and owner is None:
            return False
        if owner is not None:
            # "The below is attributable to Spokesperson Ned Price:" and the readout itself
            verb = released = owner
            speaker = self.doc.speaker_at(owner.start("who"), owner.end("who"))
        else:
            verb = verbs[-1] if released is None else released
            speaker = self._parsed_subject(verb.start()) or self._speaker_before(
                previous.start, verb.start()
            )
        if speaker is None or self.doc.kind(speaker) is ActorKind.MEDIA:
            return False
        if released is None and any(
            m.actor == speaker for m in self.doc.mentions_in(paragraph.start, paragraph.end)
        ):
            # 'PM Modi tweeted about his meeting:' and, the post itself lost from the page,
            # "As a special gesture, PM Modi was gifted a Buddha statue": told about him, not
            # in his words
            return False
        spans = [(paragraph.start, paragraph.end)]
        if released is not None:
            # "X issued the following statement:" and the statement itself, paragraph after
            # paragraph to the page's end: one statement, as it was released
            for later in self.doc.paragraphs[index + 1 :]:
                if self.doc.quotes_in(later.start, later.end) or later.block.speaker:
                    break
                spans.append((later.start, later.end))
                self.released.add(later.start)
        body = " ".join(self.text[lo:hi].strip() for lo, hi in spans)
        said = Said(speaker, body, paragraph.start, spans[-1][1],
                    content=spans, rule="block")  # fmt: skip
        said.attribution = (previous.start, previous.end)
        self._when_where(said, self.doc.sentence_at(verb.start()), verb)
        self._keep(said)
        return True

    def first_person(self, paragraph: Paragraph, speakers: set[str]) -> None:
        """An unquoted first-person paragraph: the words of the person its end names ("...
        for our country Zelensky wrote."), else of the one person the paragraph before
        reported speaking, else of the article's only speaker."""
        body = self.text[paragraph.start : paragraph.end]
        if not _FIRST_PERSON_START.match(body):
            return
        if self.doc.quotes_in(paragraph.start, paragraph.end):
            return
        speaker, end = None, paragraph.end
        closing = _CLOSING_NAME.search(body)
        if closing is not None:
            lo, hi = paragraph.start + closing.start("who"), paragraph.start + closing.end("who")
            speaker = self.doc.speaker_at(lo, hi)
            end = lo if speaker is not None else end
        index = self.doc.paragraphs.index(paragraph)
        if speaker is None and index > 0:
            # "President Duda informed on X that ..." then his post itself, unquoted.
            previous = self.doc.paragraphs[index - 1]
            if _POSTED.search(self.text, previous.start, previous.end):
                speaker = self._speaker_of(previous)
        if speaker is None and len(speakers) == 1:
            (speaker,) = speakers
        if speaker is None:
            return
        text = self.text[paragraph.start : end].strip()
        said = Said(speaker, text, paragraph.start, paragraph.end,
                    content=[(paragraph.start, end)], rule="first-person")  # fmt: skip
        self._keep(said)

    # -- dates across statements -----------------------------------------------------------
    def settle_dates(self) -> None:
        same_day = _same_day(self.doc)
        dated: dict[str, dt.date] = {}
        for said in sorted(self.found, key=lambda s: s.start):
            if said.own_date and said.date is not None:
                dated.setdefault(said.speaker, said.date)
                continue
            if said.earlier:
                continue
            is_post = said.written or (said.medium or "").startswith(_POST)
            if is_post and said.speaker in dated:
                said.date = dated[said.speaker]
            elif same_day:
                said.date = self.doc.published


_PARSED_VERBS = word_set(
    """
    said says say told tells wrote writes posted tweeted added adds noted notes stated
    states stressed stresses emphasized emphasised emphasizes emphasises underlined
    underscored warned warns announced announces claimed claims declared argued insisted
    reiterated reiterates confirmed confirms explained remarked replied responded asserted
    acknowledged admitted urged urges hoped hopes assured assures recalled believes believed
    noting adding saying stressing underlining emphasizing emphasising urging warning
    affirmed affirms reaffirmed highlighted highlights described expressed expresses mentioned
    reported reports revealed disclosed observed recalled maintained quipped indicated
    indicates say affirm reaffirm stress underline emphasize emphasise note insist warn
    reiterate confirm explain declare announce assure indicate claim argue maintain
    expressing voiced voices
    voicing proposed proposes suggested suggests asked asks called calls promised promises
    pledged pledges vowed vows commented comments lamented complained contended clarified
    reassured reassures accused accuses
    """
)
_SAID_THAT = re.compile(rf"\b(?:{_VERBS})\s+that\b")
_FRAMED = re.compile(r"\bthat\s+(?=[^\"“”]{3,120}[\"“]\s*$)")
_STATEMENT_READ = re.compile(
    r"\s*(?P<what>(?i:the|that|a|its|his|her)\s+(?i:joint\s+)?(?i:statement|readout"
    r"|communiqu[eé]))\s+(?:read|reads)\s*:\s*$"
)
# "the Sudanese official said", "the minister added": a person described, not named.
_DESCRIBED_HEADS = word_set(
    "official minister president leader diplomat envoy premier chancellor king emir secretary "
    "ambassador chairman counterpart head aide monarch executive"
)
_ANYONE_DESCRIBED = word_set("official leader diplomat counterpart aide")
_TITLE_SYNONYMS = {
    # "the Polish head of state": the president or monarch named before
    "head": ("president", "king", "queen", "emir", "amir", "sultan", "prime minister"),
    "spokesperson": ("spokesperson", "spokesman", "spokeswoman"),
    "premier": ("premier", "prime minister"),
    "minister": ("minister", "secretary"),
    "king": ("king", "monarch"),
    "emir": ("emir", "amir"),
    # "The Jordanian monarch stressed ...": the king (emir, sultan) named before
    "monarch": ("monarch", "king", "queen", "emir", "amir", "sultan"),
    # "The chief executive also said ...": the head of government or of a company
    "executive": ("chief executive", "president", "prime minister", "premier"),
}
# A name's title starts after the last comma, stop or clause word in front of it.
_TITLE_BREAK = re.compile(r"[,;.()\u201c\u201d\"]|\s(?:and|with|met|by|to|said|told)\s")
_OFFICE_OF_BEFORE = re.compile(r"\bof\s+[A-Z][a-z]+$")
_SPOKESPERSON_WORD = re.compile(r"\b(?:spokes(?:person|man|woman)|aide|adviser|advisor)\b", re.I)
_SOMEONE_OF = re.compile(
    r"\b(?:representative|envoy|delegate|official|member|adviser|advisor)s?\s+of\s+(?:the\s+)?"
    r"(?:[A-Z][\w.]*\s+)?$"
)
_RELAYED = re.compile(r"\breport(?:ed|s)\b")
_ISSUED = re.compile(
    r"(?i)(?:the|that|a|its|his|her)\s+(?:joint\s+)?(?:statement|readout|communiqu[eé])"
)
_DASH_NAME = re.compile(
    r"\s*[\u2014\u2013]\s*(?P<who>[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){0,3})\s*[.,]?\s*$"
)
_COLON_NAME = re.compile(r"\s*:\s*(?P<who>[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){0,3})")
_STATEMENT_NOUNS = frozenset(
    ["statement", "readout", "communique", "communiqué", "release", "email", "e-mail", "page",
     "account", "channel", "website"]
)  # fmt: skip
# Words before a statement noun that name its kind, not its issuer ("a joint press release",
# "the Thai Khu Fah Facebook page").
_GENERIC_MODIFIERS = frozenset(
    ["press", "news", "joint", "official", "media", "written", "brief", "short", "new",
     "facebook", "twitter", "x", "telegram", "instagram", "youtube", "web", "social"]
)  # fmt: skip
_SPOKESPEOPLE = frozenset(["spokesman", "spokeswoman", "spokesperson"])
# A paragraph's last words naming who wrote it: "... support for our country Zelensky wrote."
_CLOSING_NAME = re.compile(
    r"[\w.]\s+(?P<who>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})\s+"
    r"(?:wrote|writes|said|says|posted|added)\.?\s*$"
)
_POSTED = re.compile(
    r"\b(?:wrote|writes|posted|posts|tweeted|informed|announced)\b[^.]{0,60}"
    r"\b(?:on|in)\s+(?:X|Twitter|Facebook|Telegram|Instagram|(?:his|her|its|their)\s+"
    r"(?:page|account|channel))\b|\b(?:on|in)\s+(?:X|Twitter|Facebook|Telegram|Instagram"
    r"|(?:his|her|its|their)\s+(?:page|account|channel))\b[^.]{0,60}\b(?:wrote|posted|informed)\b"
)
_GOES_ON = re.compile(r"\b(?:added|adds|continued|continues|went\s+on)\b")
_THE_SPOKESPERSON = re.compile(r"(?i)the\s+(?:spokesman|spokeswoman|spokesperson)")
_AGENCY_NAME = re.compile(r"\b(?:Agency|News|Department|Press)\b")
_OFFICE_HEADS = frozenset(["office", "ministry", "presidency", "government", "agency"])
# What may follow an attribution that is a sentence of its own: where or when it was said.
_ONLY_CIRCUMSTANCE = re.compile(
    r"\s*(?:(?:at|in|on|during|after|before|while|when|to)\s[^\"\u201c\u201d]*)?[.!?]?\s*"
)
# "a readout from the White House", "the statement by the ministry": a paper and its issuer
_ISSUED_NOUN = re.compile(
    r"(?:an?|the)\s+(?:[\w-]+\s+)?(?P<noun>statement|readout|release|communiqu[eé])"
    r"\s+(?:from|by|of|issued\s+by|released\s+by)\s"
)
# Heads of phrases that name who speaks for a body: a statement, an office, a spokesperson.
_BODY_HEADS = _STATEMENT_NOUNS | _OFFICE_HEADS | _SPOKESPEOPLE | {"service"}
_ORG_HEADS = word_set(
    """agency ministry office court council department presidency commission secretariat
    embassy cabinet government palace directorate bureau"""
)
_HEAD_OF = re.compile(r"\s*(?:the\s+)?(?:head|chief)\s+of\s+", re.IGNORECASE)
_OFFICE_OF_ROLE = {
    "President": "presidency",
    "Prime Minister": "prime minister's office",
    "Foreign Minister": "foreign ministry",
}
_DENYING = word_set("denies denied deny rejects rejected rebuffed dismissed")
# Verbs whose message may be a noun phrase: "stressed the importance of ...".
_STRESSING = word_set(
    """
    stressed stresses underlined underscored emphasized emphasised emphasizes affirmed
    affirms reaffirmed reiterated reiterates highlighted highlights noted urged urges
    """
)
# ", Downing Street said, on the need ...": the attribution closed by a comma, the clause
# going on in lower case
# Words that open a sentence without being part of what was said: "However, he said, ..."
_CONNECTIVES = word_set(
    "however but yet still meanwhile moreover furthermore also now then thus therefore "
    "instead indeed besides nevertheless nonetheless yesterday today earlier later so and"
)
_INSERTED_END = re.compile(r"\s*,\s+(?=[a-z])")
_PASSING_ON = word_set("convey extend pass send deliver")
_COURTESIES = word_set("greetings regards wishes respects invitation congratulations condolences")
_EXPRESSING = word_set("expressed expresses expressing voiced voices voicing")
_BELIEFS = word_set(
    "hope hopes belief conviction confidence concern concerns optimism expectation fear fears"
)
_STANCES = word_set(
    "stance position view views opposition rejection readiness willingness eagerness keenness "
    "determination commitment desire"
)
_ABOUT = word_set("about over for at regarding on")
_COMMITTING = word_set("pledged pledges vowed vows promised promises")
_ACCUSING = word_set("accused accuses accusing")
# What a sentence's parse reads after its other speech verbs (see _Statements.parsed).
_READ_LAST = _COMMITTING | _ACCUSING
# Verbs whose message is an infinitive after their object: "urged Iraq to stay out".
_INSTRUCTING = frozenset(
    ["urged", "urges", "urging", "asked", "asks", "assured", "assures", "told", "tells"]
)


def _press_secretary(token: Token) -> bool:
    """ "Obama's press secretary": a spokesperson by another name."""
    return token.lower_ == "secretary" and any(
        c.dep_ == "compound" and c.lower_ == "press" for c in token.children
    )


def _points_back(modifier: Token) -> bool:
    """ "the statement", "that readout", "the same statement", "Saturday's email": a statement
    the article has already named."""
    if modifier.dep_ in ("det", "amod") and modifier.lower_ in ("the", "that", "this", "same"):
        return True
    return modifier.dep_ == "poss" and modifier.ent_type_ in ("DATE", "TIME")


def _relays_speech(content: Token) -> bool:
    """ "Anadolu said the meeting lasted an hour" is the agency's own report; "Interfax said
    Putin told reporters ..." relays someone's words, and those are theirs."""
    return any(t.lower_ in _PARSED_VERBS and t.tag_.startswith("VB") for t in content.subtree)


def _content_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "ccomp":
            return child
    if (
        verb.lower_ in _INSTRUCTING
        # "pledged to exert his utmost to promote the ties": what was promised
        or verb.lower_ in _COMMITTING
        # "called on the Thai government to continue ...": what it was called on to do
        or (
            verb.lower_ in ("called", "calls", "calling")
            and any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)
        )
    ):
        for child in verb.children:
            if child.dep_ == "xcomp" and not _greetings(child):
                return child
    if verb.lower_ in _ACCUSING:
        # "accused the United States of ignoring the rulings": the charge, with whom it names
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in (*obj.children, *verb.children)
        ):
            return obj
    if verb.lower_ in _STRESSING:
        # "the King stressed the importance of supporting the Palestinians": what was said
        # is the object, when it is a phrase of some length.
        for child in verb.children:
            if child.dep_ == "dobj" and _object_length(verb, child) >= 4:
                return child
    if verb.lower_ in _EXPRESSING:
        for child in verb.children:
            if child.dep_ != "dobj":
                continue
            if child.lower_ in _BELIEFS:
                # "expressed hope that the two countries will keep working together"; with a
                # day between ("expressed optimism Friday that ...") the clause hangs on the verb.
                later = [c for c in verb.children if c.dep_ == "ccomp" and c.i > child.i]
                for clause in [*child.children, *later]:
                    if clause.dep_ in ("acl", "ccomp") and _content_clause(clause):
                        return clause
            if (
                child.lower_ in _BELIEFS
                and _object_length(verb, child) >= 5
                and any(
                    c.dep_ == "prep" and c.lower_ in _ABOUT
                    for c in (*child.children, *verb.children)
                )
            ):
                # "expressed concern about the upsurge of new cases", "expressed his hope for
                # swift approval of ...": what the hope or the concern is about
                return child
            if child.lower_ in _STANCES and _object_length(verb, child) >= 4:
                # "expressed Malaysia's stance in demanding accountability for ...", not
                # "expressed appreciation": a position taken, not thanks given.
                return child
    return None


def _urged(verb: Token, content: Token) -> Token:
    """Where what was said starts: with the one urged or asked, when named ("urged
    diplomats accredited to Zambia to go to him", not "to go to him"; but "urged them to ...":
    a pronoun says nothing the reader has not)."""
    if content.dep_ != "xcomp":
        return content
    urged = next((c for c in verb.children if c.dep_ == "dobj" and c.i < content.i), None)
    if urged is None or urged.tag_ in ("PRP", "PRP$") or _object_length(verb, urged) > 12:
        return content
    return urged


def _content_clause(clause: Token) -> bool:
    """Whether a clause after "hope", "confidence" says what is hoped: one opened by "that",
    or a finite clause of its own that leaves it out ("expressed his hope the official will
    continue to ...")."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) and (
        clause.tag_ in ("VBD", "VBZ", "VBP")
        or any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)
    )


def _greetings(verb: Token) -> bool:
    """ "asked him to convey his greetings to King Salman": protocol, not a statement."""
    return verb.lower_ in _PASSING_ON and any(
        c.dep_ == "dobj" and c.lower_ in _COURTESIES for c in verb.children
    )


def _object_tail(verb: Token, obj: Token) -> list[Token]:
    """The verb's prepositional phrases after its object, which the parse often hangs on the
    verb though they belong to what was said: "expressed Malaysia's stance | in demanding
    accountability ...", "underlined common ground | with Macron"."""
    if (
        obj.dep_ == "xcomp"
        and obj.tag_ == "VB"
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in obj.children)
    ):
        # "urged the US side to safeguard, with concrete actions, the peaceful development
        # of ...": the parse hangs the infinitive's object on the verb that urges.
        return [c for c in verb.children if c.i > obj.i and c.dep_ in ("prep", "dobj")]
    if obj.dep_ != "dobj":
        return []
    return [c for c in verb.children if c.i > obj.i and c.dep_ == "prep"]


def _object_length(verb: Token, obj: Token) -> int:
    return len(list(obj.subtree)) + sum(len(list(c.subtree)) for c in _object_tail(verb, obj))


def _object_end(verb: Token, content: Token) -> Token:
    tail = _object_tail(verb, content)
    return max([content.right_edge, *(c.right_edge for c in tail)], key=lambda t: t.i)


def _front_source(text: str) -> tuple[re.Match[str], int] | None:
    """The fronted "According to X," or "As X said," that opens ``text`` (a sentence's
    start), and where the comma closing it stands."""
    front = _FRONT.match(text)
    if front is None:
        return None
    # (or a colon before a quotation: 'According to a Downing Street press release: "The
    # Prime Minister said ..."')
    stops = [i for i in (text.find(",", front.end()), text.find(":", front.end())) if i != -1]
    if not stops or min(stops) - front.end() > 80:
        return None
    return front, min(stops)


def _extent(token: Token) -> tuple[int, int]:
    """Where the phrase a token heads starts and ends in the text."""
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)


def _subject_of(verb: Token) -> Token | None:
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # "but it was reported that he was upset": nobody's words
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            # Two subjects are a parse gone wrong ("CARACAS, Venezuela — President Chavez
            # said"): the one nearest before the verb is the speaker.
            before = [c for c in subjects if c.i < verb.i]
            return before[-1] if before else subjects[0]
        if verb.dep_ in ("conj", "advcl", "xcomp", "acomp") and verb.head.i != verb.i:
            # "called X 'unprecedented' and said ...", ", noting that ...", "was happy to
            # announce that ...".
            verb = verb.head
            continue
        return None
    return None


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _same_day(doc: Document) -> bool:
    """Same-day reporting: a stated publication date that the lead gives as its events' day."""
    if not doc.published_stated or doc.published is None or not doc.paragraphs:
        return False
    lead = doc.paragraphs[0]
    days = [resolve(m, doc.published) for m in doc.dates_in(lead.start, lead.end)]
    return doc.published in days


_MEDIA_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:on|to)\s+(?:X|Twitter)\b|\btweet(?:ed)?\b"), "post on X"),
    (re.compile(r"\bTelegram\b"), "post on Telegram"),
    (re.compile(r"\bTruth\s+Social\b"), "post on Truth Social"),
    (re.compile(r"\bFacebook\b"), "post on Facebook"),
    (re.compile(r"\b(?:video|evening|nightly|daily)\s+address\b|\bvideo\s+message\b"),
     "video address"),
    (re.compile(r"\b(?:press|news)\s+conference\b"), "press conference"),
    (re.compile(r"\btold\s+(?:reporters|journalists)\b"), "remarks to reporters"),
    (re.compile(r"\bbriefing\b"), "briefing"),
    (re.compile(r"\bin\s+a\s+(?:joint\s+)?statement\b"), "statement"),
    (re.compile(r"\bin\s+an\s+e-?mail\b|\be-?mail\s+(?:also\s+)?said\b"), "email"),
    (re.compile(r"\bspeech\b"), "speech"),
]  # fmt: skip
_INTERVIEW = re.compile(r"\binterview\b(?:\s+(?:with|to|for)\s+)?")
_TOLD = re.compile(r"\btold\s+")


def _medium_in(doc: Document, start: int, end: int) -> str | None:
    text = doc.text
    for interview in _INTERVIEW.finditer(text, start, end):
        if doc.in_quote(interview.start()):
            continue
        for m in doc.mentions_in(interview.end(), min(end, interview.end() + 40)):
            if doc.kind(m.actor) is ActorKind.MEDIA and m.start - interview.end() <= 4:
                return f"interview with {m.actor}"
        return "interview"
    for told in _TOLD.finditer(text, start, end):
        for outlet in doc.mentions_in(told.end(), min(end, told.end() + 30)):
            if doc.kind(outlet.actor) is ActorKind.MEDIA and outlet.start - told.end() <= 4:
                return f"interview with {outlet.actor}"
    for pattern, medium in _MEDIA_PATTERNS:
        for found in pattern.finditer(text, start, end):
            if not doc.in_quote(found.start()):
                return medium
    return None


def _clean_quote(inner: str) -> str:
    text = inner.strip().strip('"“”').strip()
    if text.endswith(","):
        text = text[:-1] + "."
    return re.sub(r"\s+", " ", text)


def _join(first: str, second: str) -> str:
    return f"{_clean_quote(first)} {_clean_quote(second)}".strip()


def _spelled_out_speakers(doc: Document, found: list[Said]) -> None:
    """ "The Prime Minister's Office says ..." then "The PMO said ...": a body named by its
    initials, after the article gave a speaker whose name they spell, is that speaker (the
    book can spell out only the bodies it met before the initials, and an office speaking is
    found only when its statements are)."""
    bodies = {s.speaker for s in found if doc.kind(s.speaker) is ActorKind.ORGANIZATION}
    for said in found:
        full = spelled_out(said.speaker, bodies)
        if full is not None:
            doc.book.add_alias(full, said.speaker)
            said.speaker = full


def extract_statements(doc: Document) -> list[Said]:
    """Statements of the article, in text order."""
    finder = _Statements(doc)
    for paragraph in doc.paragraphs:
        if paragraph.block.speaker:
            finder.block_quote(paragraph)
            continue
        if finder.open_quote(paragraph) or finder.transcript_turn(paragraph):
            continue
        if finder.opened_after_colon(paragraph):
            continue
        used = finder.direct(paragraph)
        for sentence in doc.sentences:
            if paragraph.start <= sentence.start < paragraph.end and sentence.start not in used:
                before = len(finder.found)
                finder.reported(sentence)
                if len(finder.found) == before:
                    finder.parsed(sentence)
                if len(finder.found) == before:
                    finder.described(sentence)
                if len(finder.found) == before:
                    finder.called(sentence)
                if len(finder.found) == before:
                    finder.outlet_reported(sentence)
    finder.run_on_quotes()
    speakers = {s.speaker for s in finder.found if doc.kind(s.speaker) is ActorKind.PERSON}
    covered = {(s.start, s.end) for s in finder.found}
    for paragraph in doc.paragraphs:
        if paragraph.start in finder.released:
            continue
        if any(paragraph.start <= s < paragraph.end for s, _ in covered):
            continue
        if not finder.introduced_block(paragraph):
            finder.first_person(paragraph, speakers)
    finder.settle_dates()
    _spelled_out_speakers(doc, finder.found)
    unique: dict[tuple[str, str], Said] = {}
    for said in sorted(finder.found, key=lambda s: s.start):
        unique.setdefault((said.speaker, said.text), said)
    return list(unique.values())
