import Domain

/// Examples of Part two: responsibility boards, quarterly reviews, the year-end assessment and
/// the cadres in front of the people (contract §9–§12).
extension OpenAPIExamples {
    static let check = json(
        #"""
        {"project_id": 1, "month": "2026-11", "progress": 65, "assessment": "on_track", "note": "涵管铺设完成",
         "at": "2026-11-28T08:15:00Z"}
        """#)

    static let checks = json(
        #"""
        {"items": [{"month": "2026-10", "progress": 50, "assessment": "on_track", "note": "路基完成",
                    "at": "2026-10-30T07:40:00Z"},
                   {"month": "2026-11", "progress": 65, "assessment": "on_track", "note": "涵管铺设完成",
                    "at": "2026-11-28T08:15:00Z"}],
         "next": null}
        """#)

    static let timeline = json(
        #"""
        {"items": [{"at": "2026-03-02T02:00:00Z", "event": "created",
                    "data": {"title": "太平村通组公路硬化", "board": "service", "year": 2026, "cadre_id": 7,
                             "supervisor_id": 46, "village": "太平村", "start": "2026-05-01", "due": "2026-12-31"}},
                   {"at": "2026-05-29T08:00:00Z", "event": "check",
                    "data": {"month": "2026-05", "progress": 5, "assessment": "on_track", "note": "完成勘测设计和招标",
                             "by_cadre_id": 46}}],
         "next": null}
        """#)

    static let responsibilityBoard = json(
        #"""
        {"year": 2026, "as_of": "2026-12-07",
         "boards": {
           "service": [{"project_id": 6, "title": "白云村文化广场建设", "target": "建设1500平方米文化广场，配套健身器材和村务公开栏",
                        "department": "宣传办", "cadre": "陈德明", "supervisor": "王建国", "village": "白云村",
                        "start": "2026-07-01", "due": "2027-03-31", "original_due": null, "due_changes": 0,
                        "progress": 40, "planned": 58, "light": "yellow",
                        "last_check": {"month": "2026-11", "assessment": "behind",
                                       "note": "2户村民对征地补偿有异议，施工暂停，正在做工作"}}],
           "relief": [{"project_id": 8, "title": "花桥村灌溉渠道清淤硬化", "target": "清淤硬化灌溉渠道4.5公里，保障800亩农田灌溉",
                       "department": "水利站", "cadre": "陈立新", "supervisor": "徐海波", "village": "花桥村",
                       "start": "2026-07-01", "due": "2026-11-20", "original_due": null, "due_changes": 0,
                       "progress": 85, "planned": 100, "light": "red",
                       "last_check": {"month": "2026-11", "assessment": "behind",
                                      "note": "剩余1.2公里渠段因占地补偿未谈妥停工，已超期"}}],
           "prosperity": [{"project_id": 13, "title": "新屋村蔬菜大棚合作社", "target": "建成蔬菜大棚40个，带动30户困难户入社增收",
                           "department": "农业服务中心", "cadre": "孙小红", "supervisor": "徐海波", "village": "新屋村",
                           "start": "2026-06-01", "due": "2026-12-31", "original_due": null, "due_changes": 0,
                           "progress": 80, "planned": 89, "light": "blue",
                           "last_check": {"month": "2026-11", "assessment": "on_track", "note": "第一茬蔬菜上市"}}]},
         "lights": {"red": 1, "yellow": 2, "blue": 2, "green": 6, "done": 4, "cancelled": 1},
         "quotas": {"township": {"service_projects": 6, "required": 5, "met": true},
                    "cadres": [{"cadre_id": 5, "name": "陈德明", "village": "白云村", "projects": 2, "required": 2,
                                "met": true}]}}
        """#)

    static let responsibilityCSV: JSONValue = .string(
        """
        榜,实事,责任部门,责任人,分管领导,村,开始,期限,原期限,延期次数,进度,计划进度,状态,最近督查
        为民办实事,白云村文化广场建设,宣传办,陈德明,王建国,白云村,2026-07-01,2027-03-31,,0,40,58,滞后,2026-11 滞后：施工暂停

        """)

    // MARK: Quarterly reviews

    static let quarterlyReview = json(
        #"""
        {"id": 4, "period": "2026-Q4", "round_id": 2, "weights": {"tasks": 60.0, "votes": 40.0},
         "points": {"green": 100.0, "blue": 100.0, "done": 100.0, "yellow": 80.0, "red": 60.0},
         "bottom_streak": 2, "state": "draft", "commentary": null, "created_at": "2026-12-20T02:00:00Z",
         "finalized_at": null,
         "cadres": [{"cadre_id": 28, "name": "赵玉兰", "department": "纪检监察室", "tasks": 100.0, "votes": 96.12,
                     "score": 98.45, "rank": 1, "grade": "好", "flags": []},
                    {"cadre_id": 9, "name": "周立新", "department": "财政所", "tasks": 60.0, "votes": 58.3,
                     "score": 59.32, "rank": 2, "grade": "较差", "flags": ["bottom_streak"]}]}
        """#)

    static let finalQuarterlyReview = quarterlyReview.merging([
        "state": "final", "commentary": "镇党委讲评：四季度项目收尾抓得较紧；对连续两个季度排名末位的同志进行诫勉谈话。",
        "finalized_at": "2026-12-28T07:00:00Z",
    ])

    static let quarterlyReviewSummaries = page(
        json(
            #"""
            {"id": 1, "period": "2026-Q1", "round_id": 3, "weights": {"tasks": 60.0, "votes": 40.0},
             "points": {"green": 100.0, "blue": 100.0, "done": 100.0, "yellow": 80.0, "red": 60.0},
             "bottom_streak": 2, "state": "final",
             "commentary": "镇党委讲评：一季度全镇干部下村走访、春耕备耕和项目开工抓得较紧，群众反映总体较好。",
             "created_at": "2026-04-08T02:00:00Z", "finalized_at": "2026-04-10T02:00:00Z"}
            """#))

    static let publicQuarterlyReviews = json(
        #"""
        {"items": [{"id": 1, "period": "2026-Q1", "finalized_at": "2026-04-10T02:00:00Z"},
                   {"id": 2, "period": "2026-Q2", "finalized_at": "2026-07-09T02:00:00Z"}],
         "next": null,
         "township": {"code": "niumasi", "name": "牛马司镇", "created_at": "2026-01-05T01:30:00Z",
                      "settings": {"yearly_service_projects": 5, "cadre_village_projects": 2}}}
        """#)

    static let publicQuarterlyReview = json(
        #"""
        {"id": 1, "period": "2026-Q1",
         "township": {"code": "niumasi", "name": "牛马司镇", "created_at": "2026-01-05T01:30:00Z",
                      "settings": {"yearly_service_projects": 5, "cadre_village_projects": 2}},
         "commentary": "镇党委讲评：一季度全镇干部下村走访、春耕备耕和项目开工抓得较紧，群众反映总体较好。",
         "finalized_at": "2026-04-10T02:00:00Z",
         "cadres": [{"name": "赵玉兰", "department": "纪检监察室", "rank": 1, "grade": "好", "score": 96.12},
                    {"name": "张国华", "department": "综治办", "rank": 2, "grade": "好", "score": 95.18}]}
        """#)
}
