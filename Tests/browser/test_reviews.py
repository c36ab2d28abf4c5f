"""reviews.html and assessment.html in a real browser against a live DuPing.

reviews.html: a township with two finalized quarterly reviews (reviews_fixture.py) read on a
desktop, a phone and on paper; the ranking and grades in order, the commentary with its line
breaks, markup in a cadre's name and in the commentary shown as text, switching quarters, a
review still in draft, a township without reviews and one that does not exist.

assessment.html: the year-end assessment of the same township on public notice; the 拟评优秀
names and the grade counts, objections (thanked and the form cleared, markup sent as text,
problems at their fields, 409 once the notice is over, and the sixth within an hour from one
address refused politely), a notice not yet public, on a desktop, a phone and on paper."""

import json
import os
import unittest
import urllib.error
import urllib.parse
import urllib.request

from selenium.webdriver.support.ui import Select, WebDriverWait

from browser import DESKTOP, PHONE, SMALL_PHONE, Browser
from duping_server import LiveServer
from reviews_fixture import (ANNUAL_COUNTS, COMMENTARY, EXCELLENT, RANKINGS, SCRIPT_NAME, ReviewsTownship,
                             finalize_assessment, open_assessment)

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

    def test_8_every_page_links_to_the_reviews_and_the_notice(self):
        for page in ("", "board.html", "responsibility.html", "ballot.html", "reviews.html", "assessment.html", "whereabouts.html"):
            self.browser.open(self.server.base_url + "/" + page, PHONE)
            self.assertEqual(self.browser.find('.site-header nav a[href="reviews.html"]').text, "季评排队", page)
            self.assertEqual(self.browser.find('.site-header nav a[href="assessment.html"]').text, "年度考核公示", page)
            self.assert_fits(PHONE[0])
            current = [a.get_attribute("href").rsplit("/", 1)[1] for a in self.browser.find_all('.site-header nav a[aria-current="page"]')]
            self.assertEqual(current, [page] if page else [], "the page's own link is marked")
        self.browser.open(self.server.base_url + "/", PHONE)
        self.browser.find('main a[href="reviews.html"]').click()
        WebDriverWait(self.browser.driver, 10).until(lambda d: "reviews.html" in d.current_url)
        self.browser.wait_visible("township")


