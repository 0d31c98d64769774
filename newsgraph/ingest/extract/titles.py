"""The vocabulary of offices: how news writes a title, and the role title it stands for.

Kept in code rather than in data/reference because the patterns built from it are part of the
grammar of a sentence ("Finnish President Alexander Stubb"), not facts about the world.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ABBREVIATED_TITLES",
    "HEAD_OF_STATE_TITLES",
    "LEADER_TITLES",
    "TITLE_MODIFIERS",
    "TitleSense",
    "canonical_title",
    "title_surfaces",
]


@dataclass(frozen=True, slots=True)
class TitleSense:
    """What a title phrase means: ``title`` is the role title, None for words that only
    describe a person ("leader", "dictator", "head of state", "counterpart")."""

    title: str | None
    leader: bool = False
    head_of_state: bool = False
    unique: bool = False
    """One person in the world holds it, of no country: "the Pope" named before his name."""


_OFFICE = TitleSense
_TITLES: dict[str, TitleSense] = {
    "president": _OFFICE("President", leader=True, head_of_state=True),
    "vice president": _OFFICE("Vice President"),
    "vice-president": _OFFICE("Vice President"),
    "prime minister": _OFFICE("Prime Minister", leader=True),
    "prime minster": _OFFICE("Prime Minister", leader=True),  # a common slip of the keys
    "first lady": _OFFICE("First Lady"),
    "premier": _OFFICE("Prime Minister", leader=True),
    "chancellor": _OFFICE("Chancellor", leader=True),
    # Germany's and Austria's own words for their offices.
    "federal chancellor": _OFFICE("Chancellor", leader=True),
    "federal president": _OFFICE("President", leader=True, head_of_state=True),
    "king": _OFFICE("King", head_of_state=True),
    "queen": _OFFICE("Queen", head_of_state=True),
    "emir": _OFFICE("Emir", leader=True, head_of_state=True),
    "crown prince": _OFFICE("Crown Prince", leader=True),
    "prince": _OFFICE("Prince"),
    "supreme leader": _OFFICE("Supreme Leader", leader=True, head_of_state=True),
    "deputy prime minister": _OFFICE("Deputy Prime Minister"),
    "prime minister-elect": _OFFICE("Prime Minister-elect"),
    "president-elect": _OFFICE("President-elect"),
    "sultan": _OFFICE("Sultan", leader=True, head_of_state=True),
    "amir": _OFFICE("Emir", leader=True, head_of_state=True),
    "chief adviser": _OFFICE("Chief Adviser", leader=True),
    "state counsellor": _OFFICE("State Counsellor", leader=True),
    "external affairs minister": _OFFICE("Foreign Minister"),
    "minister of external affairs": _OFFICE("Foreign Minister"),
    "cabinet secretary": _OFFICE("Cabinet Secretary"),
    "state councilor": _OFFICE("State Councilor"),
    "state councillor": _OFFICE("State Councilor"),
    "director-general": _OFFICE("Director-General"),
    "director general": _OFFICE("Director-General"),
    "managing director": _OFFICE("Managing Director"),
    "high commissioner": _OFFICE("High Commissioner"),
    "prime cabinet secretary": _OFFICE("Prime Cabinet Secretary"),
    "minister": _OFFICE("Minister"),
    "congressman": _OFFICE("Member of Congress"),
    "congresswoman": _OFFICE("Member of Congress"),
    "chairman": _OFFICE("Chair"),
    "chairwoman": _OFFICE("Chair"),
    "chairperson": _OFFICE("Chair"),
    "first deputy prime minister": _OFFICE("First Deputy Prime Minister"),
    "foreign minister": _OFFICE("Foreign Minister"),
    "foreign affairs minister": _OFFICE("Foreign Minister"),
    "minister of foreign affairs": _OFFICE("Foreign Minister"),
    "minister for foreign affairs": _OFFICE("Foreign Minister"),
    "top diplomat": _OFFICE("Foreign Minister"),
    "foreign secretary": _OFFICE("Foreign Secretary"),
    # The United Kingdom's secretaries of state, by their portfolio
    "home secretary": _OFFICE("Home Secretary"),
    "business secretary": _OFFICE("Business Secretary"),
    "trade secretary": _OFFICE("Trade Secretary"),
    "health secretary": _OFFICE("Health Secretary"),
    "energy secretary": _OFFICE("Energy Secretary"),
    "northern ireland secretary": _OFFICE("Northern Ireland Secretary"),
    "deputy foreign minister": _OFFICE("Deputy Foreign Minister"),
    "defense minister": _OFFICE("Defense Minister"),
    "defence minister": _OFFICE("Defense Minister"),
    "minister of defense": _OFFICE("Defense Minister"),
    "minister of defence": _OFFICE("Defense Minister"),
    # (China's, Poland's, Taiwan's, Colombia's ministries are "of National Defense")
    "minister of national defense": _OFFICE("Defense Minister"),
    "minister of national defence": _OFFICE("Defense Minister"),
    "national defense minister": _OFFICE("Defense Minister"),
    "national defence minister": _OFFICE("Defense Minister"),
    "defense secretary": _OFFICE("Defense Secretary"),
    "defence secretary": _OFFICE("Defense Secretary"),
    "secretary of defense": _OFFICE("Defense Secretary"),
    "secretary of war": _OFFICE("Defense Secretary"),
    "war secretary": _OFFICE("Defense Secretary"),
    # The portfolios of economy, trade and home affairs, as often in the news as diplomats.
    "finance minister": _OFFICE("Finance Minister"),
    "minister of finance": _OFFICE("Finance Minister"),
    "minister for finance": _OFFICE("Finance Minister"),
    "finance and economy minister": _OFFICE("Finance Minister"),
    "minister of finance and economy": _OFFICE("Finance Minister"),
    "trade minister": _OFFICE("Trade Minister"),
    "minister of trade": _OFFICE("Trade Minister"),
    "minister for trade": _OFFICE("Trade Minister"),
    "commerce minister": _OFFICE("Trade Minister"),
    "minister of commerce": _OFFICE("Trade Minister"),
    "trade and industry minister": _OFFICE("Trade Minister"),
    "minister of trade and industry": _OFFICE("Trade Minister"),
    "minister of industry and trade": _OFFICE("Trade Minister"),
    "minister of trade and investment": _OFFICE("Trade Minister"),
    "minister for trade and investment": _OFFICE("Trade Minister"),
    "minister of commerce and industry": _OFFICE("Trade Minister"),
    "commerce and industry minister": _OFFICE("Trade Minister"),
    "economy minister": _OFFICE("Economy Minister"),
    "economic minister": _OFFICE("Economy Minister"),
    "minister of economy": _OFFICE("Economy Minister"),
    "minister of the economy": _OFFICE("Economy Minister"),
    "minister for the economy": _OFFICE("Economy Minister"),
    "minister of economic affairs": _OFFICE("Economy Minister"),
    "economic affairs minister": _OFFICE("Economy Minister"),
    "energy minister": _OFFICE("Energy Minister"),
    "minister of energy": _OFFICE("Energy Minister"),
    "minister for energy": _OFFICE("Energy Minister"),
    "oil minister": _OFFICE("Energy Minister"),
    "petroleum minister": _OFFICE("Energy Minister"),
    "minister of petroleum": _OFFICE("Energy Minister"),
    "interior minister": _OFFICE("Interior Minister"),
    "minister of interior": _OFFICE("Interior Minister"),
    "minister of the interior": _OFFICE("Interior Minister"),
    "home minister": _OFFICE("Interior Minister"),
    "home affairs minister": _OFFICE("Interior Minister"),
    "minister of home affairs": _OFFICE("Interior Minister"),
    "justice minister": _OFFICE("Justice Minister"),
    "minister of justice": _OFFICE("Justice Minister"),
    "health minister": _OFFICE("Health Minister"),
    "minister of health": _OFFICE("Health Minister"),
    "minister for health": _OFFICE("Health Minister"),
    "minister of public health": _OFFICE("Health Minister"),
    "public health minister": _OFFICE("Health Minister"),
    "environment minister": _OFFICE("Environment Minister"),
    "minister of environment": _OFFICE("Environment Minister"),
    "minister of the environment": _OFFICE("Environment Minister"),
    "minister for the environment": _OFFICE("Environment Minister"),
    "climate minister": _OFFICE("Environment Minister"),
    "agriculture minister": _OFFICE("Agriculture Minister"),
    "minister of agriculture": _OFFICE("Agriculture Minister"),
    "education minister": _OFFICE("Education Minister"),
    "minister of education": _OFFICE("Education Minister"),
    "commerce secretary": _OFFICE("Commerce Secretary"),
    "secretary of commerce": _OFFICE("Commerce Secretary"),
    "trade representative": _OFFICE("Trade Representative"),
    "central bank governor": _OFFICE("Central Bank Governor"),
    "governor of the central bank": _OFFICE("Central Bank Governor"),
    "chancellor of the exchequer": _OFFICE("Chancellor of the Exchequer"),
    "secretary of state": _OFFICE("Secretary of State"),
    "treasury secretary": _OFFICE("Treasury Secretary"),
    "attorney general": _OFFICE("Attorney General"),
    "attorney-general": _OFFICE("Attorney General"),
    "chief justice": _OFFICE("Chief Justice"),
    "army chief": _OFFICE("Army Chief"),
    "chief of army staff": _OFFICE("Army Chief"),
    "chief of defence staff": _OFFICE("Chief of Defence Staff"),
    "chief of defense staff": _OFFICE("Chief of Defence Staff"),
    "chief of general staff": _OFFICE("Chief of General Staff"),
    "chief of the general staff": _OFFICE("Chief of General Staff"),
    "deputy minister": _OFFICE("Deputy Minister"),
    "vice minister": _OFFICE("Vice Minister"),
    "vice foreign minister": _OFFICE("Deputy Foreign Minister"),
    "state secretary": _OFFICE("State Secretary"),
    "permanent secretary": _OFFICE("Permanent Secretary"),
    "principal secretary": _OFFICE("Principal Secretary"),
    "parliamentary secretary": _OFFICE("Parliamentary Secretary"),
    "undersecretary": _OFFICE("Under Secretary"),
    "under secretary": _OFFICE("Under Secretary"),
    "assistant secretary": _OFFICE("Assistant Secretary"),
    "assistant secretary of state": _OFFICE("Assistant Secretary of State"),
    "deputy secretary": _OFFICE("Deputy Secretary"),
    "deputy secretary of state": _OFFICE("Deputy Secretary of State"),
    "deputy high commissioner": _OFFICE("Deputy High Commissioner"),
    "deputy chief of mission": _OFFICE("Deputy Chief of Mission"),
    "ambassador-at-large": _OFFICE("Ambassador-at-Large"),
    "ambassador at large": _OFFICE("Ambassador-at-Large"),
    "opposition leader": _OFFICE("Opposition Leader"),
    "leader of the opposition": _OFFICE("Opposition Leader"),
    "majority leader": _OFFICE("Majority Leader"),
    "minority leader": _OFFICE("Minority Leader"),
    "senate president": _OFFICE("Senate President"),
    "president of the senate": _OFFICE("Senate President"),
    "deputy crown prince": _OFFICE("Deputy Crown Prince"),
    "deputy governor": _OFFICE("Deputy Governor"),
    "lieutenant governor": _OFFICE("Lieutenant Governor"),
    "deputy mayor": _OFFICE("Deputy Mayor"),
    "deputy premier": _OFFICE("Deputy Premier"),
    # Australia's and New Zealand's finance ministers, and their juniors.
    "treasurer": _OFFICE("Treasurer"),
    "assistant treasurer": _OFFICE("Assistant Treasurer"),
    "secretary of the treasury": _OFFICE("Treasury Secretary"),
    "secretary general": _OFFICE("Secretary General"),
    "secretary-general": _OFFICE("Secretary General"),
    "chief of staff": _OFFICE("Chief of Staff"),
    "head of the presidential office": _OFFICE("Head of the Presidential Office"),
    "head of the office of the president": _OFFICE("Head of the Presidential Office"),
    "presidential office head": _OFFICE("Head of the Presidential Office"),
    "national security adviser": _OFFICE("National Security Adviser"),
    "national security advisor": _OFFICE("National Security Adviser"),
    "secretary of the national security and defense council": _OFFICE(
        "Secretary of the National Security and Defense Council"
    ),
    "nsdc secretary": _OFFICE("Secretary of the National Security and Defense Council"),
    "special envoy": _OFFICE("Special Envoy"),
    "presidential envoy": _OFFICE("Special Envoy"),
    "special representative": _OFFICE("Special Representative"),
    "envoy": _OFFICE("Envoy"),
    "ambassador": _OFFICE("Ambassador"),
    "commissioner": _OFFICE("Commissioner"),
    "chief executive": _OFFICE("Chief Executive"),
    "chief minister": _OFFICE("Chief Minister", leader=True),
    # Ireland's head of government and deputy, called so in English too.
    "taoiseach": _OFFICE("Taoiseach", leader=True),
    "t\u00e1naiste": _OFFICE("T\u00e1naiste"),
    "tanaiste": _OFFICE("T\u00e1naiste"),
    "consul general": _OFFICE("Consul General"),
    "consul-general": _OFFICE("Consul General"),
    "charg\u00e9 d'affaires": _OFFICE("Charg\u00e9 d'Affaires"),
    "charge d'affaires": _OFFICE("Charg\u00e9 d'Affaires"),
    "minister of state": _OFFICE("Minister of State"),
    "state minister": _OFFICE("Minister of State"),
    "executive director": _OFFICE("Executive Director"),
    "vice premier": _OFFICE("Vice Premier"),
    "emperor": _OFFICE("Emperor", head_of_state=True),
    "empress": _OFFICE("Empress", head_of_state=True),
    "grand duke": _OFFICE("Grand Duke", head_of_state=True),
    "crown princess": _OFFICE("Crown Princess"),
    "princess": _OFFICE("Princess"),
    # Religious leaders, whom news reports meeting officials as often as diplomats.
    "pope": _OFFICE("Pope", leader=True, head_of_state=True, unique=True),
    "patriarch": _OFFICE("Patriarch", leader=True),
    "ecumenical patriarch": _OFFICE("Patriarch", leader=True, unique=True),
    "catholicos": _OFFICE("Catholicos", leader=True),
    "archbishop": _OFFICE("Archbishop"),
    "archbishop of canterbury": _OFFICE("Archbishop of Canterbury", leader=True, unique=True),
    "cardinal": _OFFICE("Cardinal"),
    "grand imam": _OFFICE("Grand Imam", leader=True),
    "grand mufti": _OFFICE("Grand Mufti", leader=True),
    "chief rabbi": _OFFICE("Chief Rabbi", leader=True),
    "ambassador extraordinary and plenipotentiary": _OFFICE("Ambassador"),
    "spokesperson": _OFFICE("Spokesperson"),
    "spokesman": _OFFICE("Spokesperson"),
    "spokeswoman": _OFFICE("Spokesperson"),
    "press secretary": _OFFICE("Press Secretary"),
    # ("Secretary Rice", "Secretary Clinton": a US cabinet secretary, as the State Department
    # writes its own)
    "secretary": _OFFICE("Secretary"),
    "foreign ministry spokesperson": _OFFICE("Foreign Ministry Spokesperson"),
    "foreign ministry spokeswoman": _OFFICE("Foreign Ministry Spokesperson"),
    "foreign ministry spokesman": _OFFICE("Foreign Ministry Spokesperson"),
    "aide": _OFFICE("Aide"),
    "adviser": _OFFICE("Adviser"),
    "advisor": _OFFICE("Adviser"),
    "presidential aide": _OFFICE("Presidential Aide"),
    "foreign policy aide": _OFFICE("Foreign Policy Aide"),
    "foreign policy adviser": _OFFICE("Foreign Policy Adviser"),
    "foreign policy chief": _OFFICE("High Representative for Foreign Affairs and Security Policy"),
    "high representative": _OFFICE("High Representative for Foreign Affairs and Security Policy"),
    "commander-in-chief": _OFFICE("Commander-in-Chief"),
    "commander in chief": _OFFICE("Commander-in-Chief"),
    "senator": _OFFICE("Senator"),
    "sen.": _OFFICE("Senator"),
    "mayor": _OFFICE("Mayor"),
    "councillor": _OFFICE("Councillor"),
    "councilor": _OFFICE("Councillor"),
    "governor": _OFFICE("Governor"),
    "governor-general": _OFFICE("Governor-General"),
    "governor general": _OFFICE("Governor-General"),
    "speaker": _OFFICE("Speaker"),
    "ombudsman": _OFFICE("Ombudsman"),
    # Descriptions, not offices: they identify a person but give no role.
    "head of state": TitleSense(None, leader=True, head_of_state=True),
    "leader": TitleSense(None, leader=True),
    "dictator": TitleSense(None, leader=True),
    "strongman": TitleSense(None, leader=True),
    "chief": TitleSense(None),
    "counterpart": TitleSense(None),
}

# Newsroom abbreviations, matched in capitals only ("PM Modi", "the PM", "FM Wang"): in
# lower case "pm" is a time of day.
ABBREVIATED_TITLES: dict[str, TitleSense] = {
    "PM": _OFFICE("Prime Minister", leader=True),
    "FM": _OFFICE("Foreign Minister"),
    "EAM": _OFFICE("Foreign Minister"),
    # Kenya's ministers: "Foreign Affairs CS Raychelle Omamo", "the CS also met ..."
    "CS": _OFFICE("Cabinet Secretary"),
}

LEADER_TITLES = frozenset(s.title for s in _TITLES.values() if s.leader and s.title)
HEAD_OF_STATE_TITLES = frozenset(s.title for s in _TITLES.values() if s.head_of_state and s.title)

# A temporary status of an office, not a different office: "Acting Prime Minister" holds the
# role "Prime Minister". Dropping it keeps one HOLDS_ROLE edge whatever the outlet's wording.
TITLE_MODIFIERS = (
    "acting", "interim", "caretaker", "outgoing", "incoming", "newly elected", "newly appointed",
    "visiting",
)  # fmt: skip


def title_surfaces() -> list[str]:
    """Every title phrase, longest first, so an alternation prefers "foreign minister" over
    "minister"."""
    return sorted(_TITLES, key=lambda s: (-len(s), s))


def canonical_title(surface: str) -> TitleSense:
    """The meaning of a title phrase as matched in text (any case, any inner spacing)."""
    if surface in ABBREVIATED_TITLES:
        return ABBREVIATED_TITLES[surface]
    key = " ".join(surface.lower().split())
    return _TITLES.get(key, TitleSense(None))
