import Domain

/// Examples of the year-end assessment and of the cadres in front of the people (contract §11,
/// §12).
extension OpenAPIExamples {
    static let assessmentRow = json(
        #"""
        {"cadre_id": 12, "name": "孙小红", "department": "经管站", "supervision": 88.42, "quarterly": 87.25,
         "tasks": 100.0, "score": 91.54, "rank": 1, "eligible": true, "proposed": "优秀", "grade": "优秀",
         "reason": null}
        """#)

    static let assessment = json(
        #"""
        {"id": 1, "year": 2026, "weights": {"supervision": 40.0, "quarterly": 30.0, "tasks": 30.0},
         "excellent_quota": 0.2, "state": "draft", "notice_ends": null, "notice_cut_short": null,
         "commentary": null, "created_at": "2026-12-06T02:00:00Z", "finalized_at": null}
        """#
    )
    .merging([
        "cadres": [
            assessmentRow,
            json(
                #"""
                {"cadre_id": 3, "name": "张三", "department": "民政办", "supervision": 80.1, "quarterly": 78.6,
                 "tasks": 90.0, "score": 82.62, "rank": 2, "eligible": true, "proposed": "称职", "grade": "称职",
                 "reason": null}
                """#),
        ]
    ])

    static let assessmentInNotice = assessment.merging(["state": "notice", "notice_ends": "2026-12-14"])

    static let finalAssessment = assessmentInNotice.merging([
        "state": "final", "commentary": "镇党委讲评：全年工作任务完成较好，评定结果已存入个人档案。",
        "finalized_at": "2026-12-15T02:00:00Z",
    ])

    static let gradedRow = assessmentRow.merging(["grade": "称职", "reason": "全年表现稳定，优秀名额已满"])

    static let assessmentSummaries = page(assessmentInNotice.removing("cadres"))

    static let objection = json(
        #"""
        {"id": 1, "cadre_id": 3, "text": "该同志全年多次未按时到岗。", "received_on": "2026-12-09",
         "response": null, "responded_at": null}
        """#)

    static let answeredObjection = objection.merging([
        "response": "经核实，情况属实，已调整。", "responded_at": "2026-12-11T03:00:00Z",
    ])

    static let publicAssessments = json(
        #"{"items": [{"id": 1, "year": 2026, "state": "notice", "notice_ends": "2026-12-14"}], "next": null}"#)

    static let assessmentNotice = json(
        #"""
        {"id": 1, "year": 2026, "state": "notice", "notice_ends": "2026-12-14",
         "excellent": [{"cadre_id": 12, "name": "孙小红", "department": "经管站"},
                       {"cadre_id": 34, "name": "朱桂兰", "department": "自然资源所"}],
         "counts": {"优秀": 12, "称职": 41, "基本称职": 6, "不称职": 1},
         "cadres": [{"cadre_id": 12, "name": "孙小红"}, {"cadre_id": 34, "name": "朱桂兰"}]}
        """#)

    static let objectionReceived: JSONValue = ["id": 1]

    // MARK: Whereabouts, diary and first-asked requests

    static let whereabouts = json(
        #"""
        {"date": "2026-12-07", "place": "village", "village": "石桥村", "note": "调解山林纠纷",
         "updated_at": "2026-12-07T00:40:00Z"}
        """#)

    static let diaryEntry = json(
        #"""
        {"id": 29, "cadre_id": 7, "date": "2026-05-12", "village": "石桥村", "households": 3,
         "summary": "走访三户，了解灌溉用水困难", "issues": ["渠道淤塞"], "created_at": "2026-05-12T10:00:00Z"}
        """#)

    static let whereaboutsBoard = json(
        #"""
        {"date": "2026-12-07", "township": {"code": "niumasi", "name": "牛马司镇"},
         "items": [{"cadre_id": 1, "name": "王建国", "department": "党政办", "post": "党委副书记", "place": "meeting",
                    "village": null, "note": "县里工作调度会", "updated_at": "2026-12-07T00:20:00Z"},
                   {"cadre_id": 13, "name": "马建国", "department": "党政办", "post": "干事", "place": "village",
                    "village": "新屋村", "note": "陪同县督查组检查项目", "updated_at": "2026-12-07T00:35:00Z"}],
         "next": null}
        """#)

    static let request = json(
        #"""
        {"id": 10, "summary": "反映村道路灯不亮", "contact": "电话在村委会登记", "first_cadre_id": 3, "state": "open",
         "holder_cadre_id": 3, "department_id": 5, "passed_to_cadre_id": null, "filed_on": "2026-12-07",
         "due": "2026-12-14", "resolved_on": null, "outcome": null, "resolved_by_cadre_id": null, "overdue": false}
        """#)

    static let filedRequest = request.merging(["code": "P22Y-WXFK"])

    static let requestFiledEvent = json(
        #"{"at": "2026-12-07T01:00:00Z", "event": "filed", "data": {"first_cadre_id": 3, "due": "2026-12-14"}}"#)

    static let handedOffRequest = request.merging([
        "state": "passed", "holder_cadre_id": .null, "department_id": 4, "passed_to_cadre_id": .null,
        "events": [
            requestFiledEvent,
            json(
                #"""
                {"at": "2026-12-07T03:00:00Z", "event": "handoff",
                 "data": {"department_id": 4, "cadre_id": null, "note": "请尽快到现场了解情况", "by_cadre_id": 3}}
                """#),
        ],
    ])

    static let acceptedRequest = handedOffRequest.merging(["state": "accepted", "holder_cadre_id": 23])

    static let resolvedRequest = acceptedRequest.merging([
        "state": "resolved", "holder_cadre_id": .null, "resolved_on": "2026-12-09", "outcome": "已修复路灯",
        "resolved_by_cadre_id": 23,
    ])

    static let requestWithEvents = request.merging(["events": [requestFiledEvent]])

    static let requestSummary = json(
        #"""
        {"year": 2026,
         "cadres": [{"cadre_id": 3, "name": "张三", "filed": 4, "resolved": 3, "resolved_on_time": 3, "overdue": 0}],
         "departments": [{"department_id": 5, "name": "民政办", "filed": 6, "resolved": 5, "resolved_on_time": 4,
                          "overdue": 1}]}
        """#)

    static let publicRequest = json(
        #"""
        {"state": "resolved", "department": "民政办", "filed": "2026-12-07", "due": "2026-12-14",
         "resolved": "2026-12-09", "outcome": "已修复路灯", "overdue": false}
        """#)
}

extension JSONValue {
    /// This object without `key`.
    func removing(_ key: String) -> JSONValue {
        guard var object = objectValue else { return self }
        object.entries.removeAll { $0.key == key }
        return .object(object)
    }
}
