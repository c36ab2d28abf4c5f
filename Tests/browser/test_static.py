"""Checks on the files in Public/ that need no browser: the strict Content-Security-Policy
(`default-src 'self'`) the server will send forbids inline scripts, inline styles and inline
event handlers, and the pages must load nothing from outside the server."""

import os
import re
import unittest
from html.parser import HTMLParser

PUBLIC = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "Public"))


class InlineFinder(HTMLParser):
    """Collects every construct a `default-src 'self'` policy would block, or any outside URL."""

    def __init__(self):
        super().__init__()
        self.problems = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src"):
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"handler {name}= on <{tag}>")
            if name == "style":
                self.problems.append(f"style= on <{tag}>")
            if name in ("src", "href", "action") and value and re.match(r"^(https?:)?//|^javascript:", value):
                self.problems.append(f"outside or script URL {value}")


def public_files(extension):
    for folder, _, names in os.walk(PUBLIC):
        for name in names:
            if name.endswith(extension):
                yield os.path.join(folder, name)


class StaticPagesTest(unittest.TestCase):
    def test_html_has_nothing_inline_and_nothing_from_outside(self):
        pages = list(public_files(".html"))
        self.assertGreaterEqual(len(pages), 3)
        for path in pages:
            finder = InlineFinder()
            with open(path, encoding="utf-8") as file:
                finder.feed(file.read())
            self.assertEqual(finder.problems, [], path)

    def test_pages_declare_language_charset_and_viewport(self):
        for name in ("index.html", "board.html", "ballot.html", "responsibility.html", "reviews.html", "assessment.html",
                     "whereabouts.html", "request.html"):
            with open(os.path.join(PUBLIC, name), encoding="utf-8") as file:
                text = file.read()
            self.assertIn('<html lang="zh-CN">', text, name)
            self.assertIn('<meta charset="utf-8">', text, name)
            self.assertIn('name="viewport"', text, name)

    def test_scripts_and_styles_use_no_outside_or_unsafe_features(self):
        for path in list(public_files(".js")) + list(public_files(".css")):
            with open(path, encoding="utf-8") as file:
                text = file.read()
            self.assertIsNone(re.search(r"https?://|@import|url\(", text), path)
            if path.endswith(".js"):
                # innerHTML would let a cadre's name inject markup; eval is refused by the CSP.
                self.assertIsNone(re.search(r"\binnerHTML\b|\beval\(|new Function\(|setAttribute\(\"style\"", text), path)

    def test_every_request_goes_through_the_one_helper_that_asks_for_chinese(self):
        """Problem details come in Chinese only when asked (`Accept-Language`), so no script may
        call `fetch` except `DuPing.api` and the console's `DuPingConsole.api.request`, which
        send `Accept-Language: zh-CN`."""
        for path in public_files(".js"):
            with open(path, encoding="utf-8") as file:
                text = file.read()
            calls = len(re.findall(r"\bfetch\(", text))
            # The console's own helper (console-api.js) also sends it, with the admin's token.
            if os.path.basename(path) in ("common.js", "console-api.js"):
                self.assertEqual(calls, 1, path)
                self.assertIn('"Accept-Language": "zh-CN"', text)
            else:
                self.assertEqual(calls, 0, f"{path} calls fetch itself")
        for path in public_files(".html"):
            with open(path, encoding="utf-8") as file:
                self.assertNotIn("fetch(", file.read(), path)


if __name__ == "__main__":
    unittest.main()
