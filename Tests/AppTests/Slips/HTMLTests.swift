import Testing

@testable import App

/// Text put into the slips page.
@Suite struct HTMLTests {
    @Test func theFiveSpecialCharactersBecomeReferences() {
        #expect(
            HTML.escape(#"<script>alert("x" & 'y')</script>"#)
                == "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;")
    }

    @Test func otherTextIsKeptAsItIs() {
        #expect(HTML.escape("牛马司镇 2026年下半年三督六评 e\u{301}") == "牛马司镇 2026年下半年三督六评 e\u{301}")
    }
}
