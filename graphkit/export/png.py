"""Render the explorer page to a PNG in headless Chromium (the system browser, driven by Playwright)."""

from __future__ import annotations

import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import networkx as nx

from .html import write_html

SYSTEM_CHROMIUM = Path("/usr/bin/chromium")  # Debian's package
VIEWPORT = {"width": 1600, "height": 1000}
READY = "body[data-ready='true']"  # set by explorer.js once the graph has been drawn
EXPORT_VIEW = "graphkit.exportView()"  # hides the side panels and fits the graph to the whole page
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


class RenderError(RuntimeError):
    """The page could not be rendered; the message says what to install or change."""


def chromium_path() -> str:
    """The Chromium to drive: $GRAPHKIT_CHROMIUM, else `chromium` on PATH, else /usr/bin/chromium."""
    override = os.environ.get("GRAPHKIT_CHROMIUM")
    if override:
        if Path(override).is_file():
            return override
        raise RenderError(f"GRAPHKIT_CHROMIUM={override} is not a file; point it at a Chromium executable")
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found or SYSTEM_CHROMIUM.is_file():
        return found or str(SYSTEM_CHROMIUM)
    raise RenderError("PNG output needs Chromium, which is not installed: apt-get install chromium "
                      "(or set GRAPHKIT_CHROMIUM to a Chromium executable)")


def write_png(G: nx.MultiDiGraph, path: str | os.PathLike, title: str = "graphkit", left_out: int = 0,
              timeout_s: float = 300) -> Path:
    """Write a picture of the graph as the explorer first shows it, without its side panels; return its path.

    >>> write_png(G, "graph.png")  # doctest: +SKIP
    PosixPath('graph.png')
    """
    with tempfile.TemporaryDirectory(prefix="graphkit-png-") as scratch:
        page = write_html(G, Path(scratch) / "graph.html", title=title, left_out=left_out)
        return screenshot(page, path, timeout_s)


def screenshot(page: str | os.PathLike, path: str | os.PathLike, timeout_s: float = 300) -> Path:
    """Open an explorer page with the network cut off and save what it shows as PNG.

    Playwright's sync API refuses to run in a thread with an asyncio loop (a Jupyter kernel,
    or another Playwright session), so the browser is driven from a thread of its own.
    """
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(_screenshot, page, path, timeout_s).result()


def _screenshot(page: str | os.PathLike, path: str | os.PathLike, timeout_s: float) -> Path:
    try:
        from playwright.sync_api import Error as PlaywrightError, sync_playwright
    except ImportError:
        raise RenderError("PNG output needs the playwright package: pip install 'graphkit-news[png]'") from None
    executable = chromium_path()
    out = Path(path)
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        except PlaywrightError as error:
            raise RenderError(f"cannot start Chromium at {executable}: {str(error).splitlines()[0]}; "
                              "reinstall it (apt-get install chromium) or set GRAPHKIT_CHROMIUM") from None
        try:
            context = browser.new_context(viewport=VIEWPORT)
            context.route("**/*", _local_only)
            tab = context.new_page()
            tab.goto(Path(page).resolve().as_uri())
            tab.wait_for_selector(READY, state="attached", timeout=timeout_s * 1000)
            tab.evaluate(EXPORT_VIEW)
            tab.screenshot(path=str(out))
        except PlaywrightError as error:
            raise RenderError(f"rendering {page} failed: {str(error).splitlines()[0]}") from None
        finally:
            browser.close()
    return out


def _local_only(route) -> None:
    if route.request.url.startswith(LOCAL_SCHEMES):
        route.continue_()
    else:
        route.abort()
