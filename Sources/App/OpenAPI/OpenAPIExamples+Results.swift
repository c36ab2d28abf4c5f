import Domain

/// Examples of results, the public board and the archive (contract §6, §7).
extension OpenAPIExamples {
    static let results = json(
        #"""
        {"round": {"id": 1, "title": "2026年上半年三督六评", "kind": "semiannual", "period": "2026-H1"},
         "turnout": {"panel": 40, "ballots": 37},
         "cadres": [
           {"cadre_id": 16, "name": "郭玉兰", "department_id": 4, "department": "纪检监察室",
            "most": 23, "least": 0, "net": 23, "n": 30, "rank": 1, "village_days": 12,
            "scores": {"village_time": 95.3, "attitude": 95.55, "completion": 92, "composite": 94.29},
            "by_category": {
              "deputy": {"n": 9, "scores": {"village_time": 96.57, "attitude": 95.57, "completion": 91.29,
                                            "composite": 94.48}},
              "village_cadre": {"n": 6, "scores": {"village_time": 89.25, "attitude": 93, "completion": 95.25,
                                                   "composite": 92.5}},
              "retired_cadre": {"n": 9, "scores": {"village_time": 93.14, "attitude": 96.29, "completion": 91.71,
                                                   "composite": 93.71}},
              "contact_household": {"n": 6, "scores": {"village_time": 99.5, "attitude": 96.75,
                                                       "completion": 90.75, "composite": 95.67}}}}],
         "departments": [
           {"department_id": 8, "name": "林业站", "most": 0, "least": 0, "net": 0, "n": 37, "rank": 1,
            "scores": {"village_time": 94.04, "attitude": 91.5, "completion": 93.11, "composite": 92.88},
            "by_category": {
              "deputy": {"n": 10, "scores": {"village_time": 93.75, "attitude": 93.25, "completion": 92.5,
                                             "composite": 93.17}}}}],
         "projects": [{"project_id": 4, "title": "石门村卫生室新建", "most": 12, "least": 0, "net": 12, "rank": 1}],
         "designations": {"most_satisfied": {"cadres": [16], "departments": [2], "projects": [4]},
                          "least_satisfied": {"cadres": [9], "departments": [12], "projects": [16]}}}
        """#)

    static let publicBoard = results.merging([
        "commentary": "镇党委讲评：上半年全镇干部下村时间明显增加，群众满意度稳步提升。对排名靠后的同志，请认真整改。",
        "published_at": "2026-07-06T02:00:00Z", "receipts": ["0XJG-S0G0-BHMQ", "12FT-BS7P-S06G", "1X95-WN4Z-QTND"],
    ])

    static let publishedRounds = json(
        #"""
        {"items": [{"id": 1, "title": "2026年上半年三督六评", "period": "2026-H1",
                    "published_at": "2026-07-06T02:00:00Z"}],
         "next": null,
         "township": {"code": "niumasi", "name": "牛马司镇", "created_at": "2026-01-05T01:30:00Z",
                      "settings": {"yearly_service_projects": 5, "cadre_village_projects": 2}}}
        """#)

    static let archiveRecord = json(
        #"""
        {"seq": 1, "kind": "quarterly_review", "round_id": 3, "period": "2026-Q1", "cadre_id": 2,
         "data": {"rank": 20, "grade": "较好", "score": "84.78", "tasks": null, "votes": "84.78", "flags": []},
         "created_at": "2026-04-10T02:00:00Z",
         "prev_hash": "0000000000000000000000000000000000000000000000000000000000000000",
         "hash": "014b2436a7b7cb1d6f4a09fb7d6e6cf84d9a3c714bdd872682f55e33c3237bc7"}
        """#)

    static let manualArchiveRecord = json(
        #"""
        {"seq": 2, "kind": "award", "round_id": null, "period": null, "cadre_id": 2,
         "data": {"title": "县级优秀公务员", "detail": ""}, "created_at": "2026-12-08T03:00:00Z",
         "prev_hash": "014b2436a7b7cb1d6f4a09fb7d6e6cf84d9a3c714bdd872682f55e33c3237bc7",
         "hash": "2893415917ff7695d563f3298b443b0a95e73c3400fbf8c8a349ad22b4cd6bd0"}
        """#)

    static let archive: JSONValue = ["items": [archiveRecord, manualArchiveRecord]]

    static let archiveVerified = json(#"{"valid": true, "records": 2}"#)
}
