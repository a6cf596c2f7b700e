"""The search page as a person uses it: Debian's Chromium driven by Playwright.

These tests serve the demo-archive index with waitress on 127.0.0.1 and look at what is on the
screen (visible text, roles, labels), not at the markup. They never download a browser: without
Playwright or /usr/bin/chromium they skip with a reason. Screenshots of the main views land in
tests/artifacts/ (git-ignored) for a human to look at.
"""

from __future__ import annotations

import re
import shutil
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

try:
    from playwright.sync_api import Browser, Page, expect, sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    pytest.skip("playwright is not installed (pip install -e '.[test]')", allow_module_level=True)

CHROMIUM = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")
if not CHROMIUM:  # pragma: no cover - depends on the environment
    pytest.skip(
        "Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True
    )

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
MONTHS = (
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"
).split()
COUNT_TEXT = re.compile(r"^(\d+) результат(и|ів)?$")


# --- fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server_url(demo_index: Path) -> Iterator[str]:
    """The real WSGI server (not the test client) on a free port; it stops by itself."""
    from waitress import create_server
    from waitress.wasyncore import close_all

    from web import create_app
    from web.searcher import close_all as close_searchers

    app = create_app({"INDEX_DIR": str(demo_index)})
    server = create_server(app, host="127.0.0.1", port=0, threads=2)
    thread = threading.Thread(target=server.run, name="waitress-browser-tests", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()  # the listening socket and the trigger: the loop ends once idle
        thread.join(timeout=5)
        if thread.is_alive():  # a client still holds a keep-alive connection open
            close_all(server._map)
            thread.join(timeout=5)
        server.task_dispatcher.shutdown()
        close_searchers()  # the serving threads' searchers hold open index files


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture()
def page(browser: Browser, server_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=server_url, viewport=DESKTOP, locale="uk-UA")
    context.set_default_timeout(10_000)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="module")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


# --- what a person reads off the page -------------------------------------------------------


def result_count(page: Page) -> int:
    """The «N результатів» line above the results."""
    summary = page.get_by_text(COUNT_TEXT)
    expect(summary).to_be_visible()
    return int(COUNT_TEXT.match(summary.inner_text().strip()).group(1))


def result_titles(page: Page) -> list[str]:
    """The headline of every result on this page, as shown."""
    titles = page.get_by_role("main").get_by_role("heading", level=3)
    expect(titles.first).to_be_visible()
    return [title.strip() for title in titles.all_inner_texts()]


def shown_dates(page: Page) -> list[datetime]:
    """The dates under the results («30 вересня 2025, 12:00»), read back into datetimes."""
    dates = []
    for text in page.locator("ol.hits .meta time").all_inner_texts():
        m = re.fullmatch(r"(\d{1,2}) (\w+) (\d{4}), (\d\d):(\d\d)", text.strip())
        assert m, f"unexpected date text {text!r}"
        day, month, year, hour, minute = m.groups()
        dates.append(datetime(int(year), MONTHS.index(month) + 1, int(day), int(hour), int(minute)))
    return dates


def facet(page: Page, name: str):
    return page.get_by_role("complementary", name="Фільтри").get_by_role("region", name=name)


def facet_option(page: Page, facet_name: str, value: str):
    return facet(page, facet_name).get_by_role(
        "link", name=re.compile(rf"^{re.escape(value)}(\s|$)")
    )


def shown_facet_value(option) -> tuple[str, int]:
    """«☐ Громада Live 10» as the person reads it: the value and its count."""
    m = re.fullmatch(r"[☐☑]?\s*(.+?)\s+(\d+)", option.inner_text().strip())
    assert m, option.inner_text()
    return m.group(1), int(m.group(2))


def shown_facet_count(option) -> int:
    return shown_facet_value(option)[1]


def active_filters(page: Page):
    return page.get_by_role("list", name="Активні фільтри").get_by_role("listitem")


def search_for(page: Page, text: str) -> None:
    box = page.get_by_label("Пошуковий запит")
    box.fill(text)
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q="))


# --- the journey ----------------------------------------------------------------------------


