"""Ctrl-C during a build leaves the output directory exactly as it was."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from graphkit.ingest import read_articles
from graphkit.models import Article
from graphkit.pipeline import write_outputs

import graph_fixtures
import helpers

# More than a pipe holds (64 KiB on Linux) plus what the reader buffers: once this much has
# been written, the build has read articles from stdin, so it is extracting.
READ_FOR_SURE = 256 * 1024


def jsonl_lines():
    """The examples, again and again, each time under new doc_ids."""
    articles = [item for item in read_articles([helpers.REPO / "examples"]) if isinstance(item, Article)]
    for copy in range(1000):
        for article in articles:
            record = {"id": f"{article.doc_id}-{copy}", "title": article.title, "date": article.date, "text": article.text}
            yield (json.dumps(record) + "\n").encode()


def feed(stdin, written: threading.Event) -> None:
    total = 0
    try:
        for line in jsonl_lines():
            stdin.write(line)
            total += len(line)
            if total >= READ_FOR_SURE:
                written.set()
    except (BrokenPipeError, ValueError):  # the build has exited; nothing more to feed
        pass
    finally:
        written.set()


def snapshot(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_while_extracting_leaves_the_previous_outputs_intact(tmp_path, jobs):
    out = tmp_path / "out"
    write_outputs(graph_fixtures.sample_graph(), out)
    before = snapshot(out)
    graphkit = Path(sys.executable).with_name("graphkit")
    # A session of its own, so the signal goes to the build and its workers, as Ctrl-C does.
    build = subprocess.Popen([graphkit, "build", "-", "-o", out, "--fresh", "--jobs", jobs], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    written = threading.Event()
    feeder = threading.Thread(target=feed, args=(build.stdin, written), daemon=True)
    feeder.start()
    assert written.wait(timeout=120), "the build never read its input"
    os.killpg(build.pid, signal.SIGINT)
    stdout, stderr = build.communicate(timeout=60)
    assert build.returncode == 130, stderr.decode()
    assert stderr.decode().strip().splitlines() == ["interrupted; outputs already written are left as they were"]
    assert snapshot(out) == before
