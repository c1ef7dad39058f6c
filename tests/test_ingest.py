"""Examples of reading articles: text, markdown, JSONL, gzip, stdin, directories and bad input."""

from __future__ import annotations

import builtins
import gzip
import io
import json
import textwrap
from itertools import islice
from pathlib import Path

import pytest

from graphkit.ingest import SUPPORTED_SUFFIXES, content_id, normalise_date, parse_text, read_articles
from graphkit.models import Article, Skipped

from helpers import SEED_ARTICLE as SEED, SHARED, jsonl, write

REUTERS = SHARED / "corpora" / "reuters_2016_2017.jsonl.gz"


def lines_of(article: Article) -> list[str]:
    return article.text.split("\n")


def articles(items) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def skipped(items) -> list[Skipped]:
    return [item for item in items if isinstance(item, Skipped)]


# --- the shared seed article ---------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="../shared/examples is not checked out next to the repository")
def test_seed_article_header_and_units():
    [article] = read_articles([SEED])

    assert article.doc_id == "2024-10-31-north-korean-troops-kursk"
    assert article.date == "2024-10-31"
    assert article.title == "USA: 8000 North Koreans on the Ukrainian border"
    assert article.metadata["kicker"] == "Deployment imminent"
    assert article.origin == str(SEED)
    lines = lines_of(article)
    assert lines[0] == "USA: 8000 North Koreans on the Ukrainian border"
    assert 'No "invitation" for 100 years' in lines
    assert '"Russian uniforms"' in lines
    assert 'Selenskyj: "We will talk about weapons"' in lines
    assert not any("2024-10-31" in line or "Deployment imminent" in line for line in lines)
    assert len(lines) == 13  # one unit per input line, less the date line


@pytest.mark.skipif(not SEED.exists(), reason="../shared/examples is not checked out next to the repository")
@pytest.mark.parametrize("width", [60, 72, 80])
@pytest.mark.parametrize("gap", [[""], []], ids=["blank-line-between-paragraphs", "no-blank-lines"])
def test_seed_article_hard_wrapped_reads_the_same(width, gap):
    date_line, headline, *paragraphs = SEED.read_text(encoding="utf-8").splitlines()
    wrapped = [date_line, headline, *gap]
    for paragraph in paragraphs:
        wrapped += textwrap.wrap(paragraph, width, break_on_hyphens=False) + gap

    article = parse_text("\n".join(wrapped), "kursk", "kursk.txt")

    lines = lines_of(article)
    for heading in ('No "invitation" for 100 years', '"Russian uniforms"', 'Selenskyj: "We will talk about weapons"'):
        assert heading in lines
    # Without paragraph gaps a paragraph may break where a wrapped line ends a
    # sentence, a sentence boundary anyway; no words are lost or reordered.
    assert " ".join(lines).split() == " ".join([headline, *paragraphs]).split()


# --- the plain-text header convention ------------------------------------------------


@pytest.mark.parametrize(
    "raw, title, date, kicker, text",
    [
        pytest.param(
            "date 2024-10-31 Deployment imminent\nUSA: troops at the border\nThey moved.",
            "USA: troops at the border", "2024-10-31", "Deployment imminent",
            "USA: troops at the border\nThey moved.",
            id="date line with kicker",
        ),
        pytest.param(
            "   date 2024-10-31\n\n\nA headline that is long and ends with a full stop.\nBody.",
            "A headline that is long and ends with a full stop.", "2024-10-31", None,
            "A headline that is long and ends with a full stop.\nBody.",
            id="indented date line; the next non-blank line is always the headline",
        ),
        pytest.param(
            "Russia moves troops to Kursk\nThe Kremlin said so on Friday.",
            "Russia moves troops to Kursk", None, None,
            "Russia moves troops to Kursk\nThe Kremlin said so on Friday.",
            id="headline-like first line is the title",
        ),
        pytest.param(
            "The Kremlin said on Friday that troops had moved.\nThey are in Kursk.",
            None, None, None,
            "The Kremlin said on Friday that troops had moved.\nThey are in Kursk.",
            id="first line ending a sentence is not a title",
        ),
        pytest.param(
            "Russia said on Friday that\ntroops had moved to Kursk.",
            None, None, None,
            "Russia said on Friday that troops had moved to Kursk.",
            id="wrapped first line is not a title",
        ),
    ],
)
def test_plain_text_header(raw, title, date, kicker, text):
    article = parse_text(raw, "a", "a.txt")

    assert (article.title, article.date, article.metadata.get("kicker"), article.text) == (title, date, kicker, text)


