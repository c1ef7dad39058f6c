"""Shared pytest fixtures."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# ---------------------------------------------------------------------------
# Browser fixtures (owner: HTML exporter, tests/test_browser.py).
# `browser`: one headless system Chromium per session, driven by Playwright.
# `offline_page`: a fresh page whose every non-file:// request is aborted and
# recorded, with console errors, page errors and dialogs collected.
# Missing Chromium or Playwright skips these tests, except under CI=true where
# it fails. GRAPHKIT_CHROMIUM overrides the Chromium path.
# Other fixtures go outside this block.
# ---------------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def _browser_unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


def _chromium_path() -> str | None:
    override = os.environ.get("GRAPHKIT_CHROMIUM")
    if override:
        return override if Path(override).is_file() else None
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return found or ("/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _browser_unavailable("playwright not installed: pip install -e '.[test]'")
    path = _chromium_path()
    if path is None:
        where = os.environ.get("GRAPHKIT_CHROMIUM")
        _browser_unavailable(f"chromium not found at GRAPHKIT_CHROMIUM={where}" if where
                             else "chromium not found: apt-get install chromium (or set GRAPHKIT_CHROMIUM)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class OfflinePage:
    """A Playwright page with the network cut off and everything suspicious recorded."""

    def __init__(self, context):
        self.context = context
        self.page = context.new_page()
        self.blocked: list[str] = []  # non-local requests, all aborted
        self.requests: list[str] = []  # every request the page made
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []
        context.route("**/*", self._route)
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.on("dialog", self._dialog)

    def _route(self, route) -> None:
        if route.request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def external_requests(self) -> list[str]:
        made = [url for url in self.requests if not url.startswith(LOCAL_SCHEMES)]
        return list(dict.fromkeys(self.blocked + made))


@pytest.fixture
def offline_page(browser, tmp_path):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    offline = OfflinePage(context)
    yield offline
    if not offline.page.is_closed():
        offline.page.screenshot(path=str(tmp_path / "page.png"))
    context.close()

# ---------------------------------------------------------------------------
# End of browser fixtures.
# ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory):
    """Every output file of the examples/ graph, written once per session; read it, don't change it."""
    from graphkit.pipeline import write_outputs

    from demo_graph import demo_graph

    directory = tmp_path_factory.mktemp("demo")
    write_outputs(demo_graph(), directory)
    return directory


# ---------------------------------------------------------------------------
# Command-line fixtures (tests/test_cli.py, tests/test_reliability.py).
# ---------------------------------------------------------------------------

@pytest.fixture
def loaded_model(monkeypatch):
    """Hand the CLI the session's loaded pipeline, so the model loads once; other models load for real."""
    import graphkit.pipeline
    from graphkit.nlp import DEFAULT_MODEL

    import helpers

    loaded, real = helpers.extractor(), graphkit.pipeline.Extractor

    def extractor(model=DEFAULT_MODEL, actor_files=()):
        return loaded if model == DEFAULT_MODEL and not actor_files else real(model, actor_files)

    monkeypatch.setattr(graphkit.pipeline, "Extractor", extractor)


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """Run in tmp_path, with good.txt holding helpers.BLINKEN, so the paths in messages are the
    short ones given on the command line."""
    from helpers import BLINKEN, write

    monkeypatch.chdir(tmp_path)
    write(tmp_path / "good.txt", BLINKEN)
    return tmp_path
