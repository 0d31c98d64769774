"""Source readers: turn files on disk into payloads for extraction or for the writer.

Five formats, chosen by suffix:

- text (``.txt``, ``.text``, ``.md``): scraped page text, with an optional ``Key: value`` header
  block (Title, Source, URL, Published, Language) ended by a blank line; one SourceDocument.
- HTML (``.html``, ``.htm``): a saved web page; its article text and metadata are read with
  trafilatura (newsgraph/ingest/sources/html.py); one SourceDocument.
- feeds (``.xml``, ``.rss``, ``.atom``): an RSS or Atom feed, one SourceDocument per entry with
  text (newsgraph/ingest/sources/feeds.py); entries without any are skipped and reported.
- JSON (``.json``): one object or a list of objects.
- NDJSON (``.ndjson``, ``.jsonl``): one object per line.

A JSON object with an ``article`` key is already extracted and becomes an ExtractedArticle;
any other object is a raw article (RawArticleRecord) and becomes a SourceDocument: its
``body`` is page text, or its ``html`` a page read as an ``.html`` file is.

One file is one unit of success or failure: ``read_file`` returns every item of the file or
raises SourceError for the first problem, so a loader never writes half of a broken file. Every
error is one line naming the file (and the line or list item) and what is wrong with it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from dateutil import parser as date_parser
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from newsgraph.ingest.model import ExtractedArticle, SourceDocument
from newsgraph.ingest.sources.errors import SourceError

__all__ = [
    "FEED_SUFFIXES",
    "HTML_SUFFIXES",
    "JSON_SUFFIXES",
    "MAX_FILE_BYTES",
    "NDJSON_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "TEXT_SUFFIXES",
    "RawArticleRecord",
    "SourceError",
    "iter_files",
    "iter_items",
    "read_file",
]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSON_SUFFIXES = frozenset({".json"})
NDJSON_SUFFIXES = frozenset({".ndjson", ".jsonl"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | NDJSON_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES

# Told of a feed entry passed over (its origin, and why): a loader lists them as skipped.
OnSkip = Callable[[str, str], None]

# A news article is kilobytes; anything this big is almost surely the wrong path (a dump, a
# database file), and reading it whole would only make the mistake slower to report. NDJSON is
# the format for big dumps: it is read a line at a time, whatever its size, and this bounds
# one line instead.
MAX_FILE_BYTES = 20 * 1024 * 1024

# Header keys map to SourceDocument fields; "Source" is what scrapers call the publisher.
_HEADER_FIELDS = {
    "title": "title",
    "source": "publisher",
    "url": "url",
    "published": "published",
    "language": "language",
}
_HEADER_KEYS_TEXT = "Title, Source, URL, Published or Language"
_KEY_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9 _-]*?)\s*:(.*)$")

# Control bytes that never occur in text; tab, newlines and form feed do.
_CONTROL_BYTES = (frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}) | {0x7F}
_BINARY_SAMPLE = 8192
_BINARY_CONTROL_RATIO = 0.05

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

_MAX_REPORTED_ERRORS = 3


def _parse_date(value: str) -> dt.date:
    """A publication date: ISO first, then written-out dates such as "August 23, 2025".

    Purely numeric non-ISO dates (03/04/2025) are refused: day and month order is a guess.
    """
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    if re.search(r"[A-Za-z]{3,}", text):
        # dateutil fills missing parts from its default; two different defaults that give two
        # different answers mean the text lacked a day, month or year.
        try:
            first = date_parser.parse(text, default=dt.datetime(2000, 1, 1), ignoretz=True)
            second = date_parser.parse(text, default=dt.datetime(2001, 2, 2), ignoretz=True)
        except (ValueError, OverflowError):
            pass
        else:
            if first == second:
                return first.date()
    raise ValueError(f"cannot read date {_quote(text)}; use YYYY-MM-DD, e.g. 2025-08-23")


class RawArticleRecord(BaseModel):
    """A raw article in JSON or NDJSON input: the fields of a SourceDocument, minus origin, with
    the article as page text (``body``) or as a web page (``html``), exactly one of the two.
    Metadata the record states wins over what its page says."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    body: str | None = Field(default=None, min_length=1)
    html: str | None = Field(default=None, min_length=1)
    language: str | None = None
    author: str | None = None

    @model_validator(mode="after")
    def _one_text(self) -> RawArticleRecord:
        if self.body is not None and self.html is not None:
            raise ValueError("give 'body' (page text) or 'html' (a web page), not both")
        if self.body is None and self.html is None:
            raise ValueError("field 'body' is required (or 'html', a web page)")
        return self

    @field_validator("published", mode="before")
    @classmethod
    def _published_date(cls, value: object) -> object:
        if isinstance(value, str):
            return _parse_date(value)
        if value is None or isinstance(value, dt.date):
            return value
        # Pydantic would read a number as a Unix timestamp; no producer means that.
        raise ValueError("expected a date string YYYY-MM-DD")

    def to_document(self, origin: str) -> SourceDocument:
        stated = self.model_dump(exclude={"html"}, exclude_none=True)
        if self.html is None:
            return SourceDocument(origin=origin, **stated)
        from newsgraph.ingest.sources.html import read_html  # see _read_page

        page = read_html(self.html, origin=origin, url=self.url)
        return page.model_copy(update=stated)