def test_unparseable_date_line_is_kept_in_metadata():
    article = parse_text("date 2024-13-45 Breaking\nHeadline\nBody.", "a", "a.txt")

    assert article.date is None
    assert article.metadata == {"raw_date": "2024-13-45", "kicker": "Breaking"}
    assert article.text == "Headline\nBody."


# --- units: paragraphs and headings --------------------------------------------------


@pytest.mark.parametrize(
    "raw, units",
    [
        pytest.param(
            "Russia had trained the North Korean soldiers for artillery\n"
            "battles and basic infantry operations, Blinken said.\n",
            ["Russia had trained the North Korean soldiers for artillery battles and basic infantry operations, Blinken said."],
            id="hard-wrapped paragraph is joined",
        ),
        pytest.param(
            "First paragraph.\n\nSecond paragraph.",
            ["First paragraph.", "Second paragraph."],
            id="blank line separates paragraphs",
        ),
        pytest.param(
            "Troops in Kursk\n\nRussia moved troops.",
            ["Troops in Kursk", "Russia moved troops."],
            id="heading followed by a blank line",
        ),
        pytest.param(
            "Troops moved.\nNo invitation for 100 years\nIt was the first time.",
            ["Troops moved.", "No invitation for 100 years", "It was the first time."],
            id="heading opening a block, next line capitalised",
        ),
        pytest.param(
            'Troops moved.\n"Russian uniforms"\nThe spies reported it.',
            ["Troops moved.", '"Russian uniforms"', "The spies reported it."],
            id="quoted heading",
        ),
        pytest.param(
            "Officials said the troops came from\nNorth Korea\nand reached Kursk on Friday.",
            ["Officials said the troops came from North Korea and reached Kursk on Friday."],
            id="short capitalised line mid-paragraph is not a heading",
        ),
        pytest.param(
            "The minister said that troops had moved to the border and\nthat\n\nNext paragraph.",
            ["The minister said that troops had moved to the border and that", "Next paragraph."],
            id="short last line of a paragraph is not a heading",
        ),
        pytest.param(
            "MOSCOW (Reuters) -\nRussia moved troops.",
            ["MOSCOW (Reuters) - Russia moved troops."],
            id="unfinished dateline is joined",
        ),
        pytest.param(
            "Russia trained the\nNorth Korean soldiers.",
            ["Russia trained the North Korean soldiers."],
            id="line ending on 'the' is not a heading",
        ),
        pytest.param(
            "Officials from the U.S.\nsaid troops had moved.",
            ["Officials from the U.S. said troops had moved."],
            id="lower-case line continues after an abbreviation",
        ),
        pytest.param(
            '"We will talk about weapons."\nZelensky said so.',
            ['"We will talk about weapons."', "Zelensky said so."],
            id="full stop inside closing quote ends the unit",
        ),
        pytest.param(
            "Nuclear talks\n"
            "\n"
            "Blinken met senior diplomats and intelligence officials from South\n"
            "Korea in Washington on Friday, and they talked about the troops that\n"
            "North Korea has sent to Russia since the start of October, which\n"
            "the South Korean spy agency first reported on the weekend, citing\n"
            "satellite images.\n",
            [
                "Nuclear talks",
                "Blinken met senior diplomats and intelligence officials from South Korea in Washington on Friday, "
                "and they talked about the troops that North Korea has sent to Russia since the start of October, "
                "which the South Korean spy agency first reported on the weekend, citing satellite images.",
            ],
            id="wrapped at 68 columns: 'Korea' would not have fitted, so the line above is no heading",
        ),
    ],
)
def test_units(raw, units):
    assert lines_of(parse_text(raw, "a", "a.txt")) == units


@pytest.mark.parametrize(
    "raw, text",
    [
        pytest.param("\ufeffRussia moved.\r\nUkraine answered.\r\n", "Russia moved.\nUkraine answered.", id="BOM and CRLF"),
        pytest.param("Russia\u00a0moved \t  troops.", "Russia moved troops.", id="NBSP, tabs and runs of spaces"),
        pytest.param("\n\n   Russia moved.   \n\n\n", "Russia moved.", id="surrounding blank lines"),
    ],
)
def test_whitespace_is_normalised(raw, text):
    assert parse_text(raw, "a", "a.txt").text == text


# --- markdown -------------------------------------------------------------------------


