"""responsibility.html in a real browser against a live DuPing: a township whose boards show
every status light on one as-of date (responsibility_fixture.py), read on a desktop, a phone
and on paper; the village filter, a new as-of date, a note that looks like markup, and a
township that does not exist."""

import os
import unittest
import urllib.parse

from selenium.webdriver.support.ui import Select, WebDriverWait

from browser import DESKTOP, PHONE, SMALL_PHONE, Browser
from duping_server import LiveServer
from responsibility_fixture import AS_OF, PROJECTS, QUOTAS, SCRIPT_NOTE, SERVICE_PROJECTS, ResponsibilityTownship

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARTIFACTS = os.environ.get("ARTIFACTS", os.path.join(ROOT, "test-artifacts", "browser"))
WORDS = {"red": "超期", "yellow": "滞后", "blue": "临期", "green": "正常", "done": "已完成", "cancelled": "已取消", None: "未排期"}
ALL_LIGHTS = ("red", "yellow", "blue", "green", "done", "cancelled")


class ResponsibilityPageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = LiveServer(os.environ["DUPING_BIN"], os.path.join(ROOT, "Public")).start()
        try:
            cls.town = ResponsibilityTownship(cls.server.api())
            cls.browser = Browser(ARTIFACTS)
        except Exception:
            cls.server.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        with open(os.path.join(ARTIFACTS, "server-responsibility.log"), "w", encoding="utf-8") as file:
            file.write("\n".join(cls.server.log_lines) + "\n")
        cls.server.stop()

    def tearDown(self):
        self.assertEqual(self.browser.console_errors(), [], "the page raised console errors")

    def url(self, **params):
        query = {"township": self.town.code, **params}
        return self.server.base_url + "/responsibility.html?" + urllib.parse.urlencode(query)

    def open_board(self, size, **params):
        self.browser.open(self.url(**params), size)
        self.browser.wait_visible("resp-title")

    def row(self, title):
        return self.browser.find(f'tr[data-project="{self.town.projects[title].id}"]')

    def visible_titles(self):
        return sorted(e.text for e in self.browser.find_all("#filtered tr[data-project] .title") if e.is_displayed())

    def assert_fits(self, width):
        scroll_width = self.browser.driver.execute_script("return document.documentElement.scrollWidth")
        self.assertLessEqual(scroll_width, width, "the page scrolls sideways")

    def test_1_every_light_is_shown_with_its_word_on_the_right_board(self):
        data = self.town.board()
        self.assertEqual({i["title"]: i["light"] for b in data["boards"].values() for i in b},
                         {p.title: p.light for p in PROJECTS}, "the server's lights on " + AS_OF)
        self.open_board(DESKTOP, as_of=AS_OF)
        self.assertEqual(self.browser.find("#resp-title").text, f"2026年 责任榜 · 截至 {AS_OF}")
        self.assertIn(self.town.name, self.browser.find("#resp-head").text)
        for p in PROJECTS:
            row = self.row(p.title)
            self.assertEqual(row.find_element("css selector", ".light").text, WORDS[p.light], p.title)
            board = row.find_element("xpath", "ancestor::section[contains(@class,'board')]").get_attribute("id")
            self.assertEqual(board, "board-" + p.board, p.title)
        headings = [e.text for e in self.browser.find_all("section.board h2")]
        self.assertEqual([h.split("（")[0] for h in headings], ["为民办实事", "为民排忧解难", "为民脱贫致富"])

        for light in ALL_LIGHTS:
            item = self.browser.find(f'#legend li[data-light="{light}"]')
            self.assertIn(WORDS[light], item.text)
            shown = item.find_element("css selector", ".count").text
            self.assertEqual(shown, str(data["lights"][light]), light)
            self.assertEqual(shown, str(sum(1 for p in PROJECTS if p.light == light)), light)

        self.assertIn("硬化村道 3.2 公里", self.row("修建村道").find_element("css selector", ".target").text)
        water = self.row("自来水入户").text
        self.assertIn("延期 1 次，原期限 2026-11-30", water)
        self.assertIn("至 2026-12-31", water)
        self.assertNotIn("延期", self.row("茶叶合作社").text)
        planned = {i["title"]: i["planned"] for b in data["boards"].values() for i in b}
        self.assertIn(f"进度 40% / 计划 {planned['自来水入户']}%", water)
        self.assertIn("2026-09 滞后", water)
        self.assertIn("管材未到", water)
        self.assertIn("2026-08 已完成", self.row("路灯安装").text)
        unscheduled = self.row("危房改造摸底").text
        self.assertIn("未督查", unscheduled)
        self.assertIn("暂无督查", unscheduled)

        quota = self.browser.find("#township-quota").text
        self.assertIn(f"{SERVICE_PROJECTS} 项", quota)
        self.assertIn("不少于 5 项", quota)
        self.assertIn("未达标", quota)
        for name, (count, met) in QUOTAS.items():
            cadre = self.browser.find(f'#quotas tr[data-cadre="{self.town.cadres[name]}"]')
            cells = [c.text for c in cadre.find_elements("css selector", "td")]
            self.assertEqual(cells[0], name)
            self.assertEqual(cells[2:], [str(count), "2", "达标" if met else "未达标"], name)
        self.browser.screenshot("responsibility-desktop", DESKTOP[0])
        self.browser.print_pdf("responsibility-a4")

    def test_2_a_note_that_looks_like_markup_is_shown_as_text(self):
        self.open_board(DESKTOP, as_of=AS_OF)
        note = self.row("村部修缮").find_element("css selector", ".note")
        self.assertEqual(note.text, SCRIPT_NOTE)
        driver = self.browser.driver
        self.assertEqual(driver.execute_script("return document.querySelectorAll('#results script').length"), 0)
        self.assertIsNone(driver.execute_script("return window.__pwned === undefined ? null : window.__pwned"))

    def test_3_the_village_filter_hides_other_villages_and_survives_a_reload(self):
        everything = sorted(p.title for p in PROJECTS)
        self.open_board(DESKTOP, as_of=AS_OF)
        self.assertEqual(self.visible_titles(), everything)
        options = [o.text for o in Select(self.browser.find("#village")).options]
        self.assertEqual(options[0], "全部")
        self.assertEqual(sorted(options[1:]), ["杨桥村", "石桥村", "龙山村"])

        Select(self.browser.find("#village")).select_by_visible_text("杨桥村")
        yangqiao = sorted(p.title for p in PROJECTS if p.village == "杨桥村")
        self.assertEqual(self.visible_titles(), yangqiao)
        self.assertIn("杨桥村在本榜暂无项目", self.browser.find("#board-relief").text)
        self.assertIn("只看杨桥村", self.browser.find("#filter-status").text)
        self.assertEqual([e.text for e in self.browser.find_all("#quotas tbody td.lead")], ["王五"])
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.browser.driver.current_url).query)
        self.assertEqual(query.get("village"), ["杨桥村"])
        self.assertEqual(query.get("as_of"), [AS_OF])

        self.browser.driver.refresh()
        self.browser.wait_visible("resp-title")
        self.assertEqual(Select(self.browser.find("#village")).first_selected_option.text, "杨桥村")
        self.assertEqual(self.visible_titles(), yangqiao)
        self.browser.screenshot("responsibility-desktop-village", DESKTOP[0])

        Select(self.browser.find("#village")).select_by_visible_text("全部")
        self.assertEqual(self.visible_titles(), everything)
        self.assertNotIn("village=", self.browser.driver.current_url)
        self.assertFalse(self.browser.find("#filter-status").is_displayed())

    def test_4_a_new_as_of_date_reloads_the_board_for_that_date(self):
        self.open_board(DESKTOP, as_of=AS_OF, village="石桥村")
        self.assertEqual(self.row("路灯安装").find_element("css selector", ".light").text, "已完成")
        self.browser.driver.execute_script("document.getElementById('as-of').value = '2026-07-15'")
        self.browser.find("#controls button[type=submit]").click()
        self.browser.wait_text("resp-title", "截至 2026-07-15")
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.browser.driver.current_url).query)
        self.assertEqual(query.get("as_of"), ["2026-07-15"])
        self.assertEqual(query.get("village"), ["石桥村"], "the filter is kept")
        # The August check that says done is not seen in July.
        expected = {i["title"]: i["light"] for b in self.town.board("2026-07-15")["boards"].values() for i in b}
        self.assertNotEqual(expected["路灯安装"], "done")
        self.assertEqual(self.row("路灯安装").find_element("css selector", ".light").text, WORDS[expected["路灯安装"]])
        self.assertEqual(self.browser.find("#as-of").get_attribute("value"), "2026-07-15")

    def test_5_a_phone_reads_the_board_without_sideways_scrolling(self):
        self.open_board(PHONE, as_of=AS_OF)
        self.assert_fits(PHONE[0])
        row = self.row("自来水入户")
        self.assertEqual(row.find_element("css selector", ".light").text, "滞后")
        self.assertIn("延期 1 次，原期限 2026-11-30", row.text)
        self.assertFalse(self.browser.find("table.resp thead").is_displayed(), "a card per project, not a wide table")
        self.browser.screenshot("responsibility-phone", PHONE[0])
        self.open_board(SMALL_PHONE, as_of=AS_OF, village="龙山村")
        self.assert_fits(SMALL_PHONE[0])
        self.browser.screenshot("responsibility-360-village", SMALL_PHONE[0])

    def test_6_print_hides_the_controls_and_keeps_the_words(self):
        self.open_board(DESKTOP, as_of=AS_OF)
        driver = self.browser.driver
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            style = lambda css, prop: driver.execute_script(
                "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]]", css, prop)
            self.assertEqual(style("#controls", "display"), "none")
            self.assertEqual(style(".site-header", "display"), "none")
            self.assertNotEqual(style("#legend", "display"), "none")
            self.assertEqual(style("table.resp tbody tr", "breakInside"), "avoid")
            self.assertNotEqual(style("table.resp thead", "position"), "absolute", "a table on paper, not cards")
            self.assertEqual(self.row("修建村道").find_element("css selector", ".light").text, "超期")
        finally:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    def test_7_an_unknown_township_gets_a_clear_message(self):
        self.browser.open(self.server.base_url + "/responsibility.html?township=nosuchtown", PHONE)
        message = self.browser.wait_text("message", "没有找到乡镇")
        self.assertIn("nosuchtown", message)
        self.assertFalse(self.browser.find("#results").is_displayed())
        self.assertEqual(self.browser.find("#township").get_attribute("value"), "nosuchtown")
        self.browser.screenshot("responsibility-phone-unknown", PHONE[0])

        self.browser.open(self.server.base_url + "/responsibility.html", PHONE)
        field = self.browser.wait_visible("township")
        field.send_keys(self.town.code)
        self.browser.find("#township-form button").click()
        self.browser.wait_visible("resp-title")
        self.assertIn(f"township={self.town.code}", self.browser.driver.current_url)

    def test_8_the_home_page_links_to_the_boards(self):
        self.browser.open(self.server.base_url + "/", PHONE)
        link = self.browser.find('main a[href="responsibility.html"]')
        link.click()
        WebDriverWait(self.browser.driver, 10).until(lambda d: "responsibility.html" in d.current_url)
        self.browser.wait_visible("township")


if __name__ == "__main__":
    unittest.main()
