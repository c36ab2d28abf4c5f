import Domain
import Store

/// The demo's first-asked requests (首问责任制, contract §12): nine matters filed over the past
/// four weeks, each taken through the same Domain steps as `POST .../requests`, `.../handoffs`,
/// `.../accept` and `.../resolve` (the holder acting, each step recorded with the same data), so
/// that every state shows — two open (one overdue), two passed (to a department and to a named
/// cadre), two accepted (one overdue) and three resolved (one after its due date).
///
/// The API keeps only a code's digest, so the codes are written with their states to
/// `<data>/demo-request-codes.txt` (0600) for a newcomer to try on `/request.html` or at
/// `GET /v1/public/requests/{code}`; never to stdout.
extension DemoData {
    /// A step after filing. Only a resolution carries a day (`after` days after filing): the
    /// others are dated by the store's clock, as through the API.
    enum RequestStep {
        /// The holder passes it to a department, to one of its cadres (by index) if named.
        case handOff(department: String, cadre: Int?, note: String)
        /// A cadre (by index) accepts it: the named one, else one of that department.
        case accept(by: Int)
        /// The holder resolves it.
        case resolve(outcome: String, after: Int)
    }

    /// A matter a villager raised with the first cadre (by index) they asked, `filed` days ago.
    struct DemoRequest {
        var summary: String
        var contact: String?
        var firstCadre: Int
        var filed: Int
        var steps: [RequestStep] = []
    }

    static let requests = [
        DemoRequest(
            summary: "太平村村民王某反映今年的耕地地力保护补贴还没到账，请求帮忙查询。", contact: "太平村三组，电话138****2716",
            firstCadre: 17, filed: 2),
        DemoRequest(
            summary: "新屋村村民李某想拆旧房翻建新房，询问宅基地审批要哪些材料、多久能批下来。", contact: "新屋村五组",
            firstCadre: 21, filed: 11),
        DemoRequest(
            summary: "花桥村村民反映灌溉渠道一处涵管破损漏水，下游十几户的田放不进水。", contact: "花桥村二组，电话159****0384",
            firstCadre: 2, filed: 3,
            steps: [.handOff(department: "水利站", cadre: nil, note: "属水利站职责，已电话告知站里")]),
        DemoRequest(
            summary: "白云村两户村民因宅基地滴水檐界线发生争执，请求镇里调解。", contact: "白云村一组",
            firstCadre: 13, filed: 1,
            steps: [.handOff(department: "综治办", cadre: 22, note: "请尽快到现场了解情况")]),
        DemoRequest(
            summary: "石门村村民赵某反映家中九十岁老人的高龄津贴从上月起停发，请求核查。", contact: "石门村四组，电话137****5590",
            firstCadre: 5, filed: 5,
            steps: [
                .handOff(department: "民政办", cadre: nil, note: "高龄津贴由民政办负责"), .accept(by: 40),
            ]),
        DemoRequest(
            summary: "太平村两个村民小组对一片山林的界址有争议，请求查阅林权档案、到现场勘界。", contact: "太平村六组组长",
            firstCadre: 10, filed: 20,
            steps: [
                .handOff(department: "林业站", cadre: 19, note: "需林业站调取林权档案，综治办配合调解"),
                .accept(by: 19),
            ]),
        DemoRequest(
            summary: "村民咨询到外省子女家长住后看病怎么办理异地就医备案。", firstCadre: 28, filed: 9,
            steps: [.resolve(outcome: "当场讲清备案流程，次日帮助村民在手机上办好异地就医备案。", after: 1)]),
        DemoRequest(
            summary: "新屋村种植户反映大棚蔬菜成片发病，请求派技术员指导。", contact: "新屋村蔬菜合作社",
            firstCadre: 1, filed: 16,
            steps: [
                .handOff(department: "农业服务中心", cadre: 18, note: "请农技员到大棚查看"), .accept(by: 18),
                .resolve(outcome: "农技员两次到大棚查看，确诊为霜霉病，指导用药和通风，病情已控制。", after: 5),
            ]),
        DemoRequest(
            summary: "花桥村高处几户村民反映自来水水压不足，经常停水。", contact: "花桥村七组，电话139****7152",
            firstCadre: 3, filed: 25,
            steps: [
                .handOff(department: "水利站", cadre: nil, note: "转水利站处理"), .accept(by: 44),
                .resolve(outcome: "更换加压泵、调整管网阀门，高处农户恢复正常供水；水泵需从县里调货，超期三天办结。", after: 10),
            ]),
    ]

