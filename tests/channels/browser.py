"""What the browser tests share: Debian's Chromium, axe-core (npm, widget/node_modules) and the checks
a screen-reader or keyboard user depends on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
#: axe-core, pinned in widget/package.json (devDependencies) and installed by `make widget`.
AXE_SCRIPT = ROOT / "widget" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENS = ROOT / "var" / "results" / "screens"
PHONE = {"width": 375, "height": 740}
SMALLEST_PHONE = {"width": 320, "height": 568}
DESKTOP = {"width": 1280, "height": 800}
#: 1280×800 at 200% zoom: the page gets half the CSS pixels.
DESKTOP_ZOOMED_200 = {"width": 640, "height": 400}


@contextmanager
def chromium() -> Iterator[Browser]:
    """Headless Debian Chromium (no browser download: `make system-packages` installs it)."""
    assert CHROMIUM.exists(), "install Debian's chromium: make system-packages"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
        )
        try:
            yield browser
        finally:
            browser.close()


def wcag_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now, one line per rule and element.

    The script is evaluated through the DevTools protocol: the pages' Content-Security-Policy (no
    inline script) stays on while axe runs.
    """
    assert AXE_SCRIPT.exists(), "install axe-core: make widget"
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_21_AA,
    )
    return [
        f"{rule['id']} ({rule['impact']}): {node['target']} {node['failureSummary']}"
        for rule in result["violations"]
        for node in rule["nodes"]
    ]


def focused(page: Page) -> dict[str, str]:
    """What has the keyboard focus: its id, tag, accessible-ish text and outline."""
    return dict(
        page.evaluate(
            """() => {
              const e = document.activeElement;
              const style = getComputedStyle(e);
              return {id: e.id, tag: e.tagName.toLowerCase(), text: (e.innerText || e.value || '').trim(),
                      outline: style.outlineStyle, outlineWidth: style.outlineWidth};
            }"""
        )
    )


def small_targets(page: Page, selector: str) -> list[str]:
    """The visible elements matching `selector` that are smaller than 44×44 CSS pixels."""
    found = []
    for element in page.locator(selector).all():
        box = element.bounding_box()
        if box and (box["width"] < 44 or box["height"] < 44):
            found.append(f"{element.inner_text()!r} {box['width']:.0f}×{box['height']:.0f}")
    return found


def in_viewport(page: Page, selector: str) -> bool:
    """Whether the whole element is inside the first screen (no scrolling)."""
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    assert box and size
    return (
        box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= size["width"]
        and box["y"] + box["height"] <= size["height"]
    )


def scrolls_sideways(page: Page) -> bool:
    """Whether the page is wider than the window (content lost at 320px or 200% zoom)."""
    return bool(page.evaluate("document.documentElement.scrollWidth > window.innerWidth"))