def _quote(text: str, limit: int = 60) -> str:
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return repr(text)


_JSON_TYPE_NAMES = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


def _json_type(value: object) -> str:
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def _field_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else part)
    return path


def _condense(error: ValidationError) -> str:
    """Pydantic's multi-line report as one line: each problem with the field path it names."""
    problems: list[str] = []
    for item in error.errors(include_url=False):
        field = _quote(_field_path(item["loc"]))
        kind = item["type"]
        message = str(item["msg"])
        if kind == "missing":
            problems.append(f"field {field} is required")
        elif kind == "extra_forbidden":
            problems.append(f"unknown field {field}")
        elif kind == "string_too_short" and item.get("ctx", {}).get("min_length") == 1:
            problems.append(f"field {field} has no text")
        else:
            # Model-level checks arrive as "Value error, <our message>"; the prefix is noise.
            message = message.removeprefix("Value error, ")
            if kind.endswith("_type"):
                message += f", got {_json_type(item['input'])}"
            problems.append(f"field {field}: {message}" if item["loc"] else message)
    extra = len(problems) - _MAX_REPORTED_ERRORS
    shown = "; ".join(problems[:_MAX_REPORTED_ERRORS])
    return f"{shown}; and {extra} more" if extra > 0 else shown


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json keeps the last of two equal keys; a silently dropped value is worse than an error.
    # The dict is built in C and the pairs walked only when it came out shorter (a load calls
    # this for every object of every record).
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


# json's messages end in "at", for the position it appends to its own str(): ours comes first,
# so each is said whole, with what usually causes it. Keys are the messages' beginnings.
_JSON_PROBLEMS = {
    "Invalid control character": "a raw control character (a tab or line break) inside a "
    "string; write it escaped, as \\t or \\n",
    "Unterminated string": 'a string that starts here never ends: a closing quote (") is missing',
    "Expecting value": "expected a value (a trailing comma, or a missing value?)",
    "Expecting property name enclosed in double quotes": "expected a key in double quotes "
    "(a trailing comma, or a key in single quotes?)",
    "Extra data": "more JSON after the first value: put several articles in a list, or one "
    "per line in an .ndjson file",
    "Expecting ',' delimiter": "expected a comma between two items",
    "Expecting ':' delimiter": "expected a colon after a key",
    "Invalid \\escape": "an invalid backslash escape: write a backslash itself as \\\\",
}


def _json_problem(message: str) -> str:
    for start, problem in _JSON_PROBLEMS.items():
        if message.startswith(start):
            return problem
    for tail in (" starting at", " at"):
        message = message.removesuffix(tail)
    return message[:1].lower() + message[1:]


def _load_json(text: str, origin: str, *, single_line: bool) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as exc:
        where = f"column {exc.colno}" if single_line else f"line {exc.lineno}, column {exc.colno}"
        raise SourceError(origin, f"malformed JSON at {where}: {_json_problem(exc.msg)}") from None
    except _DuplicateKey as exc:
        raise SourceError(origin, f"malformed JSON: key {_quote(exc.key)} appears twice") from None
    except RecursionError:
        raise SourceError(origin, "malformed JSON: nested too deeply") from None


def _to_item(value: object, origin: str) -> SourceDocument | ExtractedArticle:
    if not isinstance(value, dict):
        raise SourceError(origin, f"expected a JSON object, got {_json_type(value)}")
    try:
        if "article" in value:
            return ExtractedArticle.model_validate(value)
        return RawArticleRecord.model_validate(value).to_document(origin)
    except ValidationError as exc:
        raise SourceError(origin, _condense(exc)) from None


def _read_json(path: Path, text: str) -> list[SourceDocument | ExtractedArticle]:
    data = _load_json(text, str(path), single_line=False)
    if isinstance(data, dict):
        return [_to_item(data, str(path))]
    if isinstance(data, list):
        if not data:
            raise SourceError(str(path), "no articles: the JSON list is empty")
        return [_to_item(value, f"{path}[{index}]") for index, value in enumerate(data)]
    raise SourceError(
        str(path), f"expected a JSON object or a list of objects, got {_json_type(data)}"
    )


