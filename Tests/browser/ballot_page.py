"""Drives ballot.html the way an evaluator does: type or follow a code, fill the scores,
make the picks, review, submit."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

SUPERVISIONS = ("village_time", "attitude", "completion")


class BallotPage:
    def __init__(self, browser, base_url):
        self.browser = browser
        self.base_url = base_url

    def open_with_fragment(self, code, size):
        self.browser.open(self.base_url + "/ballot.html#token=" + code, size)

    def open_and_type(self, typed, size, press_enter=False):
        """Types a code and submits it with the button, or with Enter as a keyboard user would."""
        self.browser.open(self.base_url + "/ballot.html", size)
        field = self.browser.wait_visible("code-input")
        field.clear()
        field.send_keys(typed)
        if press_enter:
            field.send_keys(Keys.ENTER)
        else:
            self.browser.find("#code-submit").click()

    def wait_form(self):
        return self.browser.wait_visible("step-form")

    def score(self, kind, subject_id, values):
        for key, value in zip(SUPERVISIONS, values):
            field = self.browser.find(f"#{kind}-{subject_id}-{key}")
            field.clear()
            field.send_keys(str(value))

    def tap(self, element):
        """A thumb's tap: the element is scrolled to the middle of the screen, clear of the bar
        that keeps the progress and the next step at the bottom, then clicked."""
        self.browser.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()

    def skip(self, kind, subject_id):
        self.tap(self.browser.find(f"#{kind}-{subject_id}-skip"))

    def pick(self, select_id, subject_id):
        Select(self.browser.find("#" + select_id)).select_by_value(str(subject_id))

    def disabled_options(self, select_id):
        return [o.get_attribute("value") for o in self.browser.find_all(f"#{select_id} option")
                if not o.is_enabled()]

    def comment(self, text):
        self.browser.find("#comment").send_keys(text)

    def to_review(self):
        self.browser.find("#ballot-form button[type=submit]").click()

    def submit(self):
        self.browser.wait_visible("step-review")
        self.browser.find("#submit-ballot").click()

    def code_error(self):
        return self.browser.wait_visible("code-error").text

    def focused_id(self):
        return self.browser.driver.switch_to.active_element.get_attribute("id")

    def field_invalid(self, element_id):
        return self.browser.find("#" + element_id).get_attribute("aria-invalid") == "true"

    def by_id(self, element_id):
        return self.browser.driver.find_element(By.ID, element_id)
