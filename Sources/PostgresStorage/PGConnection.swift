import CPostgres
import Storage

/// One PostgreSQL session (libpq's `PGconn`) with its prepared statements.
///
/// Statements use PostgreSQL's own placeholders (`$1`, `$2`, …) and take the same arguments as
/// SQLite's `Connection` (`[any SQLBindable]`): integers bind as `int8`, reals as `float8`, text
/// as `text` — all in text format — and blobs as `bytea` in binary format. Every statement is
/// prepared once per session and argument types (`PQprepare`, then `PQexecPrepared`).
///
/// Not thread-safe: `PGPool` hands a connection to one caller at a time, and the closures that
/// receive it must not let it escape.
public final class PGConnection {
    let handle: OpaquePointer
    /// Prepared statement names keyed by SQL text and argument types. Emptied when it reaches
    /// `cacheLimit`, as the server keeps each prepared statement until the session ends.
    private var prepared: [String: String] = [:]
    private var preparedCount = 0
    /// SQL written with `?` placeholders, numbered for PostgreSQL (`PGPlaceholders`), by its text.
    private var numberedSQL: [String: String] = [:]
    static let cacheLimit = 256
    private var isClosed = false

    /// Connects with a URL (`postgresql://user@host/db`) or `key=value` conninfo
    /// (`host=/tmp/sock dbname=duping`), and checks the server speaks UTF-8 to us.
    public init(conninfo: String) throws(PGError) {
        if let unavailable = duping_libpq_load_error() {
            throw .connectionFailure(String(cString: unavailable), sql: nil)
        }
        guard let connection = PQconnectdb(conninfo) else {
            throw .connectionFailure("libpq could not allocate a connection", sql: nil)
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.trimmed(PQerrorMessage(connection))
            PQfinish(connection)
            throw .connectionFailure(message, sql: nil)
        }
        handle = connection
        // Notices ("relation already exists, skipping") would go to stderr, outside our log.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        try execute("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'")
    }

    deinit {
        close()
    }

    /// Ends the session. Later calls throw a misuse error.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        PQfinish(handle)
    }

    /// False once the session is gone (the server closed it, the network broke).
    public var isBroken: Bool { isClosed || PQstatus(handle) != CONNECTION_OK }

    /// True outside any transaction block; a pool gives back only idle sessions.
    public var isIdle: Bool { PQtransactionStatus(handle) == PQTRANS_IDLE }

    /// The server process serving this session (`pg_backend_pid()`).
    public var backendPID: Int32 { PQbackendPID(handle) }

    /// Runs a script of zero or more statements, without arguments and without preparing.
    public func execute(_ sql: String) throws(PGError) {
        guard !isClosed else { throw .misuse("connection is closed", sql: sql) }
        // PQexec returns only the last statement's result but stops at the first failure.
        try consume(PQexec(handle, sql), sql: sql) { _ in }
    }

    /// Runs one statement and returns how many rows it changed (or returned).
    @discardableResult
    public func run(_ sql: String, _ arguments: [any SQLBindable] = []) throws(PGError) -> Int {
        var changed = 0
        try consume(try execute(sql, arguments), sql: sql) { result in
            changed = Int(String(cString: PQcmdTuples(result))) ?? 0
        }
        return changed
    }

    /// Maps every result row; `map` may throw to abandon the query.
    public func query<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ map: (PGRow) throws -> T) throws
        -> [T]
    {
        var rows: [T] = []
        try forEachRow(sql, arguments) { rows.append(try map($0)) }
        return rows
    }

    /// Maps the first result row, if any.
    public func queryOne<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ map: (PGRow) throws -> T) throws
        -> T?
    {
        let result = try execute(sql, arguments)
        defer { PQclear(result) }
        try check(result, sql: sql)
        return PQntuples(result) > 0 ? try map(PGRow(result: result!, row: 0)) : nil
    }

    /// Passes every result row to `body`. The whole result is in memory first (libpq's default).
    public func forEachRow(_ sql: String, _ arguments: [any SQLBindable] = [], _ body: (PGRow) throws -> Void) throws {
        let result = try execute(sql, arguments)
        defer { PQclear(result) }
        try check(result, sql: sql)
        for row in 0..<PQntuples(result) { try body(PGRow(result: result!, row: row)) }
    }

    /// `sql` with its `?` placeholders numbered (`$1`, `$2`, …), rewritten once per statement text.
    func numbered(_ sql: String) -> String {
        if let numbered = numberedSQL[sql] { return numbered }
        if numberedSQL.count >= Self.cacheLimit { numberedSQL.removeAll(keepingCapacity: true) }
        let numbered = PGPlaceholders.numbered(sql)
        numberedSQL[sql] = numbered
        return numbered
    }

    /// How many statements this session has prepared and cached; lets tests observe the bound.
    var cachedStatementCount: Int { prepared.count }

    /// Prepares `sql` for these argument types if needed, then executes it. The caller clears
    /// the result.
    private func execute(_ sql: String, _ arguments: [any SQLBindable]) throws(PGError) -> OpaquePointer? {
        guard !isClosed else { throw .misuse("connection is closed", sql: sql) }
        let binds = PGBinds(arguments.map(\.sqlValue))
        let name = try statementName(sql, types: binds.types)
        let result = binds.withPointers { values, lengths, formats in
            PQexecPrepared(handle, name, Int32(binds.count), values, lengths, formats, 0)
        }
        forgetStatementsIfStale(result)
        return result
    }

    /// A migration run by another session (a newer instance on the same database) that changes a
    /// column's type or collation makes every statement this session prepared over that column
    /// fail with 0A000 "cached plan must not change result type", each time, for as long as the
    /// session lives. On the first such failure the whole cache is dropped, so later statements
    /// are prepared again under new names and run; the failed one (its transaction is aborted
    /// already) is the caller's to retry. The old statements stay on the server until the next
    /// `DEALLOCATE ALL`.
    private func forgetStatementsIfStale(_ result: OpaquePointer?) {
        guard let result, PQresultStatus(result) == PGRES_FATAL_ERROR,
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))),
            String(cString: state) == Self.stalePlanState
        else { return }
        prepared.removeAll(keepingCapacity: true)
    }

    /// feature_not_supported, which PostgreSQL raises for a prepared statement whose result
    /// columns changed type since it was prepared.
    static let stalePlanState = "0A000"

    private func statementName(_ sql: String, types: [Oid]) throws(PGError) -> String {
        let key = sql + "\u{0}" + types.map(String.init).joined(separator: ",")
        if let name = prepared[key] { return name }
        if prepared.count >= Self.cacheLimit {
            try execute("DEALLOCATE ALL")
            prepared.removeAll(keepingCapacity: true)
        }
        preparedCount += 1
        let name = "duping_\(preparedCount)"
        let result = types.withUnsafeBufferPointer { PQprepare(handle, name, sql, Int32(types.count), $0.baseAddress) }
        try consume(result, sql: sql) { _ in }
        prepared[key] = name
        return name
    }

    /// Checks and clears `result`, handing it to `body` first when it succeeded.
    private func consume(_ result: OpaquePointer?, sql: String, _ body: (OpaquePointer) -> Void) throws(PGError) {
        defer { PQclear(result) }
        try check(result, sql: sql)
        body(result!)
    }

    /// Throws the error `result` carries; a missing result means libpq lost the connection.
    private func check(_ result: OpaquePointer?, sql: String) throws(PGError) {
        guard let result else { throw .connectionFailure(Self.trimmed(PQerrorMessage(handle)), sql: sql) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return
        default:
            let message = Self.trimmed(PQresultErrorMessage(result))
            guard let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))) else {
                throw .connectionFailure(message.isEmpty ? Self.trimmed(PQerrorMessage(handle)) : message, sql: sql)
            }
            let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
            throw PGError(sqlState: String(cString: state), message: primary ?? message, sql: sql)
        }
    }

    private static func trimmed(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "" }
        var message = String(cString: text)
        while message.last?.isWhitespace == true { message.removeLast() }
        return message
    }
}

