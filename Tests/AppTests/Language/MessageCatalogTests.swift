import Domain
import HTTPCore
import Testing

@testable import App

/// Whether `text` holds a CJK ideograph or CJK punctuation.
private func hasCJK(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) }
}

/// The hole positions a Chinese template takes, 1-based: `{}` in order, `{n}` as written.
private func positions(_ template: MessageTemplate) -> [Int] {
    var next = 0
    return template.holes.map { hole in
        next += 1
        if case .position(let position) = hole { return position }
        return next
    }
}

@Suite struct MessageCatalogTests {
    /// The languages table: every entry, in both languages.
    @Test(arguments: MessageCatalog.allPairs.map { [$0.0, $0.1] })
    func everyEntryHasBothLanguagesWithTheSameHoles(pair: [String]) {
        let (english, chinese) = (pair[0], pair[1])
        let source = MessageTemplate(english)
        let target = MessageTemplate(chinese)
        #expect(!english.isEmpty && !chinese.isEmpty)
        #expect(hasCJK(chinese), "no Chinese in \(chinese)")
        #expect(english != chinese)
        #expect(target.holes.count == source.holes.count, "\(english) → \(chinese)")
        #expect(positions(target).sorted() == source.holes.indices.map { $0 + 1 }, "\(chinese) takes each hole once")
        // Two holes side by side could split a value anywhere.
        #expect(!source.pieces.dropFirst().dropLast().contains { $0.isEmpty }, "adjacent holes in \(english)")
        for case .fragment(let table) in source.holes {
            #expect(MessageCatalog.fragments[table] != nil, "no fragment table \(table)")
        }
        for hole in target.holes {
            if case .fragment = hole { Issue.record("a Chinese template takes no named holes: \(chinese)") }
        }
    }

    @Test func eachEnglishMessageHasOneEntry() {
        var seen: Set<String> = []
        for (english, _) in MessageCatalog.allPairs {
            #expect(seen.insert(english).inserted, "\(english) twice")
        }
        #expect(MessageCatalog.allPairs.count >= 190)
    }

    @Test func everyFragmentIsChinese() {
        for (_, table) in MessageCatalog.fragments {
            for (english, chinese) in table { #expect(hasCJK(chinese), "\(english) → \(chinese)") }
        }
    }

    @Test func fragmentTablesCoverTheirVocabularies() {
        let fragments = MessageCatalog.fragments
        #expect(Set(fragments["roundState"]!.keys) == Set(RoundState.allCases.map(\.rawValue)))
        #expect(Set(fragments["requestState"]!.keys) == Set(FirstAskedRequest.State.allCases.map(\.rawValue)))
        #expect(Set(fragments["kinds"]!.keys) == Set(Registry.all.map(\.name)))
        let singular = Set(Registry.all.map { String($0.name.dropLast()) } + SubjectKind.allCases.map(\.rawValue))
        #expect(Set(fragments["kind"]!.keys) == singular)
    }

    @Test func everyErrorStatusHasAChineseTitle() {
        for status in 400...599 where HTTPResponseEncoder.reasonPhrase(status) != "Unknown" {
            let title = MessageCatalog.title(status: status)
            #expect(title.map(hasCJK) == true, "status \(status)")
        }
    }

    @Test(arguments: [
        ("is required", "必须填写"),
        ("must be between 1 and 5", "必须在 1 到 5 之间"),
        ("must be between -10 and 10", "必须在 -10 到 10 之间"),
        ("must be one of a, b; the other kinds are written by publication", "必须是以下之一：a, b；其他类别由公布结果时写入"),
        ("must be one of deputy, village_cadre", "必须是以下之一：deputy, village_cadre"),
        ("The round is closed: only a draft round can be edited.", "该轮测评已结束：只有草稿状态的测评可以修改。"),
        ("The round is archived: something new.", "该轮测评archived：something new。"),
        ("cadre 7 is already scored in supervision[0]", "干部 7 已在 supervision[0] 中评过分"),
        ("names the same department as most_satisfied.department_id", "与 most_satisfied.department_id 选的是同一个部门"),
        (
            "The body is not valid JSON: Malformed JSON at byte 3: unexpected character 'x', expected a value.",
            "请求内容不是有效的 JSON：JSON 格式错误，位于第 3 字节：意外的字符 “x”，此处应为一个值。"
        ),
        (
            "The CSV is malformed: Line 4 (row 2): quoted cell is never closed.",
            "CSV 文件格式有误：第 4 行（第 2 条数据）：带引号的单元格没有结束引号。"
        ),
        (
            "The request has invalid fields. The first 100 of 150 errors are listed.",
            "请求中有字段填写有误。共 150 处错误，这里列出前 100 处。"
        ),
        ("Too many unknown ballot codes from this address; try again in 60 s.", "此地址的无效测评码尝试过多，请 60 秒后再试。"),
        ("name '民政办' is already taken.", "name “民政办” 已被占用。"),
        ("No township 'a {} b'.", "没有代码为 “a {} b” 的乡镇。"),
    ])
    func translatesWholeMessagesNestedMessagesAndFragments(english: String, chinese: String) {
        #expect(MessageCatalog.shared.chinese(english) == chinese)
    }

    @Test(arguments: ["", "Something nobody wrote.", "must be between 1", "is required!"])
    func leavesUnknownMessagesAlone(english: String) {
        #expect(MessageCatalog.shared.chinese(english) == nil)
    }
}
