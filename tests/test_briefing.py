"""The briefing: one offline HTML file, tested in real headless Chromium; and the Excel workbook."""
import io
import shutil

import pytest

import mra_graph
from mra_graph.briefing import briefing_html, briefing_workbook
from tests.conftest import require

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = tmp_path_factory.mktemp("brief") / "brief.html"
    path.write_text(briefing_html(mra_graph.load(as_of="2025-03-01")), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser():
    require(CHROMIUM, "chromium")
    require(DRIVER, "chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000",
                     "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws://*", "wss://*"]})
    yield driver
    driver.quit()


@pytest.mark.requires_graphviz
def test_the_page_is_one_self_contained_file_under_5_mb(page):
    text = page.read_text(encoding="utf-8")
    assert page.stat().st_size < 5e6
    assert "<script src" not in text and "<link" not in text and "@import" not in text
    assert 'id="admin-SG"' in text and 'id="admin-JP"' in text and 'href="#admin-SG"' in text
    assert text.count('class="frame"') >= 10  # the time slider's year-end frames


def test_data_text_is_escaped(tmp_path):
    from tests.conftest import ADMINISTRATIONS, write_dataset

    path = write_dataset(tmp_path / "d", administrations=ADMINISTRATIONS.replace(
        "Beta,", "<script>alert(1)</script>,", 1))
    text = briefing_html(mra_graph.load(path, as_of="2018-06-30"), frames=False)
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text


@pytest.mark.requires_graphviz
def test_in_chromium_it_loads_offline_links_slides_and_sorts(page, browser, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(page.as_uri())
    assert browser.title.startswith("AEO mutual recognition as of 2025-03-01")
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    requests = [entry for entry in browser.get_log("performance") if '"Network.requestWillBeSent"' in entry["message"]
                and '"url":"file://' not in entry["message"] and '"url":"data:' not in entry["message"]]
    assert requests == []  # nothing but the file itself was asked for

    singapore = browser.find_element(By.CSS_SELECTOR, '#diagram a[*|href="#admin-SG"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", singapore)
    singapore.click()
    assert browser.execute_script("return location.hash") == "#admin-SG"

    shown = "return Array.from(document.querySelectorAll('.frame')).findIndex(f => !f.hidden)"
    last = browser.execute_script(shown)
    assert last == browser.execute_script("return document.querySelectorAll('.frame').length") - 1  # opens on latest
    browser.execute_script("const s = document.getElementById('year'); s.value = 1;"
                           "s.dispatchEvent(new Event('input'));")
    assert browser.execute_script(shown) == 0 and browser.find_element(By.ID, "year-label").text != ""

    def years():
        return [int(row.find_elements(By.TAG_NAME, "td")[0].text)
                for row in browser.find_elements(By.CSS_SELECTOR, "#growth-table tbody tr")]

    assert years() == sorted(years())
    header = browser.find_element(By.CSS_SELECTOR, "#growth-table th")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", header)
    header.click()  # ascending (already), then descending
    header.click()
    assert years() == sorted(years(), reverse=True) and len(years()) > 10

    browser.execute_script("window.scrollTo(0, 0)")
    shot = tmp_path / "briefing.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 20_000


def test_the_workbook_has_every_sheet_with_headers_dates_and_no_formulas(tmp_path):
    from datetime import date

    from openpyxl import load_workbook

    from tests.conftest import ADMINISTRATIONS, write_dataset

    admin = ADMINISTRATIONS.replace("Beta,", "=HYPERLINK(\"x\"),", 1)
    net = mra_graph.load(write_dataset(tmp_path / "d", administrations=admin), as_of="2018-06-30")
    book = load_workbook(io.BytesIO(briefing_workbook(net, focus="AA", bloc="BLOC")))
    assert book.sheetnames == ["Summary", "Coverage", "Bloc matrix", "Growth", "Centrality", "Leverage", "Sources"]
    for sheet in book.worksheets:
        assert sheet.max_row >= 2 and sheet.freeze_panes == "A2", sheet.title
    coverage = book["Coverage"]
    header = [cell.value for cell in coverage[1]]
    rows = [dict(zip(header, (c.value for c in row))) for row in coverage.iter_rows(min_row=2)]
    aa_bb = next(r for r in rows if r["administration"] == "AA" and r["partner"] == "BB")
    assert aa_bb["effective"] == datetime_at(date(2011, 1, 1)) and aa_bb["signed"] == "2010-06"  # month: text
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)  # no formula anywhere
    assert any(c.value == '=HYPERLINK("x")' for c in cells)  # kept as text


def datetime_at(day):
    from datetime import datetime

    return datetime(day.year, day.month, day.day)


FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox")
# A profile that sends every request to a closed local port, so the page shows only what it carries.
OFFLINE_PROFILE = """\
user_pref("network.proxy.type", 1);
user_pref("network.proxy.http", "127.0.0.1");
user_pref("network.proxy.http_port", 9);
user_pref("network.proxy.ssl", "127.0.0.1");
user_pref("network.proxy.ssl_port", 9);
user_pref("network.proxy.allow_hijacking_localhost", true);
user_pref("app.update.enabled", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("toolkit.telemetry.enabled", false);
user_pref("browser.shell.checkDefaultBrowser", false);
"""


@pytest.mark.requires_graphviz
def test_firefox_draws_the_page_too(page, tmp_path):
    require(FIREFOX, "firefox-esr")
    import os
    import subprocess

    from PIL import Image

    profile = tmp_path / "profile"
    profile.mkdir()
    (profile / "user.js").write_text(OFFLINE_PROFILE, encoding="utf-8")
    shot = tmp_path / "firefox.png"
    subprocess.run([FIREFOX, "--headless", "--no-remote", "--profile", str(profile), "--window-size=1200,800",
                    "--screenshot", str(shot), page.as_uri()], check=True, timeout=180, capture_output=True,
                   env={**os.environ, "HOME": str(tmp_path), "MOZ_CRASHREPORTER_DISABLE": "1"})
    with Image.open(shot) as image:
        assert image.size == (1200, 800)
        red, green, blue = image.convert("RGB").getpixel((10, 10))  # the teal header band
        assert (red, green, blue) == (0, 130, 127)
