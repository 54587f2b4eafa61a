"""Fixtures for the browser tests: a live workbench, Debian's Chromium driven by Playwright, axe-core scans.

The workbench runs as a subprocess (``django-admin runserver`` on a free loopback port) with its own sqlite
database in a temporary folder, so the tests see exactly what ``make run`` serves, with no Django test
transaction or async/thread juggling in the test process. One server and one browser per session; each test
gets a fresh browser context (cookies, storage) and its own student id, so tests never share learner state.
"""
import html
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from xblock_layer.registry import block_names

ROOT = Path(__file__).resolve().parents[2]
# The README's screenshots are refreshed with `make screenshots` (UPDATE_SCREENSHOTS=1); ordinary runs write
# theirs to test-results/ (ignored by git) so a test run leaves the tree clean.
SCREENSHOTS = ROOT / ("docs/screenshots" if os.environ.get("UPDATE_SCREENSHOTS") == "1" else "test-results/screenshots")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
# Flags from the runtime notes: without the networking ones Chromium keeps trying hosts this machine cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SERVER_START_TIMEOUT = 90  # seconds; a cold start on 2 busy cores takes a few
DEFAULT_TIMEOUT_MS = 15_000
LOCALES = {"sv": "sv-SE", "en": "en-US"}


def pytest_collection_modifyitems(items):
    """Every test in this folder is a browser test (`-m "not browser"` skips them all)."""
    here = str(Path(__file__).parent)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.browser)


_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only, whatever the env says


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tail(path, lines=40):
    try:
        return "\n".join(Path(path).read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@pytest.fixture(scope="session")
def live_url(tmp_path_factory):
    """Base URL (no trailing slash) of a workbench started for this test session."""
    var_dir = tmp_path_factory.mktemp("workbench-var")
    env = dict(os.environ)
    env.update({
        "DJANGO_SETTINGS_MODULE": "devsite.settings",
        "WORKBENCH_VAR_DIR": str(var_dir),
        "EXCLUDE_SAMPLE_XBLOCKS": "yes",
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p),
        "PYTHONUNBUFFERED": "1",
        "DEVSITE_DEMO_BLOCKS": "1",  # the layer's demo block (test_layer_demo.py) gets a scenario too
    })
    env.pop("WORKBENCH_DATABASES", None)
    log_path = var_dir / "server.log"
    migrate = subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--run-syncdb", "--verbosity", "0"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    if migrate.returncode != 0:
        pytest.fail(f"workbench migrate failed:\n{migrate.stdout}\n{migrate.stderr}")
    port = _free_port()
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(  # pylint: disable=consider-using-with
            [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"workbench exited with {proc.returncode}:\n{_tail(log_path)}")
            try:
                with _NO_PROXY.open(url + "/", timeout=5) as resp:
                    # The workbench loads its scenarios on the first request; a request that arrives while
                    # they load (a first one that timed out here on busy cores) sees only part of them.
                    index = resp.read().decode("utf-8", "replace") if resp.status == 200 else ""
                    if all(f"/scenario/{name}.0/" in index for name in block_names()):
                        break
            except urllib.error.HTTPError as exc:  # up, but the home page fails: no point in waiting
                body = exc.read().decode("utf-8", "replace")
                why = re.search(r'<pre class="exception_value">(.*?)</pre>', body, re.S)
                pytest.fail(f"workbench home page answered {exc.code}: {html.unescape(why.group(1)) if why else ''}"
                            f"\n{_tail(log_path)}")
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"workbench did not answer on {url} within {SERVER_START_TIMEOUT} s:\n{_tail(log_path)}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium chromium-driver (.ci/run does this)")
    from playwright.sync_api import sync_playwright  # pylint: disable=import-outside-toplevel
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class PageWatch:
    """What a page did that a test may need to check: dialogs it opened and JavaScript errors it raised."""

    def __init__(self):
        self.dialogs = []
        self.errors = []
        self.allow_dialogs = False  # a test that expects a dialog sets this; otherwise any dialog fails it


