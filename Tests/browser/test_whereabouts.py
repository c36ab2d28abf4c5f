"""whereabouts.html in a real browser against a live DuPing: today's board on the hall's TV
(whereabouts_fixture.py), grouped by department with every place in words, 未报, the counts, a
note that looks like markup, and the board refreshing itself; then a cadre's phone reporting in
two taps with its own link, the village it forgot, a wrong token, another cadre's token, a
broken link, forgetting the token, and the token never reaching a URL or the access log."""

import os
import re
import time
import unittest
import urllib.parse

from selenium.webdriver.support.ui import WebDriverWait

from browser import PHONE, SMALL_PHONE, Browser
from duping_server import LiveServer
from whereabouts_fixture import CADRES, COUNT_WORDS, DEPARTMENTS, SCRIPT_NOTE, WORDS, WhereaboutsTownship, day_name

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARTIFACTS = os.environ.get("ARTIFACTS", os.path.join(ROOT, "test-artifacts", "browser"))
TV = (1920, 1080)
STORAGE_KEY = "duping.whereabouts.niumasi"


class WhereaboutsPageTest(unittest.TestCase):
    """The tests run in name order on one server: the phone tests change 李四's entry, and the
    last ones read the access log of everything before them."""

    @classmethod
    def setUpClass(cls):
        cls.server = LiveServer(os.environ["DUPING_BIN"], os.path.join(ROOT, "Public")).start()
        try:
            cls.town = WhereaboutsTownship(cls.server.api())
            cls.browser = Browser(ARTIFACTS)
        except Exception:
            cls.server.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        with open(os.path.join(ARTIFACTS, "server-whereabouts.log"), "w", encoding="utf-8") as file:
            file.write("\n".join(cls.server.log_lines) + "\n")
        cls.server.stop()

    def tearDown(self):
        self.assertEqual(self.browser.console_errors(), [], "the page raised console errors")

    # ---- helpers ----

    def url(self, fragment=None, **params):
        query = {"township": self.town.code, **params}
        address = self.server.base_url + "/whereabouts.html?" + urllib.parse.urlencode(query)
        return address + ("#" + urllib.parse.urlencode(fragment) if fragment else "")

    def open_board(self, size, fragment=None, **params):
        self.browser.open(self.url(fragment, **params), size)
        self.browser.wait_visible("wb-board")

    def open_tv(self, **params):
        """The board in a window whose inside is exactly the TV's 1920×1080."""
        self.open_board(TV, **params)
        driver = self.browser.driver
        chrome = TV[1] - driver.execute_script("return innerHeight")
        driver.set_window_size(TV[0], TV[1] + chrome)
        WebDriverWait(driver, 5).until(lambda d: d.execute_script("return innerWidth === 1920 && innerHeight === 1080"))

    def open_phone(self, name, token=None, size=PHONE):
        """李四's (or `name`'s) own link, with the token in the fragment."""
        fragment = {"cadre": self.town.cadres[name], "token": token or self.town.tokens[name]}
        self.open_board(size, fragment)

    def tile(self, name):
        return self.browser.find(f'#wb-board li[data-cadre="{self.town.cadres[name]}"]')

    def text(self, css):
        """The rendered text of the first match, read in one step: a board refreshing every two
        seconds replaces its elements between a find and a read."""
        return self.browser.driver.execute_script(
            "const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : null", css)

    def place_word(self, name):
        return self.text(f'#wb-board li[data-cadre="{self.town.cadres[name]}"] .wb-place')

    def tile_text(self, name):
        return self.text(f'#wb-board li[data-cadre="{self.town.cadres[name]}"]')

    def count(self, key):
        return self.text(f'#wb-counts li[data-place="{key}"] .count')

    def stored(self):
        return self.browser.driver.execute_script("return localStorage.getItem(arguments[0])", STORAGE_KEY)

    def forget_storage(self):
        self.browser.driver.execute_script("localStorage.clear()")

    def choose(self, place):
        button = self.browser.find(f'.wb-choice[data-place="{place}"]')
        button.click()
        return button

    def assert_fits(self, width):
        scroll_width = self.browser.driver.execute_script("return document.documentElement.scrollWidth")
        self.assertLessEqual(scroll_width, width, "the page scrolls sideways")

    def log_has(self, pattern, timeout=5):
        """Waits for a line of the server's output matching `pattern` (the access log is flushed
        a few times a second)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(re.search(pattern, line) for line in self.server.log_lines):
                return True
            time.sleep(0.1)
        return False

    # ---- the hall's screen ----

    def test_1_the_hall_board_groups_cadres_by_department_with_their_place_in_words(self):
        board = self.town.board()
        self.open_tv()
        self.assertIn(self.town.name, self.browser.find("#wb-title").text)
        self.assertEqual(self.browser.find("#wb-date").text, day_name(board["date"]))
        self.assertRegex(self.browser.find("#wb-updated").text, r"^更新于 \d\d:\d\d$")

        headings = [e.text.split("\n")[0] for e in self.browser.find_all(".wb-dept h2")]
        self.assertEqual([re.sub(r"\s*\d+ 人$", "", h) for h in headings], DEPARTMENTS)
        for name, department, post, entry in CADRES:
            tile = self.tile(name)
            section = tile.find_element("xpath", "ancestor::section[contains(@class,'wb-dept')]")
            self.assertEqual(section.get_attribute("data-department"), department, name)
            self.assertEqual(tile.find_element("css selector", ".wb-name").text, name)
            if post:
                self.assertEqual(tile.find_element("css selector", ".wb-post").text, post, name)
            place = entry["place"] if entry else None
            self.assertEqual(self.place_word(name), WORDS[place], name)
            self.assertEqual(tile.get_attribute("data-place"), place or "none", name)
        self.assertEqual(self.tile("欧阳晓明").find_element("css selector", ".wb-village").text, "杨桥村")
        self.assertIn("县农业农村局春耕会议", self.tile("王五").text)
        self.assertFalse(self.tile("孙八").find_elements("css selector", ".wb-detail"), "nothing but 未报 for 未报")
        # Every place has its own word on screen, so the board reads without its colours.
        self.assertEqual({e.text for e in self.browser.find_all("#wb-board .wb-place")}, set(WORDS.values()))
        names_in_order = [e.text for e in self.browser.find_all("#wb-board .wb-name")]
        self.assertEqual(names_in_order, [i["name"] for i in board["items"]], "the server's order, department by department")

        for key, word in COUNT_WORDS.items():
            item = self.browser.find(f'#wb-counts li[data-place="{key}"]')
            self.assertIn(word, item.text)
            expected = sum(1 for *_, e in CADRES if (e["place"] if e else "none") == key)
            self.assertEqual(self.count(key), str(expected), key)
        self.assertEqual(self.browser.find("#wb-total").text, str(len(CADRES)))
        self.assertFalse(self.browser.find("#self").is_displayed(), "no form without a cadre's link")
        self.assert_fits(TV[0])
        # Readable across the room: the names are at least 28 px on the TV.
        size = self.browser.driver.execute_script(
            "return parseFloat(getComputedStyle(document.querySelector('.wb-name')).fontSize)")
        self.assertGreaterEqual(size, 28)
        print(f"\n    TV: names at {size} px")
        # What the hall's TV shows (no one scrolls it): the whole township on one screen.
        self.browser.driver.save_screenshot(os.path.join(ARTIFACTS, "whereabouts-tv.png"))
        self.assertLessEqual(self.browser.driver.execute_script("return document.documentElement.scrollHeight"), TV[1],
                             "a township's board fits the TV")

    def test_2_a_note_that_looks_like_markup_is_shown_as_text(self):
        self.open_board(TV)
        self.assertEqual(self.tile("欧阳晓明").find_element("css selector", ".wb-note").text, SCRIPT_NOTE)
        driver = self.browser.driver
        self.assertEqual(driver.execute_script("return document.querySelectorAll('#results script').length"), 0)
        self.assertIsNone(driver.execute_script("return window.__pwned === undefined ? null : window.__pwned"))

    def test_3_the_board_refreshes_itself(self):
        self.open_board(TV, refresh="2")
        driver = self.browser.driver
        driver.execute_script("window.__sameDocument = true")
        self.assertEqual(self.place_word("孙八"), "未报")
        unreported = int(self.count("none"))
        self.town.put("孙八", {"place": "village", "village": "龙山村", "note": "走访困难户"})
        WebDriverWait(driver, 10).until(lambda d: self.place_word("孙八") == "下村")
        self.assertIn("龙山村", self.tile_text("孙八"))
        self.assertIn("走访困难户", self.tile_text("孙八"))
        self.assertEqual(self.count("none"), str(unreported - 1))
        self.assertTrue(driver.execute_script("return window.__sameDocument === true"), "refreshed in place, not reloaded")
        self.assertRegex(self.text("#wb-updated"), r"^更新于 \d\d:\d\d$")

        self.town.put("孙八", {"place": "office"})
        WebDriverWait(driver, 10).until(lambda d: self.place_word("孙八") == "在办公室")
        self.assertNotIn("龙山村", self.tile_text("孙八"), "the new entry replaces the village")

        # The line to the server drops: the screen keeps the board and says how old it is.
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/whereabouts"]})
        try:
            WebDriverWait(driver, 10).until(lambda d: "更新失败" in self.text("#wb-updated"))
            self.assertRegex(self.text("#wb-updated"), r"^更新失败（\d\d:\d\d），仍显示 \d\d:\d\d 的情况$")
            self.assertEqual(self.place_word("孙八"), "在办公室")
        finally:
            driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
        WebDriverWait(driver, 10).until(lambda d: self.text("#wb-updated").startswith("更新于"))

    # ---- a cadre's phone ----

    def test_4_a_cadre_reports_from_its_phone_in_two_taps(self):
        self.assertIsNone(self.town.entry("李四")["place"])
        self.open_phone("李四")
        driver = self.browser.driver
        self.assertNotIn("#", driver.current_url, "the token is taken out of the address bar")
        self.assertNotIn(self.town.tokens["李四"], driver.current_url)
        self.assertIn(self.town.tokens["李四"], self.stored(), "kept on the phone for next time")
        who = self.browser.wait_visible("self-who").text
        self.assertIn("李四", who)
        self.assertIn("党政办", who)
        self.assertIn("未报", who)
        self.assertIn("mine", self.tile("李四").get_attribute("class"))
        self.assertFalse(self.browser.find("#self-form").is_displayed(), "only the five places before the first tap")
        self.assertEqual([b.text for b in self.browser.find_all(".wb-choice")], ["在办公室", "下村", "开会", "外出办事", "请假"])
        self.assert_fits(PHONE[0])
        self.browser.screenshot("whereabouts-phone-self", PHONE[0])

        # First tap: chosen, nothing sent.
        button = self.choose("meeting")
        self.assertEqual(button.get_attribute("aria-pressed"), "true")
        self.assertEqual(self.browser.find('.wb-choice[data-place="office"]').get_attribute("aria-pressed"), "false")
        self.assertFalse(self.browser.find("#village-field").is_displayed(), "no village for a meeting")
        confirm = self.browser.find("#self-confirm")
        self.assertEqual(confirm.text, "确认报告：开会")
        self.assertTrue(confirm.is_displayed())
        in_view = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return r.bottom <= innerHeight && r.top >= 0", confirm)
        self.assertTrue(in_view, "the second tap is on screen after the first")
        self.assertIsNone(self.town.entry("李四")["place"], "the first tap sends nothing")
        self.browser.screenshot("whereabouts-phone-chosen", PHONE[0])

        # Second tap: sent.
        confirm.click()
        message = self.browser.wait_text("self-message", "已报告")
        self.assertIn("开会", message)
        self.assertEqual(self.town.entry("李四")["place"], "meeting")
        self.assertEqual(self.place_word("李四"), "开会", "the board below shows it at once")
        self.assertIn("开会", self.browser.find("#self-who").text)
        self.assertFalse(self.browser.find("#self-form").is_displayed())

        # Next time the phone needs no link: the credential was kept.
        self.browser.open(self.url(), PHONE)
        self.browser.wait_visible("self-who")
        self.assertIn("李四", self.browser.find("#self-who").text)
        self.choose("office")
        self.browser.find("#self-confirm").click()
        self.browser.wait_text("self-message", "已报告")
        self.assertEqual(self.town.entry("李四")["place"], "office")
        self.assert_fits(PHONE[0])
        self.browser.screenshot("whereabouts-phone-done", PHONE[0])

    def test_5_a_village_visit_without_the_village_is_shown_at_the_field(self):
        self.open_board(PHONE)
        self.assertTrue(self.browser.find("#self").is_displayed(), "the phone still knows 李四")
        self.choose("village")
        village = self.browser.find("#self-village")
        self.assertTrue(village.is_displayed())
        self.assertEqual(village.get_attribute("value"), "")
        self.assertEqual(self.browser.driver.switch_to.active_element, village, "the field to type in is ready")
        self.browser.find("#self-note").send_keys("化解宅基地纠纷")
        self.browser.find("#self-confirm").click()
        error = self.browser.wait_visible("self-village-error")
        self.assertIn("请填写去哪个村", error.text)
        self.assertEqual(village.get_attribute("aria-invalid"), "true")
        self.assertTrue(self.log_has(rf"PUT /v1/townships/niumasi/cadres/{self.town.cadres['李四']}/whereabouts 422 "),
                        "the server said so (422), not only the page")
        self.assertEqual(self.town.entry("李四")["place"], "office", "nothing changed")
        self.assert_fits(PHONE[0])
        self.browser.screenshot("whereabouts-phone-village-error", PHONE[0])

        village.send_keys("石桥村")
        self.assertFalse(self.browser.find("#self-village-error").is_displayed(), "typing clears the error")
        self.browser.find("#self-confirm").click()
        self.browser.wait_text("self-message", "已报告")
        entry = self.town.entry("李四")
        self.assertEqual((entry["place"], entry["village"], entry["note"]), ("village", "石桥村", "化解宅基地纠纷"))
        self.assertIn("石桥村", self.tile("李四").text)

        # The village is remembered for the next visit.
        self.browser.open(self.url(), SMALL_PHONE)
        self.browser.wait_visible("self-who")
        self.choose("village")
        self.assertEqual(self.browser.find("#self-village").get_attribute("value"), "石桥村")
        self.assertEqual(self.browser.find("#self-note").get_attribute("value"), "", "a note is for one report only")
        self.assert_fits(SMALL_PHONE[0])

    def test_6_a_wrong_token_another_cadres_token_and_a_broken_link_are_told_clearly(self):
        before = self.town.entry("李四")
        self.open_phone("李四", token="dpc_" + "0" * 64)
        self.choose("office")
        self.browser.find("#self-confirm").click()
        message = self.browser.wait_text("self-message", "无效或已作废")
        self.assertIn("索取新的链接", message)
        self.assertIn("error", self.browser.find("#self-message").get_attribute("class"))
        self.browser.screenshot("whereabouts-phone-401", PHONE[0])

        # 张三's own token on 李四's link: the server refuses (403) and the page names 李四.
        self.open_phone("李四", token=self.town.tokens["张三"])
        self.choose("leave")
        self.browser.find("#self-confirm").click()
        message = self.browser.wait_text("self-message", "不能替别人报告")
        self.assertIn("不是李四的", message)
        self.assertEqual(self.town.entry("李四"), before, "neither changed anything")
        self.assertEqual(self.town.entry("张三")["place"], "office")

        # A fresh load (not a change of fragment on the page already open) with nothing kept.
        self.forget_storage()
        self.browser.driver.get("about:blank")
        self.browser.open(self.url({"cadre": "abc", "token": "xyz"}), PHONE)
        message = self.browser.wait_text("message", "链接不完整")
        self.assertIn("error", self.browser.find("#message").get_attribute("class"))
        self.assertFalse(self.browser.find("#self").is_displayed())
        self.assertNotIn("#", self.browser.driver.current_url)
        self.assertIsNone(self.stored())

    def test_7_the_phone_forgets_the_token_when_asked(self):
        self.open_phone("李四")
        self.assertIsNotNone(self.stored())
        self.browser.find("#self-forget").click()
        self.browser.wait_text("message", "已在这部手机上忘记您的身份")
        self.assertIsNone(self.stored())
        self.assertFalse(self.browser.find("#self").is_displayed())
        self.assertNotIn("mine", self.tile("李四").get_attribute("class"))
        self.browser.open(self.url(), PHONE)
        self.browser.wait_visible("wb-board")
        self.assertFalse(self.browser.find("#self").is_displayed(), "gone after a reload too")
        self.assert_fits(PHONE[0])
        self.browser.screenshot("whereabouts-phone-hall", PHONE[0])

    def test_8_no_token_ever_reaches_a_url_or_the_access_log(self):
        self.open_phone("李四")
        self.choose("office")
        self.browser.find("#self-confirm").click()
        self.browser.wait_text("self-message", "已报告")
        urls = self.browser.driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])")
        self.assertTrue(any("/whereabouts" in u for u in urls))
        put = rf"PUT /v1/townships/niumasi/cadres/{self.town.cadres['李四']}/whereabouts 200 "
        self.assertTrue(self.log_has(put), "the access log has the reports")
        access_log = [line for line in self.server.log_lines if re.search(r" (GET|PUT|POST|PATCH|DELETE) /", line)]
        self.assertGreater(len(access_log), 20)
        for token in list(self.town.tokens.values()) + [self.server.root_token]:
            self.assertFalse([u for u in urls if token in u], "a token in a URL the page fetched")
            self.assertFalse([line for line in access_log if token in line], "a token in the access log")
        self.assertFalse([line for line in self.server.log_lines if "dpc_" in line], "no cadre token anywhere in the server's output")

    # ---- the site ----

    def test_9_every_page_links_to_the_board_and_an_unknown_township_is_told(self):
        for page in ("", "board.html", "responsibility.html", "reviews.html", "assessment.html", "ballot.html", "whereabouts.html"):
            self.browser.open(self.server.base_url + "/" + page, PHONE)
            self.assertEqual(self.browser.find('.site-header nav a[href="whereabouts.html"]').text, "今日去向", page)
            self.assert_fits(PHONE[0])
        current = [a.get_attribute("href").rsplit("/", 1)[1] for a in self.browser.find_all('.site-header nav a[aria-current="page"]')]
        self.assertEqual(current, ["whereabouts.html"])
        self.browser.open(self.server.base_url + "/", PHONE)
        self.browser.find('main a[href="whereabouts.html"]').click()
        field = self.browser.wait_visible("township")
        field.send_keys(self.town.code)
        self.browser.find("#township-form button").click()
        self.browser.wait_visible("wb-board")
        self.assertIn(f"township={self.town.code}", self.browser.driver.current_url)

        self.browser.open(self.server.base_url + "/whereabouts.html?township=nosuchtown", PHONE)
        message = self.browser.wait_text("message", "没有找到乡镇")
        self.assertIn("nosuchtown", message)
        self.assertFalse(self.browser.find("#results").is_displayed())


if __name__ == "__main__":
    unittest.main()