class AssessmentNoticeTest(unittest.TestCase):
    """The tests run in name order on one server: every accepted objection from this machine's
    address counts toward the limit of 5 an hour that test_6 reaches."""

    @classmethod
    def setUpClass(cls):
        cls.server = LiveServer(os.environ["DUPING_BIN"], os.path.join(ROOT, "Public")).start()
        try:
            cls.town = ReviewsTownship(cls.server.api())
            cls.notice_id = open_assessment(cls.town, 2026, days=5)
            cls.draft_id = cls.town.api.call("POST", cls.town.base + "/assessments", {"year": 2025}, expect=201)["id"]
            cls.browser = Browser(ARTIFACTS)
        except Exception:
            cls.server.stop()
            raise
        cls.accepted = 0

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        with open(os.path.join(ARTIFACTS, "server-assessment.log"), "w", encoding="utf-8") as file:
            file.write("\n".join(cls.server.log_lines) + "\n")
        cls.server.stop()

    def tearDown(self):
        self.assertEqual(self.browser.console_errors(), [], "the page raised console errors")

    def url(self, assessment_id=None, code=None):
        query = {"township": code or self.town.code, "id": assessment_id or self.notice_id}
        return self.server.base_url + "/assessment.html?" + urllib.parse.urlencode(query)

    def open_notice(self, size, assessment_id=None):
        self.browser.open(self.url(assessment_id), size)
        self.browser.wait_visible("notice-title")

    def public(self, method, path, body=None):
        """A request with no credential at all, as anyone on the internet sends it: (status, body)."""
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(self.server.base_url + path, data=data, method=method,
                                         headers={"Accept": "application/json", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def public_notice(self, assessment_id=None):
        return self.public("GET", f"/v1/public/townships/{self.town.code}/assessments/{assessment_id or self.notice_id}")

    def objections(self, assessment_id=None):
        return self.town.api.call("GET", f"{self.town.base}/assessments/{assessment_id or self.notice_id}/objections")["items"]

    def fill(self, cadre, text):
        """Chooses the cadre by name and types the text (set through JS for long text, then an input event)."""
        Select(self.browser.find("#objection-cadre")).select_by_visible_text(cadre)
        area = self.browser.find("#objection-text")
        area.clear()
        if len(text) > 50:
            self.browser.driver.execute_script(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", area, text)
        else:
            area.send_keys(text)

    def submit(self):
        self.browser.find("#objection-submit").click()

    def wait_report(self, text):
        return self.browser.wait_text("objection-message", text)

    def assert_fits(self, width):
        self.assertLessEqual(self.browser.driver.execute_script("return document.documentElement.scrollWidth"), width,
                             "the page scrolls sideways")

    def test_1_the_notice_lists_the_proposed_excellent_and_the_grade_counts(self):
        status, notice = self.public_notice()
        self.assertEqual(status, 200)
        self.assertEqual([(p["name"], p["department"]) for p in notice["excellent"]], EXCELLENT, "the server's 拟评优秀")
        self.assertEqual(notice["counts"], ANNUAL_COUNTS)
        self.assertEqual(notice["state"], "notice")

        self.open_notice(DESKTOP)
        self.assertEqual(self.browser.find("#notice-title").text, "2026年度 干部考核拟评结果公示")
        head = self.browser.find("#notice-head").text
        self.assertIn(self.town.name, head)
        self.assertEqual(self.browser.find("#notice-state").text, "公示中")
        ends = notice["notice_ends"]
        self.assertEqual(self.browser.find("#notice-ends time").get_attribute("datetime"), ends)
        self.assertIn(f"{int(ends[:4])}年{int(ends[5:7])}月{int(ends[8:])}日", self.browser.find("#notice-ends").text)
        self.assertEqual(self.browser.find("#excellent-title").text, "拟评优秀（3 人）")
        shown = [(li.find_element("css selector", ".name").text, li.find_element("css selector", ".dept").text)
                 for li in self.browser.find_all("#excellent-list li")]
        self.assertEqual(shown, EXCELLENT)
        counts = {li.get_attribute("data-grade"): li.find_element("css selector", ".count").text
                  for li in self.browser.find_all("#annual-counts li")}
        self.assertEqual(counts, {**{k: str(v) for k, v in ANNUAL_COUNTS.items()}, "待定": "1"}, "孙八 awaits the committee")
        self.assertIn("参加考核 7 人", self.browser.find("#counts-title").text)
        self.assertIn("异议记录里不保存您的网络地址", self.browser.find("#privacy").text)
        options = [o.text for o in self.browser.find_all("#objection-cadre option")]
        self.assertEqual(options[0], "请选择")
        self.assertEqual(sorted(options[1:]), sorted(name for name in self.town.cadres))
        self.assertEqual(self.browser.find("#objection-count").text, "已输入 0 / 1000 字")
        self.assertFalse(self.browser.find("#print-howto").is_displayed(), "only on paper")
        self.browser.screenshot("assessment-desktop", DESKTOP[0])
        self.browser.print_pdf("assessment-a4")

        driver = self.browser.driver
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            style = lambda css, prop: driver.execute_script(
                "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]]", css, prop)
            self.assertEqual(style("#objection", "display"), "none", "the form is not printed")
            self.assertNotEqual(style("#print-howto", "display"), "none", "the paper says where to object")
            self.assertIn(f"/assessment.html?township={self.town.code}&id={self.notice_id}", self.browser.find("#print-howto").text)
            self.assertNotEqual(style("#excellent-list", "display"), "none")
            self.assertNotEqual(style("#annual-counts", "display"), "none")
        finally:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

        self.open_notice(PHONE)
        self.assert_fits(PHONE[0])
        self.browser.screenshot("assessment-phone", PHONE[0])

        # The two pages link to each other.
        self.browser.find('#notice-head a[href^="reviews.html"]').click()
        self.browser.wait_visible("ranking-table")
        self.browser.find('#review-head a[href^="assessment.html"]').click()
        self.browser.wait_visible("notice-id")
        self.assertEqual(self.browser.find("#township").get_attribute("value"), self.town.code)
        self.browser.find("#notice-id").send_keys(str(self.notice_id))
        self.browser.find("#notice-form button").click()
        self.browser.wait_visible("excellent-list")

    def test_2_problems_are_shown_at_their_fields_and_nothing_is_sent(self):
        self.open_notice(PHONE)
        self.submit()
        self.browser.wait_visible("objection-cadre-error")
        self.assertEqual(self.browser.find("#objection-cadre-error").text, "请选择要提出异议的干部。")
        self.assertEqual(self.browser.find("#objection-text-error").text, "请填写异议内容。")
        self.assertEqual(self.browser.find("#objection-cadre").get_attribute("aria-invalid"), "true")
        self.assertEqual(self.browser.driver.execute_script("return document.activeElement.id"), "objection-cadre")

        self.fill("李四", "   \n　 ")
        self.submit()
        self.assertEqual(self.browser.find("#objection-text-error").text, "请填写异议内容。", "whitespace alone is empty")
        self.assertFalse(self.browser.find("#objection-cadre-error").is_displayed())

        self.fill("李四", "👍🏽" * 2 + "  ")
        self.assertEqual(self.browser.find("#objection-count").text, "已输入 4 / 1000 字", "code points after trimming")
        self.fill("李四", "字" * 1001)
        self.assertEqual(self.browser.find("#objection-count").text, "已输入 1001 / 1000 字，超出 1 字")
        self.submit()
        self.assertIn("最多 1000 字，现在是 1001 字", self.browser.find("#objection-text-error").text)
        self.fill("李四", " " + "字" * 1000 + "\n")
        self.assertEqual(self.browser.find("#objection-count").text, "已输入 1000 / 1000 字")

        # A cadre the server does not know (the page was changed, or the cadre left): its 422 at the field.
        self.browser.driver.execute_script(
            "const s = document.getElementById('objection-cadre'); s.options[s.selectedIndex].value = '999999'")
        self.submit()
        self.browser.wait_text("objection-cadre-error", "不在本次考核名单中")
        self.assertEqual(self.browser.driver.execute_script("return document.activeElement.id"), "objection-cadre")
        self.assertEqual(self.objections(), [], "nothing was accepted")
        self.browser.screenshot("assessment-phone-errors", PHONE[0])

    def test_3_an_objection_is_thanked_and_the_form_cleared(self):
        self.open_notice(PHONE)
        self.fill("钱七", "第一季度排名第一，第二季度排名末位，\n评为优秀不妥。")
        self.submit()
        report = self.wait_report("已收到您的异议")
        self.assertIn("谢谢您的监督", report)
        self.assertIn("ok", self.browser.find("#objection-message").get_attribute("class"))
        self.assertEqual(self.browser.find("#objection-cadre").get_attribute("value"), "")
        self.assertEqual(self.browser.find("#objection-text").get_attribute("value"), "")
        self.assertEqual(self.browser.find("#objection-count").text, "已输入 0 / 1000 字")
        stored = self.objections()
        self.assertEqual([(o["cadre_id"], o["text"]) for o in stored],
                         [(self.town.cadres["钱七"], "第一季度排名第一，第二季度排名末位，\n评为优秀不妥。")])
        self.assertIn(str(stored[0]["id"]), report)
        self.assertEqual(set(stored[0]) & {"address", "ip", "remote_address", "client"}, set(), "no sender kept")
        self.browser.screenshot("assessment-phone-thanks", PHONE[0])

    def test_4_markup_in_an_objection_is_sent_as_text_and_nothing_runs(self):
        text = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">张三"
        self.open_notice(DESKTOP)
        self.fill(SCRIPT_NAME, text)
        self.submit()
        self.wait_report("已收到您的异议")
        self.assertEqual(self.browser.driver.execute_script(
            "return document.querySelectorAll('#results script, #results img').length"), 0)
        self.assertIsNone(self.browser.driver.execute_script("return window.__pwned === undefined ? null : window.__pwned"))
        self.assertIn(SCRIPT_NAME, [o.text for o in self.browser.find_all("#objection-cadre option")])
        self.assertEqual(self.objections()[-1]["text"], text)
        self.assertEqual(self.objections()[-1]["cadre_id"], self.town.cadres[SCRIPT_NAME])

    def test_5_once_the_notice_is_over_objections_get_409_and_the_form_goes(self):
        # Another year on notice, finalized while the page is open.
        closing = open_assessment(self.town, 2024, days=1)
        self.open_notice(DESKTOP, closing)
        self.fill("张三", "公示期刚结束时提交")
        finalize_assessment(self.town, closing)
        self.submit()
        self.wait_report("公示期已结束，不再受理异议")
        self.assertFalse(self.browser.find("#objection-form").is_displayed())
        self.assertEqual(self.objections(closing), [])

        self.browser.driver.refresh()
        self.browser.wait_visible("notice-title")
        self.assertEqual(self.browser.find("#notice-title").text, "2024年度 干部考核结果")
        self.assertEqual(self.browser.find("#notice-state").text, "已定稿")
        self.assertIn("不再受理异议", self.browser.find("#objection-closed").text)
        self.assertEqual(self.browser.find_all("#objection-form"), [])
        self.assertEqual(self.browser.find("#excellent-title").text, "评为优秀（0 人）")

    def test_6_the_sixth_objection_within_an_hour_from_one_address_is_refused_politely(self):
        accepted = len(self.objections())
        self.assertEqual(accepted, 2, "test_3 and test_4 each had one accepted")
        for n in range(5 - accepted):
            status, body = self.public("POST", f"/v1/public/townships/{self.town.code}/assessments/{self.notice_id}/objections",
                                          {"cadre_id": self.town.cadres["李四"], "text": f"第 {n + 3} 条异议"})
            self.assertEqual(status, 201, body)
        self.open_notice(PHONE)
        self.fill("李四", "这是第六条异议")
        self.submit()
        report = self.wait_report("每小时最多提交 5 条")
        self.assertIn("分钟后再试", report)
        self.assertIn("感谢您的监督", report)
        self.assertIn("error", self.browser.find("#objection-message").get_attribute("class"))
        self.assertEqual(self.browser.find("#objection-text").get_attribute("value"), "这是第六条异议", "the text is kept")
        self.assertEqual(len(self.objections()), 5)
        self.assert_fits(PHONE[0])
        self.browser.screenshot("assessment-phone-429", PHONE[0])

    def test_7_a_notice_not_yet_public_or_a_township_unknown_gets_a_clear_message(self):
        self.browser.open(self.url(self.draft_id), PHONE)
        message = self.browser.wait_text("message", "还没有公示")
        self.assertIn(self.town.name, message)
        self.assertFalse(self.browser.find("#results").is_displayed())
        self.assertEqual(self.browser.find("#notice-id").get_attribute("value"), str(self.draft_id))

        self.browser.open(self.url(code="nosuchtown"), PHONE)
        message = self.browser.wait_text("message", "没有找到乡镇")
        self.assertIn("nosuchtown", message)
        self.assertFalse(self.browser.find("#results").is_displayed())

        self.browser.open(self.server.base_url + "/assessment.html?township=niumasi&id=abc", PHONE)
        self.browser.wait_text("message", "公示编号是一个数字")


if __name__ == "__main__":
    unittest.main()
