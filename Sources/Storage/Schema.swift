/// DuPing's migrations, in order. A released migration is never edited: changes come as a new one.
public enum Schema {
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "registry and credentials", sql: registry),
        Migration(version: 2, name: "rounds, ballots, tallies and archive", sql: evaluation),
        Migration(version: 3, name: "running aggregates as one row per round", sql: roundTallies),
        Migration(version: 4, name: "a round's id lists after its other columns", sql: roundListsLast),
        Migration(version: 5, name: "ballots in slots laid out when a round opens", sql: ballotSlots),
        Migration(version: 6, name: "responsibility boards, monthly checks and cadre tokens", sql: responsibility),
        Migration(version: 7, name: "quarterly reviews", sql: quarterlyReviews),
        Migration(version: 8, name: "year-end assessments, overrides and objections", sql: assessments),
        Migration(version: 9, name: "whereabouts and visit diaries", sql: whereaboutsAndDiaries),
        Migration(version: 10, name: "first-asked requests", sql: firstAskedRequests),
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

    /// Ballots are anonymous (contract §5): the `ballots` table has no evaluator or token column,
    /// keeps only the day, and is a WITHOUT ROWID table keyed by the random receipt, so neither a
    /// rowid nor the physical order follows the order of voting. `round_panel.voted` says who has
    /// voted (turnout needs it), never what.
    static let evaluation = """
        CREATE TABLE rounds (
            id INTEGER PRIMARY KEY,
            township_id INTEGER NOT NULL REFERENCES townships(id),
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            period TEXT NOT NULL,
            rules TEXT NOT NULL,
            evaluator_ids TEXT NOT NULL,
            cadre_ids TEXT,
            department_ids TEXT,
            project_ids TEXT,
            state TEXT NOT NULL DEFAULT 'draft',
            created_at TEXT NOT NULL,
            opened_at TEXT,
            closed_at TEXT,
            published_at TEXT,
            commentary TEXT
        );
        CREATE INDEX rounds_by_township ON rounds (township_id, id);
        -- Subjects frozen when the round opens: names as they were then.
        CREATE TABLE round_subjects (
            round_id INTEGER NOT NULL REFERENCES rounds(id),
            kind TEXT NOT NULL,
            subject_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            department_id INTEGER,
            department TEXT,
            board TEXT,
            PRIMARY KEY (round_id, kind, subject_id)
        ) WITHOUT ROWID;
        CREATE TABLE round_panel (
            round_id INTEGER NOT NULL REFERENCES rounds(id),
            evaluator_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            category TEXT NOT NULL,
            token_hash BLOB UNIQUE,
            voted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (round_id, evaluator_id)
        ) WITHOUT ROWID;
        CREATE TABLE ballots (
            receipt TEXT PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES rounds(id),
            category TEXT NOT NULL,
            cast_on TEXT NOT NULL,
            content TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ballots_by_round ON ballots (round_id, receipt);
        -- Running aggregates per subject and evaluator category, updated with each ballot.
        CREATE TABLE tallies (
            round_id INTEGER NOT NULL,
            subject_kind TEXT NOT NULL,
            subject_id INTEGER NOT NULL,
            category TEXT NOT NULL,
            n INTEGER NOT NULL DEFAULT 0,
            vt_sum INTEGER NOT NULL DEFAULT 0, vt_min INTEGER, vt_max INTEGER,
            at_sum INTEGER NOT NULL DEFAULT 0, at_min INTEGER, at_max INTEGER,
            co_sum INTEGER NOT NULL DEFAULT 0, co_min INTEGER, co_max INTEGER,
            most INTEGER NOT NULL DEFAULT 0,
            least INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (round_id, subject_kind, subject_id, category)
        ) WITHOUT ROWID;
        -- Results frozen at close; the public document (results + commentary + receipts) at publish.
        CREATE TABLE round_documents (
            round_id INTEGER NOT NULL REFERENCES rounds(id),
            kind TEXT NOT NULL CHECK (kind IN ('results', 'public')),
            body BLOB NOT NULL,
            PRIMARY KEY (round_id, kind)
        ) WITHOUT ROWID;
        CREATE TABLE archive_records (
            cadre_id INTEGER NOT NULL REFERENCES cadres(id),
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            round_id INTEGER,
            period TEXT,
            data TEXT NOT NULL,
            created_at TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            PRIMARY KEY (cadre_id, seq)
        ) WITHOUT ROWID;
        """

    /// The running aggregates move from one row per subject and category to one row per round
    /// (`RoundTallies`' JSON text), so a group commit writes a round's aggregates with one
    /// statement instead of one per subject. Existing rows are carried over as they are.
    static let roundTallies = """
        CREATE TABLE round_tallies (
            round_id INTEGER PRIMARY KEY REFERENCES rounds(id),
            data TEXT NOT NULL
        );
        INSERT INTO round_tallies (round_id, data)
        SELECT round_id, json_group_array(json_array(subject_kind, subject_id, category, n, vt_sum, vt_min, vt_max,
                                                     at_sum, at_min, at_max, co_sum, co_min, co_max, most, least))
        FROM tallies GROUP BY round_id;
        DROP TABLE tallies;
        """

    /// A round's id lists move behind its other columns. A record's columns are stored in order,
    /// and a panel of many thousand evaluators makes `evaluator_ids` span hundreds of overflow
    /// pages, which SQLite walked for every read of a later column — `state` is read for every
    /// ballot. (ADD COLUMN appends; the copy keeps each list's constraints.)
    static let roundListsLast = """
        ALTER TABLE rounds ADD COLUMN evaluator_ids_last TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE rounds ADD COLUMN cadre_ids_last TEXT;
        ALTER TABLE rounds ADD COLUMN department_ids_last TEXT;
        ALTER TABLE rounds ADD COLUMN project_ids_last TEXT;
        UPDATE rounds SET evaluator_ids_last = evaluator_ids, cadre_ids_last = cadre_ids,
                          department_ids_last = department_ids, project_ids_last = project_ids;
        ALTER TABLE rounds DROP COLUMN evaluator_ids;
        ALTER TABLE rounds DROP COLUMN cadre_ids;
        ALTER TABLE rounds DROP COLUMN department_ids;
        ALTER TABLE rounds DROP COLUMN project_ids;
        ALTER TABLE rounds RENAME COLUMN evaluator_ids_last TO evaluator_ids;
        ALTER TABLE rounds RENAME COLUMN cadre_ids_last TO cadre_ids;
        ALTER TABLE rounds RENAME COLUMN department_ids_last TO department_ids;
        ALTER TABLE rounds RENAME COLUMN project_ids_last TO project_ids;
        """

    /// Ballots move into slots (`BallotSlot`): one per panel member, laid out when the round
    /// opens and overwritten in place by the ballot that draws it, so a ballot's place in the
    /// file no longer follows the order of voting. Stored ballots are copied in random order
    /// (which re-lays those of an open round); an open round gets an empty slot for every
    /// member who has not voted, of a size that fits any ballot of the round. Receipts of those
    /// slots are 12 hex digits, a subset of the Crockford alphabet.
    static let ballotSlots = """
        CREATE TABLE ballot_slots (
            slot INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES rounds(id),
            receipt TEXT NOT NULL UNIQUE,
            filled INTEGER NOT NULL DEFAULT 0 CHECK (filled IN (0, 1)),
            body BLOB NOT NULL
        );
        INSERT INTO ballot_slots (round_id, receipt, filled, body)
        SELECT round_id, receipt, 1,
               CAST(char(CASE category WHEN 'deputy' THEN 1 WHEN 'village_cadre' THEN 2
                                       WHEN 'retired_cadre' THEN 3 ELSE 4 END) || cast_on || content AS BLOB)
        FROM ballots ORDER BY random();
        INSERT INTO ballot_slots (round_id, receipt, filled, body)
        SELECT p.round_id, upper(hex(randomblob(6))), 0,
               zeroblob(2200 + 40 * (SELECT count(*) FROM round_subjects s WHERE s.round_id = p.round_id))
        FROM round_panel p JOIN rounds r ON r.id = p.round_id
        WHERE r.state = 'open' AND p.voted = 0 ORDER BY random();
        DROP TABLE ballots;
        ALTER TABLE ballot_slots RENAME TO ballots;
        CREATE INDEX ballots_by_round ON ballots (round_id);
        """

    /// Contract §9: cadres' village and leader flag, projects' schedule and state, township
    /// settings, cadre tokens (only hashes), each month's current check, and every project's
    /// timeline. Existing projects get a `created` event at their creation time.
    static let responsibility = """
        ALTER TABLE cadres ADD COLUMN village TEXT;
        ALTER TABLE cadres ADD COLUMN leader INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE projects ADD COLUMN supervisor_id INTEGER REFERENCES cadres(id);
        ALTER TABLE projects ADD COLUMN village TEXT;
        ALTER TABLE projects ADD COLUMN target TEXT;
        ALTER TABLE projects ADD COLUMN start TEXT;
        ALTER TABLE projects ADD COLUMN due TEXT;
        ALTER TABLE projects ADD COLUMN state TEXT NOT NULL DEFAULT 'active';
        ALTER TABLE projects ADD COLUMN original_due TEXT;
        ALTER TABLE projects ADD COLUMN due_changes INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX projects_by_year ON projects (township_id, year);
        ALTER TABLE townships ADD COLUMN settings TEXT;
        CREATE TABLE cadre_tokens (
            cadre_id INTEGER PRIMARY KEY REFERENCES cadres(id),
            token_hash BLOB NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE project_checks (
            project_id INTEGER NOT NULL REFERENCES projects(id),
            month TEXT NOT NULL,
            progress INTEGER NOT NULL,
            assessment TEXT NOT NULL,
            note TEXT,
            written_at TEXT NOT NULL,
            PRIMARY KEY (project_id, month)
        ) WITHOUT ROWID;
        CREATE TABLE project_events (
            project_id INTEGER NOT NULL REFERENCES projects(id),
            seq INTEGER NOT NULL,
            at TEXT NOT NULL,
            event TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (project_id, seq)
        ) WITHOUT ROWID;
        INSERT INTO project_events (project_id, seq, at, event, data)
        SELECT id, 1, created_at, 'created',
               json_object('title', title, 'board', board, 'year', year, 'cadre_id', cadre_id,
                           'supervisor_id', NULL, 'village', NULL, 'start', NULL, 'due', NULL)
        FROM projects;
        """

    /// Contract §10: one review per township and quarter; `cadres` holds the rows frozen at
    /// finalization.
    static let quarterlyReviews = """
        CREATE TABLE quarterly_reviews (
            id INTEGER PRIMARY KEY,
            township_id INTEGER NOT NULL REFERENCES townships(id),
            period TEXT NOT NULL,
            round_id INTEGER REFERENCES rounds(id),
            rules TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'final')),
            commentary TEXT,
            created_at TEXT NOT NULL,
            finalized_at TEXT,
            cadres TEXT,
            UNIQUE (township_id, period)
        );
        """

    /// Contract §11: one assessment per township and year; its inputs frozen at the notice; the
    /// committee's overrides beside the proposals; objections from the public, which keep no
    /// trace of their sender: no address, and only the day (UTC+8) they came, so their time
    /// cannot be matched with anything else.
    static let assessments = """
        CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            township_id INTEGER NOT NULL REFERENCES townships(id),
            year INTEGER NOT NULL,
            rules TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'notice', 'final')),
            notice_ends TEXT,
            notice_cut_short TEXT,
            commentary TEXT,
            created_at TEXT NOT NULL,
            finalized_at TEXT,
            inputs TEXT,
            UNIQUE (township_id, year)
        );
        CREATE TABLE assessment_overrides (
            assessment_id INTEGER NOT NULL REFERENCES assessments(id),
            cadre_id INTEGER NOT NULL,
            grade TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (assessment_id, cadre_id)
        ) WITHOUT ROWID;
        CREATE TABLE objections (
            id INTEGER PRIMARY KEY,
            assessment_id INTEGER NOT NULL REFERENCES assessments(id),
            cadre_id INTEGER NOT NULL,
            text TEXT NOT NULL,
            received_on TEXT NOT NULL,
            response TEXT,
            responded_at TEXT
        );
        CREATE INDEX objections_by_assessment ON objections (assessment_id, id);
        """

    /// Contract §12: each cadre's entry of a day on the whereabouts board, and its visit diary
    /// (never public).
    static let whereaboutsAndDiaries = """
        CREATE TABLE whereabouts (
            cadre_id INTEGER NOT NULL REFERENCES cadres(id),
            day TEXT NOT NULL,
            place TEXT NOT NULL,
            village TEXT,
            note TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (cadre_id, day)
        ) WITHOUT ROWID;
        CREATE TABLE diary_entries (
            id INTEGER PRIMARY KEY,
            cadre_id INTEGER NOT NULL REFERENCES cadres(id),
            date TEXT NOT NULL,
            village TEXT NOT NULL,
            households INTEGER,
            summary TEXT NOT NULL,
            issues TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX diary_by_cadre ON diary_entries (cadre_id, date);
        """

    /// Contract §12: first-asked requests, found publicly by the digest of their code, and the
    /// steps each went through.
    static let firstAskedRequests = """
        CREATE TABLE requests (
            id INTEGER PRIMARY KEY,
            township_id INTEGER NOT NULL REFERENCES townships(id),
            code_digest TEXT NOT NULL UNIQUE,
            summary TEXT NOT NULL,
            contact TEXT,
            first_cadre_id INTEGER NOT NULL REFERENCES cadres(id),
            state TEXT NOT NULL,
            holder_cadre_id INTEGER,
            department_id INTEGER,
            passed_to_cadre_id INTEGER,
            filed_on TEXT NOT NULL,
            due TEXT NOT NULL,
            resolved_on TEXT,
            outcome TEXT,
            resolved_by_cadre_id INTEGER,
            created_at TEXT NOT NULL
        );
        CREATE INDEX requests_by_township ON requests (township_id, id);
        CREATE TABLE request_events (
            request_id INTEGER NOT NULL REFERENCES requests(id),
            seq INTEGER NOT NULL,
            at TEXT NOT NULL,
            event TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (request_id, seq)
        ) WITHOUT ROWID;
        """
}
