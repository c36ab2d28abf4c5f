/// Why a registry write was refused.
public enum RegistryError: Error, Equatable, Sendable {
    /// A value that must be unique in the township is taken (`row` is 1-based, nil for one object).
    case conflict(row: Int?, field: String, value: String)
    /// A referenced id does not exist in this township.
    case invalidReference(row: Int?, field: String)
    /// A supervisor (分管领导) must be a cadre with `leader: true`.
    case notALeader(row: Int?, field: String)
    /// The township would hold more than `limit` rows of this kind (contract §8, fair use).
    case limitReached(kind: String, limit: Int, existing: Int, adding: Int)
}
