/// Why an archive record could not be built.
public enum ArchiveError: Error, Equatable, Sendable {
    /// The record's data holds a float; archive data must be integers and strings (scores are
    /// written as two-decimal strings) so that anyone can reproduce the hash.
    case notCanonical(CanonicalJSON.EncodingError)
    /// The previous record belongs to another cadre: a caller bug, never user input.
    case cadreMismatch(expected: Int64, found: Int64)
}
