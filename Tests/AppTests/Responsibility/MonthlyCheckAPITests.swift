import Domain
import Foundation
import Testing

/// Monthly checks, deadlines and the timeline through the API (contract §9), on 2026-06-20.
@Suite struct MonthlyCheckAPITests {
    @Test func theSupervisorRecordsAMonthAndReplacesItWithEveryVersionKept() throws {
        let f = try ResponsibilityFixture()
        let road = try f.project("修建村道")
        let first = try f.check(road, "2026-05", progress: 40, "on_track", note: "路基完成", token: f.tokens["李四"])
        #expect(first.status == 201, "\(first.raw.text)")
        #expect(first.header("Location") == "\(f.base)/projects/\(road)/checks/2026-05")
        #expect(first.json["note"] == "路基完成")
        let again = try f.check(road, "2026-05", progress: 45, "behind", note: "雨天停工", token: f.tokens["李四"])
        #expect(again.status == 200)
        #expect(try f.check(road, "2026-04", progress: 20, "on_track").status == 201)  // an admin may too

        let checks = try f.get("/projects/\(road)/checks").items
        #expect(checks.map { $0["month"] } == ["2026-04", "2026-05"])
        #expect(checks.last?["progress"] == 45)
        #expect(checks.last?["assessment"] == "behind")
        #expect(try f.get("/projects/\(road)/checks/2026-05").json["note"] == "雨天停工")
        #expect(try f.get("/projects/\(road)/checks/2026-03").status == 404)

        let timeline = try f.get("/projects/\(road)/timeline").items
        #expect(timeline.map { $0["event"] } == ["created", "check", "check", "check"])
        let versions = timeline.filter { $0["event"] == "check" }.compactMap { $0["data"]?.objectValue }
        #expect(versions.map { $0["progress"] } == [40, 45, 20])
        #expect(versions[0]["by_cadre_id"] == .int(f.cadres["李四"]!))
        #expect(versions[2]["by_cadre_id"] == .null)
    }

    @Test func onlyItsSupervisorAmongCadresMayCheckAProject() throws {
        let f = try ResponsibilityFixture()
        let road = try f.project("修建村道")
        #expect(try f.check(road, "2026-05", progress: 40, "on_track", token: f.tokens["王五"]).status == 403)
        #expect(try f.check(road, "2026-05", progress: 40, "on_track", token: f.tokens["张三"]).status == 403)
        #expect(try f.get("/projects/\(road)/checks").items.isEmpty)
        // A cadre reads its township's projects and their checks and timelines.
        #expect(try f.get("/projects", token: f.tokens["张三"]).status == 200)
        #expect(try f.get("/projects/\(road)/timeline", token: f.tokens["王五"]).status == 200)
    }

