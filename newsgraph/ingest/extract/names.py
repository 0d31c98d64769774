"""People's names across spellings and transliterations.

Outlets spell one person several ways: a transliterated surname (Zelensky, Zelenskyy,
Zelenskiy), a given name in another romanisation (Mohammed, Muhammad, Mohamed; Sergey,
Sergei), an English form (Steven, Stephen), an initial (S Jaishankar), a patronymic chain cut
short (Faisal bin Farhan, Faisal bin Farhan Al Saud). Two names are the same person when their
surnames have the same transliteration skeleton and their given names are compatible; a shared
surname alone never is (Donald Trump is not Melania Trump).

``name_keys`` gives the keys a person is stored under in the graph, so an article that spells a
known person differently resolves to the same actor.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newsgraph.ingest.extract.patterns import word_set

__all__ = ["PARTICLES", "given_compatible", "name_keys", "same_person", "skeleton", "tokens"]

PARTICLES = word_set(
    """
    al el bin bint ibn ben abu abd van von der den de da di du la le dos das del
    """
)
_SON_OF = word_set("bin bint ibn ben ould")
_TITLES = word_set(
    """
    mr mrs ms dr prof sir dame lord lady sheikh sheikha shaikh prince princess king queen
    emir amir sultan seyyed sayyid sayed his her excellency highness h.e h.h hon honourable
    honorable president premier minister secretary senator sen ambassador general gen
    """
)
# Given names that romanise or anglicise one name in several ways. Skeletons (below) already
# join most spellings (Muhammad/Mohammed, Sergey/Sergei); these are the ones they cannot.
_GIVEN_GROUPS = [
    ("steven", "stephen", "steve"),
    ("volodymyr", "vladimir", "wolodymyr"),
    ("oleksandr", "alexander", "aleksandr", "alexandr", "alexandre"),
    ("andriy", "andrii", "andrey", "andrei", "andrew"),
    ("dmytro", "dmitry", "dmitri", "dmitriy"),
    ("serhiy", "serhii", "sergey", "sergei", "sergiy"),
    ("yevhen", "yevgeny", "evgeny", "evgeni"),
    ("mykhailo", "mikhail", "michael"),
    ("yuriy", "yuri", "yury", "iurii"),
    ("petro", "pyotr", "petr", "peter"),
    ("pavlo", "pavel", "paul"),
    ("hussein", "husain", "hussain", "husayn", "hosein", "hossein"),
    ("abdullah", "abdallah", "abdulla"),
    ("yusuf", "youssef", "yousef", "yousif", "yussuf"),
    ("omar", "umar"),
    ("osman", "uthman", "othman"),
    ("abdel", "abdul", "abd"),
    ("jose", "josé"),
    ("joe", "joseph"),
    ("bill", "william"),
    ("bob", "robert"),
    ("jim", "james"),
    ("mike", "michael"),
    ("tony", "antony", "anthony"),
]
_GROUP_OF = {fold: group[0] for group in _GIVEN_GROUPS for fold in group}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9\s.-]", "", text.lower().replace("\u2019", "'"))


def tokens(name: str) -> list[str]:
    """The words of a name, folded, without titles: 'H.E. Dr. S. Jaishankar' -> ['s',
    'jaishankar']."""
    words = [w.strip(".-") for w in re.split(r"[\s]+", _fold(name)) if w.strip(".-")]
    while words and words[0] in _TITLES:
        words.pop(0)
    return words


@lru_cache(maxsize=8192)
def skeleton(word: str) -> str:
    """A transliteration skeleton: 'zelenskyy', 'zelenskiy', 'zelensky' -> 'zelenski';
    'kharkiv', 'harkiv' -> 'harkiv'."""
    w = _fold(word).replace("-", "").replace(".", "")
    for a, b in (("kh", "h"), ("ph", "f"), ("ck", "k"), ("ou", "u"), ("y", "i"), ("j", "i")):
        w = w.replace(a, b)
    w = re.sub(r"(.)\1+", r"\1", w)
    return w


@lru_cache(maxsize=8192)
def _given_skeleton(word: str) -> str:
    folded = _fold(word).strip(".")
    group = _GROUP_OF.get(folded)
    if group is not None:
        return group
    # Vowels carry most of the romanisation noise in given names (Mohammed / Muhammad /
    # Mohamad): keep the consonant frame.
    w = skeleton(folded).replace("v", "f")
    w = re.sub(r"[aeiou]+", "a", w)
    return re.sub(r"(.)\1+", r"\1", w)


def given_compatible(a: str, b: str) -> bool:
    """Two given names of one person: the same after romanisation, or one an initial of the
    other ('S' and 'Subrahmanyam')."""
    fa, fb = _fold(a).strip("."), _fold(b).strip(".")
    if not fa or not fb:
        return False
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return _given_skeleton(fa) == _given_skeleton(fb)


def _split(name: str) -> tuple[list[str], list[str]]:
    """(given names, surname words) of a name; particles stay with the surname."""
    words = tokens(name)
    if len(words) < 2:
        return [], words
    index = len(words) - 1
    while index > 1 and words[index - 1] in PARTICLES:
        index -= 1
    return words[:index], words[index:]


def same_person(a: str, b: str) -> bool:
    """True when two full names are spellings of one person's name."""
    if _same_words(a, b):
        return True
    # Hyphens come and go between outlets ("Amir-Abdollahian" / "Amir Abdollahian",
    # "Al-Sabah" / "Al Sabah"): the names are compared again with every part a word.
    return ("-" in a or "-" in b) and _same_words(_unhyphenated(a), _unhyphenated(b))


