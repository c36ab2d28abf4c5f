/// The Chinese for every message a client can get in a problem (`title`, `detail`,
/// `errors[].message`), keyed by the English text the code writes.
///
/// English stays the source: the code keeps writing its messages as before, and a response to
/// a client that prefers Chinese is translated on its way out (`ProblemTranslator`). An entry
/// pairs an English template with its Chinese one (see `MessageTemplate` for the holes);
/// fragment tables translate the words that fill `{name}` holes. A message no entry fits stays
/// English. A test scans the sources for every message literal and checks each has an entry.
struct MessageCatalog: Sendable {
    /// One English template and its Chinese.
    struct Entry: Sendable {
        let english: MessageTemplate
        let chinese: MessageTemplate
    }

    /// The catalog of all the areas' entries.
    static let shared = MessageCatalog(pairs: allPairs, fragments: fragments)

    /// Every (English, Chinese) pair of every area, for the catalog and its tests.
    static var allPairs: [(String, String)] {
        httpPairs + jsonPairs + csvPairs + registryPairs + evaluationPairs + responsibilityPairs + reviewPairs
            + peoplePairs
    }

    /// Messages without holes, by their English text.
    private let exact: [String: String]
    /// The templates with holes, most fixed text first.
    private let templates: [Entry]
    let fragments: [String: [String: String]]

    init(pairs: [(String, String)], fragments: [String: [String: String]]) {
        var exact: [String: String] = [:]
        var templates: [Entry] = []
        for (english, chinese) in pairs {
            let template = MessageTemplate(english)
            if template.holes.isEmpty {
                exact[english] = chinese
            } else {
                templates.append(Entry(english: template, chinese: MessageTemplate(chinese)))
            }
        }
        self.exact = exact
        self.templates = templates.sorted { $0.english.fixedLength > $1.english.fixedLength }
        self.fragments = fragments
    }

    /// The Chinese for `english`, or nil when no entry fits it.
    func chinese(_ english: String) -> String? {
        if let text = exact[english] { return text }
        for entry in templates {
            guard let values = entry.english.match(english) else { continue }
            let translated = zip(entry.english.holes, values).map { hole, value in
                switch hole {
                case .message: chinese(value) ?? value
                case .fragment(let table): fragments[table]?[value] ?? value
                case .verbatim, .position: value
                }
            }
            return entry.chinese.render(translated)
        }
        return nil
    }

    /// The Chinese `title` for a status (the English one is its reason phrase).
    static func title(status: Int) -> String? { titles[status] }
}
