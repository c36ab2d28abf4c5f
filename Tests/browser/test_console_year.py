"""The township office's console (/admin/) for the rest of the year, in a real browser against
a live DuPing (contract §13 with §7, §9, §10, §11). The tests run in name order on one server:

1. 责任榜: the boards with their lights and counts; last month's checks for several targets
   entered in the one table (one of them refused by the API, its problem shown at its row while
   the others are saved), and the lights change; a target's due date moved (refused without a
   reason, at the field) and the move in its timeline.
2. 季评: a quarterly review created with this quarter's closed round, its draft ranking,
   finalized with commentary (asked twice), the finalized view and the archive records.
3. 年度考核: the year's assessment from draft through an override refused (422 at the row) and
   one accepted with a reason, the notice, an objection posted on the public API and answered in
   the console, a finalization refused (409: the cadre without a grade marked at its row), then
   graded and finalized with the reason for cutting the notice short.
4. 档案: a cadre's archive verified intact (完整), then altered in the SQLite file behind the
   server's back and verified again: 被改动, the altered record marked.
Phone (390×844) and desktop screenshots go to test-artifacts/browser/console-year-*.png."""

import datetime
import json
import os
import sqlite3
import unittest
import urllib.request

from selenium.webdriver.support.ui import Select

from browser import DESKTOP, PHONE, Browser
from console_page import ConsolePage
from console_year_fixture import VOTES, YearTownship
from duping_server import LiveServer

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARTIFACTS = os.environ.get("ARTIFACTS", os.path.join(ROOT, "test-artifacts", "browser"))
OBJECTION = "王五同志下村次数少，群众意见较大。<script>window.__pwned=1</script>"
ANSWER = "经核实，王五同志全年下村42天，已向反映人说明。"


class ConsoleYearTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = LiveServer(os.environ["DUPING_BIN"], os.path.join(ROOT, "Public")).start()
        try:
            cls.town = YearTownship(cls.server.api())
            cls.admin_token = cls.town.api.call("POST", f"{cls.town.base}/tokens", {"label": "镇组织办"}, expect=201)["token"]
            cls.api = cls.server.api(cls.admin_token)
            cls.browser = Browser(ARTIFACTS)
        except Exception:
            cls.server.stop()
            raise
        cls.page = ConsolePage(cls.browser, cls.server.base_url)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        with open(os.path.join(ARTIFACTS, "server-console-year.log"), "w", encoding="utf-8") as file:
            file.write("\n".join(cls.server.log_lines) + "\n")
        cls.server.stop()

    def tearDown(self):
        self.assertEqual(self.browser.console_errors(), [], "the page raised console errors")
        self.assertIsNone(self.browser.driver.execute_script("return window.__pwned || null"), "markup from the API ran")

    def path(self, suffix):
        return self.town.base + suffix

    def open(self, hash_path, size=DESKTOP):
        """Opens a console address, signing in the first time."""
        self.page.go(hash_path, size)
        self.browser.wait_visible("main")
        if self.browser.find("#signin").is_displayed():
            self.page.sign_in(self.town.code, self.admin_token)
        self.browser.wait_visible("console-nav")

    def wait(self, condition, timeout=10):
        return self.page.wait(condition, timeout)

    def row(self, table_id, key, value):
        return self.browser.find(f'#{table_id} tr[data-{key}="{value}"]')

    def assert_fits(self, width):
        self.assertLessEqual(self.browser.driver.execute_script("return document.documentElement.scrollWidth"), width,
                             "the page scrolls sideways")

    def confirm(self, button_id):
        """Clicks an irreversible step and then its 确定… button (the console asks twice)."""
        self.browser.find("#" + button_id).click()
        self.browser.wait_visible(button_id + "-confirm").click()

    def test_1_boards_and_the_months_checks_in_one_table(self):
        town, browser, projects = self.town, self.browser, self.town.projects
        self.open("#/boards")
        browser.wait_visible("legend")
        counts = {li.get_attribute("data-light"): li.find_element("css selector", ".count").text for li in browser.find_all("#legend li")}
        self.assertEqual((counts["red"], counts["yellow"], counts["cancelled"]), ("2", "2", "1"))
        self.assertEqual(self.row("board-service", "project", projects["村道硬化"]).find_element("css selector", ".light").text, "超期")
        browser.screenshot("console-year-boards-desktop", DESKTOP[0])

        # The checks table: last month, one row per target taking checks that month.
        browser.find("#checks-tab").click()
        browser.wait_visible("checks-table")
        Select(browser.find("#checks-month")).select_by_value(town.p_month)
        self.wait(lambda: town.p_month in self.browser.driver.current_url and browser.find_all("#checks-table"))
        self.wait(lambda: browser.find("#checks-table caption").text.startswith(town.p_month[:4] + "年" + str(int(town.p_month[5:])) + "月"))
        rows = {int(tr.get_attribute("data-project")): tr for tr in browser.find_all("#checks-table tbody tr")}
        self.assertEqual(set(rows), {projects[t] for t in ("村道硬化", "渠道修复", "文化广场", "光伏电站")},
                         "the cancelled target and the one without dates take no checks")
        light = lambda title: rows[projects[title]].find_element("css selector", ".light").text
        self.assertEqual([light(t) for t in ("村道硬化", "渠道修复", "文化广场", "光伏电站")], ["超期", "超期", "滞后", "滞后"])

        def enter(title, progress, assessment, note):
            tr = rows[projects[title]]
            field = tr.find_element("css selector", "input[type=number]")
            field.clear()
            field.send_keys(progress)
            if assessment:
                Select(tr.find_element("css selector", "select")).select_by_visible_text(assessment)
            tr.find_element("css selector", "input[type=text]").send_keys(note)

        enter("村道硬化", "30", "正常推进", "路基完成")
        enter("渠道修复", "150", "正常推进", "清淤完成")
        enter("文化广场", "25", "正常推进", "场地平整")
        enter("光伏电站", "100", None, "并网发电")  # 100 fills in 已完成
        self.assertEqual(Select(rows[projects["光伏电站"]].find_element("css selector", "select")).first_selected_option.text, "已完成")
        browser.screenshot("console-year-checks-entered-desktop", DESKTOP[0])
        browser.find("#checks-save").click()
        status = browser.wait_text("checks-status", "没有保存")
        self.assertIn("已保存 3 行", status)
        bad = rows[projects["渠道修复"]]
        self.assertIn("row-error", bad.get_attribute("class"))
        self.assertEqual(bad.find_element("css selector", "input[type=number]").get_attribute("aria-invalid"), "true")
        self.assertTrue(bad.find_element("css selector", '[data-field="progress"] .field-error').text, "the problem is at the field")
        self.assertEqual(rows[projects["村道硬化"]].find_element("css selector", ".row-result").text, "已录入")
        self.wait(lambda: light("村道硬化") == "正常")
        browser.screenshot("console-year-checks-refused-desktop", DESKTOP[0])
        self.assertEqual([light(t) for t in ("村道硬化", "渠道修复", "文化广场", "光伏电站")], ["正常", "超期", "正常", "已完成"])
        stored = self.api.call("GET", self.path(f"/projects/{projects['光伏电站']}/checks/{town.p_month}"))
        self.assertEqual((stored["progress"], stored["assessment"], stored["note"]), (100, "done", "并网发电"))

        # The refused row corrected (behind): only it is sent again.
        field = bad.find_element("css selector", "input[type=number]")
        field.clear()
        field.send_keys("10")
        Select(bad.find_element("css selector", "select")).select_by_visible_text("滞后")
        browser.find("#checks-save").click()
        browser.wait_text("checks-status", "已保存 1 行")
        self.wait(lambda: light("渠道修复") == "滞后")
        self.assertNotIn("row-error", bad.get_attribute("class"))
        browser.screenshot("console-year-checks-desktop", DESKTOP[0])
        browser.size(PHONE)
        self.assert_fits(PHONE[0])
        browser.screenshot("console-year-checks-phone", PHONE[0])
        board = self.api.call("GET", self.path("/responsibility"))
        self.assertEqual(board["lights"]["green"], 2)

        # A target's due date: refused without a reason (at the field), then moved with one.
        self.open(f"#/boards/project/{projects['文化广场']}")
        browser.wait_visible("due-form")
        due = browser.find('#due-form [data-field="due"] input')
        browser.driver.execute_script("arguments[0].value = arguments[1]", due, (town.today + datetime.timedelta(days=365)).isoformat())
        browser.find("#due-form button[type=submit]").click()
        self.wait(lambda: browser.find_all('#due-form [data-field="due_change_reason"] .field-error'))
        self.page.fill("due_change_reason", "村民议事会要求扩建", scope="#due-form")
        browser.find("#due-form button[type=submit]").click()
        browser.wait_text("project-status", "期限已改为")
        self.wait(lambda: browser.find_all('#timeline-table tr[data-event="due_changed"]'))
        self.assertIn("村民议事会要求扩建", browser.find('#timeline-table tr[data-event="due_changed"]').text)
        self.assertIn("督查 " + town.p_month, browser.find('#timeline-table tr[data-event="check"]').text)
        browser.screenshot("console-year-project-phone", PHONE[0])

    def test_2_a_quarterly_review_created_and_finalized(self):
        town, browser = self.town, self.browser
        self.open("#/reviews")
        browser.wait_visible("review-form")
        self.assertEqual(browser.find('#review-form [data-field="period"] input').get_attribute("value"), town.quarter)
        Select(browser.find('#review-form [data-field="round_id"] select')).select_by_value(str(town.round_id))
        # Votes only: 赵六, scored by his targets alone, stays unranked whatever day the test runs.
        self.page.fill("weights.tasks", "0", scope="#review-form")
        self.page.fill("weights.votes", "100", scope="#review-form")
        browser.find("#review-submit").click()
        browser.wait_visible("review-ranking")
        self.assertIn("草稿", browser.find("#review-state").text)
        ranking = [tr.find_element("css selector", "td.lead").text for tr in browser.find_all("#review-ranking tbody tr")]
        self.assertEqual(ranking, ["张三", "李四", "钱七", "王五", "赵六", "孙八"], "ranked by score, the unscored last")
        first = self.row("review-ranking", "cadre", town.cadres["张三"])
        self.assertEqual(first.find_element("css selector", ".grade").text, "好")
        self.assertEqual(first.find_element("css selector", "td.composite").text, f"{VOTES['张三']:.2f}")
        browser.size(PHONE)
        self.assert_fits(PHONE[0])
        browser.screenshot("console-year-review-draft-phone", PHONE[0])
        browser.size(DESKTOP)

        browser.find("#review-commentary-input").send_keys("本季度张三、李四同志表现突出。\n王五同志要加强下村。")
        browser.find("#finalize-review").click()
        self.assertEqual(self.api.call("GET", self.path("/quarterly-reviews"))["items"][0]["state"], "draft", "nothing before the second click")
        browser.wait_visible("finalize-review-confirm").click()
        browser.wait_text("review-status", "已定稿")
        self.assertIn("已定稿", browser.find("#review-state").text)
        self.assertIn("王五同志要加强下村。", browser.find("#review-commentary").text)
        self.assertFalse(browser.find_all("#review-finalize"), "no finalize form on a final review")
        browser.screenshot("console-year-review-final-desktop", DESKTOP[0])
        archive = self.api.call("GET", self.path(f"/cadres/{town.cadres['张三']}/archive"))["items"]
        self.assertEqual([(r["kind"], r["period"]) for r in archive], [("quarterly_review", town.quarter)])
        self.open("#/reviews")
        self.wait(lambda: browser.find_all("#reviews-table"))
        self.assertIn("已定稿", browser.find("#reviews-table tbody tr").text)

    def test_3_the_year_end_assessment_from_draft_to_final(self):
        town, browser, cadres = self.town, self.browser, self.town.cadres
        self.open("#/assessments")
        browser.wait_visible("assessment-form")
        self.page.fill("excellent_quota", "0.5", scope="#assessment-form")
        browser.find("#assessment-submit").click()
        browser.wait_visible("assessment-cadres")
        self.assertIn("草稿", browser.find("#assessment-state").text)
        grade = lambda name: self.row("assessment-cadres", "cadre", cadres[name]).find_element("css selector", "td.grade-cell .grade").text
        self.assertEqual([grade(n) for n in ("张三", "李四", "王五", "孙八")], ["优秀", "优秀", "称职", "未定"])

        def override(name, word, reason):
            form = self.row("assessment-cadres", "cadre", cadres[name]).find_element("css selector", "form.override")
            Select(form.find_element("css selector", "select")).select_by_visible_text(word)
            text = form.find_element("css selector", "input")
            text.clear()
            text.send_keys(reason)
            form.find_element("css selector", "button").click()

        # 王五 never had a quarterly 好: 优秀 is refused, and the refusal is shown in his row.
        override("王五", "优秀", "群众评价好")
        self.wait(lambda: "row-error" in self.row("assessment-cadres", "cadre", cadres["王五"]).get_attribute("class"))
        problem = self.row("assessment-cadres", "cadre", cadres["王五"]).find_element("css selector", ".field-error")
        self.assertTrue(problem.is_displayed() and problem.text)
        browser.screenshot("console-year-assessment-refused-desktop", DESKTOP[0])
        override("王五", "基本称职", "全年下村天数不足")
        browser.wait_text("assessment-status", "已改定：王五 基本称职")
        self.assertEqual(grade("王五"), "基本称职")
        self.assertIn("全年下村天数不足", self.row("assessment-cadres", "cadre", cadres["王五"]).text)
        row = [r for r in self.api.call("GET", self.path("/assessments"))["items"]]
        assessment_id = row[0]["id"]
        stored = {r["cadre_id"]: r for r in self.api.call("GET", self.path(f"/assessments/{assessment_id}"))["cadres"]}
        self.assertEqual((stored[cadres["王五"]]["grade"], stored[cadres["王五"]]["proposed"]), ("基本称职", "称职"))

        # The notice (asked twice), then an objection from the public.
        browser.find("#notice-days").clear()
        browser.find("#notice-days").send_keys("5")
        self.confirm("start-notice")
        browser.wait_text("assessment-status", "已开始公示")
        self.assertIn("公示中", browser.find("#assessment-state").text)
        request = urllib.request.Request(
            f"{self.server.base_url}/v1/public/townships/{town.code}/assessments/{assessment_id}/objections",
            data=json.dumps({"cadre_id": cadres["王五"], "text": OBJECTION}).encode("utf-8"), method="POST",
            headers={"Content-Type": "application/json", "Accept": "application/json"})
        with urllib.request.urlopen(request, timeout=20) as response:
            self.assertEqual(response.status, 201)
        self.assertIn("（0 件）", browser.find("#objections-title").text)
        browser.find("#refresh-objections").click()
        browser.wait_visible("objection-list")
        item = browser.find("#objection-list li.objection")
        self.assertIn(OBJECTION, item.find_element("css selector", ".objection-text").text, "the objection as text")
        self.assertIn("对 王五", item.text)
        item.find_element("css selector", "textarea").send_keys(ANSWER)
        item.find_element("css selector", "form button").click()
        self.wait(lambda: "已保存答复" in item.text)
        self.assertIn(ANSWER, item.find_element("css selector", ".answer-shown").text)
        self.assertEqual(self.api.call("GET", self.path(f"/assessments/{assessment_id}/objections"))["items"][0]["response"], ANSWER)

        # Finalize: 孙八 has no grade (409, marked at his row); the notice runs, so a reason to cut it short.
        self.assertTrue(browser.find("#notice-cut-short").is_displayed())
        browser.find("#assessment-commentary").send_keys("经公示，考核结果如下。")
        browser.find("#notice-cut-short").send_keys("县委组织部要求12月底前报送")
        self.confirm("finalize-assessment")
        message = browser.wait_text("finalize-message", "孙八")
        self.assertIn("没有等次", message)
        self.assertIn("row-error", self.row("assessment-cadres", "cadre", cadres["孙八"]).get_attribute("class"))
        browser.screenshot("console-year-assessment-ungraded-desktop", DESKTOP[0])
        override("孙八", "称职", "全年无测评数据，经镇党委研究评定")
        browser.wait_text("assessment-status", "已改定：孙八 称职")
        browser.find("#assessment-commentary").send_keys("经公示，考核结果如下。")
        browser.find("#notice-cut-short").send_keys("县委组织部要求12月底前报送")
        browser.size(PHONE)
        self.assert_fits(PHONE[0])
        browser.screenshot("console-year-assessment-notice-phone", PHONE[0])
        browser.size(DESKTOP)
        self.confirm("finalize-assessment")
        browser.wait_text("assessment-status", "已定稿")
        self.assertIn("已定稿", browser.find("#assessment-state").text)
        self.assertIn("县委组织部要求12月底前报送", browser.find("#assessment-final").text)
        self.assertFalse(browser.find_all("form.override"), "no overrides once final")
        self.assertNotIn("null", browser.find("#view").text)
        browser.screenshot("console-year-assessment-final-desktop", DESKTOP[0])
        final = self.api.call("GET", self.path(f"/assessments/{assessment_id}"))
        self.assertEqual((final["state"], final["notice_cut_short"]), ("final", "县委组织部要求12月底前报送"))
        records = self.api.call("GET", self.path(f"/cadres/{cadres['王五']}/archive"))["items"]
        self.assertEqual(records[-1]["kind"], "annual_assessment")
        self.assertEqual((records[-1]["data"]["grade"], records[-1]["data"]["reason"]), ("基本称职", "全年下村天数不足"))

    def test_4_an_archive_verified_then_altered(self):
        town, browser = self.town, self.browser
        cadre = town.cadres["张三"]
        self.open("#/archive")
        Select(browser.wait_visible("archive-cadre")).select_by_visible_text("张三")
        browser.wait_visible("archive-table")
        kinds = [tr.get_attribute("data-kind") for tr in browser.find_all("#archive-table tbody tr")]
        self.assertEqual(kinds, ["quarterly_review", "annual_assessment"])
        browser.find("#verify-archive").click()
        self.assertEqual(browser.wait_text("verify-result", "完整"), "完整：共 2 条记录，逐条核对哈希链，没有被改动。")
        browser.screenshot("console-year-archive-desktop", DESKTOP[0])

        # Someone changes the quarterly grade in the database file itself.
        database = sqlite3.connect(os.path.join(self.server.data_dir, "duping.sqlite"), timeout=10)
        with database:
            altered = database.execute("UPDATE archive_records SET data = replace(data, '\"好\"', '\"较好\"') WHERE cadre_id = ? AND seq = 1",
                                       (cadre,)).rowcount
        database.close()
        self.assertEqual(altered, 1)
        self.open(f"#/archive/{cadre}", PHONE)
        browser.wait_visible("archive-table")
        browser.find("#verify-archive").click()
        text = browser.wait_text("verify-result", "被改动")
        self.assertIn("从第 1 条记录（季评排队", text)
        self.assertIn("row-error", self.row("archive-table", "seq", 1).get_attribute("class"))
        self.assertNotIn("row-error", self.row("archive-table", "seq", 2).get_attribute("class"))
        self.assert_fits(PHONE[0])
        browser.screenshot("console-year-archive-altered-phone", PHONE[0])


if __name__ == "__main__":
    unittest.main()
