"""The township office's console (/admin/) in a real browser against a live DuPing.

test_1 is a whole half year driven through the console: sign in with the admin token, import
the panel from Excel-style CSV files (departments, cadres with the departments' ids, evaluators),
add a project and edit a cadre, create and open a round, read the codes from the slips window,
vote through ballot.html with each code, watch turnout, close, download results.csv, publish
with commentary, and read the result on the public board. The others: a CSV with bad rows shows
each error at its row and stores nothing; a round form problem lands at its field; the token is
never in an address; sign-out clears sessionStorage; phone and desktop layouts fit."""

import os
import zipfile
import tempfile
import unittest

from ballot_page import BallotPage
from browser import DESKTOP, PHONE, Browser
from console_page import ConsolePage
from duping_server import LiveServer

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARTIFACTS = os.environ.get("ARTIFACTS", os.path.join(ROOT, "test-artifacts", "browser"))
CODE, NAME = "niumasi", "牛马司镇"
TITLE = "2026年下半年三督六评"
COMMENTARY = "本轮收回有效选票3张。\n张三同志群众最满意，予以表彰；王五同志待岗。"


class ConsoleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = LiveServer(os.environ["DUPING_BIN"], os.path.join(ROOT, "Public")).start()
        try:
            root = cls.server.api()
            root.call("POST", "/v1/townships", {"code": CODE, "name": NAME}, expect=201)
            cls.admin_token = root.call("POST", f"/v1/townships/{CODE}/tokens", {"label": "镇组织办"}, expect=201)["token"]
            cls.api = cls.server.api(cls.admin_token)
            cls.browser = Browser(ARTIFACTS)
        except Exception:
            cls.server.stop()
            raise
        cls.downloads = tempfile.mkdtemp(prefix="duping-console-downloads-")
        cls.browser.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": cls.downloads})
        cls.page = ConsolePage(cls.browser, cls.server.base_url)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        with open(os.path.join(ARTIFACTS, "server-console.log"), "w", encoding="utf-8") as file:
            file.write("\n".join(cls.server.log_lines) + "\n")
        cls.server.stop()

    def tearDown(self):
        self.assertEqual(self.browser.console_errors(), [], "the page raised console errors")

    def base(self, suffix=""):
        return f"/v1/townships/{CODE}{suffix}"

    def ensure_signed_in(self, size=DESKTOP):
        self.page.go("#/rounds", size)
        if self.browser.find("#signin").is_displayed():
            self.page.sign_in(CODE, self.admin_token)
        self.browser.wait_visible("console-nav")

    def assert_fits(self, width):
        self.assertLessEqual(self.browser.driver.execute_script("return document.documentElement.scrollWidth"), width,
                             "the page scrolls sideways")

    def test_1_a_half_year_through_the_console(self):
        page, browser = self.page, self.browser
        page.go("", DESKTOP)
        browser.wait_visible("signin-form")
        page.sign_in(CODE, "not-a-token")
        self.assertIn("令牌", browser.wait_visible("signin-message").text)
        page.sign_in(CODE, self.admin_token)
        browser.wait_visible("console-nav")
        self.assertIn(NAME, browser.find("#township-name").text)
        self.assertEqual(page.session_storage(), {"duping.console": f'{{"township":"{CODE}","name":"{NAME}","token":"{self.admin_token}"}}'})
        self.assertEqual(browser.driver.execute_script("return localStorage.length"), 0, "nothing kept beyond the tab")

        # The panel from Excel: departments first, then cadres naming the departments' ids.
        page.registry("departments")
        message = page.import_csv(page.write_csv("departments.csv", ["name", "党政办", "民政办"]))
        self.assertIn("已导入 2 个部门", message.text)
        departments = {cells[1]: id_ for id_, cells in page.table_rows()}
        self.assertEqual(set(departments), {"党政办", "民政办"})
        browser.screenshot("console-registry-desktop", DESKTOP[0])
        browser.find(".toolbar button.secondary").click()
        export = os.path.join(self.downloads, f"{CODE}-departments.csv")
        page.wait(lambda: os.path.exists(export) and os.path.getsize(export) > 0)
        with open(export, "rb") as file:
            self.assertEqual(file.read().decode("utf-8"),
                             f"\ufeffid,name,active\r\n{departments['党政办']},党政办,true\r\n{departments['民政办']},民政办,true\r\n")

        page.registry("cadres")
        page.import_csv(page.write_csv("cadres.csv", [
            "name,department_id,post", f"张三,{departments['党政办']},主任", f"李四,{departments['党政办']},",
            f'王五,{departments["民政办"]},"所长,兼站长"']))
        self.assertIn("已导入 3 个干部", browser.find("#import-message").text)
        cadres = {cells[1]: id_ for id_, cells in page.table_rows()}
        rows = {cells[1]: cells for _, cells in page.table_rows()}
        self.assertEqual(rows["王五"][2:4], ["民政办", "所长,兼站长"], "department by name, a quoted comma kept")

        page.registry("evaluators")
        page.import_csv(page.write_csv("evaluators.csv", [
            "name,category,village", "刘代表,deputy,一村", "陈支书,village_cadre,二村", "周老,retired_cadre,三村"]))
        self.assertEqual(len(page.table_rows()), 3)

        # Edit one cadre and add one project through the forms.
        page.registry("cadres")
        browser.find(f'#registry-table tr[data-id="{cadres["李四"]}"] button').click()
        page.fill("post", "副主任")
        browser.find("#item-form button[type=submit]").click()
        browser.wait_text("registry-status", "已保存：李四")
        self.assertEqual(self.api.call("GET", self.base(f"/cadres/{cadres['李四']}"))["post"], "副主任")
        page.registry("projects")
        browser.find(".toolbar button").click()
        page.fill("title", "修建村道")
        page.fill("board", "为民办实事")
        page.fill("year", "2026")
        browser.find("#item-form button[type=submit]").click()
        browser.wait_text("registry-status", "已保存：修建村道")
        self.assertEqual([p["title"] for p in self.api.call("GET", self.base("/projects"))["items"]], ["修建村道"])

        # A round: create, open, read the slips.
        page.go("#/rounds")
        browser.wait_visible("new-round").click()
        browser.wait_visible("round-form")
        page.fill("title", TITLE, scope="#round-form")
        page.fill("period", "2026-H2", scope="#round-form")
        browser.find("#round-submit").click()
        self.assertEqual(browser.wait_text("round-state", "草稿"), "草稿")
        round_id = int(browser.driver.current_url.rsplit("/", 1)[1])
        page.note_url()
        slips, slips_url = page.open_slips(screenshot="console-slips-desktop")
        self.assertTrue(slips_url.startswith("blob:"), slips_url)
        self.assertEqual(len(slips), 3)
        self.assertIn("已生成 3 张测评码纸条", browser.wait_visible("round-status").text)
        for text, code, link in slips:
            self.assertRegex(code, r"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")
            self.assertTrue(link.endswith("/ballot.html#token=" + code), link)
            self.assertIn(TITLE, text)
        self.assertEqual(browser.wait_text("turnout-total", "已投"), "已投 0 / 应投 3（0%）")
        self.assertEqual(browser.find("#round-state").text, "测评中")

        # 刘代表 lost the slip: a new one, the old code dead.
        browser.find("#turnout details.waiting summary").click()
        waiting = [li.text.split("\n")[0] for li in browser.find_all(".waiting-list li")]
        self.assertEqual(waiting, ["刘代表", "陈支书", "周老"])
        (reissued,), _ = page.open_slips(button=".waiting-list li:first-child button")
        self.assertIn("刘代表", reissued[0])
        lost = next(s for s in slips if "刘代表" in s[0])
        self.assertNotEqual(reissued[1], lost[1])
        status, _ = self.server.api(lost[1]).request("GET", "/v1/ballot")
        self.assertEqual(status, 401, "the lost code no longer opens the form")
        slips = [reissued if s is lost else s for s in slips]

        # Each evaluator votes on a phone with the code from the slip.
        ballot = BallotPage(browser, self.server.base_url)
        for _, code, _ in slips:
            ballot.open_with_fragment(code, PHONE)
            ballot.wait_form()
            ballot.score("cadre", cadres["张三"], (95, 96, 94))
            ballot.score("cadre", cadres["李四"], (80, 81, 82))
            ballot.score("cadre", cadres["王五"], (60, 61, 62))
            ballot.pick("most-cadre", cadres["张三"])
            ballot.pick("least-cadre", cadres["王五"])
            ballot.to_review()
            ballot.submit()
            browser.wait_visible("step-done")

        self.ensure_signed_in(PHONE)
        page.go(f"#/rounds/{round_id}", PHONE)
        self.assertEqual(browser.wait_text("turnout-total", "已投 3"), "已投 3 / 应投 3（100%）")
        shown = {tr.get_attribute("data-category"): tr.text for tr in browser.find_all("#turnout-table tbody tr")}
        self.assertEqual(set(shown), {"deputy", "village_cadre", "retired_cadre"})
        self.assert_fits(PHONE[0])
        browser.screenshot("console-turnout-phone", PHONE[0])

        # Close (asked twice), results with the chart, results.csv, publish.
        browser.size(DESKTOP)
        browser.find("#close-round").click()
        browser.wait_visible("close-round-confirm").click()
        browser.wait_visible("composite-chart")
        self.assertIn("已截止投票", browser.find("#round-status").text)
        bars = [li.find_element("css selector", ".bar-name").text for li in browser.find_all("#composite-chart li")]
        self.assertEqual(bars, ["张三", "李四", "王五"])
        widths = [browser.driver.execute_script("return arguments[0].style.width", e) for e in browser.find_all("#composite-chart .bar-fill")]
        self.assertEqual(widths, ["95%", "81%", "61%"])
        self.assertIn("最满意干部（表彰）：张三", browser.find("#designations").text)
        self.assertIn("最不满意干部（待岗）：王五", browser.find("#designations").text)
        browser.find("#results-csv").click()
        csv_path = os.path.join(self.downloads, f"round-{round_id}-results.csv")
        page.wait(lambda: os.path.exists(csv_path) and os.path.getsize(csv_path) > 0)
        with open(csv_path, "rb") as file:
            raw = file.read()
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf\xe6\x8e\x92\xe5\x90\x8d"), "BOM then 排名, as the server sent it")
        self.assertIn("张三", raw.decode("utf-8"))
        browser.find("#results-xlsx").click()
        xlsx_path = os.path.join(self.downloads, f"round-{round_id}-results.xlsx")
        page.wait(lambda: os.path.exists(xlsx_path) and os.path.getsize(xlsx_path) > 0)
        with zipfile.ZipFile(xlsx_path) as workbook:
            self.assertIn("xl/worksheets/sheet1.xml", workbook.namelist(), "the .xlsx twin is a real workbook")
            self.assertIn("张三", workbook.read("xl/sharedStrings.xml").decode("utf-8"))
        browser.screenshot("console-results-desktop", DESKTOP[0])
        browser.screenshot("console-results-phone", PHONE[0])
        browser.print_pdf("console-results-a4")

        browser.find("#commentary").send_keys(COMMENTARY)
        browser.find("#publish-round").click()
        browser.wait_visible("publish-round-confirm").click()
        self.assertEqual(browser.wait_text("round-state", "已公布"), "已公布")
        self.assertIn("已公布", browser.find("#round-status").text)
        board_href = browser.find("#public-board").get_attribute("href")
        self.assertEqual(self.api.call("GET", self.base(f"/cadres/{cadres['王五']}"))["status"], "suspended")

        browser.open(board_href, DESKTOP)
        browser.wait_text("board-title", TITLE)
        self.assertIn("张三", browser.find(".notice.commend").text)
        self.assertIn("予以表彰", browser.find(".commentary").text)
        self.assertTrue(all(self.admin_token not in url for url in page.urls + [browser.driver.current_url]),
                        "the token never appears in an address")

    def test_2_a_bad_row_is_shown_at_its_row_and_nothing_is_stored(self):
        self.ensure_signed_in()
        page, browser = self.page, self.browser
        before = len(self.api.call("GET", self.base("/evaluators"))["items"])
        page.registry("evaluators")
        message = page.import_csv(page.write_csv("panel.csv", [
            "name,category,village", "吴大姐,contact_household,四村", '"孙主任",mayor,"五村"', "郑会计,village_cadre,六村", ",deputy,七村"]))
        self.assertIn("出错的行在下表中标出", message.text)
        bad = {tr.get_attribute("data-row"): tr for tr in browser.find_all("#import-rows tr.row-error")}
        self.assertEqual(set(bad), {"2", "4"})
        cells = bad["2"].find_elements("css selector", "td")
        self.assertEqual(cells[0].text, "3", "the spreadsheet line: header = line 1")
        self.assertIn("category", cells[1].text)
        self.assertEqual(cells[3].text, "mayor")
        self.assertIn("cell-error", cells[3].get_attribute("class"), "the category cell is marked")
        self.assertIn("name", bad["4"].find_elements("css selector", "td")[1].text)
        self.assertEqual(len(browser.find_all("#import-rows tbody tr")), 4, "a short file shows every row")
        self.assertEqual(len(self.api.call("GET", self.base("/evaluators"))["items"]), before, "all or nothing")
        browser.screenshot("console-import-errors-phone", PHONE[0])

        # A file Excel saved as plain "CSV" on Chinese Windows (GBK) is explained, not sent.
        gbk = os.path.join(tempfile.mkdtemp(), "gbk.csv")
        with open(gbk, "wb") as file:
            file.write("name,category\r\n王老五,deputy\r\n".encode("gbk"))
        self.assertIn("CSV UTF-8", page.import_csv(gbk).text)

    def test_3_a_round_problem_is_shown_at_its_field(self):
        self.ensure_signed_in()
        page, browser = self.page, self.browser
        page.go("#/rounds/new")
        browser.wait_visible("round-form")
        page.fill("title", "季评", scope="#round-form")
        page.fill("period", "2026-H5", scope="#round-form")
        page.fill("scale.max", "-5", scope="#round-form")
        browser.find("#round-submit").click()
        browser.wait_visible("round-form-message")
        period_error = browser.find('#round-form [data-field="period"] .field-error').text
        self.assertTrue(period_error)
        self.assertTrue(browser.find('#round-form [data-field="scale.max"] .field-error').text)
        self.assertEqual(browser.find('#round-form [data-field="period"] input').get_attribute("aria-invalid"), "true")
        self.assertIn("/admin/#/rounds/new", browser.driver.current_url, "nothing created, the form stays")
        browser.screenshot("console-round-form-phone", PHONE[0])

    def test_4_sign_out_clears_the_session(self):
        self.ensure_signed_in(PHONE)
        page, browser = self.page, self.browser
        page.registry("cadres")
        self.assert_fits(PHONE[0])
        browser.screenshot("console-registry-phone", PHONE[0])
        browser.find("#sign-out").click()
        browser.wait_visible("signin-form")
        self.assertEqual(page.session_storage(), {})
        self.assertNotIn("#", browser.driver.current_url)
        page.go("#/rounds")
        browser.wait_visible("signin-form")
        self.assertFalse(browser.find("#console").is_displayed())
        self.assertTrue(all(self.admin_token not in url for url in page.urls))
        self.assertFalse([line for line in self.server.log_lines if self.admin_token in line], "the token never reaches the log")


if __name__ == "__main__":
    unittest.main()
