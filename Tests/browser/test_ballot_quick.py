"""The ballot form on a phone (issue 17): one tap per score (好 / 较好 / 一般 / 差 fill typical
values that stay editable, a 三项 row fills all three), the progress count, and the unfinished
ballot kept on the device until it is counted. Then the taps a voter needs for the demo's
quarterly ballot, typing the scores as before and tapping them now."""

import os
import time
import unittest

from ballot_page import SUPERVISIONS, BallotPage
from browser import DESKTOP, PHONE, Browser
from duping_server import LiveServer
from township_fixture import Township

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARTIFACTS = os.environ.get("ARTIFACTS", os.path.join(ROOT, "test-artifacts", "browser"))
GOOD, FAIR, AVERAGE, POOR = 0, 1, 2, 3


class QuickBallotTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = LiveServer(os.environ["DUPING_BIN"], os.path.join(ROOT, "Public")).start()
        try:
            cls.town = Township(cls.server.api(), code="quick")
            cls.browser = Browser(ARTIFACTS)
        except Exception:
            cls.server.stop()
            raise
        cls.page = BallotPage(cls.browser, cls.server.base_url)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        cls.server.stop()

    def tearDown(self):
        self.assertEqual(self.browser.console_errors(), [], "the page raised console errors")

    def tap(self, css):
        """A thumb's tap: the element is scrolled clear of the bar at the bottom, then clicked."""
        self.page.tap(self.browser.find(css))

    def grade(self, subject, grade, key=None):
        """The selector of a grade button: of one score (`key`) or of the 三项 row."""
        row = f"#{subject}-{key}" if key else f"#{subject}"
        return f"button.grade[data-target='{row[1:]}']:nth-of-type({grade + 1})"

    def values(self, subject):
        return [self.page.by_id(f"{subject}-{key}").get_attribute("value") for key in SUPERVISIONS]

    def progress(self):
        return self.page.by_id("progress").text

    def drafts(self):
        return self.browser.driver.execute_script(
            "return Object.keys(localStorage).filter((k) => k.startsWith('duping.ballot-draft.'))"
            ".map((k) => [k, localStorage.getItem(k)])")

    def test_1_taps_fill_editable_scores_and_the_progress_counts(self):
        town, page = self.town, self.page
        zhang, li = f"cadre-{town.cadres['张三']}", f"cadre-{town.cadres['李四']}"
        page.open_with_fragment(town.codes[0], PHONE)
        page.wait_form()
        self.assertEqual(self.progress(), "已评 0 / 9", "6 cadres and 3 departments")
        self.assertIn("好 95、较好 85、一般 75、差 60", page.by_id("grade-hint").text)

        self.tap(self.grade(zhang, GOOD))
        self.assertEqual(self.values(zhang), ["95", "95", "95"], "one tap fills all three")
        self.assertEqual(self.progress(), "已评 1 / 9")
        self.tap(self.grade(zhang, POOR, "attitude"))
        self.assertEqual(self.values(zhang), ["95", "60", "95"], "one tap sets one score")
        pressed = [b.get_attribute("aria-label") for b in self.browser.find_all(f"#{zhang} button[aria-pressed=true]")]
        self.assertEqual(pressed, ["张三：下村时间评好（95 分）", "张三：工作态度评差（60 分）", "张三：任务完成评好（95 分）"])

        field = page.by_id(f"{zhang}-completion")
        field.clear()
        field.send_keys("88")
        self.assertEqual(self.values(zhang), ["95", "60", "88"], "a tapped score stays editable")
        self.assertFalse(self.browser.find_all(f"button.grade[data-target='{zhang}-completion'][aria-pressed=true]"),
                         "no grade shows as chosen for a typed value")

        self.tap(self.grade(li, FAIR, "village_time"))
        self.assertEqual(self.progress(), "已评 1 / 9", "a subject counts once all three are scored")
        self.tap(self.grade(li, AVERAGE))
        self.assertEqual(self.values(li), ["75", "75", "75"])
        page.skip("cadre", town.cadres["钱七"])
        self.assertEqual(self.progress(), "已评 2 / 9，不了解 1")
        self.assertFalse(self.browser.find(self.grade(f"cadre-{town.cadres['钱七']}", GOOD)).is_enabled(),
                         "a skipped subject's taps are off")
        self.tap(self.grade(f"department-{town.departments['党政办']}", GOOD))
        self.assertEqual(self.progress(), "已评 3 / 9，不了解 1")
        self.browser.screenshot("ballot-quick-phone", PHONE[0])

    def test_2_the_draft_survives_a_closed_tab_and_goes_after_the_201(self):
        town, page = self.town, self.page
        code = town.codes[0]
        zhang, li = f"cadre-{town.cadres['张三']}", f"cadre-{town.cadres['李四']}"
        drafts = self.drafts()
        self.assertEqual(len(drafts), 1, "test 1's ballot is kept on the device")
        key, saved = drafts[0]
        for form in (code, code.replace("-", ""), code.lower(), code.replace("-", "").lower()):
            self.assertNotIn(form, key + saved, "the code itself is never stored")

        self.browser.open("about:blank", PHONE)  # the tab is gone; the link is opened again
        page.open_with_fragment(code, PHONE)
        page.wait_form()
        self.assertTrue(page.by_id("draft-restored").is_displayed())
        self.assertEqual(self.values(zhang), ["95", "60", "88"])
        self.assertEqual(self.values(li), ["75", "75", "75"])
        self.assertTrue(page.by_id(f"cadre-{town.cadres['钱七']}-skip").is_selected())
        self.assertEqual(self.progress(), "已评 3 / 9，不了解 1")
        page.pick("most-cadre", town.cadres["张三"])
        self.browser.open(self.server.base_url + "/ballot.html#token=" + code, DESKTOP)
        page.wait_form()
        self.assertEqual(self.browser.find("#most-cadre").get_attribute("value"), str(town.cadres["张三"]))
        self.assertIn(str(town.cadres["张三"]), page.disabled_options("least-cadre"), "the restored pick is enforced")
        self.browser.screenshot("ballot-quick-desktop", DESKTOP[0])

        page.to_review()
        self.assertIn("张三（党政办）：下村时间 95，工作态度 60，任务完成 88", self.browser.wait_visible("step-review").text)
        page.submit()
        self.browser.wait_visible("step-done")
        self.assertEqual(self.drafts(), [], "the counted ballot leaves nothing on the device")

    def test_3_a_code_that_already_voted_leaves_no_draft(self):
        town, page = self.town, self.page
        page.open_with_fragment(town.codes[1], PHONE)
        page.wait_form()
        before = {key for key, _ in self.drafts()}
        self.tap(self.grade(f"cadre-{town.cadres['王五']}", FAIR))
        added = {key for key, _ in self.drafts()} - before
        self.assertEqual(len(added), 1, "the first tap saves a draft")
        self.server.api(town.codes[1]).call("POST", "/v1/ballot", town.ballot("张三", "钱七"), expect=201)
        page.open_with_fragment(town.codes[1], PHONE)
        self.assertIn("已经投过票", page.code_error())
        self.assertFalse(added & {key for key, _ in self.drafts()}, "its draft is gone")

    def test_4_the_stand_in_sha256_matches_the_browsers(self):
        page = self.page
        page.open_with_fragment(self.town.codes[2], PHONE)
        page.wait_form()
        same = self.browser.driver.execute_async_script("""
            const done = arguments[0];
            const texts = ["", "abc", "ABCD-EFGH-JKMN-PQRS", "牛马司镇".repeat(40)];
            Promise.all(texts.map(async (t) => {
              const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(t));
              const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
              return hex === window.DuPing.ballotDraft.sha256Fallback(t);
            })).then(done);""")
        self.assertEqual(same, [True, True, True, True], "the same key on plain-http intranets")


