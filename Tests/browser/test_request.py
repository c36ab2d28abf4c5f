"""request.html in a real browser against a live DuPing: a person looks up a first-asked request
(§12) by its code on a phone. Every state in words with its department and dates, overdue said
in words, a resolved outcome that looks like markup shown as text, a code typed in lower case
without its hyphen, codes of the wrong shape refused before any request, an unknown code, and
never a summary, contact or name. The limit on unknown codes counts per address for the whole
server, so it is reached on a server of its own (RequestThrottleTest)."""

import os
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request
import uuid

from selenium.webdriver.support.ui import WebDriverWait

from browser import DESKTOP, PHONE, SMALL_PHONE, Browser
from duping_server import LiveServer
from request_fixture import CADRES, CONTACT, PAST_DUE, SCRIPT_OUTCOME, RequestTownship, public_lookup, summary

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARTIFACTS = os.environ.get("ARTIFACTS", os.path.join(ROOT, "test-artifacts", "browser"))
WORDS = {"open": "首问干部办理中", "passed": "已转交（待接收）", "accepted": "承办部门办理中", "resolved": "已办结"}
LOOKUP = "/v1/public/requests/"
# A well-shaped code no request has (40 random bits each: a clash is not a worry).
UNKNOWN = "ZZZZ-ZZZ9"


def day_words(text):
    year, month, day = text.split("-")
    return f"{year}年{int(month)}月{int(day)}日"


class RequestPage:
    """The page's moves shared by both test classes."""

    def __init__(self, browser, base_url):
        self.browser, self.base_url = browser, base_url

    def open(self, size, fragment=""):
        self.browser.open(self.base_url + "/request.html" + fragment, size)
        self.browser.wait_visible("code-input")

    def open_code(self, code, size=PHONE):
        """Opens the page with #code= and waits until the answer for that code is shown."""
        self.browser.open(self.base_url + "/request.html#code=" + code, size)
        self.wait_result(code)

    def wait_result(self, code):
        WebDriverWait(self.browser.driver, 10).until(lambda d: d.execute_script(
            "const r = document.getElementById('result'), c = document.getElementById('result-code');"
            "return !r.hidden && c !== null && c.textContent === arguments[0];", code))

    def submit(self, text):
        field = self.browser.find("#code-input")
        field.clear()
        field.send_keys(text)
        self.browser.find("#code-submit").click()

    def error(self, contains):
        return self.browser.wait_text("code-error", contains)

    def fact(self, key):
        return self.browser.find(f'dd[data-fact="{key}"]').text

    def facts(self):
        return [e.get_attribute("data-fact") for e in self.browser.find_all("dt[data-fact]")]


class RequestPageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = LiveServer(os.environ["DUPING_BIN"], os.path.join(ROOT, "Public")).start()
        try:
            cls.town = RequestTownship(cls.server.api())
            cls.browser = Browser(ARTIFACTS)
        except Exception:
            cls.server.stop()
            raise
        cls.page = RequestPage(cls.browser, cls.server.base_url)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        with open(os.path.join(ARTIFACTS, "server-request.log"), "w", encoding="utf-8") as file:
            file.write("\n".join(cls.server.log_lines) + "\n")
        cls.server.stop()

    def tearDown(self):
        self.assertEqual(self.browser.console_errors(), [], "the page raised console errors")

    def assert_fits(self, width):
        scroll_width = self.browser.driver.execute_script("return document.documentElement.scrollWidth")
        self.assertLessEqual(scroll_width, width, "the page scrolls sideways")

    def log_barrier(self):
        """The access log's length once every request made so far is in it: the log is flushed a
        few times a second, so a request of its own is sent and awaited."""
        sentinel = "/sentinel-" + uuid.uuid4().hex
        try:
            urllib.request.urlopen(self.server.base_url + sentinel, timeout=10)
        except urllib.error.HTTPError:
            pass
        deadline = time.time() + 10
        while not any(sentinel in line for line in self.server.log_lines[-50:]):
            self.assertLess(time.time(), deadline, "the access log never showed the sentinel request")
            time.sleep(0.1)
        return len(self.server.log_lines)

    def lookups_logged_since(self, mark):
        """Lookup lines the access log wrote after line `mark`."""
        return [line for line in self.server.log_lines[mark:self.log_barrier()] if LOOKUP in line]

    def test_1_every_state_is_shown_in_words_with_department_and_dates(self):
        for key, filed in self.town.requests.items():
            with self.subTest(key):
                status, _, data = public_lookup(self.server.base_url, filed.code)
                self.assertEqual(status, 200)
                self.assertEqual((data["state"], data["department"], data["overdue"]),
                                 (filed.state, filed.department, filed.overdue), "the server's answer")
                self.page.open_code(filed.code)
                self.assertEqual(self.browser.find("#result-state").text, WORDS[filed.state])
                self.assertEqual(self.page.fact("department"), filed.department)
                self.assertEqual(self.page.fact("filed"), day_words(filed.filed))
                self.assertIn(day_words(filed.due), self.page.fact("due"))
                if filed.state == "resolved":
                    self.assertEqual(self.page.facts(), ["department", "filed", "due", "resolved", "outcome"])
                    self.assertEqual(self.page.fact("resolved"), day_words(data["resolved"]))
                else:
                    self.assertEqual(self.page.facts(), ["department", "filed", "due"])
                self.assert_fits(PHONE[0])
                self.browser.screenshot("request-phone-" + key, PHONE[0])
        self.assertIn("按期办结", self.due_of("resolved"))
        self.assertIn("超期办结", self.due_of("late"))
        self.assertEqual(self.fact_of("late", "outcome"), "已协调解决。")

    def due_of(self, key):
        return self.fact_of(key, "due")

    def fact_of(self, key, fact):
        self.page.open_code(self.town.requests[key].code)
        return self.page.fact(fact)

    def test_2_overdue_is_said_in_words(self):
        overdue = self.town.requests["overdue"]
        self.page.open_code(overdue.code)
        self.assertEqual(self.browser.find("#result-state").text, "首问干部办理中")
        self.assertEqual(self.page.fact("due"), day_words(PAST_DUE) + " 已超期")
        notice = self.browser.find("#result-overdue").text
        self.assertIn("已超期", notice)
        self.assertIn(day_words(PAST_DUE), notice)
        self.assertIn("还没有办结", notice)
        for key in ("open", "passed", "accepted"):
            with self.subTest(key):
                self.page.open_code(self.town.requests[key].code)
                self.assertIn("未超期", self.page.fact("due"))
                self.assertNotIn("已超期", self.browser.find("#result").text)

    def test_3_a_resolved_outcome_that_looks_like_markup_is_text(self):
        self.page.open_code(self.town.requests["resolved"].code)
        self.assertEqual(self.browser.find("#result-state").text, "已办结")
        self.assertEqual(self.page.fact("outcome"), SCRIPT_OUTCOME)
        driver = self.browser.driver
        self.assertEqual(driver.execute_script("return document.querySelectorAll('#result script').length"), 0)
        self.assertIsNone(driver.execute_script("return window.__pwned === undefined ? null : window.__pwned"))
        self.assertEqual(self.browser.find_all("#result-overdue"), [])

    def test_4_a_code_typed_in_lower_case_without_its_hyphen_is_found(self):
        filed = self.town.requests["accepted"]
        # Crockford's look-alikes too, where the code has a 0 or a 1.
        typed = filed.code.lower().replace("-", "").replace("0", "o").replace("1", "l")
        self.page.open(PHONE)
        self.assertFalse(self.browser.find("#result").is_displayed())
        self.page.submit(" " + typed[:4] + " " + typed[4:] + " ")
        self.page.wait_result(filed.code)
        self.assertEqual(self.browser.find("#code-input").get_attribute("value"), filed.code)
        self.assertEqual(self.browser.find("#result-state").text, "承办部门办理中")
        url = urllib.parse.urlparse(self.browser.driver.current_url)
        self.assertEqual(url.query, "", "the code never goes into a query string")
        self.assertEqual(url.fragment, "code=" + filed.code, "a reload or a bookmark shows it again")
        self.assertEqual(self.browser.driver.switch_to.active_element.get_attribute("id"), "result-title")
        self.browser.driver.refresh()
        self.page.wait_result(filed.code)

    def test_5_a_code_of_the_wrong_shape_is_refused_without_a_request(self):
        self.page.open(PHONE)
        mark = self.log_barrier()
        cases = [("", "请输入查询码"), ("ABC-DEF", "您输入了 6 位"), ("ABCD-EFGH-J", "您输入了 9 位"),
                 ("UUUU-VVVV", "没有字母 U"), ("查询码1234", "只有数字和英文字母"), ("ABCD_EFGH", "只有数字和英文字母")]
        for typed, words in cases:
            with self.subTest(typed):
                self.page.submit(typed)
                self.page.error(words)
                self.assertEqual(self.browser.find("#code-input").get_attribute("aria-invalid"), "true")
                self.assertFalse(self.browser.find("#result").is_displayed())
        self.browser.screenshot("request-phone-bad-shape", PHONE[0])
        self.page.open(PHONE, "#code=abc")
        self.page.error("您输入了 3 位")
        self.assertEqual(self.lookups_logged_since(mark), [], "no lookup reached the server")

    def test_6_an_unknown_code_gets_a_clear_message(self):
        self.page.open(PHONE, "#code=" + self.town.requests["open"].code)
        self.page.wait_result(self.town.requests["open"].code)
        self.page.submit(UNKNOWN.lower())
        message = self.page.error("查无此事项")
        self.assertIn("请核对查询码", message)
        self.assertFalse(self.browser.find("#result").is_displayed(), "the earlier answer is gone")
        self.assertEqual(urllib.parse.urlparse(self.browser.driver.current_url).fragment, "")
        self.assertEqual(self.browser.find("#code-input").get_attribute("value"), UNKNOWN)
        self.assert_fits(PHONE[0])
        self.browser.screenshot("request-phone-unknown", PHONE[0])

    def test_6b_the_page_gets_problems_in_chinese(self):
        """DuPing.api asks for Chinese, so a problem the page shows as it comes is Chinese."""
        self.page.open(PHONE)
        answer = self.browser.driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            window.DuPing.api("/v1/no-such-route").then((r) =>
              done([r.status, r.data && r.data.title, r.data && r.data.detail, r.headers.get("Content-Language")]));
        """)
        self.assertEqual(answer, [404, "未找到", "此路径下没有内容。", "zh-CN"])

    def test_7_no_summary_contact_or_name_ever_reaches_the_page(self):
        forbidden = [summary(key) for key in self.town.requests] + [CONTACT, "机密摘要"] + [n for n, _ in CADRES]
        for key, filed in self.town.requests.items():
            with self.subTest(key):
                _, _, data = public_lookup(self.server.base_url, filed.code)
                self.page.open_code(filed.code)
                text = self.browser.driver.execute_script(
                    "return document.documentElement.textContent + document.body.innerText + document.title")
                for word in forbidden:
                    self.assertNotIn(word, text)
                    self.assertNotIn(word, str(data))

    def test_8_a_phone_reads_it_without_sideways_scrolling(self):
        self.page.open(PHONE)
        self.assert_fits(PHONE[0])
        field = self.browser.find("#code-input")
        self.assertGreaterEqual(field.size["height"], 48, "a field big enough to type a code on a phone")
        self.assertGreaterEqual(float(field.value_of_css_property("font-size").rstrip("px")), 24)
        self.browser.screenshot("request-phone-empty", PHONE[0])
        for key in ("resolved", "overdue"):
            self.page.open_code(self.town.requests[key].code, SMALL_PHONE)
            self.assert_fits(SMALL_PHONE[0])
            self.browser.screenshot("request-360-" + key, SMALL_PHONE[0])
        self.page.open_code(self.town.requests["resolved"].code, DESKTOP)
        self.browser.screenshot("request-desktop-resolved", DESKTOP[0])

    def test_9_every_page_links_to_the_lookup(self):
        for name in ("", "board.html", "responsibility.html", "reviews.html", "assessment.html", "ballot.html", "request.html"):
            with self.subTest(name or "index"):
                self.browser.open(self.server.base_url + "/" + name, PHONE)
                link = self.browser.find('.site-header nav a[href="request.html"]')
                self.assertEqual(link.text, "查询事项")
                self.assertEqual(link.get_attribute("aria-current"), "page" if name == "request.html" else None)
                self.assert_fits(PHONE[0])
        self.browser.open(self.server.base_url + "/", PHONE)
        self.browser.find('main a[href="request.html"]').click()
        WebDriverWait(self.browser.driver, 10).until(lambda d: "request.html" in d.current_url)
        self.browser.wait_visible("code-input")


class RequestThrottleTest(unittest.TestCase):
    """On a server of its own: after 20 unknown codes from one address the page says how long to wait."""

    @classmethod
    def setUpClass(cls):
        cls.server = LiveServer(os.environ["DUPING_BIN"], os.path.join(ROOT, "Public")).start()
        try:
            cls.town = RequestTownship(cls.server.api(), only_open=True)
            cls.browser = Browser(ARTIFACTS)
        except Exception:
            cls.server.stop()
            raise
        cls.page = RequestPage(cls.browser, cls.server.base_url)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        with open(os.path.join(ARTIFACTS, "server-request-throttle.log"), "w", encoding="utf-8") as file:
            file.write("\n".join(cls.server.log_lines) + "\n")
        cls.server.stop()

    def tearDown(self):
        self.assertEqual(self.browser.console_errors(), [], "the page raised console errors")

    def test_after_20_unknown_codes_the_page_says_how_long_to_wait(self):
        # The browser and this client both come from 127.0.0.1: one address to the server.
        for n in range(19):
            status, _, _ = public_lookup(self.server.base_url, f"ZZZZ-ZZ{n:02d}")
            self.assertEqual(status, 404)
        self.page.open(PHONE)
        self.page.submit(UNKNOWN)
        self.page.error("查无此事项")
        status, headers, _ = public_lookup(self.server.base_url, self.town.requests["open"].code)
        self.assertEqual(status, 429, "the 21st lookup is refused, known code or not")
        wait = int(headers["Retry-After"])
        self.assertTrue(540 < wait <= 600, wait)

        self.page.submit(self.town.requests["open"].code)
        message = self.page.error("查询暂停了")
        self.assertIn("约 10 分钟后再试", message)
        self.assertFalse(self.browser.find("#result").is_displayed())
        self.assertIsNone(self.browser.find("#code-input").get_attribute("aria-invalid"),
                          "the code itself was not found wrong")
        self.assertFalse(self.browser.find("#code-submit").get_attribute("disabled"))
        self.browser.screenshot("request-phone-429", PHONE[0])


if __name__ == "__main__":
    unittest.main()
