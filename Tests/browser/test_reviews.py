"""reviews.html in a real browser against a live DuPing: a township with two finalized quarterly
reviews (reviews_fixture.py) read on a desktop, a phone and on paper; the ranking and grades in
order, the commentary with its line breaks, markup in a cadre's name and in the commentary shown
as text, switching quarters, a review still in draft, a township without reviews and one that
does not exist."""

import os
import unittest
import urllib.parse

from selenium.webdriver.support.ui import WebDriverWait

from browser import DESKTOP, PHONE, SMALL_PHONE, Browser
from duping_server import LiveServer
from reviews_fixture import COMMENTARY, RANKINGS, SCRIPT_NAME, ReviewsTownship

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARTIFACTS = os.environ.get("ARTIFACTS", os.path.join(ROOT, "test-artifacts", "browser"))
GRADE_CLASS = {"好": "good", "较好": "fair", "一般": "average", "较差": "poor"}
QUARTER = {"2026-Q1": "2026年第一季度", "2026-Q2": "2026年第二季度"}


class ReviewsPageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = LiveServer(os.environ["DUPING_BIN"], os.path.join(ROOT, "Public")).start()
        try:
            api = cls.server.api()
            cls.town = ReviewsTownship(api)
            # A third quarter still in draft: not public, so a link to it must say so.
            cls.draft_id = api.call("POST", cls.town.base + "/quarterly-reviews", {"period": "2026-Q3"}, expect=201)["id"]
            api.call("POST", "/v1/townships", {"code": "kongbai", "name": "空白镇"}, expect=201)
            cls.browser = Browser(ARTIFACTS)
        except Exception:
            cls.server.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        with open(os.path.join(ARTIFACTS, "server-reviews.log"), "w", encoding="utf-8") as file:
            file.write("\n".join(cls.server.log_lines) + "\n")
        cls.server.stop()

    def tearDown(self):
        self.assertEqual(self.browser.console_errors(), [], "the page raised console errors")

    def url(self, code=None, **params):
        query = {"township": code or self.town.code, **params}
        return self.server.base_url + "/reviews.html?" + urllib.parse.urlencode(query)

    def open_reviews(self, size, code=None, **params):
        self.browser.open(self.url(code, **params), size)
        self.browser.wait_visible("ranking-table")

    def shown_rows(self):
        """(rank, name, department, score, grade word) of each ranking row, as the page shows them."""
        rows = []
        for tr in self.browser.find_all("#ranking-table tbody tr"):
            cell = lambda css: tr.find_element("css selector", css)
            dept = cell("td.dept") if cell("td.dept").is_displayed() else cell("td.name .dept-under")
            rows.append((int(cell("td.rank .rank-number").text), cell("td.name .name-text").text, dept.text,
                         cell("td.score").text, cell("td.grade-cell .grade").text))
        return rows

    def script_result(self, script, *args):
        return self.browser.driver.execute_script(script, *args)

    def assert_quarter(self, period):
        self.assertEqual(self.browser.find("#review-title").text, QUARTER[period] + " 干部季评排队")
        self.assertEqual(self.shown_rows(), [(r, n, d, s, g) for r, n, d, s, g in RANKINGS[period]])
        current = self.browser.find('#quarters a[aria-current="page"]')
        self.assertEqual(current.get_attribute("aria-label"), QUARTER[period])
        self.assertEqual(current.get_attribute("data-review"), str(self.town.reviews[period]))

    def assert_fits(self, width):
        scroll_width = self.script_result("return document.documentElement.scrollWidth")
        self.assertLessEqual(scroll_width, width, "the page scrolls sideways")

    def test_1_the_latest_quarter_is_ranked_with_worded_grades(self):
        public = self.town.api.call("GET", f"/v1/public/townships/{self.town.code}/quarterly-reviews/{self.town.reviews['2026-Q2']}")
        self.assertEqual([(c["rank"], c["name"], c["department"], f"{c['score']:.2f}", c["grade"]) for c in public["cadres"]],
                         RANKINGS["2026-Q2"], "the server's ranking; 孙八 was scored by nobody and is not ranked")

        self.open_reviews(DESKTOP)
        self.assertIn(self.town.name, self.browser.find("#review-head").text)
        self.assert_quarter("2026-Q2")
        self.assertIn("定稿时间", self.browser.find("#review-head").text)
        self.assertNotIn("孙八", self.browser.find("#ranking").text)
        self.assertEqual(self.browser.find("#quarters").text.split(), ["选择季度", "2026年", "第一季度", "第二季度"])
        self.assertEqual([e.get_attribute("aria-label") for e in self.browser.find_all("#quarters a")],
                         ["2026年第一季度", "2026年第二季度"])
        headers = [e.text for e in self.browser.find_all("#ranking-table thead th")]
        self.assertEqual(headers, ["名次", "姓名", "部门", "得分", "等次"])
        self.assertFalse(self.browser.find("#ranking-table td.name .dept-under").is_displayed(), "its own column on a desktop")

        # A grade is a word in a badge whose look differs by grade, never colour alone.
        for tr, (_, name, _, _, grade) in zip(self.browser.find_all("#ranking-table tbody tr"), RANKINGS["2026-Q2"]):
            badge = tr.find_element("css selector", ".grade")
            self.assertEqual(badge.get_attribute("class"), "grade " + GRADE_CLASS[grade], name)
            self.assertEqual(tr.get_attribute("data-grade"), GRADE_CLASS[grade], name)
        looks = {cls: self.script_result(
            "const s = getComputedStyle(document.querySelector('#ranking-table .grade.' + arguments[0]));"
            "return [s.backgroundColor, s.borderStyle, s.color].join(' ')", cls) for cls in GRADE_CLASS.values()}
        self.assertEqual(len(set(looks.values())), 4, looks)
        ties = [tr.find_element("css selector", "td.rank").text for tr in self.browser.find_all("#ranking-table tbody tr")]
        self.assertEqual([t.replace("\n", "") for t in ties], ["1", "2", "3并列", "3并列", "5", "6"])

        counts = {li.get_attribute("data-grade"): li.find_element("css selector", ".count").text
                  for li in self.browser.find_all("#grade-counts li")}
        self.assertEqual(counts, {"good": "2", "fair": "2", "average": "1", "poor": "1"})

        commentary = self.browser.find("#commentary")
        self.assertEqual(commentary.get_attribute("textContent"), COMMENTARY["2026-Q2"])
        self.assertEqual(self.script_result("return getComputedStyle(document.getElementById('commentary')).whiteSpace"), "pre-line")
        shown = self.script_result("return document.getElementById('commentary').innerText")
        self.assertIn("镇党委讲评：\n一、张三、李四同志任务完成好，群众满意。\n二、", shown, "line breaks are kept")
        self.assertIn("\n\n三、下季度重点抓好秋收。", shown, "an empty line is kept")
        self.browser.screenshot("reviews-desktop", DESKTOP[0])
        self.browser.print_pdf("reviews-a4")

    def test_2_markup_in_a_name_or_the_commentary_is_shown_as_text(self):
        self.open_reviews(DESKTOP)
        names = [e.text for e in self.browser.find_all("#ranking-table td.name")]
        self.assertIn(SCRIPT_NAME, names)
        self.assertIn("<img src=x onerror=", self.browser.find("#commentary").text)
        self.assertEqual(self.script_result("return document.querySelectorAll('#results script, #results img').length"), 0)
        self.assertIsNone(self.script_result("return window.__pwned === undefined ? null : window.__pwned"))
        self.assertEqual(self.script_result("return document.title").count("<"), 0)

    def test_3_choosing_another_quarter_shows_it_and_back_returns(self):
        self.open_reviews(DESKTOP)
        self.assert_quarter("2026-Q2")
        self.browser.find('#quarters a[data-period="2026-Q1"]').click()
        self.browser.wait_text("review-title", "第一季度")
        self.assert_quarter("2026-Q1")
        self.assertEqual(self.browser.find("#commentary").get_attribute("textContent"), COMMENTARY["2026-Q1"])
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.browser.driver.current_url).query)
        self.assertEqual(query.get("id"), [str(self.town.reviews["2026-Q1"])])
        self.assertEqual(query.get("township"), [self.town.code])
        self.assertEqual(self.script_result("return document.activeElement.id"), "review-title", "focus follows the choice")
        self.assertIn("第一季度", self.script_result("return document.title"))

        self.browser.driver.back()
        self.browser.wait_text("review-title", "第二季度")
        self.assert_quarter("2026-Q2")

        # A shared link opens its quarter, also after a reload.
        self.open_reviews(PHONE, id=self.town.reviews["2026-Q1"])
        self.assert_quarter("2026-Q1")
        self.browser.driver.refresh()
        self.browser.wait_visible("ranking-table")
        self.assert_quarter("2026-Q1")

    def test_4_a_phone_reads_the_ranking_without_sideways_scrolling(self):
        for size, name in ((PHONE, "reviews-phone"), (SMALL_PHONE, "reviews-360")):
            self.open_reviews(size)
            self.assert_fits(size[0])
            self.assertTrue(self.browser.find("#ranking-table thead").is_displayed(), "the ranking stays a table")
            self.assertFalse(self.browser.find("#ranking-table td.dept").is_displayed(), "the department goes under the name")
            self.assertEqual(self.browser.find("#ranking-table thead th.c-name").text, "姓名\n部门")
            for tr in self.browser.find_all("#ranking-table tbody tr"):
                self.assertLessEqual(tr.rect["x"] + tr.rect["width"], size[0], tr.text)
            lines = self.script_result(
                "return [...document.querySelectorAll('#ranking-table td.score')].map((td) => {"
                " const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length; })")
            self.assertEqual(set(lines), {1}, "every score keeps to one line")
            self.assertEqual(self.shown_rows(), list(RANKINGS["2026-Q2"]))
            self.browser.screenshot(name, size[0])

    def test_5_print_hides_the_controls_and_keeps_ranking_and_commentary(self):
        self.open_reviews(DESKTOP)
        driver = self.browser.driver
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            style = lambda css, prop: driver.execute_script(
                "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]]", css, prop)
            self.assertEqual(style("#quarters", "display"), "none")
            self.assertEqual(style(".site-header", "display"), "none")
            self.assertEqual(style(".site-footer", "display"), "none")
            self.assertNotEqual(style("#ranking-table", "display"), "none")
            self.assertNotEqual(style("#commentary", "display"), "none")
            self.assertEqual(style("#ranking-table tbody tr", "breakInside"), "avoid")
            self.assertEqual(style("#ranking-table thead", "display"), "table-header-group")
            self.assertEqual(self.shown_rows()[-1][4], "较差")
        finally:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    def test_6_a_review_still_in_draft_is_not_shown_and_says_so(self):
        self.browser.open(self.url(id=self.draft_id), PHONE)
        message = self.browser.wait_text("message", "还没有定稿")
        self.assertIn("请在下面选择", message)
        self.assertEqual(self.browser.find_all("#ranking-table"), [])
        self.assertEqual(self.browser.find_all('#quarters a[aria-current="page"]'), [])
        self.browser.find('#quarters a[data-period="2026-Q2"]').click()
        self.browser.wait_visible("ranking-table")
        self.assert_quarter("2026-Q2")
        self.assertFalse(self.browser.find("#message").is_displayed())

    def test_7_an_unknown_township_or_one_without_reviews_gets_a_clear_message(self):
        self.browser.open(self.url("nosuchtown"), PHONE)
        message = self.browser.wait_text("message", "没有找到乡镇")
        self.assertIn("nosuchtown", message)
        self.assertFalse(self.browser.find("#results").is_displayed())
        self.assertEqual(self.browser.find("#township").get_attribute("value"), "nosuchtown")
        self.browser.screenshot("reviews-phone-unknown", PHONE[0])

        self.browser.open(self.url("kongbai"), PHONE)
        message = self.browser.wait_text("message", "还没有公布过季评排队结果")
        self.assertIn("空白镇", message)
        self.assertFalse(self.browser.find("#results").is_displayed())

        self.browser.open(self.server.base_url + "/reviews.html", PHONE)
        field = self.browser.wait_visible("township")
        field.send_keys(self.town.code)
        self.browser.find("#township-form button").click()
        self.browser.wait_visible("ranking-table")
        self.assertIn(f"township={self.town.code}", self.browser.driver.current_url)

    def test_8_every_page_links_to_the_reviews(self):
        for page in ("", "board.html", "responsibility.html", "ballot.html", "reviews.html"):
            self.browser.open(self.server.base_url + "/" + page, PHONE)
            link = self.browser.find('.site-header nav a[href="reviews.html"]')
            self.assertEqual(link.text, "季评排队", page)
        self.assertEqual(self.browser.find('.site-header nav a[href="reviews.html"]').get_attribute("aria-current"), "page")
        self.browser.open(self.server.base_url + "/", PHONE)
        self.browser.find('main a[href="reviews.html"]').click()
        WebDriverWait(self.browser.driver, 10).until(lambda d: "reviews.html" in d.current_url)
        self.browser.wait_visible("township")


if __name__ == "__main__":
    unittest.main()
