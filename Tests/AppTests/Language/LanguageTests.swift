import Testing

@testable import App

@Suite struct LanguageTests {
    @Test(
        arguments: [
            ([], Language.english),
            (["zh-CN"], .chinese),
            (["zh"], .chinese),
            (["ZH-cn"], .chinese),
            (["zh-Hans-CN"], .chinese),
            (["zh-CN,zh;q=0.9,en;q=0.8"], .chinese),
            (["en,zh;q=0.5"], .english),
            (["en-US,en;q=0.9,zh-CN;q=0.8"], .english),
            (["zh;q=0"], .english),
            (["zh;q=0.000"], .english),
            (["*"], .english),
            (["zh;q=0.5,*;q=0.8"], .english),
            (["*;q=0.1,zh;q=0.2"], .chinese),
            (["en;q=0.3, zh-TW;q=0.4"], .chinese),
            (["en", "zh;q=1"], .english),
            (["zh", "en"], .chinese),
            (["en-GB;q=0.9, zh ; q=0.95"], .chinese),
            (["fr,de"], .english),
            (["zh;q=2"], .english),
            (["zh;q=abc, en;q=0.1"], .english),
            (["zh;q=1.5"], .english),
            ([",,zh,"], .chinese),
            (["zhx"], .english),
        ] as [([String], Language)])
    func prefersChineseOnlyWhenAcceptLanguageRanksZhFirst(values: [String], expected: Language) {
        #expect(Language.preferred(byAcceptLanguage: values) == expected)
    }

    @Test func tagsTheContentLanguage() {
        #expect(Language.english.tag == "en")
        #expect(Language.chinese.tag == "zh-CN")
    }
}
