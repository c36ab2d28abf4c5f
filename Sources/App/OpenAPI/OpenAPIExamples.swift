import Domain

/// The success-response examples of the OpenAPI document: what 牛马司镇's office sees (shaped on
/// the demo township's data), written as JSON so they read like the responses themselves.
/// `OpenAPIDocumentTests` checks that every one is valid against its operation's schema.
enum OpenAPIExamples {
    /// `text`, a JSON literal of this file. A typo fails the document's tests (and would stop the
    /// server at the first request for the document), so it cannot ship.
    static func json(_ text: String) -> JSONValue {
        try! JSONParser.parse(text)
    }

    /// A list page of `items` with no further page.
    static func page(_ items: JSONValue...) -> JSONValue { ["items": .array(items), "next": .null] }

    static let health: JSONValue = ["status": "ok"]

    static let metrics: JSONValue = .string(
        """
        # HELP duping_build_info The running build of DuPing; always 1.
        # TYPE duping_build_info gauge
        duping_build_info{version="\(AppMetrics.version)"} 1
        # HELP duping_ballots_accepted_total Ballots stored, by channel (online or typed-in paper ballot).
        # TYPE duping_ballots_accepted_total counter
        duping_ballots_accepted_total{channel="online"} 37
        duping_ballots_accepted_total{channel="paper"} 3

        """)