class DemoTapsTest(unittest.TestCase):
    """Taps (clicks plus keystrokes) for the demo's quarterly ballot, every subject scored:
    typing the three numbers as the form asked before, and tapping 三项 now."""

    @classmethod
    def setUpClass(cls):
        cls.server = LiveServer(os.environ["DUPING_BIN"], os.path.join(ROOT, "Public"), ["--demo"]).start(timeout=120)
        try:
            with open(os.path.join(cls.server.data_dir, "demo-ballot-codes.txt"), encoding="utf-8") as file:
                cls.codes = [line.split("\t")[0] for line in file if line.strip() and not line.startswith("#")]
            cls.browser = Browser(ARTIFACTS)
        except Exception:
            cls.server.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        cls.server.stop()

    def vote(self, code, fill):
        """Votes with `code`, filling each subject with `fill(box)` (which returns its taps);
        returns the taps, counting the two buttons that review and submit."""
        browser = self.browser
        BallotPage(browser, self.server.base_url).open_with_fragment(code, PHONE)
        browser.wait_visible("step-form")
        taps = 0
        for box in browser.find_all("fieldset.subject"):
            taps += fill(box)
        self.assertEqual(browser.find("#progress").text, f"已评 {self.subjects} / {self.subjects}")
        browser.find("#ballot-form button[type=submit]").click()
        browser.wait_visible("step-review")
        browser.find("#submit-ballot").click()
        taps += 2
        browser.wait_visible("step-done")
        return taps

    def test_taps_before_and_after(self):
        browser = self.browser
        BallotPage(browser, self.server.base_url).open_with_fragment(self.codes[0], PHONE)
        browser.wait_visible("step-form")
        self.subjects = len(browser.find_all("fieldset.subject"))
        scroll = "arguments[0].scrollIntoView({block: 'center'})"

        def typed(box):
            # send_keys focuses the box as the tap into it does: one tap and two digits a score.
            fields = box.find_elements("css selector", "input[type=number]")
            for field in fields:
                field.send_keys("85")
            return len(fields) * (1 + 2)

        def tapped(box):
            button = box.find_element("css selector", ".grade-all button.grade:nth-of-type(2)")
            browser.driver.execute_script(scroll, button)
            button.click()
            return 1

        started = time.monotonic()
        before = self.vote(self.codes[0], typed)
        after = self.vote(self.codes[1], tapped)
        report = (f"demo quarterly ballot, {self.subjects} subjects scored: typing {before} taps "
                  f"(click + 2 digits per score), one-tap grades {after} taps "
                  f"(1 per subject), review and submit included; {time.monotonic() - started:.0f} s\n")
        with open(os.path.join(ARTIFACTS, "ballot-taps.txt"), "w", encoding="utf-8") as file:
            file.write(report)
        print("\n" + report, end="")
        self.assertEqual(before, self.subjects * 3 * 3 + 2)
        self.assertEqual(after, self.subjects + 2)


if __name__ == "__main__":
    unittest.main()