/// Statement arguments laid out as `PQexecPrepared` wants them: NUL-terminated text for
/// numbers and text, raw bytes in binary format for `bytea`, a null pointer for NULL.
struct PGBinds {
    let types: [Oid]
    private let buffers: [[CChar]?]
    private let lengths: [Int32]
    private let formats: [Int32]
    var count: Int { types.count }

    init(_ values: [SQLValue]) {
        var types: [Oid] = []
        var buffers: [[CChar]?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        for value in values {
            switch value {
            case .null:
                types.append(0)
                buffers.append(nil)
                lengths.append(0)
                formats.append(0)
            case .integer(let number):
                Self.appendText(String(number), type: PGType.int8, &types, &buffers, &lengths, &formats)
            case .real(let number):
                Self.appendText(Self.text(number), type: PGType.float8, &types, &buffers, &lengths, &formats)
            case .text(let text):
                Self.appendText(PGText.encoded(text), type: PGType.text, &types, &buffers, &lengths, &formats)
            case .blob(let bytes):
                types.append(PGType.bytea)
                // A non-empty buffer even for no bytes: a null pointer would bind NULL.
                buffers.append(bytes.isEmpty ? [0] : bytes.map { CChar(bitPattern: $0) })
                lengths.append(Int32(bytes.count))
                formats.append(1)
            }
        }
        self.types = types
        self.buffers = buffers
        self.lengths = lengths
        self.formats = formats
    }

    private static func appendText(
        _ text: String, type: Oid, _ types: inout [Oid], _ buffers: inout [[CChar]?], _ lengths: inout [Int32],
        _ formats: inout [Int32]
    ) {
        types.append(type)
        buffers.append(Array(text.utf8CString))
        lengths.append(0)
        formats.append(0)
    }

    /// Swift's shortest round-trip form, with PostgreSQL's spelling of the infinities.
    static func text(_ number: Double) -> String {
        if number == .infinity { return "Infinity" }
        if number == -.infinity { return "-Infinity" }
        if number.isNaN { return "NaN" }
        return "\(number)"
    }

    /// Calls `body` with C arrays of the values, lengths and formats, valid only during the call.
    func withPointers<R>(
        _ body: (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> R
    ) -> R {
        // Copies with stable addresses for the call; nested `withUnsafeBufferPointer`s would
        // need one stack frame per argument.
        let pointers: [UnsafePointer<CChar>?] = buffers.map { buffer in
            buffer.map { bytes in
                let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
                copy.initialize(from: bytes, count: bytes.count)
                return UnsafePointer(copy)
            }
        }
        defer { pointers.forEach { $0.map { UnsafeMutablePointer(mutating: $0).deallocate() } } }
        return pointers.withUnsafeBufferPointer { values in
            lengths.withUnsafeBufferPointer { lengths in
                formats.withUnsafeBufferPointer { formats in
                    body(values.baseAddress, lengths.baseAddress, formats.baseAddress)
                }
            }
        }
    }
}