    @Test func badChecksAre422NamingTheFieldAndStoreNothing() throws {
        let f = try ResponsibilityFixture()
        let road = try f.project("修建村道")
        let unscheduled = try f.project("待定项目", start: nil, due: nil)
        let cases: [(Int64, String, String, String)] = [
            (road, "2026-02", #"{"progress":10,"assessment":"on_track"}"#, "month"),  // before the start month
            (road, "2026-07", #"{"progress":10,"assessment":"on_track"}"#, "month"),  // after this month
            (road, "2026-13", #"{"progress":10,"assessment":"on_track"}"#, "month"),
            (road, "2026-05", #"{"progress":100,"assessment":"on_track"}"#, "assessment"),
            (road, "2026-05", #"{"progress":90,"assessment":"done"}"#, "assessment"),
            (road, "2026-05", #"{"progress":120,"assessment":"on_track"}"#, "progress"),
            (road, "2026-05", #"{"progress":10,"assessment":"on_track","by":"x"}"#, "by"),
            (unscheduled, "2026-05", #"{"progress":10,"assessment":"on_track"}"#, "month"),
        ]
        for (project, month, body, field) in cases {
            let response = try f.app.call(
                "PUT", "\(f.base)/projects/\(project)/checks/\(month)", token: f.admin, body: body)
            #expect(response.status == 422, "\(month) \(body)")
            #expect(response.errorFields == [field], "\(month) \(body)")
            #expect(response.header("Content-Type") == "application/problem+json")
        }
        #expect(try f.check(road, "2026-06", progress: 30, "on_track").status == 201)  // this month is fine
        #expect(try f.get("/projects/\(road)/timeline").items.map { $0["event"] } == ["created", "check"])
        #expect(try f.get("/projects/\(unscheduled)/checks").items.isEmpty)
        #expect(try f.check(99_999, "2026-05", progress: 10, "on_track").status == 404)
    }

    @Test func aDueChangeNeedsAReasonAndTheProjectKeepsItsOriginalDue() throws {
        let f = try ResponsibilityFixture()
        let road = try f.project("修建村道")
        let refused = try f.patch("/projects/\(road)", #"{"due":"2026-09-30"}"#)
        #expect(refused.status == 422)
        #expect(refused.errorFields == ["due_change_reason"])
        #expect(try f.get("/projects/\(road)").json["due"] == "2026-08-31")

        let moved = try f.patch("/projects/\(road)", #"{"due":"2026-09-30","due_change_reason":"雨季停工"}"#)
        #expect(moved.status == 200, "\(moved.raw.text)")
        #expect(moved.json["due"] == "2026-09-30")
        #expect(moved.json["original_due"] == "2026-08-31")
        #expect(moved.json["due_changes"] == 1)
        let again = try f.patch("/projects/\(road)", #"{"due":"2026-10-31","due_change_reason":"资金晚到"}"#)
        #expect(again.json["original_due"] == "2026-08-31")
        #expect(again.json["due_changes"] == 2)

        _ = try f.check(road, "2026-04", progress: 20, "on_track")
        let cleared = try f.patch("/projects/\(road)", #"{"due":null,"due_change_reason":"x"}"#)
        #expect(cleared.errorFields == ["due"])
        #expect(try f.patch("/projects/\(road)", #"{"start":"2026-05-01"}"#).errorFields == ["start"])
        let before = try f.patch("/projects/\(road)", #"{"due":"2026-02-01","due_change_reason":"x"}"#)
        #expect(before.status == 422)
        #expect(before.errorFields == ["due"])
        let changes = try f.get("/projects/\(road)/timeline").items.filter { $0["event"] == "due_changed" }
        #expect(
            changes.compactMap { $0["data"]?.objectValue } == [
                ["from": "2026-08-31", "to": "2026-09-30", "reason": "雨季停工"],
                ["from": "2026-09-30", "to": "2026-10-31", "reason": "资金晚到"],
            ])
    }

    @Test func cancellingNeedsAReasonAndIsInTheTimeline() throws {
        let f = try ResponsibilityFixture()
        let road = try f.project("修建村道")
        #expect(try f.patch("/projects/\(road)", #"{"state":"cancelled"}"#).errorFields == ["state_change_reason"])
        #expect(try f.patch("/projects/\(road)", #"{"title":"x","state_change_reason":"y"}"#).status == 422)
        #expect(try f.get("/projects/\(road)").json["title"] == "修建村道")
        let cancelled = try f.patch("/projects/\(road)", #"{"state":"cancelled","state_change_reason":"上级调整"}"#)
        #expect(cancelled.json["state"] == "cancelled")
        let last = try f.get("/projects/\(road)/timeline").items.last
        #expect(last?["event"] == "state_changed")
        #expect(last?["data"] == ["from": "active", "to": "cancelled", "reason": "上级调整"])
        // state is not set on create
        let created = try f.app.call(
            "POST", "\(f.base)/projects", token: f.admin,
            body: #"{"title":"x","board":"service","year":2026,"state":"cancelled"}"#)
        #expect(created.errorFields == ["state"])
    }

    @Test func aSupervisorMustBeALeaderOfTheTownship() throws {
        let f = try ResponsibilityFixture()
        let notLeader = try f.app.call(
            "POST", "\(f.base)/projects", token: f.admin,
            body: #"{"title":"x","board":"service","year":2026,"supervisor_id":\#(f.cadres["张三"]!)}"#)
        #expect(notLeader.status == 422)
        #expect(notLeader.errorFields == ["supervisor_id"])
        let bulk = try f.app.call(
            "POST", "\(f.base)/projects", token: f.admin,
            body:
                #"[{"title":"a","board":"service","year":2026},{"title":"b","board":"relief","year":2026,"supervisor_id":\#(f.cadres["赵六"]!)}]"#
        )
        #expect(bulk.status == 422)
        #expect(bulk.errorFields == ["[2].supervisor_id"])
        let backwards = try f.app.call(
            "POST", "\(f.base)/projects", token: f.admin,
            body: #"[{"title":"a","board":"service","year":2026,"start":"2026-05-01","due":"2026-04-01"}]"#)
        #expect(backwards.errorFields == ["[1].due"])
        let road = try f.project("修建村道")
        #expect(
            try f.patch("/projects/\(road)", #"{"supervisor_id":\#(f.cadres["张三"]!)}"#).errorFields == [
                "supervisor_id"
            ])
        #expect(try f.get("/projects").items.count == 1)
        let other = try f.app.makeTownship("huaqiao", name: "花桥镇")
        let foreign = try f.app.call(
            "POST", "/v1/townships/huaqiao/projects", token: other,
            body: #"{"title":"x","board":"service","year":2026,"supervisor_id":\#(f.cadres["李四"]!)}"#)
        #expect(foreign.status == 422)
        #expect(foreign.errorFields == ["supervisor_id"])
    }
}

extension MonthlyCheckAPITests {
    @Test func aCancelledTargetIsLeftOutOfARoundsDefaultSubjects() throws {
        let f = try EvaluationFixture()
        #expect(
            try f.patch("/projects/\(f.projects[1])", #"{"state":"cancelled","state_change_reason":"并入其他项目"}"#).status
                == 200)
        let round = try f.createRound()
        let code = try #require(try f.open(round)[f.evaluators[0]])
        let form = try f.app.call("GET", "/v1/ballot", token: code)
        #expect(form.json["projects"]?.arrayValue?.compactMap { $0.objectValue?["project_id"]?.intValue } == [f.projects[0]])
    }
}