def test_search_filter_by_two_outlets_and_sort_newest(page: Page, artifacts: Path) -> None:
    page.goto("/")
    search_for(page, "Мельник")
    expect(page.get_by_label("Пошуковий запит")).to_have_value("Мельник")
    total = result_count(page)
    assert total >= 5
    assert len(result_titles(page)) == min(total, 20)
    page.screenshot(path=artifacts / "search-results.png", full_page=True)

    poltava = facet_option(page, "Видання", "Полтавські обрії")
    hromada = facet_option(page, "Видання", "Громада Live")
    poltava_count, hromada_count = shown_facet_count(poltava), shown_facet_count(hromada)
    expect(poltava).not_to_have_attribute("aria-current", "true")

    poltava.click()
    expect(poltava).to_have_attribute("aria-current", "true")
    assert result_count(page) == poltava_count < total
    # Within one facet the values combine with OR, so the other outlet keeps its own count.
    assert shown_facet_count(hromada) == hromada_count

    hromada.click()
    expect(hromada).to_have_attribute("aria-current", "true")
    expect(poltava).to_have_attribute("aria-current", "true")
    assert result_count(page) == poltava_count + hromada_count
    sources = page.locator("ol.hits .meta .source").all_inner_texts()
    assert set(sources) == {"Полтавські обрії", "Громада Live"}
    expect(active_filters(page)).to_have_count(2)
    expect(active_filters(page).filter(has_text="Полтавські обрії")).to_be_visible()
    expect(active_filters(page).filter(has_text="Громада Live")).to_be_visible()
    page.screenshot(path=artifacts / "search-filtered.png", full_page=True)

    page.get_by_role("link", name="спершу нові").click()
    expect(page.get_by_role("link", name="спершу нові")).to_have_count(0)  # now the current one
    expect(page.get_by_text("спершу нові", exact=True)).to_be_visible()
    assert result_count(page) == poltava_count + hromada_count  # sorting keeps the filters
    dates = shown_dates(page)
    assert len(dates) == poltava_count + hromada_count
    assert dates == sorted(dates, reverse=True)

    # Removing one chip removes just that filter.
    active_filters(page).filter(has_text="Громада Live").get_by_role("link").click()
    expect(active_filters(page)).to_have_count(1)
    assert result_count(page) == poltava_count


def test_second_page_shows_other_titles(page: Page) -> None:
    page.goto("/")
    total = result_count(page)
    assert total > 20
    first = result_titles(page)
    assert len(first) == 20
    pages = page.get_by_role("navigation", name="Сторінки")
    pages.get_by_role("link", name="2", exact=True).click()
    expect(pages.get_by_text("2", exact=True)).to_have_attribute("aria-current", "page")
    second = result_titles(page)
    assert second and len(second) == min(20, total - 20)
    assert not set(first) & set(second)
    assert result_count(page) == total


def test_article_metadata_and_sandboxed_stored_copy(page: Page, artifacts: Path) -> None:
    page.goto("/")
    search_for(page, "Мельник")
    first_hit = page.locator("ol.hits > li").first
    title = first_hit.get_by_role("heading", level=3).inner_text().strip()
    outlet = first_hit.locator(".source").inner_text().strip()
    first_hit.get_by_role("link", name=title).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    article = page.get_by_role("article")
    for term in ("Видання", "Опубліковано", "Збережена копія"):
        expect(article.get_by_role("term").filter(has_text=term)).to_be_visible()
    expect(article.get_by_role("definition").first).to_contain_text(outlet)
    stored = article.locator("ol.captures > li").first
    expect(stored).to_contain_text(re.compile(r"sha256\s+[0-9a-f]{64}"))
    expect(article).to_contain_text(re.compile(r"\d{1,2} [а-яі]+ 20\d\d, \d\d:\d\d"))
    page.screenshot(path=artifacts / "article.png", full_page=True)

    with page.expect_response(re.compile(r"/article/[^/]+/stored$")) as response_info:
        stored.get_by_role("link").click()
    response = response_info.value
    assert response.status == 200
    policy = response.headers["content-security-policy"]
    assert "sandbox" in policy.split(";")[0].split()  # no allow-scripts: nothing can run
    assert "allow-scripts" not in policy
    expect(page.locator("body")).to_contain_text(title)
    expect(page.get_by_label("Пошуковий запит")).to_have_count(0)  # the page itself, not ours


# --- keyboard, language, small screens ------------------------------------------------------