def _unhyphenated(name: str) -> str:
    return name.replace("-", " ")


def _same_words(a: str, b: str) -> bool:
    wa, wb = tokens(a), tokens(b)
    if len(wa) < 2 or len(wb) < 2:
        return False
    if wa == wb:
        return True
    # "Faisal bin Farhan" / "Faisal bin Farhan Al Saud": one chain continues the other.
    shorter, longer = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if (
        len(shorter) >= 3
        and [skeleton(w) for w in longer[: len(shorter)]] == [skeleton(w) for w in shorter]
        and any(w in PARTICLES for w in shorter)
    ):
        return True
    if len(shorter) >= 2 and [skeleton(w) for w in longer[-len(shorter) :]] == [
        skeleton(w) for w in shorter
    ]:
        # "López Obrador" / "Andrés Manuel López Obrador"; not the father a patronymic names
        # ("Mohammed bin Salman bin Abdulaziz" is the son of "Salman bin Abdulaziz").
        return len(longer) == len(shorter) or longer[-len(shorter) - 1] not in _SON_OF
    given_a, surname_a = _split(a)
    given_b, surname_b = _split(b)
    if [skeleton(w) for w in surname_a] != [skeleton(w) for w in surname_b]:
        return False
    middle_a, middle_b = _middles(given_a), _middles(given_b)
    if middle_a and middle_b and not middle_a & middle_b:
        # "Sabah Al-Khaled Al-Hamad Al-Sabah" / "Sabah Al-Ahmad Al-Jaber Al-Sabah": a
        # family's shared first and last names, different fathers. (A particle is no part of
        # a father's name: "bin" is shared by every Mohammed bin someone Al-Thani.)
        return False
    return given_compatible(given_a[0], given_b[0])


def _middles(given: list[str]) -> set[str]:
    """The skeletons of the given names after the first, but for initials and particles."""
    return {skeleton(w) for w in given[1:] if len(w.strip(".")) > 1 and w not in PARTICLES}


def name_keys(name: str) -> list[str]:
    """The keys a person's name is indexed under: surname skeleton and given-name skeleton
    ('zelenski|flatamar' for every spelling of Volodymyr Zelensky), and those of the name with
    its hyphens as spaces, which ``same_person`` also compares. Names of one word give none: a
    surname alone identifies nobody across articles."""
    keys = _keys_of(name)
    if "-" in name:
        keys += [key for key in _keys_of(_unhyphenated(name)) if key not in keys]
    return keys


def _keys_of(name: str) -> list[str]:
    given, surname = _split(name)
    if not given or not surname or len(given[0]) < 2:
        return []
    return [f"{'-'.join(skeleton(w) for w in surname)}|{_given_skeleton(given[0])}"]
