"""The review page in a real browser: Playwright drives Debian's Chromium, headless.

Skipped when the playwright package or /usr/bin/chromium is missing (``.ci/run``
installs both). The page is served by ``checker.web`` on a free local port;
the test pastes a draft, submits it and looks for the highlighted conflicts,
then checks that a ``<script>`` in the draft stayed text and never ran.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLES

from checker.record import record_paths
from checker.web import make_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

DRAFT = """---
id: desk-draft
outlet: Our Desk
title: Soldiers killed in Idlib strike
---
An air strike in Idlib killed 29 Turkish soldiers on Thursday, officials in Ankara said.
Witnesses shouted <script>document.title = "ran"</script> as the corridor, twelve kilometres wide, was announced.
"""


@pytest.fixture
def page_url(tmp_path: Path) -> Iterator[str]:
    folder = tmp_path / "claims"
    record_paths([str(EXAMPLES / f"r{i}.md") for i in (1, 3, 5)], folder)
    server = make_server([str(folder)], port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_browser_submits_a_draft_and_sees_the_conflicts(page_url: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(page_url)
            page.fill("textarea[name=draft]", DRAFT)
            page.fill("input[name=published]", "2020-02-28")
            page.click("button[type=submit]")
            page.wait_for_selector("mark.conflict")
            marked = page.locator("mark.conflict").all_inner_texts()
            assert "29 Turkish soldiers" in marked
            assert page.locator("aside section.conflict").count() >= 2
            assert "Harbour Gazette" in page.locator("aside").inner_text()
            # the draft's script is shown as text and did not run
            assert '<script>document.title = "ran"</script>' in page.locator("article.draft").inner_text()
            assert page.title() != "ran"
            assert page.locator("article.draft script").count() == 0
            # the same draft uploaded as a file instead of pasted
            page.goto(page_url)
            page.set_input_files("input[name=upload]", files=[
                {"name": "draft.md", "mimeType": "text/markdown", "buffer": DRAFT.encode("utf-8")}])
            page.fill("input[name=published]", "2020-02-28")
            page.click("button[type=submit]")
            page.wait_for_selector("mark.conflict")
            assert "29 Turkish soldiers" in page.locator("mark.conflict").all_inner_texts()
        finally:
            browser.close()
