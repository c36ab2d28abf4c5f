import Glibc
import Primitives
import Testing

@testable import HTTPCore

@Suite struct HTTPDateTests {
    /// Expected strings come from `date -u -d @T '+%a, %d %b %Y %H:%M:%S GMT'` (GNU coreutils).
    @Test(arguments: [
        (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (951_868_799, "Tue, 29 Feb 2000 23:59:59 GMT"),
        (1_709_164_800, "Thu, 29 Feb 2024 00:00:00 GMT"),
        (1_735_689_599, "Tue, 31 Dec 2024 23:59:59 GMT"),
        (4_107_542_400, "Mon, 01 Mar 2100 00:00:00 GMT"),
        (253_402_300_799, "Fri, 31 Dec 9999 23:59:59 GMT"),
    ])
    func formatsKnownTimestamps(seconds: Int, expected: String) {
        #expect(HTTPDate.format(seconds) == expected)
    }

    @Test(arguments: [
        (-1, "Wed, 31 Dec 1969 23:59:59 GMT"),
        (-2_208_988_800, "Mon, 01 Jan 1900 00:00:00 GMT"),
        (-2_203_934_400, "Wed, 28 Feb 1900 12:00:00 GMT"),
        (-2_203_891_200, "Thu, 01 Mar 1900 00:00:00 GMT"),
        (-59_028_739_200, "Mon, 15 Jun 0099 00:00:00 GMT"),
    ])
    func formatsTimestampsBefore1970WithFourDigitYears(seconds: Int, expected: String) {
        #expect(HTTPDate.format(seconds) == expected)
    }

    @Test func nowIsTheCurrentSecond() {
        let before = Int(time(nil))
        let text = HTTPDate.now(SystemClock())
        let after = Int(time(nil))
        #expect((before...after).map(HTTPDate.format).contains(text))
    }

    @Test func nowIsConsistentAcrossConcurrentCallers() async {
        let before = Int(time(nil))
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<64 {
                group.addTask { HTTPDate.now(SystemClock()) }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        let after = Int(time(nil))
        let valid = Set((before...after).map(HTTPDate.format))
        #expect(results.count == 64)
        #expect(results.allSatisfy(valid.contains))
    }
}
