import Domain
import Store

/// The demo's cadres in front of the people (contract §12): a week of whereabouts (今日去向牌)
/// ending today, visit diaries (民情日记) over the past half year, and first-asked requests
/// (首问责任制) in every state (`DemoData+Requests.swift`).
///
/// Whereabouts: each of the last seven days (today included, UTC+8) most active cadres have an
/// entry — the stationed ones (驻村) mostly in their own village, the others in the office, at a
/// meeting, on business or visiting a village about their department's work. Today two cadres are
/// on leave and three have not reported, so the hall's board shows 未报. A day's entries come from
/// a generator seeded with that day, so a date looks the same whichever day the demo starts.
///
/// Diaries: the stationed cadres write two or three entries a month in their village, five other
/// cadres one or two in the village they keep in touch with (联系村), from six months ago through
/// today. Entries are read with `DiaryEntry.read` as `POST .../diary` reads them, never dated
/// after today; villagers appear only as 村民张某 and the like. Both are seeded before the demo's
/// rounds close, so the village days their results freeze (下村天数) count them.
extension DemoData {
    /// Cadres (by index) who keep in touch with a village without being stationed in it, and write
    /// a diary there too: the 党委副书记 and four cadres of departments that work in the villages.
    static let diarists: [Int: String] = [0: "花桥村", 10: "太平村", 18: "新屋村", 19: "白云村", 28: "石门村"]
    /// Cadres (by index) on leave today, and cadres who have not reported today (未报).
    static let onLeaveToday: Set<Int> = [15, 50]
    static let unreportedToday: Set<Int> = [27, 38, 53]

    /// The township's villages (the evaluators' too).
    static let villageNames = ["太平村", "花桥村", "石门村", "白云村", "新屋村"]

    /// Seeds the whereabouts, the diaries and the requests, and writes the requests' codes to
    /// `<data>/demo-request-codes.txt` (0600). Called before any round closes, while every cadre
    /// is active: the cadre the half year's round later suspends keeps his entries, and drops off
    /// the board (which lists active cadres) with the suspension.
    static func seedPeople(
        store: any DataStore, townshipID: Int64, departmentIDs: [Int64], cadreIDs: [Int64], dataDirectory: String,
        today: CalendarDay
    ) throws {
        try store.write { transaction in
            try seedWhereabouts(transaction, cadreIDs: cadreIDs, today: today)
            try seedDiaries(transaction, cadreIDs: cadreIDs, today: today)
        }
        let requests = try seedRequests(
            store: store, townshipID: townshipID, departmentIDs: departmentIDs, cadreIDs: cadreIDs, today: today)
        try writeRequestCodes(requests, path: dataDirectory + "/demo-request-codes.txt")
    }

    // MARK: Whereabouts

    /// What a department's cadre goes to a village for.
    static let villageErrands: [String: [String]] = [
        "党政办": ["陪同县督查组检查项目", "收集村务公开资料"], "组织办": ["指导村党支部主题党日", "走访老党员"],
        "宣传办": ["宣传移风易俗", "更新村务公开栏"], "纪检监察室": ["检查村务公开", "核查群众反映问题"],
        "民政办": ["走访低保户", "核查高龄津贴对象"], "财政所": ["核对惠农补贴发放", "检查村级财务"],
        "农业服务中心": ["指导病虫害防治", "查看大棚蔬菜长势"], "林业站": ["巡查森林防火", "指导油茶低改"],
        "水利站": ["查看渠道清淤进度", "检查山塘安全"], "自然资源所": ["查看农户建房选址", "巡查地质灾害隐患点"],
        "综治办": ["调解山林纠纷", "排查矛盾纠纷"], "经管站": ["指导合作社记账", "核查土地流转合同"],
    ]
    // Office, meeting and business notes any department's cadre could write (a leader's meetings
    // are the party committee's and the county's).
    static let officeNotes = ["接待来访群众", "整理档案", "值班", "填报统计报表", "起草工作总结"]
    static let meetingNotes = ["镇干部职工大会", "县里业务培训", "部门工作例会"]
    static let leaderMeetingNotes = ["镇党委会", "镇党政联席会", "县里工作调度会"]
    static let businessNotes = ["到县里报送材料", "到县政务服务中心办事", "到县档案馆查阅资料", "陪同群众到县里办事"]
    static let leaveNotes = ["年休假", "病假", "事假"]

    /// The entries of the last seven days.
    static func seedWhereabouts(_ transaction: any StoreTransaction, cadreIDs: [Int64], today: CalendarDay) throws {
        for day in (0..<7).map({ today.adding(days: $0 - 6) }) {
            var random = SeededRandom(seed: 20_260_701 &+ UInt64(day.daysSince1970))
            for index in cadreIDs.indices {
                guard let body = whereabouts(of: index, isToday: day == today, random: &random) else { continue }
                let (entry, errors) = Whereabouts.read(body)
                guard let entry else { throw APIError.invalid(errors) }
                _ = try transaction.people.setWhereabouts(entry, cadreID: cadreIDs[index], day: day)
            }
        }
    }

