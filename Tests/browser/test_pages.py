"""The two pages in a real browser against a live DuPing: vote through ballot.html on a
phone-sized window, the error paths, then close and publish through the API and read the
result on board.html. The tests share one township and run in name order (test_1 … test_6),
because a round is only published after its ballots are in."""

import os
import unittest

from ballot_page import BallotPage
from browser import DESKTOP, PHONE, SMALL_PHONE, Browser
from duping_server import LiveServer
from township_fixture import ROUND_TITLE, Township

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARTIFACTS = os.environ.get("ARTIFACTS", os.path.join(ROOT, "test-artifacts", "browser"))
COMMENTARY = "本轮测评共收回有效选票5张。\n张三同志群众满意度最高，予以表彰；钱七同志待岗处理。"


class PagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = LiveServer(os.environ["DUPING_BIN"], os.path.join(ROOT, "Public")).start()
        try:
            cls.town = Township(cls.server.api())
            cls.browser = Browser(ARTIFACTS)
        except Exception:
            cls.server.stop()
            raise
        cls.page = BallotPage(cls.browser, cls.server.base_url)
        cls.receipts = []

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        with open(os.path.join(ARTIFACTS, "server.log"), "w", encoding="utf-8") as file:
            file.write("\n".join(cls.server.log_lines) + "\n")
        cls.server.stop()

    def tearDown(self):
        self.assertEqual(self.browser.console_errors(), [], "the page raised console errors")

    def vote_by_api(self, code, most="张三", least="钱七"):
        receipt = self.server.api(code).call("POST", "/v1/ballot", self.town.ballot(most, least), expect=201)["receipt"]
        self.receipts.append(receipt)
        return receipt

    def assert_fits(self, width):
        scroll_width = self.browser.driver.execute_script("return document.documentElement.scrollWidth")
        self.assertLessEqual(scroll_width, width, "the page scrolls sideways")

    def test_1_vote_on_a_phone_with_the_code_in_the_fragment(self):
        page, town = self.page, self.town
        page.open_with_fragment(town.codes[0].lower().replace("-", ""), PHONE)
        page.wait_form()
        self.assertNotIn("token", self.browser.driver.current_url, "the code must leave the address bar")
        self.assertEqual(page.by_id("round-title").text, ROUND_TITLE)
        groups = [e.text for e in self.browser.find_all(".dept-group > legend")]
        self.assertEqual(sorted(groups), sorted(["党政办", "民政办", "农业综合服务中心"]), "cadres grouped by department")

        page.score("cadre", town.cadres["张三"], (95, 96, 94))
        page.by_id(f"cadre-{town.cadres['李四']}-village_time").send_keys("80")
        page.to_review()
        self.browser.wait_visible("form-errors")
        self.assertIn("李四", page.by_id("form-errors").text)
        self.assertEqual(page.focused_id(), "form-errors", "focus moves to the list of problems")
        self.assertTrue(page.field_invalid(f"cadre-{town.cadres['李四']}-attitude"))
        self.browser.screenshot("ballot-phone-errors", PHONE[0])

        page.score("cadre", town.cadres["李四"], (80, 82, 81))
        page.score("cadre", town.cadres["王五"], (78, 77, 79))
        page.skip("cadre", town.cadres["钱七"])
        page.score("department", town.departments["党政办"], (90, 91, 92))
        page.pick("most-cadre", town.cadres["张三"])
        self.assertIn(str(town.cadres["张三"]), page.disabled_options("least-cadre"), "most and least cannot be the same")
        page.pick("least-cadre", town.cadres["钱七"])
        page.pick("most-project", town.projects["修建村道"])
        page.comment("希望干部多下村。")
        self.assert_fits(PHONE[0])
        self.browser.screenshot("ballot-phone-form", PHONE[0])

        page.to_review()
        review = self.browser.wait_visible("step-review").text
        self.assertIn("张三（党政办）：下村时间 95，工作态度 96，任务完成 94", review)
        self.assertIn("最不满意干部：钱七", review)
        self.assertIn("评干部：打分 3 人，不了解 3 人", review)
        self.browser.screenshot("ballot-phone-review", PHONE[0])

        page.submit()
        self.browser.wait_visible("step-done")
        receipt = page.by_id("receipt").text.strip()
        self.assertTrue(receipt, "a receipt is shown")
        self.assertIn("查验我的回执", page.by_id("step-done").text)
        board_link = page.by_id("board-link").get_attribute("href")
        self.assertIn(f"township={town.code}&round={town.round_id}", board_link, "the receipt links to its own board")
        self.receipts.append(receipt)
        self.browser.screenshot("ballot-phone-receipt", PHONE[0])

    def test_2_a_used_code_is_refused_before_the_form(self):
        self.vote_by_api(self.town.codes[1])
        code = self.town.codes[1].lower().replace("-", " ")
        self.page.open_and_type(code, PHONE)
        self.assertIn("已经投过票", self.page.code_error())
        self.assertTrue(self.page.field_invalid("code-input"))
        self.browser.screenshot("ballot-phone-already-voted", PHONE[0])

    def test_3_a_second_ballot_is_refused_on_submit(self):
        code = self.town.codes[2]
        self.page.open_and_type(code.lower(), DESKTOP, press_enter=True)
        self.page.wait_form()
        self.assertEqual(self.page.focused_id(), "round-title", "focus follows to the form's heading")
        self.browser.screenshot("ballot-desktop-form", DESKTOP[0])
        self.vote_by_api(code)  # the same code used elsewhere while this form is open
        self.page.score("cadre", self.town.cadres["张三"], (90, 90, 90))
        self.page.to_review()
        self.page.submit()
        message = self.browser.wait_visible("submit-error").text
        self.assertIn("已经投过票", message)
        self.assertFalse(self.page.by_id("submit-ballot").is_displayed(), "no second try is offered")
        self.browser.screenshot("ballot-desktop-second-vote", DESKTOP[0])

    def test_4_a_wrong_code_gets_a_clear_message(self):
        self.page.open_and_type("1234-ABCD", PHONE)
        self.assertIn("16 位", self.page.code_error())
        self.page.open_and_type("zzzz zzzz zzzz zzzz", PHONE)
        self.assertIn("测评码不对", self.page.code_error())
        self.assertEqual(self.page.by_id("code-input").get_attribute("value"), "ZZZZ-ZZZZ-ZZZZ-ZZZZ")
        self.browser.screenshot("ballot-phone-wrong-code", PHONE[0])

    def test_5_pages_fit_a_360_pixel_phone(self):
        self.browser.open(self.server.base_url + "/", SMALL_PHONE)
        self.assertIn("ballot.html", self.browser.find("a.button").get_attribute("href"))
        self.assert_fits(SMALL_PHONE[0])
        self.browser.screenshot("index-360", SMALL_PHONE[0])
        self.page.open_with_fragment(self.town.codes[4], SMALL_PHONE)
        self.page.wait_form()
        self.assert_fits(SMALL_PHONE[0])
        self.browser.screenshot("ballot-360-form", SMALL_PHONE[0])

    def test_6_a_lost_reply_is_explained_and_a_blank_ballot_warned(self):
        page = self.page
        page.open_with_fragment(self.town.codes[5], PHONE)
        page.wait_form()
        page.to_review()
        self.assertIn("空白选票", self.browser.wait_visible("blank-warning").text)
        page.by_id("back-to-form").click()
        page.score("cadre", self.town.cadres["张三"], (88, 88, 88))
        page.to_review()
        self.assertFalse(self.browser.find_all("#blank-warning"), "no warning once something is scored")
        # The first POST reaches the server, but its answer is lost on the way back.
        self.browser.driver.execute_script("""
            const real = window.fetch;
            let lost = false;
            window.fetch = async (path, options) => {
              if (!lost && options && options.method === "POST") { lost = true; await real(path, options); throw new TypeError("offline"); }
              return real(path, options);
            };""")
        page.submit()
        self.assertIn("可能已经送达", self.browser.wait_visible("submit-error").text)
        self.browser.find("#submit-ballot").click()
        self.assertIn("很可能已经提交成功", self.browser.wait_text("submit-error", "很可能已经提交成功"))
        self.assertNotIn("不是您本人", page.by_id("submit-error").text)
        self.browser.screenshot("ballot-phone-lost-reply", PHONE[0])

    def test_7_board_shows_the_published_round(self):
        self.vote_by_api(self.town.codes[3])
        self.town.close_and_publish(COMMENTARY)

        self.page.open_with_fragment(self.town.codes[4], PHONE)
        self.assertIn("不接受投票", self.page.code_error(), "a closed round says so")

        base = self.server.base_url
        self.browser.open(f"{base}/board.html?township={self.town.code}&round={self.town.round_id}", PHONE)
        self.browser.wait_text("board-title", ROUND_TITLE)
        first = self.browser.find("table.stack tbody tr")
        self.assertIn("张三", first.text)
        self.assertEqual(first.find_element("css selector", "td.rank").text, "1")
        self.assertIn("张三", self.browser.find(".notice.commend").text)
        self.assertIn("修建村道", self.browser.find(".notice.commend").text)
        self.assertIn("钱七", self.browser.find(".notice.suspend").text)
        self.assertIn("待岗", self.browser.find("tr.suspended").text)
        self.assertIn("张三同志群众满意度最高", self.browser.find(".commentary").text)
        self.assertEqual(len(self.browser.find_all("table")), 3, "cadres, departments, projects")
        self.assert_fits(PHONE[0])

        field = self.browser.find("#receipt-input")
        field.send_keys("  " + self.receipts[0].upper() + " ")
        self.browser.find("#receipt-form button").click()
        self.assertIn("已计入", self.browser.wait_visible("receipt-answer").text)
        self.browser.screenshot("board-phone", PHONE[0])
        field.clear()
        field.send_keys("no-such-receipt")
        self.browser.find("#receipt-form button").click()
        self.assertIn("没有找到", self.browser.wait_text("receipt-answer", "没有找到"))

        self.browser.open(base + "/board.html", DESKTOP)
        self.browser.wait_visible("township").send_keys(self.town.code)
        self.browser.find("#township-form button").click()
        self.browser.wait_text("board-title", ROUND_TITLE)
        self.assertIn(f"township={self.town.code}", self.browser.driver.current_url)
        self.browser.screenshot("board-desktop", DESKTOP[0])
        self.browser.print_pdf("board-a4")

        # A link to a round that is not published says so and shows no other round instead.
        self.browser.open(f"{base}/board.html?township={self.town.code}&round=999", PHONE)
        self.assertIn("还没有公布结果", self.browser.wait_text("picker-message", "还没有公布结果"))
        self.assertFalse(self.browser.find("#results").is_displayed())
        self.assertIn("round=999", self.browser.driver.current_url)

    def test_8_every_receipt_is_listed_on_the_public_board(self):
        status, data = self.server.api().request("GET", f"/v1/public/townships/{self.town.code}/rounds/{self.town.round_id}")
        self.assertEqual(status, 200)
        self.assertTrue(set(self.receipts) <= set(data["receipts"]), (self.receipts, data["receipts"]))


if __name__ == "__main__":
    unittest.main()
