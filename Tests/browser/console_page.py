"""Drives the township office's console (/admin/) the way a clerk does: sign in, import a CSV
into a registry, add and edit a row, create and open a round, read the slips from the window the
console opens, close, publish."""

import os
import tempfile

from selenium.webdriver.support.ui import Select, WebDriverWait


class ConsolePage:
    def __init__(self, browser, base_url):
        self.browser = browser
        self.base_url = base_url
        self.driver = browser.driver
        # Every address the console showed, so a test can check none carried the token.
        self.urls = []

    def wait(self, condition, timeout=10):
        return WebDriverWait(self.driver, timeout).until(lambda d: condition())

    def note_url(self):
        self.urls.append(self.driver.current_url)

    def go(self, hash_path, size=None):
        if size:
            self.browser.size(size)
        self.driver.get(self.base_url + "/admin/" + hash_path)
        self.note_url()

    def sign_in(self, township, token):
        self.browser.wait_visible("signin-township").clear()
        self.browser.find("#signin-township").send_keys(township)
        self.browser.find("#signin-token").clear()
        self.browser.find("#signin-token").send_keys(token)
        self.browser.find("#signin-submit").click()

    def session_storage(self):
        return self.driver.execute_script(
            "const o = {}; for (let i = 0; i < sessionStorage.length; i++) { const k = sessionStorage.key(i); o[k] = sessionStorage.getItem(k); } return o;")

    def registry(self, kind):
        self.go("#/registry/" + kind)
        self.wait(lambda: self.browser.find_all(f'.tabs a[aria-current="page"][href="#/registry/{kind}"]'))
        self.wait_table()

    def wait_table(self):
        """Until the registry table has been read (it is aria-busy while loading)."""
        self.wait(lambda: self.browser.find_all("#registry-table:not([aria-busy])"))

    def table_rows(self):
        """(id, [cell texts]) of the registry table's rows."""
        self.wait_table()
        return [(int(tr.get_attribute("data-id")), [td.text for td in tr.find_elements("css selector", "td")])
                for tr in self.browser.find_all("#registry-table tbody tr")]

    def write_csv(self, name, lines, bom=True):
        """A file as Excel's "CSV UTF-8" writes it: BOM and CRLF line ends."""
        folder = tempfile.mkdtemp(prefix="duping-console-")
        path = os.path.join(folder, name)
        with open(path, "wb") as file:
            file.write((b"\xef\xbb\xbf" if bom else b"") + ("\r\n".join(lines) + "\r\n").encode("utf-8"))
        return path

    def import_csv(self, path):
        details = self.browser.find("#import")
        if not details.get_attribute("open"):
            self.browser.find("#import summary").click()
        self.browser.find("#import input[type=file]").send_keys(path)
        self.browser.find("#import-submit").click()
        self.wait(lambda: self.browser.find("#import-message").is_displayed())
        return self.browser.find("#import-message")

    def fill(self, field_name, value, scope="#item-form"):
        """Types into (or selects in) the field whose wrapper carries data-field=field_name."""
        element = self.browser.find(f'{scope} [data-field="{field_name}"] input, {scope} [data-field="{field_name}"] select')
        if element.tag_name == "select":
            Select(element).select_by_visible_text(value)
        else:
            element.clear()
            element.send_keys(value)

    def open_slips(self, screenshot=None, button="#open-round"):
        """Clicks `button` (开启测评, or a 补发), reads every slip in the window the console opens,
        closes it. Returns [(slip text, code, link)] and the window's address."""
        main = self.driver.current_window_handle
        before = set(self.driver.window_handles)
        self.browser.find(button).click()
        self.wait(lambda: len(set(self.driver.window_handles) - before) == 1)
        (slips_window,) = set(self.driver.window_handles) - before
        self.driver.switch_to.window(slips_window)
        self.wait(lambda: self.browser.find_all("article.slip"))
        slips = []
        for article in self.browser.find_all("article.slip"):
            code = article.find_element("css selector", ".slip-code").text.strip()
            link = article.find_element("css selector", ".slip-link").text.strip()
            slips.append((article.text, code, link))
        url = self.driver.current_url
        if screenshot:
            self.browser.screenshot(screenshot, 1280)
            self.browser.print_pdf(screenshot.replace("desktop", "a4"))
        self.driver.close()
        self.driver.switch_to.window(main)
        return slips, url
