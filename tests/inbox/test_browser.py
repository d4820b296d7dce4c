"""The inbox in a real browser (Debian's chromium + chromium-driver, headless, through Selenium)
against a real ``binhyen inbox`` process fed by the real embedded broker and a real worker.

An officer logs in, sees the urgent case first (flagged: not acknowledged in time) and
acknowledges it; a leader copies a notice, pardons a member, corrects a category and sees the
worker's effects (pardoned, strike withdrawn); a leader cannot open another group's case by URL;
no tip text in a leader's pages, the inbox's log or its metrics. Screenshots of the main pages
are saved under ``.binhyen-data/screenshots/`` (the path is printed).
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import urllib.request
import uuid

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from pipeline.cli.embedded_broker import EmbeddedBroker
from tests.inbox.stack import InboxProcess
from tests.integration.harness import REPO, WorkerProcess, message, produce

pytestmark = pytest.mark.integration

GROUP = "phuong-ben-nghe"
URGENT_TIP = ("CỨUUU mấy anh ơi, đầu hẻm 45 Tôn Đức Thắng có 2 nhóm thanh niên cầm dao đang rượt chém nhau, "
              "có người bị thương nằm dưới đất, tới liền đi!!!")
NORMAL_TIP = ("Mấy anh ơi sáng nay tui mở cửa thì chiếc Wave đỏ biển 59-X1 234.56 để trong hẻm 12 Nguyễn Huệ bị "
              "chôm mất tiêu rồi, camera nhà bên quay được 1 thằng đội nón bảo hiểm đen lúc 3 giờ sáng.")
SPAM = "💰 VAY TIỀN ONLINE chỉ cần CCCD, giải ngân 5 phút, lãi 0% tháng đầu, bấm link vaynhanh24h.vip"
OFF_TOPIC = "Chúc cả nhà một tuần mới vui vẻ, nhiều sức khỏe nha 😊🌸"
SHOTS = REPO / ".binhyen-data" / "screenshots"
WAIT = 180  # seconds: the worker joins its group, classifies, publishes; the inbox projects


def _messages() -> list[bytes]:
    day = "2026-11-24"  # a Tuesday, inside office hours: only the rules under test fire
    return [
        message("b-normal", GROUP, "resident-a", NORMAL_TIP, f"{day}T08:12:00+07:00",
                attachments=[{"kind": "image", "url": "https://zalo.example/img/cam.jpg", "name": "cam.jpg"}]),
        message("b-urgent", GROUP, "resident-b", URGENT_TIP, f"{day}T09:10:00+07:00",
                attachments=[{"kind": "location", "url": "https://maps.example/?q=10.77,106.70"}]),
        message("b-spam", GROUP, "spammer-1", SPAM, f"{day}T09:20:00+07:00"),
        message("b-chat", GROUP, "chatty-1", OFF_TOPIC, f"{day}T09:50:00+07:00"),
        message("y-spam", "xa-yen-lac", "spammer-yl", SPAM, f"{day}T09:30:00+07:00"),
    ]


def _chrome() -> webdriver.Chrome:
    binary = shutil.which("chromium")
    driver_path = shutil.which("chromedriver")
    assert binary and driver_path, "chromium and chromium-driver are installed by `make test` (ensure-tools.sh)"
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                f"--user-data-dir={tempfile.mkdtemp(prefix='binhyen-chrome-')}", "--window-size=412,1200"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture
def stack(tmp_path):
    app_id = f"binhyen-browser-{uuid.uuid4().hex[:8]}"
    with EmbeddedBroker(partitions=4, log_path=tmp_path / "broker.log") as broker:
        worker = WorkerProcess(broker.bootstrap, tmp_path, app_id=app_id).start()
        inbox = InboxProcess(broker.bootstrap, tmp_path, app_id=app_id,
                             extra_env={"BINHYEN_INBOX_ACK_MINUTES": "0.01"}).start()
        try:
            asyncio.run(produce(broker.bootstrap, _messages()))
            yield broker, worker, inbox
        finally:
            inbox.stop()
            worker.stop()


@pytest.fixture
def browser():
    driver = _chrome()
    yield driver
    driver.quit()


def _shot(driver, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(412, min(max(height + 80, 700), 4000))
    driver.save_screenshot(str(SHOTS / f"{name}.png"))
    driver.set_window_size(412, 1200)


def _login(driver, url: str, account: str, password: str) -> None:
    driver.delete_all_cookies()
    driver.get(url + "/login")
    driver.find_element(By.NAME, "username").send_keys(account)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit].primary").click()
    WebDriverWait(driver, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, "header form.who")))


def _reload_until(driver, path_url: str, css: str, timeout: float = WAIT):
    def ready(d):
        d.get(path_url)
        found = d.find_elements(By.CSS_SELECTOR, css)
        return found[0] if found else False
    return WebDriverWait(driver, timeout, poll_frequency=1.0).until(ready)


def _card(driver, message_id: str):
    """The warning card of one message (its warning_id is <group>:<message_id>:<first rule>)."""
    return driver.find_element(By.CSS_SELECTOR, f'article[id^="w-{GROUP}:{message_id}:"]')


def test_officer_and_leader_in_a_real_browser(stack, browser):
    broker, worker, inbox = stack
    url = inbox.url
    d = browser
    print(f"\nscreenshots: {SHOTS}")

    # --- login page
    d.get(url + "/login")
    _shot(d, "01-login")

    # --- officer: the urgent case first, flagged, acknowledged
    _login(d, url, "officer-bn-nguyen-van-hung", "canbo-demo")
    try:
        _reload_until(d, url + "/escalations", f'article[id="esc-{GROUP}:b-normal"]')
        _reload_until(d, url + "/escalations", f'article[id="esc-{GROUP}:b-urgent"]')
    except Exception:
        pytest.fail(f"escalations never reached the inbox\nworker:\n{worker.log_tail()}\ninbox:\n{inbox.log_tail()}")
    cards = d.find_elements(By.CSS_SELECTOR, "article.esc")
    assert cards[0].get_attribute("id") == f"esc-{GROUP}:b-urgent"
    assert cards[0].get_attribute("data-priority") == "urgent"
    assert "KHẨN CẤP" in cards[0].text and URGENT_TIP[:40] in cards[0].text and "resident-b" in cards[0].text
    WebDriverWait(d, 30, poll_frequency=1).until(
        lambda drv: drv.get(url + "/escalations") or drv.find_elements(By.CSS_SELECTOR, "article.esc.overdue"))
    _shot(d, "02-officer-escalations")
    first = d.find_elements(By.CSS_SELECTOR, "article.esc")[0]
    assert "overdue" in first.get_attribute("class")
    first.find_element(By.NAME, "ack").click()
    card = WebDriverWait(d, 20).until(EC.presence_of_element_located(
        (By.CSS_SELECTOR, f'article[id="esc-{GROUP}:b-urgent"][data-status="acknowledged"]')))
    assert "overdue" not in card.get_attribute("class")
    assert "Đã tiếp nhận" in d.page_source
    d.get(url + f"/escalations/{GROUP}%3Ab-urgent")
    _shot(d, "03-officer-case")
    d.get(url + "/audit")
    assert "Tiếp nhận" in d.page_source
    _shot(d, "04-officer-audit")
    d.get(url + f"/groups/{GROUP}")
    assert d.find_elements(By.CSS_SELECTOR, "svg.chart")
    _shot(d, "05-group-charts")
    d.get(url + "/overview")
    _shot(d, "06-officer-overview")

    # --- leader: warnings with the notice to copy
    _login(d, url, "leader-bn-tran-thi-lan", "truongnhom-demo")
    spam_id, chat_id = "b-spam", "b-chat"
    _reload_until(d, url + "/warnings", f'article[id^="w-{GROUP}:b-spam:"]')
    _reload_until(d, url + "/warnings", f'article[id^="w-{GROUP}:b-chat:"]')
    assert "spammer-yl" not in d.page_source  # another group's warning
    try:
        d.execute_cdp_cmd("Browser.grantPermissions", {
            "origin": url, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    except WebDriverException:
        pass  # then the page falls back to selecting the text
    card = _card(d, spam_id)
    notice = card.find_element(By.CSS_SELECTOR, "textarea.notice")
    notice_text = notice.get_attribute("value")
    assert "spammer-1" in notice_text or notice_text  # the ready-to-post notice
    card.find_element(By.CSS_SELECTOR, "button.copy").click()
    WebDriverWait(d, 10).until(lambda drv: notice.get_attribute("data-copied"))
    how = notice.get_attribute("data-copied")
    button_text = card.find_element(By.CSS_SELECTOR, "button.copy").text
    if how == "clipboard":
        assert "Đã sao chép" in button_text
        pasted = d.execute_async_script(
            "const done = arguments[0]; navigator.clipboard.readText().then(done, () => done(null));")
        assert pasted in (None, notice_text)
    else:  # no clipboard permission: the notice is selected for a long-press copy
        selected = d.execute_script("const t = arguments[0]; return t.value.substring(t.selectionStart, t.selectionEnd);",
                                    notice)
        assert selected == notice_text
    _shot(d, "07-leader-warnings")

    # a tip's text is never on a leader's page
    for path in ("/warnings", "/lost-found", "/review", f"/groups/{GROUP}"):
        d.get(url + path)
        assert URGENT_TIP[:30] not in d.page_source and NORMAL_TIP[:30] not in d.page_source, path
        assert "resident-b" not in d.page_source, path
    d.get(url + f"/escalations/{GROUP}%3Ab-urgent")
    assert URGENT_TIP[:30] not in d.page_source and "403" in d.find_element(By.TAG_NAME, "h1").text

    # pardon the spammer, correct the chat message's category
    d.get(url + "/warnings")
    _card(d, spam_id).find_element(By.NAME, "pardon").click()
    WebDriverWait(d, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.flash")))
    card = _card(d, chat_id)
    card.find_element(By.TAG_NAME, "summary").click()
    Select(card.find_element(By.NAME, "category")).select_by_value("lost_item")
    card.find_element(By.NAME, "correct").click()
    WebDriverWait(d, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.flash")))
    assert "Đang chờ hệ thống áp dụng" in d.page_source
    _shot(d, "08-leader-pending")
    d.get(url + "/groups/phuong-ben-nghe/members/chatty-1")
    _shot(d, "09-leader-member")

    # --- another group's leader: not by URL, not in lists
    _login(d, url, "leader-yl-hoang-van-duc", "truongnhom-demo")
    for path in (f"/groups/{GROUP}", f"/groups/{GROUP}/members/spammer-1", f"/warnings?group={GROUP}",
                 f"/escalations/{GROUP}%3Ab-urgent"):
        d.get(url + path)
        assert d.find_element(By.TAG_NAME, "h1").text in ("403", "404"), path
        assert "spammer-1" not in d.page_source and URGENT_TIP[:30] not in d.page_source
    d.get(url + "/warnings")
    assert "spammer-1" not in d.page_source
    _shot(d, "10-other-leader-404")

    # --- nothing of the tip in the inbox's log or metrics
    with urllib.request.urlopen(url + "/metrics", timeout=10) as r:
        metrics_text = r.read().decode()
    assert "binhyen_inbox_actions_total" in metrics_text
    log_text = inbox.log_text()
    for secret in (URGENT_TIP[:30], NORMAL_TIP[:30], "resident-b"):
        assert secret not in metrics_text and secret not in log_text

    # --- the worker applies the actions: the leader sees the pardon and the withdrawn strike
    _login(d, url, "leader-bn-tran-thi-lan", "truongnhom-demo")
    _reload_until(d, url + "/warnings", f'article[id^="w-{GROUP}:b-chat:"][data-status="withdrawn"]')
    _reload_until(d, url + "/warnings", f'article[id^="w-{GROUP}:b-spam:"][data-status="pardoned"]')
    assert "Đang chờ hệ thống áp dụng" not in d.page_source
    _shot(d, "11-leader-effects-applied")
    d.get(url + "/groups/phuong-ben-nghe/members/chatty-1")
    assert d.find_element(By.CSS_SELECTOR, ".strikes").text == "0"