    /// The body a cadre (by index) would `PUT` on a day (today's leave and 未报 are fixed), or nil
    /// when it did not report.
    static func whereabouts(of index: Int, isToday: Bool, random: inout SeededRandom) -> JSONObject? {
        func pick(_ notes: [String]) -> JSONValue { .string(notes[random.next(notes.count)]) }
        let department = departments[index % departments.count]
        let (roll, second) = (random.next(100), random.next(100))
        if isToday ? unreportedToday.contains(index) : roll < 5 { return nil }
        if isToday ? onLeaveToday.contains(index) : roll < 8 {
            return random.next(3) == 0 ? ["place": "leave"] : ["place": "leave", "note": pick(leaveNotes)]
        }
        let stationedVillage = stationed[index]
        let villageShare = stationedVillage != nil ? 75 : 25
        let meetingShare = leaders[index] != nil ? 35 : 10
        if second < villageShare {
            let village = stationedVillage ?? villageNames[random.next(villageNames.count)]
            return ["place": "village", "village": .string(village), "note": pick(villageErrands[department]!)]
        } else if second < villageShare + meetingShare {
            return ["place": "meeting", "note": pick(leaders[index] != nil ? leaderMeetingNotes : meetingNotes)]
        } else if second < villageShare + meetingShare + 10 {
            return ["place": "business", "note": pick(businessNotes)]
        }
        return random.next(2) == 0 ? ["place": "office"] : ["place": "office", "note": pick(officeNotes)]
    }

    // MARK: Diaries

    /// A diary entry's words; `households` nil for a visit that was no round of homes.
    struct Visit {
        var summary: String
        var issues: [String] = []
        var households: Int?
    }

    /// What a visit to a village is about, whichever the month.
    static let everydayVisits = [
        Visit(summary: "走访第三村民小组，入户了解低保户、五保户生活情况，村民刘某家房屋漏雨，已登记。", issues: ["刘某家房屋漏雨，需纳入危房改造摸底"], households: 5),
        Visit(summary: "参加村支两委例会，通报镇里近期工作安排，听取村干部对项目推进的意见。"),
        Visit(summary: "走访脱贫监测户，核对家庭收入和务工情况，帮助两户对接县里的招聘会。", issues: ["村民陈某有务工意愿，缺少技能培训"], households: 4),
        Visit(summary: "在村部巡回办公，现场受理社保卡补办、残疾证年审等事项。", issues: ["村民黄某残疾证过期，需到县里重新评定"], households: 9),
        Visit(summary: "入户宣传农村改厕补助政策，登记有改厕意愿的农户。", households: 7),
        Visit(summary: "调解村民张某与李某两家因排水沟引起的邻里纠纷，双方同意共同出工疏通。", households: 2),
        Visit(summary: "走访独居老人，检查家中用电和取暖安全，帮一户更换了老化电线。", issues: ["多户老人家中电线老化，建议村里统一排查"], households: 6),
        Visit(summary: "查看村级道路养护情况，发现两处路面塌陷，已拍照上报。", issues: ["组道两处塌陷，需安排修补"]),
        Visit(summary: "列席村民代表会议，讨论村集体经济收益分配方案。", issues: ["部分代表希望分配方案在村务公开栏张贴一周"]),
        Visit(summary: "走访养殖户，了解贷款和销路情况，村民吴某反映生猪出栏价格偏低。", issues: ["养殖户希望镇里联系稳定的收购商"], households: 3),
        Visit(summary: "逐户核查危房改造对象的房屋结构，拍照建档。", households: 4),
        Visit(summary: "走访留守儿童家庭，了解孩子的学习和看护情况，叮嘱监护人注意安全。", households: 4),
    ]

