import Foundation
import Storage
import Testing

/// A full disk answers a clear 503, corrupts nothing, and the server works again once there is room.
/// The disk is "filled" with SQLite's own cap on the database size (`max_page_count`), which makes
/// SQLite fail exactly as on a full file system (SQLITE_FULL), without needing a mount.
@Suite struct DiskFullTests {
    @Test(TestBackend.sqliteOnly("fills the disk with PRAGMA max_page_count")) func fullDiskIs503ThenRecovers() throws {
        let app = try TestApp()
        let admin = try app.makeTownship("niumasi")
        let pages = try app.app.database.read { try $0.queryOne("PRAGMA page_count") { $0.int(0) } } ?? 0
        try app.app.database.write { try $0.execute("PRAGMA max_page_count = \(pages + 2)") }
        var status = 201
        var created = 0
        let longName = String(repeating: "办", count: 90)
        while status == 201 && created < 500 {
            let rows = (0..<20).map { #"{"name":"\#(longName)\#(created)-\#($0)"}"# }.joined(separator: ",")
            let response = try app.call("POST", "/v1/townships/niumasi/departments", token: admin, body: "[\(rows)]")
            status = response.status
            if status == 201 {
                created += 1
            } else {
                #expect(response.status == 503)
                #expect(response.header("Content-Type") == "application/problem+json")
                #expect(response.raw.text.contains("disk is full"))
            }
        }
        #expect(status == 503)
        let stored =
            try app.app.database.read { try $0.queryOne("SELECT count(*) FROM departments") { $0.int(0) } } ?? -1
        #expect(stored == created * 20, "the failed batch left nothing behind")
        let integrity = try app.app.database.read { try $0.queryOne("PRAGMA integrity_check") { $0.string(0) } }
        #expect(integrity == "ok")
        try app.app.database.write { try $0.execute("PRAGMA max_page_count = 1073741823") }
        #expect(
            try app.call("POST", "/v1/townships/niumasi/departments", token: admin, body: #"{"name":"新部门"}"#).status
                == 201)
    }
}
