"""Source readers: every format, every kind of bad input, and the seed corpus."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import pytest

from newsgraph.ingest.model import ExtractedArticle, SourceDocument
from newsgraph.ingest.sources.files import (
    MAX_FILE_BYTES,
    SourceError,
    iter_files,
    iter_items,
    read_file,
)
from tests.helpers import CORPUS

RAW = {
    "url": "https://example.org/a",
    "title": "Leaders talk",
    "publisher": "Example News",
    "published": "2025-08-23",
    "body": "Zelensky spoke with Schoof by phone.",
}

STRUCTURED = {
    "article": {"title": "Leaders talk", "body": "Zelensky spoke with Schoof by phone."},
    "actors": [
        {"name": "Volodymyr Zelensky", "kind": "PERSON"},
        {"name": "Dick Schoof", "kind": "PERSON"},
    ],
    "meetings": [
        {
            "participants": [{"actor": "Volodymyr Zelensky"}, {"actor": "Dick Schoof"}],
            "mode": "PHONE",
            "excerpt": "Zelensky spoke with Schoof by phone.",
        }
    ],
}


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def refusal(path: Path) -> SourceError:
    with pytest.raises(SourceError) as caught:
        read_file(path)
    error = caught.value
    assert "\n" not in str(error), "errors are one line"
    assert str(error) == f"{error.origin}: {error.problem}"
    assert error.origin.startswith(str(path))
    return error


def only_document(path: Path) -> SourceDocument:
    (item,) = read_file(path)
    assert isinstance(item, SourceDocument)
    return item


# --- the seed corpus ---------------------------------------------------------------------------


def test_the_seed_corpus_reads_as_two_source_documents() -> None:
    files = list(iter_files([CORPUS]))
    assert [f.name for f in files] == [
        "kyiv-independent-zelensky-security-guarantees.txt",
        "security-guarantees-zelensky-breakthrough.txt",
    ]
    documents = [item for path in files for item in read_file(path)]
    assert len(documents) == 2
    assert all(isinstance(d, SourceDocument) for d in documents)
    kyiv, breakthrough = documents
    assert isinstance(kyiv, SourceDocument) and isinstance(breakthrough, SourceDocument)
    assert kyiv.origin == str(files[0])
    assert kyiv.body.startswith("News Feed")
    assert "Dick Schoof" in kyiv.body
    assert breakthrough.body.startswith("date 2025-08-23 Security guarantees")
    # Seeds carry no header: nothing is invented for them.
    assert (kyiv.title, kyiv.published, breakthrough.title, breakthrough.published) == (
        None,
        None,
        None,
        None,
    )


# --- text --------------------------------------------------------------------------------------


def test_a_text_file_without_a_header_is_all_body(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Title of the page\n\nFirst paragraph.\n")
    document = only_document(path)
    assert document.origin == str(path)
    assert document.body == "Title of the page\n\nFirst paragraph."
    assert document.title is None


def test_a_text_header_fills_title_publisher_url_date_and_language(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.md",
        "\n"
        "Title: Zelensky promises developments\n"
        "source: Kyiv Independent\n"
        "URL: https://kyivindependent.com/zelensky\n"
        "PUBLISHED: 2025-08-23\n"
        "Language: en\n"
        "\n"
        "Body line one.\n"
        "Body: with a colon later on.\n",
    )
    document = only_document(path)
    assert document.title == "Zelensky promises developments"
    assert document.publisher == "Kyiv Independent"
    assert document.url == "https://kyivindependent.com/zelensky"
    assert document.published == dt.date(2025, 8, 23)
    assert document.language == "en"
    assert document.body == "Body line one.\nBody: with a colon later on."


@pytest.mark.parametrize(
    "written",
    ["August 23, 2025", "Aug. 23, 2025", "23 August 2025", "Saturday, August 23, 2025"],
)
def test_a_written_out_published_date_is_understood(tmp_path: Path, written: str) -> None:
    path = write(tmp_path, "a.txt", f"Published: {written}\n\nBody.\n")
    assert only_document(path).published == dt.date(2025, 8, 23)


@pytest.mark.parametrize("unreadable", ["soon", "August 2025", "03/04/2025", "2025-13-01"])
def test_an_unreadable_published_date_is_refused_with_its_line(
    tmp_path: Path, unreadable: str
) -> None:
    path = write(tmp_path, "a.txt", f"Title: T\nPublished: {unreadable}\n\nBody.\n")
    error = refusal(path)
    assert error.origin == f"{path}:2"
    assert "cannot read date" in error.problem
    assert "YYYY-MM-DD" in error.problem


def test_an_unknown_header_key_is_refused_with_its_line_number(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Title: T\nAuthor: Someone\n\nBody.\n")
    error = refusal(path)
    assert error.origin == f"{path}:2"
    assert "unknown header 'Author'" in error.problem


def test_a_header_line_that_is_not_key_value_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Title: T\nthe body starts without a blank line\n")
    error = refusal(path)
    assert error.origin == f"{path}:2"
    assert "blank line" in error.problem


def test_a_header_key_given_twice_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Title: One\nTitle: Two\n\nBody.\n")
    assert refusal(path).problem == "header 'Title' appears twice"


def test_a_first_line_that_is_not_a_header_key_starts_the_body(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Update: talks resume\nTitle: not a header here\n")
    document = only_document(path)
    assert document.title is None
    assert document.body == "Update: talks resume\nTitle: not a header here"


def test_a_header_without_body_text_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Title: T\n\n   \n\t\n")
    assert refusal(path).problem == "the article body has no text"


def test_windows_line_endings_and_a_utf8_bom_are_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "a.text", b"\xef\xbb\xbfTitle: T\r\n\r\nLine one.\r\nLine two.\r\n")
    document = only_document(path)
    assert document.title == "T"
    assert document.body == "Line one.\nLine two."


# --- JSON --------------------------------------------------------------------------------------


def test_a_json_object_is_one_raw_article(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps(RAW))
    document = only_document(path)
    assert document.origin == str(path)
    assert document.title == "Leaders talk"
    assert document.publisher == "Example News"
    assert document.published == dt.date(2025, 8, 23)
    assert document.body == RAW["body"]


def test_a_json_list_gives_one_item_each_named_by_its_index(tmp_path: Path) -> None:
    second = {"body": "Another article.", "language": "uk"}
    path = write(tmp_path, "a.json", json.dumps([RAW, second]))
    items = read_file(path)
    assert [item.origin for item in items if isinstance(item, SourceDocument)] == [
        f"{path}[0]",
        f"{path}[1]",
    ]
    assert items[1] == SourceDocument(origin=f"{path}[1]", body="Another article.", language="uk")


def test_a_json_object_with_an_article_key_is_an_extracted_article(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps(STRUCTURED))
    (item,) = read_file(path)
    assert isinstance(item, ExtractedArticle)
    assert item.article.title == "Leaders talk"
    assert [a.name for a in item.actors] == ["Volodymyr Zelensky", "Dick Schoof"]
    assert item.meetings[0].mode.value == "PHONE"


def test_a_json_list_may_mix_raw_and_extracted_articles(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps([RAW, STRUCTURED, {"body": "Third."}]))
    kinds = [type(item) for item in read_file(path)]
    assert kinds == [SourceDocument, ExtractedArticle, SourceDocument]


def test_a_missing_body_is_refused_naming_the_item_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps([RAW, RAW, {"title": "No body"}]))
    error = refusal(path)
    assert error.origin == f"{path}[2]"
    assert error.problem == "field 'body' is required (or 'html', a web page)"
    assert str(error) == f"{path}[2]: field 'body' is required (or 'html', a web page)"


def test_an_unknown_field_is_refused_by_name(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps({**RAW, "auther": "Someone"}))
    error = refusal(path)
    assert error.origin == str(path)
    assert error.problem == "unknown field 'auther'"


def test_a_field_of_the_wrong_type_is_refused_with_what_was_found(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps([{**RAW, "title": 42}]))
    error = refusal(path)
    assert error.origin == f"{path}[0]"
    assert error.problem.startswith("field 'title': ")
    assert "got a number" in error.problem


def test_a_numeric_published_date_is_refused_rather_than_read_as_a_timestamp(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "a.json", json.dumps({**RAW, "published": 1755907200}))
    assert refusal(path).problem.startswith("field 'published': ")


def test_a_whitespace_only_body_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps({**RAW, "body": " \n\t "}))
    assert refusal(path).problem == "field 'body' has no text"


def test_an_invalid_extracted_article_names_the_nested_field(tmp_path: Path) -> None:
    broken = json.loads(json.dumps(STRUCTURED))
    broken["meetings"][0]["participants"][1]["actr"] = "typo"
    path = write(tmp_path, "a.json", json.dumps([RAW, broken]))
    error = refusal(path)
    assert error.origin == f"{path}[1]"
    assert "unknown field 'meetings[0].participants[1].actr'" in error.problem


def test_an_extracted_article_with_dangling_actor_names_says_which(tmp_path: Path) -> None:
    broken = {**STRUCTURED, "mentions": ["Marco Rubio"]}
    path = write(tmp_path, "a.json", json.dumps(broken))
    error = refusal(path)
    assert error.problem == "actors referred to but not listed in `actors`: Marco Rubio"


def test_many_problems_in_one_item_are_condensed_into_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}))
    error = refusal(path)
    assert error.problem.count(";") == 3
    assert error.problem.endswith("and 2 more")


def test_malformed_json_is_refused_with_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", '[\n  {"body": "x"},\n  {"body": "y",}\n]\n')
    error = refusal(path)
    assert error.origin == str(path)
    assert error.problem.startswith("malformed JSON at line 3, column 16: ")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"title": "a\tb", "body": "x"}', "at line 1, column 13: a raw control character"),
        ('{"title": "abc', "at line 1, column 11: a string that starts here never ends"),
        ('{"body": "x"} {"body": "y"}', "at line 1, column 15: more JSON after the first value"),
        ('{"body": "x",}', "at line 1, column 14: expected a key in double quotes"),
    ],
)
def test_malformed_json_says_what_is_wrong_in_words_not_cut_off(
    tmp_path: Path, text: str, problem: str
) -> None:
    # json's own messages end in "at" ("Invalid control character at"), for a position it
    # appends itself; the error here says the position first and the problem whole.
    error = refusal(write(tmp_path, "a.json", text))
    assert error.problem.startswith(f"malformed JSON {problem}"), error.problem
    assert not error.problem.endswith((" at", " starting at"))


def test_a_key_given_twice_in_one_json_object_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", '{"body": "one", "body": "two"}')
    assert refusal(path).problem == "malformed JSON: key 'body' appears twice"


@pytest.mark.parametrize(
    ("content", "found"), [('"just text"', "a string"), ("42", "a number"), ("null", "null")]
)
def test_a_json_file_that_holds_no_object_is_refused(
    tmp_path: Path, content: str, found: str
) -> None:
    path = write(tmp_path, "a.json", content)
    assert refusal(path).problem == f"expected a JSON object or a list of objects, got {found}"


def test_a_json_list_item_that_is_not_an_object_is_refused_by_index(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps([RAW, ["nested"]]))
    error = refusal(path)
    assert error.origin == f"{path}[1]"
    assert error.problem == "expected a JSON object, got an array"


def test_an_empty_json_list_is_refused(tmp_path: Path) -> None:
    assert "empty" in refusal(write(tmp_path, "a.json", "[]")).problem


# --- NDJSON ------------------------------------------------------------------------------------


def test_ndjson_gives_one_item_per_line_and_skips_blank_lines(tmp_path: Path) -> None:
    lines = [json.dumps(RAW), "", "   ", json.dumps(STRUCTURED), json.dumps({"body": "Third."})]
    path = write(tmp_path, "a.ndjson", "\n".join(lines) + "\n")
    items = read_file(path)
    assert [type(item) for item in items] == [SourceDocument, ExtractedArticle, SourceDocument]
    assert [item.origin for item in items if isinstance(item, SourceDocument)] == [
        f"{path}:1",
        f"{path}:5",
    ]


def test_jsonl_is_read_as_ndjson(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonl", json.dumps(RAW) + "\r\n" + json.dumps(RAW) + "\r\n")
    assert len(read_file(path)) == 2


def test_malformed_ndjson_is_refused_with_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "a.ndjson", json.dumps(RAW) + "\n\n" + '{"body": "x"\n')
    error = refusal(path)
    assert error.origin == f"{path}:3"
    assert error.problem.startswith("malformed JSON at column 13: ")


def test_an_invalid_ndjson_record_is_refused_naming_its_line_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "a.ndjson", json.dumps(RAW) + "\n" + json.dumps({"url": "u"}) + "\n")
    error = refusal(path)
    assert str(error) == f"{path}:2: field 'body' is required (or 'html', a web page)"


def test_an_ndjson_line_that_is_not_an_object_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.ndjson", json.dumps([RAW]) + "\n")
    error = refusal(path)
    assert error.origin == f"{path}:1"
    assert error.problem == "expected a JSON object, got an array"


# --- bad files of any format -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a.txt", "a.json", "a.ndjson"])
@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"])
def test_an_empty_file_is_refused(tmp_path: Path, name: str, content: bytes) -> None:
    error = refusal(write(tmp_path, name, content))
    assert error.origin == str(tmp_path / name)
    assert error.problem == "file is empty"


@pytest.mark.parametrize(
    "content",
    [
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff",
        b"text with a NUL\x00 byte in it",
        bytes(range(1, 32)) * 10,
    ],
)
def test_a_binary_file_is_refused(tmp_path: Path, content: bytes) -> None:
    assert refusal(write(tmp_path, "a.txt", content)).problem == "binary file, not text"


def test_a_non_utf8_file_is_refused_with_the_offset(tmp_path: Path) -> None:
    text = "Zelensky met\nSchoof in Den Haag, caf\xe9"  # 13 + 23 bytes before the é
    error = refusal(write(tmp_path, "a.txt", text.encode("latin-1")))
    assert error.problem == "not UTF-8 text: invalid byte 0xe9 at offset 36 (line 2)"


def test_the_offset_of_a_bad_byte_counts_the_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", b'\xef\xbb\xbf{"body": "\xff"}')
    assert "invalid byte 0xff at offset 13" in refusal(path).problem


def test_a_utf16_file_is_refused_as_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Body text".encode("utf-16"))
    assert refusal(path).problem.startswith("not UTF-8 text: looks like UTF-16")


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no 20 MB written to disk
    error = refusal(path)
    assert error.problem.startswith("file is too large (20.0 MB; the limit is 20 MB)")


def test_an_ndjson_file_is_read_a_line_at_a_time_whatever_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The limit guards files read whole; NDJSON dumps may be far bigger than memory.
    monkeypatch.setattr("newsgraph.ingest.sources.files.MAX_FILE_BYTES", 1024)
    lines = [json.dumps({**RAW, "url": f"https://example.org/{i}"}) for i in range(40)]
    path = write(tmp_path, "dump.ndjson", "\n".join(lines) + "\n")
    assert path.stat().st_size > 4 * 1024
    items = iter_items(path)
    first = next(items)
    assert isinstance(first, SourceDocument) and first.origin == f"{path}:1"
    assert len(list(items)) == 39
    whole = write(tmp_path, "dump.json", "[" + ",".join(lines) + "]")
    assert refusal(whole).problem.startswith("file is too large")


def test_an_ndjson_line_over_the_size_limit_is_refused_with_its_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsgraph.ingest.sources.files.MAX_FILE_BYTES", 1024)
    huge = json.dumps({**RAW, "body": "x" * 2000})
    path = write(tmp_path, "dump.ndjson", json.dumps(RAW) + "\n" + huge + "\n")
    error = refusal(path)
    assert error.origin == f"{path}:2"
    assert error.problem.startswith("line is longer than")


def test_a_file_of_an_unsupported_type_is_refused_by_suffix(tmp_path: Path) -> None:
    error = refusal(write(tmp_path, "a.csv", "body\nx\n"))
    assert error.problem.startswith("unsupported file type '.csv'; expected ")


def test_reading_a_missing_file_is_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path / "gone.txt").problem == "no such file"


def test_a_source_error_survives_pickling(tmp_path: Path) -> None:
    error = SourceError(f"{tmp_path}/a.json[2]", "field 'body' is required")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.origin, copy.problem, str(copy)) == (error.origin, error.problem, str(error))


def test_a_multi_line_problem_is_flattened_to_one_line() -> None:
    assert str(SourceError("a.txt", "first\n  second")) == "a.txt: first second"


# --- finding files -----------------------------------------------------------------------------


def test_directories_are_walked_in_name_order_skipping_hidden_and_foreign_files(
    tmp_path: Path,
) -> None:
    for name in [
        "b.json",
        "a.txt",
        "c/z.md",
        "c/a.ndjson",
        "d.jsonl",
        "e.text",
        "notes.csv",
        "image.png",
        ".hidden.txt",
        ".git/HEAD.txt",
        ".newsgraph/cache.json",
        "c/.secret/x.txt",
    ]:
        write(tmp_path, name, "x")
    skipped: list[Path] = []
    found = [
        p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path], on_skip=skipped.append)
    ]
    assert found == ["a.txt", "b.json", "c/a.ndjson", "c/z.md", "d.jsonl", "e.text"]
    # Files of other types are handed back to be listed; hidden entries are not.
    assert [p.relative_to(tmp_path).as_posix() for p in skipped] == ["image.png", "notes.csv"]


def test_files_are_yielded_as_given_and_in_the_order_given(tmp_path: Path) -> None:
    second = write(tmp_path, "b.txt", "x")
    first = write(tmp_path, "folder/a.txt", "x")
    named = write(tmp_path, ".odd-name.csv", "x")
    assert list(iter_files([second, first.parent, named])) == [second, first, named]


def test_a_file_reached_twice_is_yielded_once(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "x")
    assert list(iter_files([path, tmp_path])) == [path]


def test_a_missing_path_is_refused_before_any_file_is_yielded(tmp_path: Path) -> None:
    present = write(tmp_path, "a.txt", "x")
    missing = tmp_path / "typo"
    files = iter_files([present, missing])
    with pytest.raises(SourceError) as caught:
        next(files)
    assert str(caught.value) == f"{missing}: no such file or directory"


def test_a_symlink_loop_does_not_recurse_forever(tmp_path: Path) -> None:
    write(tmp_path, "d/a.txt", "x")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d", target_is_directory=True)
    assert [p.name for p in iter_files([tmp_path])] == ["a.txt"]