def _watch(page):
    """Attach a PageWatch to ``page`` once: dialogs are recorded and dismissed, uncaught errors recorded."""
    if getattr(page, "watch", None) is None:
        page.watch = PageWatch()

        def on_dialog(dialog):
            page.watch.dialogs.append((dialog.type, dialog.message))
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("pageerror", lambda exc: page.watch.errors.append(str(exc)))
    return page


@pytest.fixture
def new_page(browser):
    """Factory: ``new_page(lang="sv")`` opens a page in a fresh context with that UI language;
    ``new_page(context=other.context)`` opens a second tab next to another page.

    Every page of the context, popups included, is watched: dialogs (alert/confirm/prompt) are recorded in
    ``page.watch.dialogs`` and dismissed, uncaught JavaScript errors in ``page.watch.errors``; either fails the
    test at teardown (unless ``page.watch.allow_dialogs`` is set). The block uses no native dialogs, so a
    dialog means injected script or a regression.
    """
    contexts, watched = [], []

    def attach(page):
        watched.append(_watch(page))

    def factory(lang="sv", context=None):
        if context is None:
            context = browser.new_context(
                locale=LOCALES[lang],
                timezone_id="Europe/Stockholm",
                extra_http_headers={"Accept-Language": f"{LOCALES[lang]},{lang};q=0.9"},
                viewport={"width": 1280, "height": 900},
                accept_downloads=True,
            )
            context.set_default_timeout(DEFAULT_TIMEOUT_MS)
            context.on("page", attach)  # popups (print view) and new tabs
            contexts.append(context)
        page = context.new_page()
        return _watch(page)

    yield factory
    errors = [error for page in watched for error in page.watch.errors]
    dialogs = [dialog for page in watched if not page.watch.allow_dialogs for dialog in page.watch.dialogs]
    for context in contexts:
        context.close()
    assert not errors, f"uncaught JavaScript errors: {errors}"
    assert not dialogs, f"unexpected dialogs (alert/confirm/prompt): {dialogs}"


@pytest.fixture
def page(new_page):
    """A Swedish page in a fresh context."""
    return new_page("sv")


@pytest.fixture
def student_id():
    """A student of its own for each test, so no test sees another's saved state."""
    return "bt-" + uuid.uuid4().hex[:12]


@pytest.fixture
def scenario_url(live_url, student_id):
    """``scenario_url("kravprofil")`` -> URL of that block's first workbench scenario for this test's student."""

    def build(block_type, number=0, student=None, view=""):
        view_part = f"{view}/" if view else ""
        return f"{live_url}/scenario/{block_type}.{number}/{view_part}?student={student or student_id}"

    return build


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` in the project root (.ci/run and make test do this)")
    return AXE_JS


@pytest.fixture
def axe_scan(axe_source):
    """``axe_scan(page, selector=None)`` -> list of serious/critical axe-core violations (empty when clean).

    Each item: ``{"id", "impact", "help", "nodes": [target selectors]}``, readable in an assertion message.
    """

    def scan(page, selector=None):
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=str(axe_source))
        result = page.evaluate(
            """async (selector) => {
                const context = selector ? {include: [selector]} : document;
                const res = await axe.run(context, {resultTypes: ['violations']});
                return res.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                  nodes: v.nodes.map(n => n.target.join(' '))}));
            }""",
            selector,
        )
        return [v for v in result if v["impact"] in ("serious", "critical")]

    return scan


@pytest.fixture
def shoot():
    """``shoot(locator, "name")`` saves SCREENSHOTS/name.png of that element (or page), with the workbench's
    fixed banner moved out of the way so it does not cover the block."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(target, name, full_page=False):
        page = getattr(target, "page", target)
        page.add_style_tag(content=".view-workbench .banner { position: static !important; }")
        path = SCREENSHOTS / f"{name}.png"
        if target is page:
            page.screenshot(path=str(path), full_page=full_page, animations="disabled")
        else:
            target.screenshot(path=str(path), animations="disabled")
        return path

    return take


def pretty(obj):
    """Readable JSON for assertion messages."""
    return json.dumps(obj, ensure_ascii=False, indent=1)
