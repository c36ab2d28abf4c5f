/// Fair use (contract §8): a round holds at most a configured number of subjects (cadres,
/// departments and projects together). Explicit lists are checked when a draft is saved; lists
/// left null are counted when the round opens and freezes them.
extension Round {
    /// Refuses a draft whose explicit lists name more than `limit` subjects.
    public func checkListedSubjects(limit: Int) throws(RoundError) {
        let listed = (cadreIDs?.count ?? 0) + (departmentIDs?.count ?? 0) + (projectIDs?.count ?? 0)
        guard listed > limit else { return }
        throw RoundError.invalid([
            FieldError(
                field: "cadre_ids",
                message: "a round holds at most \(limit) subjects in all; these lists name \(listed)")
        ])
    }

    /// Refuses to open a round that would freeze `count` subjects, past `limit`.
    public static func checkFrozenSubjects(count: Int, limit: Int) throws(RoundError) {
        guard count > limit else { return }
        throw RoundError.invalid([
            FieldError(
                field: "subjects",
                message: "a round holds at most \(limit) cadres, departments and projects; this one would hold \(count)"
            )
        ])
    }
}
