"""A synthetic news corpus of a given size, seeded and deterministic.

Actors come from the reference file (its 68 people with roles, and its countries and
organizations as mentions), drawn with Zipf-like weights so a few leaders appear in most
articles, as in real coverage. Each article has 0-2 meetings and 0-4 statements over two
years of dates. As in real coverage, several articles of one day report the same facts: a
meeting is a pair of people on a day, and a person says at most three distinct things a day,
which articles quote whole or in part. Written as raw text the extractor understands
(``--format text``) or as the structured JSON form that skips extraction (``--format json``,
NDJSON).

    python bench/corpus.py --articles 10000 --format text --out /tmp/corpus-10k
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
START = dt.date(2024, 1, 1)
DAYS = 730

_TOPICS = [
    "security guarantees",
    "ceasefire",
    "sanctions",
    "peacekeeping",
    "air defense",
    "prisoner exchange",
    "energy",
]
_DETAILS = [
    "We will need {number} more systems before winter, and we are talking with {place}.",
    "The delegation from {place} brought {number} proposals, and we studied each of them.",
    "I spoke with the leaders in {place} today, and {number} questions remain open.",
    "Our teams in {place} will work through the weekend on the {number} remaining points.",
    "Nobody in {place} should doubt our resolve after {number} months of this work.",
]
_PLACES = [
    "Washington",
    "Brussels",
    "Berlin",
    "Paris",
    "London",
    "Rome",
    "Warsaw",
    "Helsinki",
    "Ankara",
    "Tokyo",
    "Ottawa",
    "Copenhagen",
    "Oslo",
    "Madrid",
    "Vienna",
    "Prague",
]
_SAYINGS = [
    "We are working on {topic} with our partners and expect results soon.",
    "There can be no agreement on {topic} without Ukraine at the table.",
    "Our position on {topic} has not changed and will not change.",
    "The talks on {topic} were constructive, and the teams will meet again next week.",
    "Pressure is needed to move forward on {topic}.",
]


def _actors() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    data = tomllib.loads((ROOT / "data" / "reference" / "actors.toml").read_text())
    people = [a for a in data["actor"] if a["kind"] == "PERSON" and a.get("roles")]
    others = [a for a in data["actor"] if a["kind"] in ("COUNTRY", "ORGANIZATION")]
    return people, others


def _title(person: dict[str, Any]) -> str:
    role = person["roles"][0]
    return f"{role['title']} of {role['of']}"


def _zipf(count: int) -> list[float]:
    return [1 / (rank + 1) for rank in range(count)]


def statement_text(speaker: str, day: dt.date, which: int) -> str:
    """The `which`-th thing `speaker` said on `day`: the same words in every article."""
    rng = random.Random(f"{speaker}|{day.isoformat()}|{which}")
    saying = rng.choice(_SAYINGS).format(topic=rng.choice(_TOPICS))
    detail = rng.choice(_DETAILS).format(place=rng.choice(_PLACES), number=rng.randrange(2, 60))
    return f"{saying} {detail}"


def articles(count: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """Yield `count` article specs: who meets whom, who says what, and when."""
    rng = random.Random(seed)
    people, others = _actors()
    weights, other_weights = _zipf(len(people)), _zipf(len(others))
    for i in range(count):
        day = START + dt.timedelta(days=rng.randrange(DAYS))
        meetings = []
        for _ in range(rng.choice([0, 1, 1, 2])):
            a, b = rng.choices(people, weights, k=2)
            if a is not b:
                meetings.append(
                    {"a": a, "b": b, "mode": rng.choice(["phone", "in_person", "unknown"])}
                )
        statements = []
        for _ in range(rng.randrange(5)):
            speaker = rng.choices(people, weights)[0]
            text = statement_text(speaker["name"], day, rng.randrange(3))
            # Some outlets quote only the first sentence; the loader merges the two reports.
            if rng.random() < 0.3:
                text = text.split(". ")[0] + "."
            statements.append({"speaker": speaker, "text": text})
        mentioned = list({a["name"]: a for a in rng.choices(others, other_weights, k=2)}.values())
        yield {
            "index": i,
            "day": day,
            "meetings": meetings,
            "statements": statements,
            "mentions": mentioned,
        }


def as_text(spec: dict[str, Any]) -> str:
    day: dt.date = spec["day"]
    when = f"{day:%B} {day.day}"
    lines = [
        f"Title: Diplomatic roundup {spec['index']}",
        "Source: Bench Wire",
        f"URL: https://bench.example/{spec['index']}",
        f"Published: {day.isoformat()}",
        "",
    ]
    for m in spec["meetings"]:
        a, b = m["a"], m["b"]
        verb = {
            "phone": "held a phone call with",
            "in_person": "met in Kyiv with",
            "unknown": "held talks with",
        }[m["mode"]]
        lines.append(f"{_title(a)} {a['name']} {verb} {_title(b)} {b['name']} on {when}.\n")
    for s in spec["statements"]:
        who = s["speaker"]
        lines.append(f'"{s["text"][:-1]}," {who["name"]} said on {when}.\n')
    names = " and ".join(a["name"] for a in spec["mentions"])
    lines.append(f"Diplomats from {names} continued consultations on {when}, officials said.\n")
    return "\n".join(lines)


def as_structured(spec: dict[str, Any]) -> dict[str, Any]:
    day: dt.date = spec["day"].isoformat()
    actors: dict[str, dict[str, Any]] = {}

    def use(person: dict[str, Any]) -> str:
        actors[person["name"]] = {"name": person["name"], "kind": "PERSON"}
        return str(person["name"])

    for other in spec["mentions"]:
        actors[other["name"]] = {"name": other["name"], "kind": other["kind"]}
    meetings = [
        {
            "participants": [{"actor": use(m["a"])}, {"actor": use(m["b"])}],
            "date": day,
            "mode": {"phone": "PHONE", "in_person": "IN_PERSON", "unknown": "UNKNOWN"}[m["mode"]],
            "excerpt": f"{m['a']['name']} met {m['b']['name']}.",
        }
        for m in spec["meetings"]
    ]
    statements = [
        {"speaker": use(s["speaker"]), "text": s["text"], "date": day, "excerpt": s["text"]}
        for s in spec["statements"]
    ]
    return {
        "article": {
            "url": f"https://bench.example/{spec['index']}",
            "title": f"Diplomatic roundup {spec['index']}",
            "publisher": "Bench Wire",
            "published_on": day,
            "body": as_text(spec),
        },
        "actors": list(actors.values()),
        "mentions": list(actors),
        "meetings": meetings,
        "statements": statements,
    }


def write(count: int, fmt: str, out: Path, seed: int = 7) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        path = out / "corpus.ndjson"
        with path.open("w") as handle:
            for spec in articles(count, seed):
                handle.write(json.dumps(as_structured(spec)) + "\n")
        return path
    for spec in articles(count, seed):
        (out / f"{spec['index']:06d}.txt").write_text(as_text(spec))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(write(args.articles, args.format, args.out, args.seed))


if __name__ == "__main__":
    main()