    /// A seeded request: its code (for the file only), state and whether it is overdue today.
    struct SeededRequest {
        var code: RequestCode
        var state: FirstAskedRequest.State
        var overdue: Bool
    }

    /// Files each of `requests` and takes its steps, in one unit of work.
    static func seedRequests(
        store: any DataStore, townshipID: Int64, departmentIDs: [Int64], cadreIDs: [Int64], today: CalendarDay
    ) throws -> [SeededRequest] {
        func department(of index: Int) -> Int64 { departmentIDs[index % departments.count] }
        func actor(_ index: Int) -> FirstAskedRequest.Actor {
            .cadre(cadreIDs[index], departmentID: department(of: index))
        }
        func holder(_ item: FirstAskedRequest) -> FirstAskedRequest.Actor {
            .cadre(item.holderCadreID!, departmentID: item.departmentID)
        }
        return try store.write { transaction in
            try requests.map { request in
                let code = RequestCode.generate()
                let filedOn = today.adding(days: -request.filed)
                var item = try transaction.requests.file(
                    townshipID: townshipID, summary: request.summary, contact: request.contact,
                    firstCadreID: cadreIDs[request.firstCadre], departmentID: department(of: request.firstCadre),
                    filedOn: filedOn, due: filedOn.adding(days: FirstAskedRequest.defaultDays), codeDigest: code.digest)
                for step in request.steps {
                    // Recorded as the routes record it, with the cadre who took the step.
                    let event: String
                    var data: JSONObject
                    let by: Int64?
                    switch step {
                    case .handOff(let name, let cadre, let note):
                        let departmentID = departmentIDs[departments.firstIndex(of: name)!]
                        let cadreID = cadre.map { cadreIDs[$0] }
                        by = item.holderCadreID
                        try item.handOff(to: departmentID, cadreID: cadreID, by: holder(item))
                        event = "handoff"
                        data = [
                            "department_id": .int(departmentID), "cadre_id": cadreID.map(JSONValue.int) ?? .null,
                            "note": .string(note),
                        ]
                    case .accept(let index):
                        by = cadreIDs[index]
                        try item.accept(by: actor(index))
                        event = "accept"
                        data = ["holder_cadre_id": item.holderCadreID.map(JSONValue.int) ?? .null]
                    case .resolve(let outcome, let after):
                        let day = filedOn.adding(days: after)
                        by = item.holderCadreID
                        try item.resolve(outcome: outcome, on: day, by: holder(item))
                        event = "resolve"
                        data = ["resolved_on": .string(day.text)]
                    }
                    data["by_cadre_id"] = by.map(JSONValue.int) ?? .null
                    try transaction.requests.save(item, event: event, data: data)
                }
                return SeededRequest(code: code, state: item.state, overdue: item.overdue(today: today))
            }
        }
    }

    /// One line per request: code, state, and `overdue` when it is.
    static func writeRequestCodes(_ requests: [SeededRequest], path: String) throws {
        var text = "# \(township.name) — first-asked request codes (首问责任制) with their states; "
        text += "look one up on /request.html or at GET /v1/public/requests/{code}\n"
        for request in requests {
            text += "\(request.code.display)\t\(request.state.rawValue)" + (request.overdue ? "\toverdue\n" : "\n")
        }
        try SecretFile.write(text, to: path)
    }
}