def test_markdown_with_front_matter(tmp_path):
    path = write(
        tmp_path / "kursk.md",
        "---\n"
        'title: "Troops in Kursk"\n'
        "date: 31 October 2024\n"
        "url: https://example.org/kursk\n"
        "author: Jane Doe\n"
        "---\n"
        "\n"
        "# North Korean troops\n"
        "\n"
        "<!-- editor: check the numbers -->\n"
        "Russia has **deployed** troops, said the [Pentagon](https://defense.gov).\n"
        "![map](map.png)\n"
        "\n"
        "## What we know\n"
        "- North Korea sent `8,000` soldiers\n"
        "* The _troops_ are in Kursk\n"
        "1. The first item wraps\n"
        "   onto a second line\n"
        "\n"
        "> Zelensky said the talks would be about\n"
        "> weapons.\n",
    )

    [article] = read_articles([path])

    assert (article.doc_id, article.title, article.date, article.url) == (
        "kursk", "Troops in Kursk", "2024-10-31", "https://example.org/kursk",
    )
    assert article.metadata == {"author": "Jane Doe"}
    assert lines_of(article) == [
        "North Korean troops",
        "Russia has deployed troops, said the Pentagon.",
        "What we know",
        "North Korea sent 8,000 soldiers",
        "The troops are in Kursk",
        "The first item wraps onto a second line",
        "Zelensky said the talks would be about weapons.",
    ]


@pytest.mark.parametrize(
    "raw, title, text",
    [
        pytest.param(
            "Intro line.\n\n# Troops in *Kursk*\n\nBody.",
            "Troops in Kursk", "Intro line.\nTroops in Kursk\nBody.",
            id="first # heading is the title",
        ),
        pytest.param(
            "Troops in Kursk\n===============\nBody.",
            "Troops in Kursk", "Troops in Kursk\nBody.",
            id="setext heading",
        ),
        pytest.param(
            "Uses snake_case and a__b.\n\n---\n\nEnd.",
            None, "Uses snake_case and a__b.\nEnd.",
            id="underscores inside words stay; rules go",
        ),
        pytest.param(
            "See <https://example.org> and [the report][1].\n\n[1]: https://example.org/r",
            None, "See https://example.org and the report.",
            id="autolinks and reference links",
        ),
        pytest.param(
            "Text.\n\n```\ncode = 1\n```\n\nMore.",
            None, "Text.\nMore.",
            id="code blocks are not prose",
        ),
    ],
)
def test_markdown_conversion(raw, title, text):
    article = parse_text(raw, "a", "a.md")

    assert (article.title, article.text) == (title, text)


def test_markdown_is_chosen_by_suffix_or_flag():
    raw = "# Troops\n\n**Russia** moved."

    assert parse_text(raw, "a", "a.md").text == "Troops\nRussia moved."
    assert parse_text(raw, "a", "a.txt").text == raw.replace("\n\n", "\n")
    assert parse_text(raw, "a", "<stdin>", markdown=True).text == "Troops\nRussia moved."


# --- JSONL -------------------------------------------------------------------------------


def test_jsonl_fields_and_metadata(tmp_path):
    path = write(
        tmp_path / "feed.jsonl",
        jsonl(
            {"id": "r1", "title": "Troops in Kursk", "date": "2017-12-31T23:10:00Z", "url": "https://x.org/1",
             "text": "Russia moved troops.\n\nUkraine answered.", "section": "worldnews", "tags": ["army"]},
            {"headline": "Alias fields", "date": "December 31, 2017", "body": "Body text."},
            {"content": "Content text.", "date": "last Tuesday"},
        ),
    )

    first, second, third = read_articles([path])

    assert first == Article(
        doc_id="r1", text="Russia moved troops.\nUkraine answered.", title="Troops in Kursk",
        date="2017-12-31", url="https://x.org/1", origin=f"{path}:1",
    )
    assert first.metadata == {"section": "worldnews", "tags": ["army"]}
    assert (second.doc_id, second.title, second.date, second.text) == ("feed-2", "Alias fields", "2017-12-31", "Body text.")
    assert (third.doc_id, third.date, third.metadata) == ("feed-3", None, {"raw_date": "last Tuesday"})


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2017-12-31", "2017-12-31"),
        ("2017-12-31T23:10:00+02:00", "2017-12-31"),
        ("2017-12-31 23:10:00", "2017-12-31"),
        ("December 31, 2017", "2017-12-31"),
        ("December 31, 2017 ", "2017-12-31"),  # as in the ISOT corpus
        ("Dec 31, 2017", "2017-12-31"),
        ("31 December 2017", "2017-12-31"),
        ("2017-02-30", None),
        ("last Tuesday", None),
        (20171231, None),
    ],
)
def test_normalise_date(value, iso):
    assert normalise_date(value) == iso


