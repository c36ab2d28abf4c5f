import PostgresStorage
import Testing

/// The addresses `duping --database` accepts, and the password hidden wherever one is printed.
@Suite struct PGConnInfoTests {
    @Test(arguments: [
        ("postgresql://duping:pw@db.example/duping", "postgresql://duping:***@db.example/duping"),
        ("postgres://u:p%40ss@h:5432/d?sslmode=require", "postgres://u:***@h:5432/d?sslmode=require"),
        ("postgresql://u@h/d?password=pw&sslmode=verify-full", "postgresql://u@h/d?password=***&sslmode=verify-full"),
        ("postgresql:///duping?host=/tmp/sock", "postgresql:///duping?host=/tmp/sock"),
        ("host=/tmp/s dbname=d password=pw user=u", "host=/tmp/s dbname=d password=*** user=u"),
        ("host=h password = 'p w\\'x' dbname=d", "host=h password = *** dbname=d"),
        ("mysql://u:pw@h/db", "mysql://u:***@h/db"),
    ])
    func passwordsAreHidden(address: String, shown: String) {
        #expect(PGConnInfo.redacted(address) == shown)
    }

    @Test func urlsAndConninfosAreAcceptedOtherTextIsNot() {
        #expect(PGConnInfo.isValid("postgresql://h/d"))
        #expect(PGConnInfo.isValid("postgres://h/d"))
        #expect(PGConnInfo.isValid("host=/tmp dbname=d"))
        #expect(!PGConnInfo.isValid("mysql://u:pw@h/db"))
        #expect(!PGConnInfo.isValid("/var/lib/duping"))
        #expect(!PGConnInfo.isValid(""))
    }
}
