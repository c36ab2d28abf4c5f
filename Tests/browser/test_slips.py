"""Ballot slips (contract §13) in a real browser: the page `open` returns to a client that
prefers HTML, laid out for A4 (8 slips a sheet), rendered by Chromium to a PNG at print size;
Debian's zbarimg reads every QR code on it back to the slip's link, and the link opens the
ballot, which is then cast."""

import os
import subprocess
import unittest

from browser import PHONE, Browser
from duping_server import LiveServer

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARTIFACTS = os.environ.get("ARTIFACTS", os.path.join(ROOT, "test-artifacts", "browser"))
# An A4 sheet in CSS pixels (96 per inch), drawn at twice that density: about 192 dpi.
A4 = (794, 1123)
EVALUATORS = ["刘代表", "陈支书", "周老", "吴大姐", "孙主任", "郑会计", "欧阳晓明", "王五", "赵六", "钱七"]


class SlipsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = LiveServer(os.environ["DUPING_BIN"], os.path.join(ROOT, "Public")).start()
        try:
            api = cls.server.api()
            api.call("POST", "/v1/townships", {"code": "slips", "name": "牛马司镇"}, expect=201)
            cls.base = "/v1/townships/slips"
            department = api.call("POST", cls.base + "/departments", {"name": "党政办"}, expect=201)["id"]
            cls.cadres = [api.call("POST", cls.base + "/cadres", {"name": n, "department_id": department}, expect=201)["id"]
                          for n in ("张三", "李四")]
            evaluators = [api.call("POST", cls.base + "/evaluators", {"name": n, "category": "deputy"}, expect=201)["id"]
                          for n in EVALUATORS]
            cls.round_id = api.call("POST", cls.base + "/rounds", {
                "title": "2026年第三季度领导班子季评排队", "kind": "quarterly", "period": "2026-Q3",
                "evaluator_ids": evaluators}, expect=201)["id"]
            cls.browser = Browser(ARTIFACTS)
        except Exception:
            cls.server.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        cls.server.stop()

    def tearDown(self):
        self.assertEqual(self.browser.console_errors(), [], "the page raised console errors")

    def open_slips(self):
        """Opens the round as the console would: POST with Accept: text/html from a page of this
        server, then shows the answer as the document (its stylesheet comes from the server)."""
        driver = self.browser.driver
        self.browser.open(self.server.base_url + "/", A4)
        status = driver.execute_async_script("""
            const [path, token, done] = arguments;
            fetch(path, {method: "POST", headers: {Authorization: "Bearer " + token, Accept: "text/html"}})
              .then(async (r) => { const html = await r.text(); document.open(); document.write(html); document.close(); done(r.status); })
              .catch((e) => done(String(e)));""", f"{self.base}/rounds/{self.round_id}/open", self.server.root_token)
        self.assertEqual(status, 200)
        return [{field: slip.find_element("css selector", ".slip-" + field).text
                 for field in ("township", "round", "name", "code", "link")}
                for slip in self.browser.find_all("article.slip")]

    def sheet_png(self, name):
        """The page as printed (print media), one A4 sheet tall, at about 192 dpi."""
        driver = self.browser.driver
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": A4[0], "height": A4[1], "deviceScaleFactor": 2, "mobile": False})
        driver.execute_script("window.scrollTo(0, 0)")
        path = os.path.join(ARTIFACTS, name + ".png")
        driver.save_screenshot(path)
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        return path

    def test_slips_print_eight_to_a_sheet_and_their_qr_codes_decode_to_the_links(self):
        slips = self.open_slips()
        self.assertEqual(len(slips), len(EVALUATORS))
        self.assertEqual(sorted(s["name"] for s in slips), sorted(EVALUATORS))
        for slip in slips:
            self.assertEqual(slip["township"], "牛马司镇")
            self.assertEqual(slip["link"], self.server.base_url + "/ballot.html#token=" + slip["code"])
        sheets = self.browser.find_all("section.sheet")
        self.assertEqual([len(s.find_elements("css selector", "article.slip")) for s in sheets], [8, 2])

        png = self.sheet_png("slips-a4-sheet1")
        decoded = subprocess.run(["zbarimg", "--quiet", "--raw", png], capture_output=True, text=True, check=True)
        links = sorted(line for line in decoded.stdout.splitlines() if line)
        self.assertEqual(links, sorted(s["link"] for s in slips[:8]), "every QR code on the first sheet reads back")

        self.browser.print_pdf("slips-a4")
        self.browser.screenshot("slips-desktop", 1280)
        self.browser.screenshot("slips-phone", PHONE[0])

        # The decoded link is the ballot: a phone that scans it gets the form and votes.
        self.browser.open(links[0], PHONE)
        self.browser.wait_visible("step-form")
        for button in self.browser.find_all(".grade-all button.grade:first-of-type"):
            self.browser.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
            button.click()
        self.browser.find("#ballot-form button[type=submit]").click()
        self.browser.wait_visible("step-review")
        self.browser.find("#submit-ballot").click()
        self.browser.wait_visible("step-done")
        self.assertTrue(self.browser.find("#receipt").text.strip())


if __name__ == "__main__":
    unittest.main()