def _read_text(path: Path, text: str) -> list[SourceDocument | ExtractedArticle]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fields: dict[str, Any] = {}
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    first = _KEY_LINE.match(lines[start]) if start < len(lines) else None
    body_start = 0
    if first is not None and first.group(1).lower() in _HEADER_FIELDS:
        index = start
        while index < len(lines) and lines[index].strip():
            origin = f"{path}:{index + 1}"
            match = _KEY_LINE.match(lines[index])
            if match is None:
                raise SourceError(
                    origin, "expected 'Key: value' in the header, or a blank line to end it"
                )
            key, value = match.group(1), match.group(2).strip()
            field = _HEADER_FIELDS.get(key.lower())
            if field is None:
                raise SourceError(
                    origin, f"unknown header {_quote(key)}; expected {_HEADER_KEYS_TEXT}"
                )
            if field in fields:
                raise SourceError(origin, f"header {_quote(key)} appears twice")
            if value and field == "published":
                try:
                    fields[field] = _parse_date(value)
                except ValueError as exc:
                    raise SourceError(origin, f"Published: {exc}") from None
            elif value:
                fields[field] = value
            index += 1
        body_start = index
    body = "\n".join(lines[body_start:]).strip()
    if not body:
        raise SourceError(str(path), "the article body has no text")
    return [SourceDocument(origin=str(path), body=body, **fields)]


def _check_head(origin: str, head: bytes) -> None:
    """Refuse, from its first bytes, a file that is not UTF-8 text."""
    if head.startswith(_UTF16_BOMS):
        raise SourceError(origin, "not UTF-8 text: looks like UTF-16; save it as UTF-8")
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    if b"\x00" in head or controls > len(head) * _BINARY_CONTROL_RATIO:
        raise SourceError(origin, "binary file, not text")


def _open(path: Path) -> BinaryIO:
    origin = str(path)
    try:
        return path.open("rb")
    except IsADirectoryError:
        raise SourceError(origin, "is a directory, not a file") from None
    except FileNotFoundError:
        raise SourceError(origin, "no such file") from None
    except OSError as exc:
        raise SourceError(origin, f"cannot read file: {exc.strerror or exc}") from None


