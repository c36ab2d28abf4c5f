"""Headless Chromium through Selenium, with the helpers the page tests share: sized windows,
full-page and print screenshots saved under test-artifacts/, and the console errors a page
raised (uncaught exceptions, Content-Security-Policy refusals)."""

import base64
import os
import time

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

PHONE = (390, 844)
SMALL_PHONE = (360, 740)
DESKTOP = (1280, 900)


def make_driver():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--lang=zh-CN", "--force-device-scale-factor=1", "--hide-scrollbars"):
        options.add_argument(argument)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    # The board is read in China: pin the zone so the published time is the same on any machine.
    driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": "Asia/Shanghai"})
    return driver


class Browser:
    """One Chromium window plus the artifact folder its screenshots go to."""

    def __init__(self, artifacts):
        self.driver = make_driver()
        self.artifacts = artifacts
        os.makedirs(artifacts, exist_ok=True)

    def quit(self):
        self.driver.quit()

    def size(self, size):
        self.driver.set_window_size(*size)

    def open(self, url, size):
        self.size(size)
        self.driver.get(url)

    def wait_visible(self, element_id, timeout=10):
        return WebDriverWait(self.driver, timeout).until(
            EC.visibility_of_element_located((By.ID, element_id)))

    def wait_text(self, element_id, text, timeout=10):
        WebDriverWait(self.driver, timeout).until(
            EC.text_to_be_present_in_element((By.ID, element_id), text))
        return self.driver.find_element(By.ID, element_id).text

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def screenshot(self, name, width):
        """The whole page at `width`: the window is stretched to the page's height, then put back."""
        old = self.driver.get_window_size()
        self.driver.set_window_size(width, 800)
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(width, min(height + 140, 16000))
        time.sleep(0.2)
        path = os.path.join(self.artifacts, name + ".png")
        self.driver.save_screenshot(path)
        self.driver.set_window_size(old["width"], old["height"])
        return path

    def print_pdf(self, name):
        """The page as Chromium prints it on A4 (honours @media print and @page)."""
        result = self.driver.execute_cdp_cmd("Page.printToPDF", {
            "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True, "printBackground": True})
        path = os.path.join(self.artifacts, name + ".pdf")
        with open(path, "wb") as file:
            file.write(base64.b64decode(result["data"]))
        return path

    def console_errors(self):
        """Severe console entries other than the HTTP errors the tests provoke on purpose."""
        entries = self.driver.get_log("browser")
        return [e["message"] for e in entries
                if e["level"] == "SEVERE" and "Failed to load resource" not in e["message"]]
