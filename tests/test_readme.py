"""Every command in README.md is run here, in the order a reader meets them, against the demo output.

The README's ```sh lines and ```console commands run in one working directory that holds a copy of
examples/ and of the demo output as outputs/, plus small inputs for the names the examples use
(news.jsonl.gz, day1.jsonl.gz, day2.jsonl.gz). `graphkit` and `.venv/bin/graphkit` run the command
line in-process with the session's loaded model; ```console output must match what the program
prints (elapsed times aside); ```python blocks run as they are. A command that cannot run here
(it needs the network, a cluster or is this test suite) is listed in NOT_RUN with the test that
covers it instead, so a new README command is run or explained, never left out silently.
(The ```sparql queries run in tests/test_query.py.)
"""

from __future__ import annotations

import gzip
import json
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field

import click
import pytest
from typer.testing import CliRunner

import graphkit.pipeline
from graphkit.cli import app
from graphkit.nlp import DEFAULT_MODEL

import helpers

README = helpers.REPO / "README.md"
FENCE = re.compile(r"^```(sh|console|python)\n(.*?)^```", re.S | re.M)
GRAPHKIT = ("graphkit", ".venv/bin/graphkit")

# command prefix -> why it does not run here, and what covers it instead
NOT_RUN = {
    "make demo": "tests/test_outputs.py rebuilds the demo and compares it with outputs/",
    "make test": "this test suite",
    "git clone": "needs the network; the tests run in a clone",
    "python3 -m venv": "test_pip_install_from_the_clone installs the clone with pip",
    ".venv/bin/pip install .": "test_pip_install_from_the_clone",
    "pip install": "installs extras from the network; the test extras include them",
    ".venv/bin/python -m spacy download": "needs the network; test_a_missing_spacy_model_is_downloaded_the_spacy_way "
                                          "checks the hint",
    "dask scheduler": "a cluster; tests/test_engines.py runs the dask engine on a local cluster",
    "dask worker": "a cluster; tests/test_engines.py",
}
NOT_RUN_OPTIONS = {
    "--model en_core_web_trf": "needs the downloaded model",
    "--engine dask": "starts a Dask cluster; tests/test_engines.py runs the dask engine",
}


@dataclass
class Example:
    kind: str  # "sh", "console" or "python"
    text: str  # the command or the code
    line: int  # where it is in README.md
    expected: list[str] = field(default_factory=list)  # console output

    @property
    def id(self) -> str:
        return f"README.md:{self.line} {self.text.splitlines()[0][:60]}"


def readme_examples() -> list[Example]:
    readme = README.read_text(encoding="utf-8")
    examples = []
    for match in FENCE.finditer(readme):
        kind, body = match.groups()
        first = readme.count("\n", 0, match.start()) + 2
        if kind == "python":
            examples.append(Example(kind, body, first))
            continue
        for offset, line in enumerate(body.splitlines()):
            if kind == "console":
                if line.startswith("$ "):
                    examples.append(Example(kind, line[2:], first + offset))
                elif examples and examples[-1].kind == "console":
                    examples[-1].expected.append(line)
            elif line.strip() and not line.lstrip().startswith("#"):
                examples.append(Example(kind, re.sub(r"\s+#.*$", "", line).strip(), first + offset))
    return examples


def why_not_run(command: str) -> str | None:
    for prefix, reason in NOT_RUN.items():
        if command.startswith(prefix):
            return reason
    return next((reason for option, reason in NOT_RUN_OPTIONS.items() if option in command), None)


EXAMPLES = readme_examples()