def _decode(path: Path, data: bytes) -> str:
    origin = str(path)
    if not data:
        raise SourceError(origin, "file is empty")
    _check_head(origin, data[:_BINARY_SAMPLE])
    if b"\x00" in data:
        raise SourceError(origin, "binary file, not text")
    skipped = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    try:
        text = data[skipped:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skipped + exc.start
        line = data.count(b"\n", 0, offset) + 1
        raise SourceError(
            origin,
            f"not UTF-8 text: invalid byte 0x{data[offset]:02x} at offset {offset} (line {line})",
        ) from None
    if not text.strip():
        raise SourceError(origin, "file is empty")
    return text


def _read_bytes(path: Path) -> bytes:
    origin = str(path)
    data = b""
    with _open(path) as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            if size <= MAX_FILE_BYTES:
                # Read one byte past the limit: stat lies for pipes and files still growing.
                data = handle.read(MAX_FILE_BYTES + 1)
                size = len(data)
        except OSError as exc:
            raise SourceError(origin, f"cannot read file: {exc.strerror or exc}") from None
    if size > MAX_FILE_BYTES:
        raise SourceError(
            origin,
            f"file is too large ({size / 2**20:.1f} MB; the limit is "
            f"{MAX_FILE_BYTES // 2**20} MB): is this the right file?",
        )
    return data


def _ndjson_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of each non-blank line, read one at a time."""
    origin = str(path)
    with _open(path) as handle:
        head = handle.read(_BINARY_SAMPLE)
        _check_head(origin, head)
        handle.seek(len(_UTF8_BOM) if head.startswith(_UTF8_BOM) else 0)
        offset = handle.tell()
        seen_text = False
        number = 0
        while True:
            # Split on "\n" only: str.splitlines would also split on U+2028, which JSON allows.
            data = handle.readline(MAX_FILE_BYTES + 1)
            if not data:
                break
            number += 1
            if len(data) > MAX_FILE_BYTES:
                raise SourceError(
                    f"{path}:{number}",
                    f"line is longer than {MAX_FILE_BYTES // 2**20} MB: is this NDJSON?",
                )
            if b"\x00" in data:
                raise SourceError(f"{path}:{number}", "binary data (a NUL byte), not text")
            try:
                line = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise SourceError(
                    origin,
                    f"not UTF-8 text: invalid byte 0x{data[exc.start]:02x} at offset "
                    f"{offset + exc.start} (line {number})",
                ) from None
            offset += len(data)
            line = line.removesuffix("\n")
            if line.strip():
                seen_text = True
                yield number, line
        if not seen_text:
            raise SourceError(origin, "file is empty")


def _iter_ndjson(path: Path) -> Iterator[SourceDocument | ExtractedArticle]:
    for number, line in _ndjson_lines(path):
        origin = f"{path}:{number}"
        yield _to_item(_load_json(line, origin, single_line=True), origin)


def iter_items(
    path: Path, *, on_skip: OnSkip | None = None
) -> Iterator[SourceDocument | ExtractedArticle]:
    """The items of one file in file order, NDJSON read a line at a time; SourceError for the
    first problem (the items before it have been yielded: callers that must not act on part
    of a file read it to the end before acting)."""
    if path.suffix.lower() in NDJSON_SUFFIXES:
        return _iter_ndjson(path)
    return iter(read_file(path, on_skip=on_skip))


def _read_page(path: Path, data: bytes) -> list[SourceDocument | ExtractedArticle]:
    # trafilatura, htmldate and feedparser take about 0.3 s to import: paid by the loads that
    # read pages or feeds, not by every `newsgraph load` of text or JSON.
    from newsgraph.ingest.sources.html import read_html

    _check_markup(path, data)
    return [read_html(data, origin=str(path))]


def _read_feed_file(
    path: Path, data: bytes, on_skip: OnSkip | None
) -> list[SourceDocument | ExtractedArticle]:
    """One document per entry with text. A file's feed never fetches the entries' links: a
    load from files stays off the network, so an entry with only a summary loads the summary."""
    from newsgraph.ingest.sources.feeds import entry_document, read_feed  # see _read_page

    _check_markup(path, data)
    entries = read_feed(data, origin=str(path))
    if not entries:
        raise SourceError(str(path), "the feed has no entries")
    documents: list[SourceDocument | ExtractedArticle] = []
    for entry in entries:
        document = entry_document(entry)
        if document is None:
            if on_skip is not None:
                on_skip(entry.origin, "the entry has no text (no content and no summary)")
            continue
        documents.append(document)
    return documents


def _check_markup(path: Path, data: bytes) -> None:
    if not data.strip():
        raise SourceError(str(path), "file is empty")
    _check_head(str(path), data[:_BINARY_SAMPLE])


def read_file(
    path: Path, *, on_skip: OnSkip | None = None
) -> list[SourceDocument | ExtractedArticle]:
    """Every item of one file, in file order; SourceError for the first problem, nothing partial.
    ``on_skip`` hears of the entries of a feed passed over for having no text."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        expected = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise SourceError(
            str(path),
            f"unsupported file type {_quote(path.suffix or path.name)}; expected {expected}",
        )
    if suffix in NDJSON_SUFFIXES:
        return list(_iter_ndjson(path))
    if suffix in HTML_SUFFIXES:
        return _read_page(path, _read_bytes(path))
    if suffix in FEED_SUFFIXES:
        return _read_feed_file(path, _read_bytes(path), on_skip)
    text = _decode(path, _read_bytes(path))
    if suffix in JSON_SUFFIXES:
        return _read_json(path, text)
    return _read_text(path, text)


def _walk(
    directory: Path, seen: set[Path], on_skip: Callable[[Path], None] | None
) -> Iterator[Path]:
    try:
        entries = sorted(directory.iterdir(), key=lambda entry: entry.name)
    except OSError as exc:
        raise SourceError(str(directory), f"cannot list directory: {exc.strerror or exc}") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            real = entry.resolve()
            # A symlink back up the tree would otherwise recurse forever.
            if real not in seen:
                seen.add(real)
                yield from _walk(entry, seen, on_skip)
        elif entry.is_file() and entry.suffix.lower() in SUPPORTED_SUFFIXES:
            yield entry
        elif entry.is_file() and on_skip is not None:
            on_skip(entry)


def iter_files(
    paths: Iterable[Path], *, on_skip: Callable[[Path], None] | None = None
) -> Iterator[Path]:
    """The files to read: files as given, directories recursed in name order.

    Inside directories, hidden entries (``.git``, ``.newsgraph``) are passed over, and files of
    other types are skipped and handed to ``on_skip``, so a loader can list them rather than
    have them vanish; a file named explicitly is yielded whatever its suffix, so read_file can
    say why it is refused. Every given path is checked before the first file is yielded: a typo
    in the last argument fails the run before anything is loaded. A file reached twice (named
    and inside a named directory) is yielded once.
    """
    given = list(paths)
    for path in given:
        if not path.exists():
            raise SourceError(str(path), "no such file or directory")
    yielded: set[Path] = set()
    for path in given:
        if path.is_dir():
            candidates: Iterator[Path] = _walk(path, {path.resolve()}, on_skip)
        else:
            candidates = iter([path])
        for candidate in candidates:
            real = candidate.resolve()
            if real not in yielded:
                yielded.add(real)
                yield candidate
