import Domain

/// Townships and the root and admin credentials that manage them (contract §2, §3).
public protocol AccessRepository {
    /// - Throws: `RegistryError.conflict` when the code is taken.
    func createTownship(code: String, name: String) throws -> Township
    func township(id: Int64) throws -> Township?
    func township(code: String) throws -> Township?
    /// Townships in id order after the cursor; `only` restricts the list to one township.
    func townships(after: Int64?, limit: Int, only: Int64?) throws -> (items: [Township], next: Int64?)
    /// Stores a credential by its token hash and returns its id.
    func addCredential(kind: StoredCredential.Kind, townshipID: Int64?, label: String, tokenHash: [UInt8]) throws
        -> Int64
    /// The live credential with this token hash: a root or admin token not revoked, or the token
    /// of a cadre who has not left.
    func credential(tokenHash: [UInt8]) throws -> StoredCredential?
    func hasRootCredential() throws -> Bool
    /// The township's admin tokens in id order, revoked ones included.
    func adminTokens(townshipID: Int64, after: Int64?, limit: Int) throws -> (items: [AdminToken], next: Int64?)
    func adminToken(id: Int64, townshipID: Int64) throws -> AdminToken?
    /// Revokes an admin token of the township; false when there is no such live token.
    func revokeCredential(id: Int64, townshipID: Int64) throws -> Bool
    /// Replaces the township's settings.
    func setSettings(_ settings: TownshipSettings, townshipID: Int64) throws
    /// Makes `tokenHash` the cadre's only token (an earlier one stops working).
    func setCadreToken(cadreID: Int64, tokenHash: [UInt8]) throws
    /// Revokes the cadre's token; false when it had none.
    func revokeCadreToken(cadreID: Int64) throws -> Bool
}