def test_facets_work_from_the_keyboard_with_visible_focus(page: Page) -> None:
    page.goto("/")
    total = result_count(page)
    first_option = facet(page, "Видання").get_by_role("link").first
    value, value_count = shown_facet_value(first_option)

    to_filters = page.locator(".to-filters a")
    for _ in range(40):  # Tab from the top of the page, as a keyboard user does
        if to_filters.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("the jump to the filters is not reachable with Tab")
    expect(to_filters).to_be_visible()  # shown while focused
    page.keyboard.press("Enter")
    for _ in range(10):
        if first_option.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("the first outlet in «Видання» is not reachable with Tab")

    outline = first_option.evaluate(
        "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert outline[0] != "none" and outline[1] != "0px", f"no visible focus: {outline}"

    page.keyboard.press("Enter")
    option = facet_option(page, "Видання", value)
    expect(option).to_have_attribute("aria-current", "true")
    expect(active_filters(page).filter(has_text=value)).to_be_visible()
    assert result_count(page) == value_count < total


def test_page_language_is_ukrainian(page: Page) -> None:
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "uk"
    expect(page.get_by_role("button", name="Шукати")).to_be_visible()


@pytest.fixture()
def phone_page(browser: Browser, server_url: str) -> Iterator[Page]:
    context = browser.new_context(
        base_url=server_url, viewport=PHONE, is_mobile=True, has_touch=True, locale="uk-UA"
    )
    context.set_default_timeout(10_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_phone_width_shows_search_box_and_results(phone_page: Page, artifacts: Path) -> None:
    phone_page.goto("/?q=ракетна технологія")
    expect(phone_page.get_by_label("Пошуковий запит")).to_be_visible()
    expect(phone_page.get_by_role("button", name="Шукати")).to_be_in_viewport()
    assert result_count(phone_page) > 0
    assert result_titles(phone_page)
    phone_page.screenshot(path=artifacts / "phone.png", full_page=True)


def test_a_phone_reaches_the_filters_in_one_tap(phone_page: Page, artifacts: Path) -> None:
    phone_page.goto("/?q=газ")
    jump = phone_page.get_by_role("link", name="↓ Фільтри")
    expect(jump).to_be_in_viewport()
    jump.click()
    expect(facet(phone_page, "Видання")).to_be_in_viewport()
    phone_page.screenshot(path=artifacts / "phone-filters.png")


def test_results_stand_right_of_the_filters_on_a_wide_screen(page: Page) -> None:
    page.goto("/?q=газ")
    filters = page.locator("aside.facets").bounding_box()
    results = page.locator("section.results").bounding_box()
    assert filters and results and filters["x"] + filters["width"] <= results["x"]
    assert abs(filters["y"] - results["y"]) < 40


def test_phone_width_has_no_sideways_scroll(phone_page: Page) -> None:
    phone_page.goto("/?q=ракетна технологія")
    assert result_count(phone_page) > 0
    # On a phone the layout viewport grows to fit what overflows, so compare with the screen
    # width we asked for, not window.innerWidth.
    scroll_width, overflowing = phone_page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll("body *")]
                .filter((el) => el.getBoundingClientRect().right > width + 1)
                .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.innerText.trim()}`);
            return [document.documentElement.scrollWidth, wide.slice(0, 5)];
        }"""
    )
    assert scroll_width <= PHONE["width"] + 1, (
        f"scrolls sideways ({scroll_width} px): {overflowing}"
    )


# --- highlighting ---------------------------------------------------------------------------


def test_inflected_forms_are_highlighted(page: Page) -> None:
    page.goto("/")
    search_for(page, "ракетна технологія")
    assert result_count(page) > 0
    snippets = page.locator("ol.hits .snippet")
    expect(snippets.first).to_be_visible()
    marked = {text.strip().lower() for text in snippets.locator("mark").all_inner_texts()}
    assert {"ракетних", "технологій"} <= marked, marked
    assert marked - {"ракетна", "технологія"}, "only the typed forms were highlighted"
    forms_line = page.get_by_text(re.compile(r"^Знайдені форми:")).first
    expect(forms_line).to_be_visible()
    expect(forms_line).to_contain_text(re.compile(r"ракетн(их|і|ими)", re.IGNORECASE))
