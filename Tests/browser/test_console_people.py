"""The console's people screens (/admin/, contract §13 with §2, §9 and §12) in a real browser
against a live DuPing, on the first-asked requests of request_fixture.py (every state, one
overdue): a cadre's token issued, shown once and used through its phone link on
whereabouts.html, then revoked (the old token refused); a township quota changed, a bad value
refused at its field, the new value on the board's quotas; a request filed at the counter, its
code shown once, handed to a cadre, accepted, resolved and looked up on /request.html with the
code; the state and overdue filters and the year's summary. Phone and desktop screenshots."""

import os
import time
import unittest

from selenium.webdriver.support.ui import Select

from browser import DESKTOP, PHONE, Browser
from console_page import ConsolePage
from duping_server import LiveServer
from request_fixture import RequestTownship

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARTIFACTS = os.environ.get("ARTIFACTS", os.path.join(ROOT, "test-artifacts", "browser"))
COUNTER_SUMMARY = "群众来窗口反映：石桥村三组路灯不亮"
OUTCOME = "已更换路灯，群众满意。"


class ConsolePeopleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = LiveServer(os.environ["DUPING_BIN"], os.path.join(ROOT, "Public")).start()
        try:
            root = cls.server.api()
            cls.town = RequestTownship(root)
            cls.admin_token = root.call("POST", f"{cls.town.base}/tokens", {"label": "镇组织办"}, expect=201)["token"]
            cls.api = cls.server.api(cls.admin_token)
            cls.browser = Browser(ARTIFACTS)
        except Exception:
            cls.server.stop()
            raise
        cls.page = ConsolePage(cls.browser, cls.server.base_url)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        with open(os.path.join(ARTIFACTS, "server-console-people.log"), "w", encoding="utf-8") as file:
            file.write("\n".join(cls.server.log_lines) + "\n")
        cls.server.stop()

    def tearDown(self):
        self.assertEqual(self.browser.console_errors(), [], "the page raised console errors")
        for url in self.page.urls:
            self.assertNotIn("dpc_", url, "a cadre token in the console's address")

    def go(self, hash_path, size=DESKTOP):
        """Opens a console address, signing in first when the tab has no session."""
        self.page.go(hash_path, size)
        self.page.wait(lambda: self.browser.find("#signin").is_displayed() or self.browser.find("#console").is_displayed())
        if self.browser.find("#signin").is_displayed():
            self.page.sign_in(self.town.code, self.admin_token)
        self.browser.wait_visible("console-nav")

    def assert_fits(self, width):
        self.assertLessEqual(self.browser.driver.execute_script("return document.documentElement.scrollWidth"), width,
                             "the page scrolls sideways")

    def click_confirmed(self, button_id):
        self.browser.find("#" + button_id).click()
        self.browser.wait_visible(button_id + "-confirm").click()

    def put_whereabouts(self, cadre, token):
        status, _ = self.api.request("PUT", f"{self.town.base}/cadres/{cadre}/whereabouts", {"place": "office"}, token=token)
        return status

    def whereabouts_of(self, cadre):
        board = self.api.call("GET", f"/v1/public/townships/{self.town.code}/whereabouts")
        return next(item for item in board["items"] if item["cadre_id"] == cadre)

    def test_1_a_cadre_token_is_shown_once_used_from_the_phone_link_and_revoked(self):
        browser, driver = self.browser, self.browser.driver
        cadre = self.town.cadres["李承办"]
        self.go("#/settings/tokens")
        self.assertIn("发新令牌会替换这位干部原来的令牌", browser.find("#view").text)
        self.click_confirmed(f"issue-{cadre}")
        browser.wait_visible("token-dialog")
        token = browser.find("#token-value").text
        link = browser.find("#token-link").text
        self.assertEqual(browser.find("#token-link").tag_name, "code", "not a link the office's computer could open")
        self.assertRegex(token, r"^dpc_[A-Za-z0-9]+$")
        self.assertEqual(link, f"{self.server.base_url}/whereabouts.html?township={self.town.code}#cadre={cadre}&token={token}")
        self.assertIn("只显示这一次", browser.find("#token-dialog").text)
        self.assertIn("替换", browser.find("#token-dialog").text)
        browser.find("#token-link-copy").click()
        self.page.wait(lambda: browser.find("#token-dialog .copy-status").text)
        browser.screenshot("console-token-desktop", DESKTOP[0])
        self.page.note_url()
        self.assertNotIn(token, driver.current_url)
        self.assertNotIn(token, str(self.page.session_storage()), "the console keeps no cadre token")
        self.assertEqual(driver.execute_script("return localStorage.length"), 0)
        browser.find("#token-dialog-close").click()
        self.page.wait(lambda: not browser.find_all("#token-dialog"))
        self.assertNotIn(token, driver.page_source, "closing the dialog takes the token off the page")
        self.assertIn("已给李承办发新令牌", browser.find("#tokens-status").text)

        # The cadre opens the link on its phone and reports in two taps.
        browser.open(link, PHONE)
        browser.wait_visible("self-who")
        self.assertIn("李承办", browser.find("#self-who").text)
        browser.find('.wb-choice[data-place="village"]').click()
        browser.find("#self-village").send_keys("石桥村")
        browser.find("#self-confirm").click()
        browser.wait_text("self-message", "已报告")
        self.assertEqual(self.whereabouts_of(cadre)["place"], "village")
        driver.execute_script("localStorage.clear()")

        # Revoked from the console (asked first): the old token no longer works.
        self.go("#/settings/tokens", PHONE)
        browser.wait_visible(f"revoke-{cadre}")
        self.assert_fits(PHONE[0])
        self.click_confirmed(f"revoke-{cadre}")
        browser.wait_text("tokens-status", "已作废")
        browser.screenshot("console-tokens-phone", PHONE[0])
        self.assertIn(self.put_whereabouts(cadre, token), (401, 403))
        # Revoking again says there is none; a new token replaces the first cadre's old one.
        self.click_confirmed(f"revoke-{cadre}")
        browser.wait_text("tokens-status", "没有令牌")
        first = self.town.cadres["张首问"]
        self.assertEqual(self.put_whereabouts(first, self.town.cadre_token), 200)
        self.click_confirmed(f"issue-{first}")
        browser.wait_visible("token-dialog")
        browser.screenshot("console-token-phone", PHONE[0])
        new_token = browser.find("#token-value").text
        browser.find("#token-dialog-close").click()
        self.assertIn(self.put_whereabouts(first, self.town.cadre_token), (401, 403), "the old token is replaced")
        self.assertEqual(self.put_whereabouts(first, new_token), 200)
        self.town.cadre_token = new_token

    def test_2_a_township_quota_is_changed_at_its_field_and_counted_on_the_board(self):
        browser = self.browser
        self.go("#/settings/township")
        field = '[data-field="settings.yearly_service_projects"]'
        self.assertEqual(browser.find(field + " input").get_attribute("value"), "5")
        self.page.fill("settings.yearly_service_projects", "1001", scope="#settings-form")
        browser.find("#settings-submit").click()
        self.page.wait(lambda: browser.find_all(field + " .field-error.placed"))
        self.assertIn("1000", browser.find(field + " .field-error.placed").text)
        self.assertEqual(browser.find(field + " input").get_attribute("aria-invalid"), "true")
        self.assertEqual(self.api.call("GET", self.town.base)["settings"]["yearly_service_projects"], 5, "nothing stored")
        browser.size(PHONE)
        self.assert_fits(PHONE[0])
        browser.screenshot("console-settings-phone", PHONE[0])
        browser.size(DESKTOP)
        self.page.fill("settings.yearly_service_projects", "9", scope="#settings-form")
        browser.find("#settings-submit").click()
        browser.wait_text("settings-status", "已保存")
        self.assertFalse(browser.find_all(field + " .field-error.placed"))
        self.assertEqual(self.api.call("GET", self.town.base)["settings"],
                         {"yearly_service_projects": 9, "cadre_village_projects": 2})
        self.go("#/boards")
        self.assertIn("要求不少于 9 项", browser.wait_text("township-quota", "9"))

    def test_3_a_request_filed_at_the_counter_is_handed_on_resolved_and_looked_up_with_its_code(self):
        browser, driver = self.browser, self.browser.driver
        self.go("#/requests/new", PHONE)
        browser.wait_visible("request-form")
        browser.find("#request-new-submit").click()
        self.page.wait(lambda: browser.find_all('#request-form [data-field="summary"] .field-error.placed'))
        self.assertTrue(browser.find_all('#request-form [data-field="first_cadre_id"] .field-error.placed'))
        browser.find('#request-form [data-field="summary"] textarea').send_keys(COUNTER_SUMMARY)
        self.page.fill("contact", "13900139000", scope="#request-form")
        self.page.fill("first_cadre_id", "张首问（交通站）", scope="#request-form")
        browser.find("#request-new-submit").click()
        browser.wait_visible("request-code-dialog")
        code = browser.find("#request-code").text
        self.assertRegex(code, r"^[0-9A-Z]{4}-[0-9A-Z]{4}$")
        self.assertEqual(browser.find("#request-lookup").get_attribute("href"), self.server.base_url + "/request.html")
        self.assertEqual(browser.find("#request-direct").get_attribute("href"), self.server.base_url + "/request.html#code=" + code)
        self.assert_fits(PHONE[0])
        browser.screenshot("console-request-code-phone", PHONE[0])
        browser.print_pdf("console-request-receipt-a4")
        self.page.note_url()
        self.assertNotIn(code, driver.current_url)
        type(self).counter_code = code
        browser.find("#request-code-dialog-close").click()
        self.page.wait(lambda: browser.find_all("#request-head"))
        self.assertNotIn(code, driver.page_source, "the code is shown only once")
        request_id = int(driver.current_url.rsplit("/", 1)[1])
        self.assertEqual(browser.find("#request-summary").text, COUNTER_SUMMARY)
        self.assertEqual(browser.find("#request-title .state").get_attribute("data-state"), "open")

        self.assert_fits(PHONE[0])
        browser.screenshot("console-request-steps-phone", PHONE[0])

        # Handed to 水利站's 李承办, accepted for him, resolved.
        browser.size(DESKTOP)
        self.page.fill("department_id", "水利站", scope="#handoff-form")
        self.page.fill("cadre_id", "李承办", scope="#handoff-form")
        self.page.fill("note", "请水利站处理", scope="#handoff-form")
        browser.find("#handoff-form-submit").click()
        browser.wait_text("request-status", "已转交，等待李承办接收")
        self.assertEqual(browser.find("#request-title .state").get_attribute("data-state"), "passed")
        browser.find("#accept-form-submit").click()
        browser.wait_text("request-status", "已接收，李承办承办")
        self.assertIn("水利站 · 李承办", browser.find('dd[data-fact="now"]').text)
        browser.find("#resolve-form-submit").click()
        self.page.wait(lambda: browser.find_all('#resolve-form [data-field="outcome"] .field-error.placed'))
        browser.find('#resolve-form [data-field="outcome"] textarea').send_keys(OUTCOME)
        browser.find("#resolve-form-submit").click()
        browser.wait_text("request-status", "已办结")
        events = [tr.get_attribute("data-event") for tr in browser.find_all("#request-events tbody tr")]
        self.assertEqual(events, ["filed", "handoff", "accept", "resolve"])
        self.assertIn("镇组织办 转交 水利站（李承办）。说明：请水利站处理", browser.find("#request-events").text)
        self.assertFalse(browser.find_all("#request-steps"), "a resolved request takes no more steps")
        browser.screenshot("console-request-desktop", DESKTOP[0])
        stored = self.api.call("GET", f"{self.town.base}/requests/{request_id}")
        self.assertEqual((stored["state"], stored["outcome"], stored["resolved_by_cadre_id"]),
                         ("resolved", OUTCOME, self.town.cadres["李承办"]))

        # The person looks it up with the code.
        browser.open(self.server.base_url + "/request.html", PHONE)
        browser.wait_visible("code-input").send_keys(code)
        browser.find("#code-submit").click()
        browser.wait_text("result", "已办结")
        result = browser.find("#result").text
        self.assertIn(OUTCOME, result)
        self.assertIn("水利站", result)
        self.assertNotIn(COUNTER_SUMMARY, result)
        self.assertNotIn("李承办", result)

    def test_4_the_state_and_overdue_filters_and_the_years_summary(self):
        browser = self.browser
        self.go("#/requests", PHONE)
        Select(browser.find('#requests-filter [data-field="overdue"] select')).select_by_visible_text("只看超期")
        browser.find("#requests-filter-submit").click()
        self.page.wait(lambda: "只看超期的事项" in browser.find("#requests-table").text)
        self.page.note_url()
        overdue = {item["id"] for item in self.api.call("GET", f"{self.town.base}/requests?overdue=true")["items"]}
        self.assertEqual(overdue, {self.town.requests["overdue"].id})
        rows = browser.find_all("#requests-table tbody tr")
        self.assertEqual({int(tr.get_attribute("data-id")) for tr in rows}, overdue)
        self.assertTrue(all("超期" in tr.text for tr in rows))
        self.assert_fits(PHONE[0])
        browser.screenshot("console-requests-overdue-phone", PHONE[0])

        self.go("#/requests/list/resolved/all", DESKTOP)
        self.page.wait(lambda: browser.find_all("#requests-table tbody tr"))
        resolved = {item["id"] for item in self.api.call("GET", f"{self.town.base}/requests?state=resolved")["items"]}
        self.assertEqual({int(tr.get_attribute("data-id")) for tr in browser.find_all("#requests-table tbody tr")}, resolved)
        self.go("#/requests")
        self.page.wait(lambda: browser.find_all("#requests-table tbody tr"))
        self.assertEqual(len(browser.find_all("#requests-table tbody tr")),
                         len(self.api.call("GET", f"{self.town.base}/requests")["items"]))
        browser.screenshot("console-requests-desktop", DESKTOP[0])

        browser.find("#requests-summary-tab").click()
        self.page.wait(lambda: browser.find_all("#summary-cadres tbody tr"))
        summary = self.api.call("GET", f"{self.town.base}/requests/summary")
        rows = {tr.find_element("css selector", "td.lead").text: [td.text for td in tr.find_elements("css selector", "td.num")]
                for tr in browser.find_all("#summary-cadres tbody tr")}
        for cadre in summary["cadres"]:
            counts = [str(cadre[k]) for k in ("filed", "resolved", "resolved_on_time", "overdue")]
            if any(c != "0" for c in counts):
                self.assertEqual(rows[cadre["name"]], counts, cadre["name"])
        self.assertEqual(len(browser.find_all("#summary-departments tbody tr")), len(summary["departments"]))
        browser.screenshot("console-requests-summary-desktop", DESKTOP[0])

    def test_5_no_token_or_code_reaches_the_servers_output(self):
        time.sleep(0.6)  # the access log is flushed a few times a second
        self.assertTrue(self.server.log_lines)
        self.assertFalse([line for line in self.server.log_lines if "dpc_" in line or self.admin_token in line])
        code = getattr(type(self), "counter_code", None)
        self.assertIsNotNone(code, "test_3 filed a request at the counter")
        self.assertFalse([line for line in self.server.log_lines if code in line or code.replace("-", "") in line])


if __name__ == "__main__":
    unittest.main()