def test_jsonl_gz_streams(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(jsonl({"id": "a", "text": "One."}, "", {"text": "Two."}))

    assert [(a.doc_id, a.origin) for a in read_articles([path])] == [("a", f"{path}:1"), ("feed-3", f"{path}:3")]


@pytest.mark.skipif(not REUTERS.exists(), reason="../shared/corpora is not checked out next to the repository")
def test_reuters_corpus_first_articles():
    first, second = islice(read_articles([REUTERS]), 2)

    assert first.doc_id == "reuters-000001"
    assert first.date == "2016-01-13"
    assert first.text.startswith("SEOUL (Reuters) - South Korea warned North Korea")
    assert first.metadata == {"section": "politicsNews", "source": "Reuters"}
    assert second.origin == f"{REUTERS}:2"


# --- stdin -------------------------------------------------------------------------------


def test_stdin_plain_text():
    stdin = io.StringIO("date 2024-10-31 Breaking\nTroops in Kursk\nRussia moved troops.\n")

    [article] = read_articles(["-"], stdin=stdin)

    assert (article.doc_id, article.origin, article.title, article.date) == (content_id(article.text), "<stdin>", "Troops in Kursk", "2024-10-31")
    assert article.doc_id.startswith("stdin-") and len(article.doc_id) == len("stdin-") + 12


def test_stdin_jsonl_is_detected_by_its_first_character():
    stdin = io.StringIO("\n" + jsonl({"id": "a", "text": "One."}, "not json", {"text": "Three."}))

    items = list(read_articles(["-"], stdin=stdin))

    assert [type(item).__name__ for item in items] == ["Article", "Skipped", "Article"]
    assert str(items[1]).startswith("<stdin>:3: invalid JSON")
    assert (items[2].doc_id, items[2].origin) == (content_id("Three."), "<stdin>:4")


def test_empty_stdin_is_skipped():
    [item] = read_articles(["-"], stdin=io.StringIO("  \n\n"))

    assert str(item) == "<stdin>: empty input on stdin; pipe an article or JSONL lines into it"


# --- files and directories ---------------------------------------------------------------


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    news = tmp_path / "news"
    for name in ["b.txt", "a/z.md", "a/b/c.txt", "a.txt", "c.jsonl", "notes.csv", ".hidden.txt", ".git/x.txt", "d/README"]:
        write(news / name, jsonl({"id": name, "text": "Text."}) if name.endswith(".jsonl") else "Text.")

    origins = [a.origin for a in read_articles([news])]

    # Paths compare component by component, so the folder a/ comes before a.txt;
    # hidden entries and unknown suffixes inside directories are ignored.
    assert [Path(o).relative_to(news).as_posix() for o in origins] == ["a/b/c.txt", "a/z.md", "a.txt", "b.txt", "c.jsonl:1"]


def test_explicit_file_with_another_suffix_is_read_as_text(tmp_path):
    path = write(tmp_path / "notes.csv", "Russia moved troops.")

    [article] = read_articles([path])

    assert (article.doc_id, article.text) == ("notes", "Russia moved troops.")


def test_clashing_stems_get_path_slugs(tmp_path):
    write(tmp_path / "news/a/report.txt", "One.")
    write(tmp_path / "news/b/report.md", "Two.")
    write(tmp_path / "news/other.txt", "Three.")

    assert [a.doc_id for a in read_articles([tmp_path / "news"])] == ["a-report", "b-report", "other"]


def test_a_file_named_twice_is_read_once(tmp_path):
    path = write(tmp_path / "news/a.txt", "One.")

    assert [a.doc_id for a in read_articles([tmp_path / "news", path])] == ["a"]


def test_supported_suffixes():
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".markdown", ".jsonl", ".jsonl.gz"}


def test_articles_are_read_lazily(tmp_path):
    first = write(tmp_path / "a.txt", "One.")
    second = write(tmp_path / "b.txt", "Two.")
    items = read_articles([first, second])

    assert next(items).doc_id == "a"
    second.unlink()  # not read yet: the generator reads one file at a time
    assert str(next(items)) == f"{second}: no such file or directory; check the path"


# --- bad input: a Skipped naming the file, and the good articles still come --------------


def make_bad_inputs(tmp_path: Path) -> dict[str, Path]:
    return {
        "missing": tmp_path / "missing.txt",
        "empty dir": (tmp_path / "empty").mkdir() or tmp_path / "empty",
        "latin-1": write(tmp_path / "latin1.txt", "Troops moved.\nPr\xe9sident Macron spoke.".encode("latin-1")),
        "binary": write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        "empty article": write(tmp_path / "blank.txt", "date 2024-10-31 Kicker\n\n  \n"),
        "utf-16": write(tmp_path / "utf16.txt", "Troops moved.".encode("utf-16")),
        "empty JSONL": write(tmp_path / "empty.jsonl", "\n\n"),
        "corrupt gzip": write(tmp_path / "corrupt.jsonl.gz", b"\x1f\x8b not really gzip"),
    }


