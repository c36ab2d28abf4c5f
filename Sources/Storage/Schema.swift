/// DuPing's migrations, in order. A released migration is never edited: changes come as a new one.
public enum Schema {
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "registry and credentials", sql: registry),
    ]

    static let registry = """
        CREATE TABLE townships (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        -- Root and township-admin credentials; only the SHA-256 of each token is kept.
        CREATE TABLE credentials (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('root', 'admin')),
            township_id INTEGER REFERENCES townships(id),
            label TEXT NOT NULL,
            token_hash BLOB NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            revoked_at TEXT
        );
        CREATE TABLE departments (
            id INTEGER PRIMARY KEY,
            township_id INTEGER NOT NULL REFERENCES townships(id),
            name TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            UNIQUE (township_id, name)
        );
        CREATE TABLE cadres (
            id INTEGER PRIMARY KEY,
            township_id INTEGER NOT NULL REFERENCES townships(id),
            name TEXT NOT NULL,
            department_id INTEGER NOT NULL REFERENCES departments(id),
            post TEXT,
            status TEXT NOT NULL DEFAULT 'active',
            created_at TEXT NOT NULL
        );
        CREATE INDEX cadres_by_township ON cadres (township_id, id);
        CREATE TABLE projects (
            id INTEGER PRIMARY KEY,
            township_id INTEGER NOT NULL REFERENCES townships(id),
            title TEXT NOT NULL,
            board TEXT NOT NULL,
            year INTEGER NOT NULL,
            department_id INTEGER REFERENCES departments(id),
            cadre_id INTEGER REFERENCES cadres(id),
            created_at TEXT NOT NULL
        );
        CREATE INDEX projects_by_township ON projects (township_id, id);
        CREATE TABLE evaluators (
            id INTEGER PRIMARY KEY,
            township_id INTEGER NOT NULL REFERENCES townships(id),
            name TEXT NOT NULL,
            category TEXT NOT NULL,
            village TEXT,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );
        CREATE INDEX evaluators_by_township ON evaluators (township_id, id);
        CREATE INDEX departments_by_township ON departments (township_id, id);
        """
}
