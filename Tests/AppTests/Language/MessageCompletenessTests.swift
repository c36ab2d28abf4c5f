import Foundation
import Testing

@testable import App

/// Every message the code can send has its Chinese: the sources are read for the places
/// messages are written (`MessageSourceScanner`), and each literal found must be an English
/// template of the catalog (holes compared as `{}`).
@Suite struct MessageCompletenessTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    static func scanned(_ markers: [MessageSourceScanner.Marker] = MessageSourceScanner.markers) throws -> [String:
        String]
    {
        var found: [String: String] = [:]
        for file in MessageSourceScanner.sourceFiles(under: sources) {
            let text = try String(contentsOf: file, encoding: .utf8)
            for message in MessageSourceScanner.messages(in: text, markers: markers) {
                found[message] = file.lastPathComponent
            }
        }
        return found
    }

    @Test func everyMessageInTheSourcesHasAChineseEntry() throws {
        let catalog = Set(MessageCatalog.allPairs.map { MessageTemplate($0.0).normalized })
        let found = try Self.scanned()
        #expect(found.count >= 190, "the scan found only \(found.count) messages")
        for (message, file) in found.sorted(by: { $0.key < $1.key })
        where !MessageSourceScanner.startUpOnly.contains(message) {
            let translated = catalog.contains(message)
            #expect(translated, "no Chinese for \"\(message)\" (\(file))")
        }
    }

    @Test func everyThrottledActionHasAChineseName() throws {
        let found = try Self.scanned(Array(MessageSourceScanner.fragmentMarkers.values))
        #expect(!found.isEmpty)
        for word in found.keys { #expect(MessageCatalog.fragments["tooMany"]?[word] != nil, "\(word)") }
    }

    @Test func theScannerFindsMessagesWhereverTheCodeWritesThem() {
        let code = #"""
            errors.append(FieldError(field: "a[\(i)]", message: "must be at most \(limit) characters", row: row))
            reader.fail("date", x ? "is required" : "must not be after today (\(today))")
            throw syntaxError(peek(UInt8(ascii: "}")) ? "trailing comma in object" : "expected a string key")
            throw APIError(415, "The body must be \(accepted) (Content-Type was '\(value)').")
            throw APIError(status, "not a literal")
            .invalid(errors, detail: "The query has invalid parameters.")
            let detail = reader.string("detail")  // "not a message"
            static func refusal(from state: S) -> String {
                switch state { case .a: "one refusal"
                case .b: b ? "two" : "three" }
            }
            """#
        let found = MessageSourceScanner.messages(in: code)
        #expect(
            Set(found) == [
                "must be at most {} characters", "is required", "must not be after today ({})",
                "trailing comma in object", "expected a string key", "The body must be {} (Content-Type was '{}').",
                "The query has invalid parameters.", "one refusal", "two", "three",
            ])
    }
}
