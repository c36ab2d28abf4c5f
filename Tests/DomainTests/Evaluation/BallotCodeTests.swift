import Foundation
import TestSupport
import Testing

@testable import Domain

@Suite struct BallotCodeTests {
    @Test(arguments: [
        ("ABCD-EFGH-JKMN-PQRS", "ABCDEFGHJKMNPQRS"),
        ("abcd-efgh-jkmn-pqrs", "ABCDEFGHJKMNPQRS"),
        ("ABCDEFGHJKMNPQRS", "ABCDEFGHJKMNPQRS"),
        ("  abcd efgh jkmn pqrs ", "ABCDEFGHJKMNPQRS"),
        ("AB-CD EF--GH JKMNPQRS", "ABCDEFGHJKMNPQRS"),
        ("OOOO-IIII-LLLL-oill", "0000111111110111"),
        ("TVWX-YZ01-2345-6789", "TVWXYZ0123456789"),
    ])
    func normalizesWhatPeopleType(input: String, canonical: String) {
        #expect(BallotCode.normalize(input) == canonical)
    }

    @Test(arguments: [
        "ABCD-EFGH-JKMN-PQRU",  // U is not a Crockford symbol
        "ABCD-EFGH-JKMN-PQR",  // 15 symbols
        "ABCD-EFGH-JKMN-PQRST",  // 17 symbols
        "",
        "----",
        "ABCD_EFGH_JKMN_PQRS",
        "ABCD\tEFGH-JKMN-PQRS",
        "ＡＢＣＤ-ＥＦＧＨ-ＪＫＭＮ-ＰＱＲＳ",  // full-width letters
        "ABCD-EFGH-JKMN-PQR*",
    ])
    func rejectsWhatIsNotACode(input: String) {
        #expect(BallotCode.normalize(input) == nil)
        #expect(BallotCode(input) == nil)
    }

    @Test func generatedCodeSurvivesDisplayAndRetyping() throws {
        for _ in 0..<100 {
            let code = BallotCode.generate()
            #expect(code.value.count == 16)
            #expect(code.value.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) })
            let display = code.display
            #expect(display.count == 19)
            #expect([4, 9, 14].allSatisfy { display[display.index(display.startIndex, offsetBy: $0)] == "-" })
            #expect(BallotCode.normalize(display) == code.value)
            #expect(BallotCode.normalize(display.lowercased()) == code.value)
            #expect(try #require(BallotCode(display.lowercased())) == code)
        }
    }

    @Test func thousandGeneratedCodesAreUnique() {
        let codes = Set((0..<1000).map { _ in BallotCode.generate().value })
        #expect(codes.count == 1000)
    }

    @Test func seededGenerationUsesAllThirtyTwoSymbols() {
        var random = SeededGenerator(seed: 7)
        let symbols = Set((0..<200).flatMap { _ in BallotCode.generate(using: &random).value })
        #expect(symbols.count == 32)
    }

    @Test func digestIsSHA256OfTheCanonicalSymbols() throws {
        // Oracle: python3 -c 'import hashlib; print(hashlib.sha256(b"0000111111110111").hexdigest())'
        let expected = "a400e66bc89e9553a06d03057d52d658c27459e69ac0da3ba31625bdac1bc860"
        let typed = try #require(BallotCode("oooo-iiii-llll-oill"))
        let canonical = try #require(BallotCode("0000111111110111"))
        #expect(typed.digest == canonical.digest)
        #expect(canonical.digest == expected)
    }

    @Test func descriptionNeverShowsTheToken() throws {
        let code = try #require(BallotCode("ABCD-EFGH-JKMN-PQRS"))
        for text in ["\(code)", String(describing: code), String(reflecting: code)] {
            #expect(!text.contains("ABCD"))
        }
    }
}

@Suite struct ReceiptTests {
    @Test func generatedReceiptHasTwelveSymbolsInThreeGroups() throws {
        let receipt = Receipt.generate()
        #expect(receipt.value.count == 12)
        #expect(receipt.display.split(separator: "-").map(\.count) == [4, 4, 4])
        #expect(try #require(Receipt(receipt.display.lowercased())) == receipt)
    }

    @Test func rejectsWrongLengthAndForeignSymbols() {
        #expect(Receipt("ABCD-EFGH-JKM") == nil)
        #expect(Receipt("ABCD-EFGH-JKMU") == nil)
        #expect(Receipt("ABCD-EFGH-JKMN-PQRS") == nil)
    }

    @Test func encodesAsItsDisplayForm() throws {
        let receipt = try #require(Receipt("abcdefghjkmn"))
        let json = String(decoding: try JSONEncoder().encode([receipt]), as: UTF8.self)
        #expect(json == #"["ABCD-EFGH-JKMN"]"#)
        #expect(try JSONDecoder().decode([Receipt].self, from: Data(json.utf8)) == [receipt])
    }
}