    static let document = json(#"{"openapi": "3.1.0", "info": {"title": "DuPing (督评) API", "version": "1"}}"#)

    static let township = json(
        #"""
        {"code": "niumasi", "name": "牛马司镇", "created_at": "2026-01-05T01:30:00Z",
         "settings": {"yearly_service_projects": 5, "cadre_village_projects": 2}}
        """#)

    static let adminTokenCreated = json(
        #"""
        {"id": 2, "label": "镇组织办",
         "token": "dpa_e015203c8f273003bf31d6ceca5394894980374bcbdf4407d36636c3d6d9dd65"}
        """#)

    static let adminToken = json(
        #"{"id": 2, "label": "镇组织办", "created_at": "2026-01-05T01:32:00Z", "revoked_at": null}"#)

    static let cadreToken = json(
        #"{"cadre_id": 3, "token": "dpc_185e167ab4facd4be80e7063e7aaa90188947e56871781173ca80222d83a6831"}"#)

    // MARK: The registry

    static let department = json(#"{"id": 5, "name": "民政办", "active": true, "created_at": "2026-01-05T01:40:00Z"}"#)

    static let cadre = json(
        #"""
        {"id": 3, "name": "张三", "department_id": 5, "post": "民政办主任", "status": "active",
         "village": "太平村", "leader": false, "created_at": "2026-01-05T01:45:00Z"}
        """#)

    static let project = json(
        #"""
        {"id": 1, "title": "太平村通组公路硬化", "board": "service", "year": 2026, "department_id": 10,
         "cadre_id": 7, "supervisor_id": 46, "village": "太平村",
         "target": "硬化通组公路3.2公里、路面宽4.5米，惠及6个村民小组", "start": "2026-05-01",
         "due": "2027-02-28", "state": "active", "original_due": "2026-12-31", "due_changes": 1,
         "created_at": "2026-03-02T02:00:00Z"}
        """#)

    static let evaluators = json(
        #"""
        [{"id": 1, "name": "王五", "category": "deputy", "village": null, "active": true,
          "created_at": "2026-01-05T02:10:00Z"},
         {"id": 2, "name": "赵六", "category": "village_cadre", "village": "牛马司村", "active": true,
          "created_at": "2026-01-05T02:10:00Z"}]
        """#)

    /// One stored object of a registry resource, as `GET …/{id}` returns it.
    static func registryItem(_ spec: ResourceSpec) -> JSONValue {
        switch spec.name {
        case "departments": department
        case "cadres": cadre
        case "projects": project
        default: evaluators.arrayValue?.first ?? .null
        }
    }

    /// The answer to the create request documented for `spec` (one object, or a bulk array).
    static func registryCreated(_ spec: ResourceSpec) -> JSONValue {
        spec.name == "evaluators" ? ["items": evaluators] : registryItem(spec)
    }

    // MARK: Rounds and ballots

    static let draftRound = json(
        #"""
        {"id": 3, "title": "2026年下半年三督六评", "kind": "semiannual", "period": "2026-H2", "state": "draft",
         "scale": {"min": 0, "max": 100}, "weights": {"village_time": 1, "attitude": 1, "completion": 1},
         "category_weights": null, "least_threshold": 0.3, "min_group": 3, "evaluator_ids": [1, 2, 3],
         "cadre_ids": null, "department_ids": null, "project_ids": null, "created_at": "2026-12-01T01:00:00Z",
         "opened_at": null, "closed_at": null, "published_at": null}
        """#)

    static let openRound = draftRound.merging([
        "state": "open", "opened_at": "2026-12-03T00:30:00Z",
    ])

    static let closedRound = openRound.merging(["state": "closed", "closed_at": "2026-12-10T09:00:00Z"])

    static let publishedRound = json(
        #"""
        {"id": 1, "title": "2026年上半年三督六评", "kind": "semiannual", "period": "2026-H1", "state": "published",
         "scale": {"min": 0, "max": 100}, "weights": {"village_time": 1, "attitude": 1, "completion": 1},
         "category_weights": {"deputy": 3, "village_cadre": 2, "retired_cadre": 2, "contact_household": 3},
         "least_threshold": 0.3, "min_group": 3, "evaluator_ids": [1, 2, 3], "cadre_ids": null,
         "department_ids": null, "project_ids": null, "created_at": "2026-06-20T01:00:00Z",
         "opened_at": "2026-06-25T00:30:00Z", "closed_at": "2026-07-02T09:00:00Z",
         "published_at": "2026-07-06T02:00:00Z"}
        """#)

    static let issuedCode = json(#"{"evaluator_id": 2, "name": "赵六", "token": "GQ2J-KVQM-F1T2-Z1K8"}"#)

    static let issuedCodes = json(
        #"""
        {"tokens": [{"evaluator_id": 1, "name": "王五", "token": "FVGP-K9MS-8JGT-Q5DB"},
                    {"evaluator_id": 2, "name": "赵六", "token": "GQ2J-KVQM-F1T2-Z1K8"},
                    {"evaluator_id": 3, "name": "钱七", "token": "7KQ2-M9XD-4TZP-HC3R"}]}
        """#)

    static let turnout = json(
        #"""
        {"panel": 3, "voted": 2,
         "by_category": {"deputy": {"panel": 1, "voted": 1}, "village_cadre": {"panel": 1, "voted": 1},
                         "retired_cadre": {"panel": 1, "voted": 0}, "contact_household": {"panel": 0, "voted": 0}},
         "evaluators": [{"evaluator_id": 1, "voted": true}, {"evaluator_id": 2, "voted": true},
                        {"evaluator_id": 3, "voted": false}]}
        """#)

    static let receipt: JSONValue = ["receipt": "0XJG-S0G0-BHMQ"]

    static let recount = json(#"{"round_id": 1, "ballots": 37, "aggregates_match": true}"#)

    static let ballotForm = json(
        #"""
        {"round": {"id": 2, "title": "2026年第四季度领导班子季评排队", "kind": "quarterly", "period": "2026-Q4",
                   "state": "open", "township": "niumasi", "township_name": "牛马司镇"},
         "scale": {"min": 0, "max": 100},
         "cadres": [{"cadre_id": 1, "name": "王建国", "department_id": 1, "department": "党政办"},
                    {"cadre_id": 3, "name": "张三", "department_id": 5, "department": "民政办"}],
         "departments": [{"department_id": 1, "name": "党政办"}, {"department_id": 5, "name": "民政办"}],
         "projects": [{"project_id": 1, "title": "太平村通组公路硬化", "board": "service"}],
         "voted": false}
        """#)

    static let resultsCSV: JSONValue = """
        排名,姓名,部门,下村时间,下村天数,工作态度,任务完成,综合得分,最满意票,最不满意票,净票
        1,郭玉兰,纪检监察室,95.30,12,95.55,92.00,94.29,23,0,23
        2,王德明,民政办,92.52,9,95.41,92.83,93.59,1,0,1

        """
}

extension JSONValue {
    /// This object with `changes` set (added or replaced).
    func merging(_ changes: JSONObject) -> JSONValue {
        guard var object = objectValue else { return self }
        for (key, value) in changes.entries { object[key] = value }
        return .object(object)
    }
}
