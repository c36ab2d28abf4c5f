import HTTPCore

/// The forms a table downloads in (contract §8): every `.csv` export has an `.xlsx` twin at
/// the same path with the other extension, built from the same `ExportTable`.
enum ExportFormat: String, Sendable, CaseIterable {
    /// UTF-8 with a BOM and CRLF, for Excel (`CSVWriter`).
    case csv
    /// An Office Open XML workbook (`XLSXWriter`).
    case xlsx

    var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: XLSXWriter.mediaType
        }
    }

    /// The file's bytes.
    func encode(_ table: ExportTable) throws -> [UInt8] {
        switch self {
        case .csv: CSVWriter.encode(table)
        case .xlsx: try XLSXWriter.encode(table)
        }
    }

    /// `body` as a download named `name` plus this format's extension.
    func download(_ body: [UInt8], name: String) -> HTTPResponse {
        HTTPResponse(
            status: 200,
            headers: [
                "Content-Type": contentType,
                "Content-Disposition": "attachment; filename=\"\(name).\(rawValue)\"",
            ],
            body: body)
    }

    /// `table` in this format as a download named `name` plus this format's extension.
    func download(_ table: ExportTable, name: String) throws -> HTTPResponse {
        download(try encode(table), name: name)
    }
}
