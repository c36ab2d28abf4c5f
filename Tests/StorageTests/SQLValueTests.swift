import Testing

@testable import Storage

@Suite struct SQLValueTests {
    @Test(arguments: [
        (7 as any SQLBindable, SQLValue.integer(7)),
        (Int64.min, .integer(Int64.min)),
        (Int32(-3), .integer(-3)),
        (2.5, .real(2.5)),
        ("督评", .text("督评")),
        (Substring("督评员"), .text("督评员")),
        (true, .integer(1)),
        (false, .integer(0)),
        ([UInt8]([9, 8]), .blob([9, 8])),
        (String?.none, .null),
        (Optional("村"), .text("村")),
        (Int??.some(nil), .null),
        (SQLValue.real(1), .real(1)),
    ])
    func swiftValuesBindAsTheMatchingStorageClass(value: any SQLBindable, expected: SQLValue) {
        #expect(value.sqlValue == expected)
    }

    @Test func literalsBuildTheMatchingCase() {
        let values: [SQLValue] = [nil, 12, 0.5, "镇", true]
        #expect(values == [.null, .integer(12), .real(0.5), .text("镇"), .integer(1)])
    }
}