@pytest.fixture(scope="module")
def reader(demo_dir, tmp_path_factory):
    """The directory a reader works in: examples/, the demo output as outputs/, and a few inputs."""
    home = tmp_path_factory.mktemp("reader")
    shutil.copytree(helpers.REPO / "examples", home / "examples")
    shutil.copytree(demo_dir, home / "outputs")
    wire = (helpers.REPO / "examples" / "2023-wire-digest.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    for name, lines in {"news": wire, "day1": wire[:2], "day2": wire[2:]}.items():
        with gzip.open(home / f"{name}.jsonl.gz", "wt", encoding="utf-8") as handle:
            handle.writelines(lines)
    loaded = helpers.extractor()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(home)
        patch.setattr(graphkit.pipeline, "Extractor", lambda model=DEFAULT_MODEL, actor_files=(): loaded)
        yield home


def run_graphkit(command: str):
    words = shlex.split(command)
    target = None
    if ">" in words:
        at = words.index(">")
        words, target = words[:at], words[at + 1]
    assert words[0] in GRAPHKIT, command
    if "--jobs" in words:
        # Worker processes fork this process: after the browser's threads (view -o *.png), a fork
        # inside pytest can hang, so this command runs in a process of its own, as typed.
        result = subprocess.run([sys.executable, "-m", "graphkit", *words[1:]], capture_output=True, text=True, timeout=600)
        result.exit_code, result.output = result.returncode, result.stdout + result.stderr
    else:
        result = CliRunner().invoke(app, words[1:])
    if target:
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(result.stdout)
    return result


def normalise(lines: list[str]) -> list[str]:
    """Elapsed times vary, and so does the padding around them."""
    return [" ".join(re.sub(r"\d+\.\d s\b", "N s", line).split()) for line in lines]


def test_the_readme_has_commands_of_each_kind():
    kinds = {example.kind for example in EXAMPLES}
    assert kinds == {"sh", "console", "python"}
    run = [example for example in EXAMPLES if not why_not_run(example.text)]
    assert len(run) >= 15


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.id for example in EXAMPLES])
def test_readme_example(reader, example):
    reason = why_not_run(example.text)
    if reason:
        pytest.skip(f"not run here: {reason}")
    if example.kind == "python":
        if "import pandas" in example.text:
            pytest.importorskip("pandas", reason="pandas is not a dependency; the README says to install it")
        if "GraphStore" in example.text:
            pytest.importorskip("pyoxigraph", reason="the on-disk store needs the store extra: pip install -e '.[store]'")
        exec(compile(example.text, example.id, "exec"), {"__name__": "__readme__"})
        return
    words = shlex.split(example.text)
    if words[0] == "source":
        return  # changes the reader's PATH; graphkit is run in-process here
    if any(word.endswith(".png") for word in words):
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            pytest.skip("PNG output needs Chromium")
        pytest.importorskip("playwright", reason="PNG output needs the png extra: pip install -e '.[png]'")
    if "oxigraph" in words:
        pytest.importorskip("pyoxigraph", reason="--store oxigraph needs the store extra: pip install -e '.[store]'")
    result = run_graphkit(example.text)
    assert result.exit_code == 0, f"{example.id}\n{result.output}"
    assert "Traceback" not in result.output
    if example.expected:
        shown = normalise(click.unstyle(result.stdout).splitlines())
        want = normalise(example.expected)
        if want[-1] == "...":
            want, shown = want[:-1], shown[:len(want) - 1]
        assert shown == want, f"{example.id}: README shows\n" + "\n".join(want) + "\nthe program prints\n" + "\n".join(shown)


def test_every_readme_view_example_names_an_actor_in_the_demo(demo_dir):
    from graphkit.load import read_graph
    from graphkit.view import select_view

    G = read_graph(demo_dir)
    for example in EXAMPLES:
        words = shlex.split(example.text)
        if "view" in words and "--actor" in words:
            select_view(G, actor=words[words.index("--actor") + 1])  # raises ViewError for an unknown actor


def test_pip_install_from_the_clone(tmp_path):
    """`pip install .` (getting started) gives the graphkit-news distribution, its command and data."""
    target = tmp_path / "site"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                              "--target", str(target), str(helpers.REPO)], capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr
    [info] = target.glob("graphkit_news-*.dist-info")
    assert "graphkit = graphkit.cli:main" in (info / "entry_points.txt").read_text(encoding="utf-8")
    check = ("import graphkit, graphkit.cli, graphkit.resources, json; from importlib.resources import files; "
             "print(json.dumps([graphkit.__file__, sorted(p.name for p in files('graphkit.ontologies').iterdir())]))")
    shown = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, env={"PYTHONPATH": str(target)},
                           cwd=tmp_path, timeout=120)
    assert shown.returncode == 0, shown.stderr
    where, data = json.loads(shown.stdout)
    assert where.startswith(str(target)) and "relations.yaml" in data
    version = subprocess.run([sys.executable, "-m", "graphkit", "--version"], capture_output=True, text=True,
                             env={"PYTHONPATH": str(target)}, cwd=tmp_path, timeout=120)
    assert version.stdout.startswith("graphkit ") and "(graphkit-news)" in version.stdout, version.stderr


def test_the_skip_messages_in_the_readme_are_what_the_program_prints(tmp_path, monkeypatch):
    """README, "Bad input": the two sample lines, from inputs made to match them."""
    readme = README.read_text(encoding="utf-8")
    shown = [line for line in readme.splitlines() if re.match(r"skipped \S+: ", line)]
    assert len(shown) == 2
    monkeypatch.chdir(tmp_path)
    helpers.write(tmp_path / "notes" / "latin1.txt", b"date 2024-03-01\nLe caf\xe9 de Paris\nRussia condemned Ukraine.\n")
    lines = [json.dumps({"id": f"f{n}", "text": "France condemned Iran."}) for n in range(1, 7)]
    helpers.write(tmp_path / "feed.jsonl", "\n".join([*lines, '{"id": "f7", "title": "Talks" "text": "China met Russia."}']) + "\n")
    loaded = helpers.extractor()
    monkeypatch.setattr(graphkit.pipeline, "Extractor", lambda model=DEFAULT_MODEL, actor_files=(): loaded)

    result = CliRunner().invoke(app, ["extract", "notes/", "feed.jsonl", "--quiet"])

    assert result.exit_code == 2, (result.output, result.exception)
    assert click.unstyle(result.stderr).splitlines() == shown