@pytest.mark.parametrize(
    "case, reason",
    [
        ("missing", "missing.txt: no such file or directory; check the path"),
        ("empty dir", "empty: no supported files in directory (looked for .txt, .md, .markdown, .jsonl, .jsonl.gz)"),
        ("latin-1", "latin1.txt: not valid UTF-8: byte 0xe9 at byte offset 16 (line 2); re-encode the file as UTF-8, e.g. iconv -f latin1 -t utf-8"),
        ("binary", "image.txt: binary file (NUL byte at offset 8)"),
        ("empty article", "blank.txt: empty article: no text (a date line alone is not an article)"),
        ("utf-16", "utf16.txt: UTF-16 text, expected UTF-8; re-encode it, e.g. iconv -f utf-16 -t utf-8"),
        ("empty JSONL", "empty.jsonl: empty file: no JSON lines"),
        ("corrupt gzip", "corrupt.jsonl.gz:1: cannot read it (Not a gzipped file"),
    ],
)
def test_bad_input_is_skipped_and_the_run_goes_on(tmp_path, case, reason):
    good = write(tmp_path / "good.txt", "Russia moved troops.")
    later = write(tmp_path / "later.txt", "Ukraine answered.")

    items = list(read_articles([good, make_bad_inputs(tmp_path)[case], later]))

    assert [type(item).__name__ for item in items] == ["Article", "Skipped", "Article"]
    assert reason in str(items[1])
    assert str(items[1]).startswith(str(tmp_path))


def test_permission_denied_is_skipped(tmp_path, monkeypatch):
    good = write(tmp_path / "good.txt", "Russia moved troops.")
    locked = write(tmp_path / "locked.txt", "Secret.")
    real_open = builtins.open

    def deny_locked(file, *args, **kwargs):
        if Path(file) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    # Simulated: chmod does not stop root, which CI containers run as.
    monkeypatch.setattr(builtins, "open", deny_locked)
    items = list(read_articles([locked, good]))

    assert str(items[0]) == f"{locked}: permission denied; make it readable (chmod u+r) or leave it out"
    assert items[1].doc_id == "good"


@pytest.mark.parametrize(
    "line, reason",
    [
        ('{"id": "x", "text": "unterminated}', "invalid JSON: Unterminated string starting at (column 21); each line must be one JSON object"),
        ('["a", "list"]', "expected a JSON object, got an array; each line must be one JSON object"),
        ('{"id": "x", "title": "No body"}', "no text: expected a 'text', 'body' or 'content' field with the article body"),
        ('{"id": "x", "text": "  \\n "}', "empty article: 'text' is blank"),
        ('{"id": "x", "text": ["a"]}', "'text' is an array; expected a string"),
    ],
)
def test_malformed_jsonl_line_is_skipped_and_later_lines_are_read(tmp_path, line, reason):
    path = write(tmp_path / "feed.jsonl", jsonl({"id": "a", "text": "One."}, line, "", {"id": "c", "text": "Three."}))

    items = list(read_articles([path]))

    assert [getattr(item, "doc_id", None) for item in items] == ["a", None, "c"]
    assert str(items[1]) == f"{path}:2: {reason}"


def test_undecodable_jsonl_line_names_line_and_offset(tmp_path):
    good = json.dumps({"id": "a", "text": "One."}).encode() + b"\n"
    bad = b'{"id": "b", "text": "Pr\xe9sident."}\n'
    path = write(tmp_path / "feed.jsonl", good + bad + good.replace(b'"a"', b'"c"'))

    items = list(read_articles([path]))

    assert [getattr(item, "doc_id", None) for item in items] == ["a", None, "c"]
    offset = len(good) + bad.index(b"\xe9")
    assert str(items[1]).startswith(f"{path}:2: not valid UTF-8: byte 0xe9 at byte offset {offset} (line 2)")


def test_truncated_gzip_keeps_the_lines_before_the_damage(tmp_path):
    data = gzip.compress(jsonl(*({"id": f"r{n}", "text": "Text. " * 50} for n in range(200))).encode())
    path = write(tmp_path / "feed.jsonl.gz", data[: len(data) // 2])

    items = list(read_articles([path]))

    assert len(articles(items)) > 0
    [damage] = skipped(items)
    assert damage is items[-1]
    assert f"{path}:{len(articles(items)) + 1}: cannot read past line" in str(damage)
    assert "truncated or corrupt" in damage.reason
