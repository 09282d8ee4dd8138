"""Screenshots of the committed sample report, as a reader sees it, for the README and for review.

    python reports/screenshots.py    # needs Chromium (scripts/install-chromium.sh) and the test extras

Writes reports/screenshot-*.png: the top of the page (positions first), a topic side by side in dark mode,
the page on a phone, the timeline of the samples (its heat map, and the return topic's history), the December
agenda against its verslag, and the commitments register.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "reports" / "jbz-2025-07-10_jbz-2025-10-02.html"


def main() -> int:
    import sys

    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from tests.chromium import FLAGS, chromium_path

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=FLAGS)

        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(REPORT.as_uri())
        page.screenshot(path=ROOT / "reports" / "screenshot-positions.png")

        dark = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="dark")
        dark.goto(REPORT.as_uri())
        dark.get_by_label("Naast elkaar").check()
        dark.locator("#t-item-terugkeerverordening").scroll_into_view_if_needed()
        dark.evaluate("() => document.getElementById('t-item-terugkeerverordening').scrollIntoView()")
        dark.screenshot(path=ROOT / "reports" / "screenshot-side-by-side-dark.png")

        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        phone.goto(REPORT.as_uri())
        phone.evaluate("() => document.getElementById('positions').scrollIntoView()")
        phone.screenshot(path=ROOT / "reports" / "screenshot-phone.png")
        phone.keyboard.press("n")
        phone.screenshot(path=ROOT / "reports" / "screenshot-phone-change.png")

        timeline = browser.new_page(viewport={"width": 1280, "height": 1100})
        timeline.goto((ROOT / "reports" / "timeline.html").as_uri())
        timeline.screenshot(path=ROOT / "reports" / "screenshot-timeline.png")
        timeline.goto((ROOT / "reports" / "timeline.html").as_uri() + "#th-terugkeerverordening-5")
        timeline.evaluate("() => document.querySelector('#th-terugkeerverordening .aged').scrollIntoView()")
        timeline.evaluate("() => window.scrollBy(0, -420)")
        timeline.screenshot(path=ROOT / "reports" / "screenshot-timeline-history.png")

        follow = browser.new_page(viewport={"width": 1280, "height": 1000})
        follow.goto((ROOT / "reports" / "outcome-2025-12-12.html").as_uri())
        follow.screenshot(path=ROOT / "reports" / "screenshot-outcome.png")
        follow.goto((ROOT / "reports" / "commitments.html").as_uri())
        follow.screenshot(path=ROOT / "reports" / "screenshot-commitments.png")
        browser.close()
    names = ("positions", "side-by-side-dark", "phone", "phone-change", "timeline", "timeline-history", "outcome", "commitments")
    for name in names:
        print(f"wrote reports/screenshot-{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