    /// What a visit is about in the season, by month (1…12).
    static func seasonalVisits(month: Int) -> [Visit] {
        switch month {
        case 1, 2:
            [
                Visit(summary: "春节前走访慰问困难党员和五保户，送去慰问金和米油。", households: 6),
                Visit(summary: "摸排返乡人员情况，登记有就业意愿的村民。", issues: ["返乡青年希望在家门口就业"], households: 8),
                Visit(summary: "提醒村民上山祭祖注意森林防火，检查护林员巡山记录。"),
            ]
        case 3, 4:
            [
                Visit(summary: "了解春耕备耕情况，核对种子化肥到户情况。", issues: ["部分农户反映化肥涨价"], households: 6),
                Visit(summary: "查看育秧大棚，协调农机手为缺劳力的农户机耕。", households: 4),
                Visit(summary: "汛前检查山塘坝体和溢洪道，落实巡查责任人。", issues: ["一口山塘溢洪道堵塞，需清理"]),
            ]
        case 5, 6, 7, 8:
            [
                Visit(summary: "巡查山塘和地质灾害隐患点，通知危险区域住户做好转移准备。", issues: ["一处山体出现裂缝，需专业人员复核"], households: 5),
                Visit(summary: "暴雨后查看受灾农田和房屋，登记受损情况。", issues: ["村民马某家猪栏被冲毁，申请救灾补助"], households: 7),
                Visit(summary: "走访有学生的家庭，宣传暑期防溺水，检查池塘边的警示牌。", households: 10),
            ]
        case 9, 10:
            [
                Visit(summary: "了解晚稻收割和粮食收购价格，帮两户缺劳力的农户联系收割机。", households: 5),
                Visit(summary: "宣传油菜种植补贴，动员农户利用冬闲田种油菜。", households: 8),
                Visit(summary: "入户宣传城乡居民医保缴费政策，解答村民疑问。", issues: ["村民郭某等三户因家庭困难暂未缴费"], households: 9),
            ]
        default:
            [
                Visit(summary: "组织冬修水利，查看山塘清淤进度。", issues: ["清淤缺少挖机，进度偏慢"]),
                Visit(summary: "帮助老人在手机上缴纳城乡居民医保，登记未缴费户的原因。", households: 11),
                Visit(summary: "开展森林防火巡查，劝导村民不在野外烧田埂草。", households: 3),
            ]
        }
    }

    /// What a visit is about in one village: its targets on the boards.
    static let villageVisits: [String: [Visit]] = [
        "白云村": [
            Visit(summary: "到文化广场施工现场，上门与对征地补偿有异议的两户村民交谈，讲清补偿标准。", issues: ["两户仍要求提高青苗补偿，需镇里研究答复"], households: 2),
            Visit(summary: "和林业站技术员一起查看油茶低改地块，给农户讲修枝和施肥要点。", households: 8),
        ],
        "太平村": [
            Visit(summary: "查看通组公路施工，组织村民代表监督路基和路面质量。", issues: ["施工车辆压坏一段机耕道，村民要求修复"]),
            Visit(summary: "走访山林界址纠纷双方当事人，了解诉求，巡看争议山林。", households: 4),
        ],
        "石门村": [
            Visit(summary: "到村卫生室建设工地查看进度，征求村民对诊室布局的意见。"),
            Visit(summary: "到四点半课堂看望留守儿童，和志愿者老师商量作业辅导安排。", issues: ["课堂缺少图书和桌椅"]),
        ],
        "新屋村": [
            Visit(summary: "到蔬菜大棚合作社了解入社困难户的收入，帮忙联系县城超市的销路。", issues: ["合作社冷库不够用，蔬菜积压"], households: 6),
            Visit(summary: "走访土地流转户，核对流转面积和租金发放情况。", households: 9),
        ],
        "花桥村": [
            Visit(summary: "查看饮水管网铺设和入户安装情况，听取村民意见。", issues: ["高处三户担心水压不足"], households: 10),
            Visit(summary: "查看灌溉渠道清淤硬化工地，与占地农户商量补偿。", issues: ["占地补偿意见未统一"], households: 3),
        ],
    ]

    /// Diary entries of the stationed cadres and the `diarists`, from six months ago to today.
    static func seedDiaries(_ transaction: any StoreTransaction, cadreIDs: [Int64], today: CalendarDay) throws {
        let earliest = today.adding(days: -182)
        let writers = stationed.merging(diarists) { stationed, _ in stationed }
        for (index, village) in writers.sorted(by: { $0.key < $1.key }) {
            var random = SeededRandom(seed: 20_260_701 &+ UInt64(index))
            var written: Set<String> = []
            for month in earliest.calendarMonth.through(today.calendarMonth) {
                let first = max(month.firstDay, earliest)
                let span = min(month.lastDay, today).days(since: first) + 1
                let wanted = (stationed[index] != nil ? 2 : 1) + random.next(2)
                var days: Set<Int> = []
                while days.count < min(wanted, span) { days.insert(random.next(span)) }
                for offset in days.sorted() {
                    let date = first.adding(days: offset)
                    let pools = [villageVisits[village] ?? [], seasonalVisits(month: month.month), everydayVisits]
                    let fresh = pools.map { $0.filter { !written.contains($0.summary) } }.filter { !$0.isEmpty }
                    let pool = fresh.isEmpty ? everydayVisits : fresh[random.next(fresh.count)]
                    let visit = pool[random.next(pool.count)]
                    written.insert(visit.summary)
                    var body: JSONObject = [
                        "date": .string(date.text), "village": .string(village), "summary": .string(visit.summary),
                        "issues": .array(visit.issues.map(JSONValue.string)),
                    ]
                    body["households"] = visit.households.map { .int(Int64($0)) }
                    let (entry, errors) = DiaryEntry.read(body, today: today)
                    guard let entry else { throw APIError.invalid(errors) }
                    _ = try transaction.people.addDiaryEntry(entry, cadreID: cadreIDs[index])
                }
            }
        }
    }
}
