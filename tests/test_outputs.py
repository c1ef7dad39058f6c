"""The committed outputs/ is what `graphkit build examples/ -o outputs/` (make demo) writes today.

Files are compared byte for byte. The only thing allowed to differ between two runs is the
provenance timestamp (`generated_at`, in Turtle the `prov:startedAtTime` literal): lines that
contain the run's timestamp are left out of the comparison, and nothing else.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import graphkit.pipeline
from graphkit.cli import app
from graphkit.nlp import DEFAULT_MODEL
from graphkit.pipeline import OUTPUT_FILES

import helpers

REPO = helpers.REPO
OUTPUTS = REPO / "outputs"
STARTED_AT = re.compile(r'prov:startedAtTime "([^"]+)"')
# Two runs at different times; same clock otherwise.
EARLIER, LATER = "2001-02-03T04:05:06+00:00", "2002-03-04T05:06:07+00:00"


def generated_at(directory: Path) -> str:
    """The run's timestamp, read from the Turtle file's prov:startedAtTime."""
    [stamp] = STARTED_AT.findall((directory / "graph.ttl").read_text(encoding="utf-8"))
    return stamp


def without_timestamp(path: Path, stamp: str) -> list[str]:
    """The file's lines, less the (at most one) line carrying the run's timestamp."""
    lines = path.read_bytes().decode("utf-8").splitlines(keepends=True)
    kept = [line for line in lines if stamp not in line]
    assert len(lines) - len(kept) <= 1, f"{path.name}: the timestamp {stamp} is on {len(lines) - len(kept)} lines"
    return kept


def assert_same_apart_from_timestamp(expected: Path, actual: Path, hint: str) -> None:
    want = without_timestamp(expected, generated_at(expected.parent))
    got = without_timestamp(actual, generated_at(actual.parent))
    if want != got:
        diff = list(difflib.unified_diff(want, got, str(expected), str(actual), n=0))
        changed = sum(1 for line in diff if line.startswith("-") and not line.startswith("---"))
        pytest.fail(f"{actual.name}: {changed} line(s) differ from {expected} beyond the timestamp; {hint}\n"
                    + "".join(diff[:12]), pytrace=False)


@pytest.fixture(scope="module")
def demo_build(tmp_path_factory) -> Path:
    """`graphkit build examples/ -o <tmp>`, run from the repository root like `make demo`."""
    out = tmp_path_factory.mktemp("demo")
    loaded = helpers.extractor()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        patch.setattr(graphkit.pipeline, "Extractor", lambda model=DEFAULT_MODEL, actor_files=(): loaded)
        result = CliRunner().invoke(app, ["build", "examples/", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory) -> tuple[Path, Path]:
    """The examples built twice, at two different times."""
    runs = []
    for stamp in (EARLIER, LATER):
        kg = graphkit.pipeline.build([REPO / "examples"], extractor=helpers.extractor())
        kg.graph.graph["generated_at"] = stamp
        runs.append(kg.write(tmp_path_factory.mktemp("run"))["graph.ttl"].parent)
    return runs[0], runs[1]


@pytest.mark.parametrize("name", OUTPUT_FILES)
def test_committed_outputs_match_a_fresh_build(demo_build, name):
    committed = OUTPUTS / name
    if not committed.is_file():
        pytest.fail(f"{committed} is missing: run `make demo` (graphkit build examples/ -o outputs/) and commit outputs/",
                    pytrace=False)
    assert_same_apart_from_timestamp(committed, demo_build / name, "run `make demo` and commit outputs/")


@pytest.mark.parametrize("name", OUTPUT_FILES)
def test_two_builds_differ_only_in_the_timestamp(two_runs, name):
    earlier, later = two_runs
    assert (generated_at(earlier), generated_at(later)) == (EARLIER, LATER)
    assert_same_apart_from_timestamp(earlier / name, later / name, "a build must be reproducible")


def test_the_timestamp_is_in_every_format_that_keeps_provenance(two_runs):
    earlier, _ = two_runs
    carrying = {name for name in OUTPUT_FILES if EARLIER in (earlier / name).read_text(encoding="utf-8")}
    assert {"graph.ttl", "graph.jsonld", "graph.graphml"} <= carrying
