import Domain
import Store

/// The demo's responsibility boards (contract §9): sixteen targets of 牛马司镇 on the three boards,
/// each with a responsible cadre, a supervising leader (分管领导) and a story told in monthly checks —
/// several finished, some on schedule, two due soon, two behind, one overdue, one extended, one
/// cancelled — so that every light shows.
///
/// Every date is counted from today (UTC+8), so the board looks right whenever the demo starts:
/// the targets belong to this year, start in its past months and are checked through last month
/// (one finishes this month). From January to March the year has fewer than three past months, so
/// the earliest start moves back to three months before this one, late last year; the targets
/// still belong to this year's board.
extension DemoData {
    /// Cadres (by index in the demo's list) who are 分管领导, with their posts.
    static let leaders: [Int: String] = [
        0: "党委副书记", 16: "副镇长", 30: "副镇长", 34: "党委委员、政法委员", 45: "副镇长",
    ]
    /// Cadres (by index) stationed in a village (驻村). None is the cadre the published round
    /// suspends as least satisfied (index 8): the quotas list active cadres only.
    static let stationed: [Int: String] = [4: "白云村", 6: "太平村", 9: "石门村", 11: "新屋村", 44: "花桥村"]

    /// How a target's year goes, and so the light it shows today.
    enum Story {
        /// Finished `monthsAgo` months before this one (0: this month): `done`.
        case done(monthsAgo: Int, note: String)
        /// On schedule, due two months ahead or later: `green`.
        case onTrack
        /// On schedule and due within 30 days: `blue`.
        case dueSoon
        /// Last month's check says behind or blocked: `yellow`.
        case behind(CheckAssessment, note: String)
        /// Due on the 20th of last month and not finished: `red`.
        case overdue(note: String)
        /// Was due at the end of this month; last month, after a check that fell behind for `cause`,
        /// its due moved two months or more with `reason`; on track again: `green`.
        case extended(cause: String, reason: String)
        /// Cancelled with `reason` after at most three checks, the last blocked by `cause`.
        case cancelled(cause: String, reason: String)

        var light: StatusLight {
            switch self {
            case .done: .done
            case .onTrack, .extended: .green
            case .dueSoon: .blue
            case .behind: .yellow
            case .overdue: .red
            case .cancelled: .cancelled
            }
        }
    }

    /// One target on a board.
    struct Target {
        var title: String
        var board: ProjectBoard
        var department: String
        /// Indexes into the demo's cadres: the responsible cadre and the supervising leader.
        var cadre: Int
        var supervisor: Int
        var village: String?
        var target: String
        /// How many months before this one it started (at least 3, so every story has room).
        var started: Int
        /// The month of this year it is due, when that is at least two months ahead.
        var dueMonth: Int
        var story: Story
        /// What the checks say as the work advances, spread evenly over progress 0–99.
        var notes: [String]
    }

    /// A target laid out around a day: its dates, its checks in the order they are written, and
    /// the PATCH (a due change or a cancellation) written after `change.after` of them.
    struct Plan {
        var start: CalendarDay
        /// The due date it was created with.
        var createdDue: CalendarDay
        /// The due date today.
        var due: CalendarDay
        var checks: [MonthlyCheck]
        var change: (after: Int, body: JSONObject)?

        /// The schedule the light rule reads today.
        var schedule: StatusLight.Schedule {
            StatusLight.Schedule(start: start, due: due, cancelled: change?.body["state"] == "cancelled")
        }
    }

    static let targets: [Target] = [
        Target(
            title: "太平村通组公路硬化", board: .service, department: "自然资源所", cadre: 6, supervisor: 45,
            village: "太平村", target: "硬化通组公路3.2公里、路面宽4.5米，惠及6个村民小组", started: 7, dueMonth: 9,
            story: .extended(
                cause: "连续降雨停工，局部路基沉降需返工", reason: "雨季路基沉降返工，经镇党委会研究同意延期两个月"),
            notes: ["完成勘测设计和招标", "清表开挖完成", "路基完成", "涵管铺设完成", "路面浇筑过半", "路面浇筑完成，等待验收"]),
        Target(
            title: "花桥村饮水管网改造", board: .service, department: "水利站", cadre: 44, supervisor: 30, village: "花桥村",
            target: "新铺供水主管2.1公里，解决230户村民安全饮水", started: 8, dueMonth: 8,
            story: .done(monthsAgo: 2, note: "通水验收合格，230户用上自来水"),
            notes: ["水源点选址完成", "资金已到位，开始铺设主管", "主管铺设完成", "入户管网安装", "试通水正常"]),
        Target(
            title: "集镇主街太阳能路灯安装", board: .service, department: "自然资源所", cadre: 33, supervisor: 45,
            village: nil, target: "集镇主街及两条连接线安装太阳能路灯120盏", started: 4, dueMonth: 12,
            story: .done(monthsAgo: 0, note: "120盏全部亮灯，验收合格"),
            notes: ["完成选型和政府采购", "灯杆基础浇筑完成", "已安装80盏", "安装调试收尾"]),
        Target(
            title: "石门村卫生室新建", board: .service, department: "民政办", cadre: 9, supervisor: 16, village: "石门村",
            target: "新建村卫生室90平方米，配齐诊疗设备，小病不出村", started: 6, dueMonth: 10, story: .dueSoon,
            notes: ["用地协调完成", "资金已到位，主体开工", "主体封顶", "内部装修", "设备进场安装", "等待验收"]),
        Target(
            title: "镇中心小学校舍维修", board: .service, department: "党政办", cadre: 12, supervisor: 16, village: nil,
            target: "翻修教学楼屋面1200平方米，更换门窗86套，改造学生厕所", started: 5, dueMonth: 11, story: .onTrack,
            notes: ["完成房屋安全鉴定", "施工方案审定，资金已到位", "屋面翻修", "门窗更换", "厕所改造"]),
        Target(
            title: "白云村文化广场建设", board: .service, department: "宣传办", cadre: 4, supervisor: 0, village: "白云村",
            target: "建设1500平方米文化广场，配套健身器材和村务公开栏", started: 5, dueMonth: 10,
            story: .behind(.behind, note: "2户村民对征地补偿有异议，施工暂停，正在做工作"),
            notes: ["规划设计完成", "征地协调", "场地平整", "铺装施工", "健身器材安装"]),

        Target(
            title: "调解太平村山林权属纠纷", board: .relief, department: "综治办", cadre: 6, supervisor: 34,
            village: "太平村", target: "调处太平村与邻村的山林界址纠纷，签订调解协议", started: 6, dueMonth: 9,
            story: .done(monthsAgo: 3, note: "双方签订调解协议，界桩已埋设"),
            notes: ["走访双方当事人，查阅林权档案", "组织现场勘界", "召开调解会，双方意见接近"]),
        Target(
            title: "花桥村灌溉渠道清淤硬化", board: .relief, department: "水利站", cadre: 44, supervisor: 30,
            village: "花桥村", target: "清淤硬化灌溉渠道4.5公里，保障800亩农田灌溉", started: 5, dueMonth: 6,
            story: .overdue(note: "剩余1.2公里渠段因占地补偿未谈妥停工，已超期"),
            notes: ["摸底测量完成", "清淤2公里", "清淤全线完成", "渠道硬化施工", "硬化完成3公里"]),
        Target(
            title: "清理拖欠农民工工资", board: .relief, department: "综治办", cadre: 22, supervisor: 34, village: nil,
            target: "督促3家在建工程企业结清拖欠的农民工工资", started: 4, dueMonth: 12, story: .onTrack,
            notes: ["摸清3家企业欠薪底数", "约谈企业负责人", "第一家企业已结清", "第二家企业分期支付中"]),
        Target(
            title: "石门村留守儿童四点半课堂", board: .relief, department: "民政办", cadre: 9, supervisor: 16,
            village: "石门村", target: "开办四点半课堂，为留守儿童提供课后托管和作业辅导", started: 5, dueMonth: 12,
            story: .onTrack, notes: ["摸排留守儿童62名", "场地和志愿者落实", "课堂开课", "每周开课五天，到课稳定"]),
        Target(
            title: "集镇交通秩序整治", board: .relief, department: "综治办", cadre: 10, supervisor: 34, village: nil,
            target: "划定集镇停车位，整治占道经营，赶集日交通不堵", started: 4, dueMonth: 10,
            story: .behind(.blocked, note: "占道整治需县交警大队联合执法，尚未排期"),
            notes: ["调查赶集日车流", "停车位划线完成", "劝导占道经营户"]),

        Target(
            title: "白云村油茶低改扩种", board: .prosperity, department: "林业站", cadre: 4, supervisor: 30,
            village: "白云村", target: "低产油茶林改造500亩、新扩种200亩", started: 6, dueMonth: 12, story: .onTrack,
            notes: ["落实种苗和补助资金", "低改300亩", "低改完成", "新扩种整地", "新扩种栽植"]),
        Target(
            title: "新屋村蔬菜大棚合作社", board: .prosperity, department: "农业服务中心", cadre: 11, supervisor: 30,
            village: "新屋村", target: "建成蔬菜大棚40个，带动30户困难户入社增收", started: 6, dueMonth: 9, story: .dueSoon,
            notes: ["合作社注册完成", "流转土地60亩", "大棚骨架搭建", "已建成30个大棚", "第一茬蔬菜上市"]),
        Target(
            title: "农村电商技能培训", board: .prosperity, department: "经管站", cadre: 35, supervisor: 0, village: nil,
            target: "举办电商培训4期，培训农民300人次", started: 7, dueMonth: 11,
            story: .done(monthsAgo: 1, note: "4期培训全部结业，共培训326人次"),
            notes: ["制定培训方案", "第一期培训结业", "第二期培训结业", "第三期培训结业"]),
        Target(
            title: "新屋村辣椒加工厂", board: .prosperity, department: "经管站", cadre: 11, supervisor: 0,
            village: "新屋村", target: "引进企业建设辣椒加工厂，吸纳本村劳动力50人", started: 5, dueMonth: 12,
            story: .cancelled(
                cause: "投资企业资金未到位，设备未进场", reason: "投资企业撤回投资意向，经镇党委会研究取消，列入明年招商计划"),
            notes: ["签订投资意向书", "厂房选址"]),
        Target(
            title: "生猪养殖专业户扶持", board: .prosperity, department: "农业服务中心", cadre: 42, supervisor: 30,
            village: "石门村", target: "扶持20户生猪养殖专业户，落实防疫服务和贴息贷款", started: 6, dueMonth: 11,
            story: .onTrack, notes: ["确定扶持对象20户", "贴息贷款已发放12户", "防疫服务全覆盖", "栏舍改造"]),
    ]

    /// Lays `target` out around `today` (see the type's comment): checks from its start month
    /// through last month — or through the month it finished, or until it was cancelled — with a
    /// progress that follows the planned one (`StatusLight.Schedule.planned`) as its story says.
    static func plan(_ target: Target, today: CalendarDay) -> Plan {
        let month = today.calendarMonth
        let year = today.components.year
        let earliest = min(CalendarMonth(year: year, month: 1)!, month.adding(months: -3))
        let startMonth = max(earliest, month.adding(months: -target.started))
        let preferred = CalendarMonth(year: year, month: target.dueMonth)!
        let soonest = month.adding(months: 2)
        let dueMonth = preferred >= soonest ? preferred : soonest.adding(months: target.dueMonth % 3)
        var due = dueMonth.lastDay
        var createdDue = due
        var last = month.adding(months: -1)
        switch target.story {
        case .done(let monthsAgo, _):
            last = max(startMonth, month.adding(months: -monthsAgo))
            due = max(last, preferred).lastDay
            createdDue = due
        case .dueSoon:
            // The month's end, or the 15th of next month when the end is under five days away.
            due =
                month.lastDay.days(since: today) >= 5
                ? month.lastDay : month.adding(months: 1).firstDay.adding(days: 14)
            createdDue = due
        case .overdue:
            due = month.adding(months: -1).firstDay.adding(days: 19)
            createdDue = due
        case .extended:
            createdDue = month.lastDay
        case .cancelled:
            last = min(last, startMonth.adding(months: 2))
        case .onTrack, .behind:
            break
        }

        let schedule = StatusLight.Schedule(start: startMonth.firstDay, due: due)
        let months = startMonth.through(last)
        var checks: [MonthlyCheck] = []
        for (index, checked) in months.enumerated() {
            let planned = schedule.planned(on: checked.lastDay)
            let isLast = index == months.count - 1
            var progress = planned - 5
            var assessment = CheckAssessment.onTrack
            var note: String?
            switch target.story {
            case .done(_, let doneNote):
                progress = 100 * Double(index + 1) / Double(months.count)
                if isLast { (assessment, note) = (.done, doneNote) }
            case .behind(let judged, let why) where isLast:
                (progress, assessment, note) = (planned - 25, judged, why)
            case .overdue(let why):
                progress = planned * 0.85
                if isLast { (assessment, note) = (.behind, why) }
            case .extended(let cause, _) where index == months.count - 2:
                (progress, assessment, note) = (planned - 10, .behind, cause)
            case .cancelled(let cause, _) where isLast:
                (progress, assessment, note) = (planned - 15, .blocked, cause)
            default:
                break
            }
            let rounded = Int((progress / 5).rounded()) * 5
            let percent =
                assessment == .done ? 100 : min(95, max(checks.last?.progress ?? 0, rounded, 5))
            checks.append(
                MonthlyCheck(
                    month: checked, progress: percent, assessment: assessment,
                    note: note ?? target.notes[min(target.notes.count - 1, percent * target.notes.count / 100)]))
        }

        var change: (after: Int, body: JSONObject)?
        switch target.story {
        case .extended(_, let reason):
            change = (checks.count - 1, ["due": .string(due.text), ProjectRules.dueChangeReason: .string(reason)])
        case .cancelled(_, let reason):
            change = (checks.count, ["state": "cancelled", ProjectRules.stateChangeReason: .string(reason)])
        default:
            break
        }
        return Plan(start: startMonth.firstDay, createdDue: createdDue, due: due, checks: checks, change: change)
    }

    /// Creates the year's targets as a bulk `POST .../projects` would (their `created` events
    /// included), then writes each one's story: the supervising leader's checks as a `PUT` of
    /// each month, and its due change or cancellation as a `PATCH`.
    static func seedTargets(
        _ transaction: any StoreTransaction, townshipID: Int64, departmentIDs: [Int64], cadreIDs: [Int64],
        today: CalendarDay
    ) throws {
        let spec = Registry.projects
        let plans = targets.map { plan($0, today: today) }
        var rows: [[String: JSONValue]] = []
        for (index, (target, plan)) in zip(targets, plans).enumerated() {
            var object: JSONObject = [
                "title": .string(target.title), "board": .string(target.board.rawValue),
                "year": .int(Int64(today.components.year)),
                "department_id": .int(departmentIDs[departments.firstIndex(of: target.department)!]),
                "cadre_id": .int(cadreIDs[target.cadre]), "supervisor_id": .int(cadreIDs[target.supervisor]),
                "target": .string(target.target), "start": .string(plan.start.text),
                "due": .string(plan.createdDue.text),
            ]
            object["village"] = target.village.map(JSONValue.string)
            let (values, typeErrors) = ResourceValidator.forCreate(object, spec: spec, path: "[\(index + 1)]")
            let errors = typeErrors + spec.lifecycle.check(created: values, path: "[\(index + 1)]", row: index + 1)
            guard errors.isEmpty else { throw APIError.invalid(errors) }
            rows.append(values)
        }
        let created = try transaction.registry.insert(spec, townshipID: townshipID, rows: rows, bulk: true, limit: .max)
        try spec.lifecycle.created(created, in: transaction)

        for ((target, plan), project) in zip(zip(targets, plans), created) {
            let id = project["id"]!.intValue!
            for (index, check) in plan.checks.enumerated() {
                if let change = plan.change, change.after == index {
                    try patch(id, change.body, townshipID: townshipID, in: transaction)
                }
                try putCheck(
                    check, projectID: id, plan: plan, by: cadreIDs[target.supervisor], today: today, in: transaction)
            }
            if let change = plan.change, change.after == plan.checks.count {
                try patch(id, change.body, townshipID: townshipID, in: transaction)
            }
        }
    }

    /// Writes a month's check after reading it as `PUT .../checks/{month}` does.
    private static func putCheck(
        _ check: MonthlyCheck, projectID: Int64, plan: Plan, by supervisorID: Int64, today: CalendarDay,
        in transaction: any StoreTransaction
    ) throws {
        var body = check.json
        body["month"] = nil
        let (read, errors) = MonthlyCheck.read(
            body, monthText: check.month.text, start: plan.start, due: plan.due, today: today)
        guard let read else { throw APIError.invalid(errors) }
        _ = try transaction.projects.putCheck(projectID: projectID, check: read, byCadreID: supervisorID)
    }

    /// Applies `body` to a stored project as `PATCH .../projects/{id}` does: the same checks, the
    /// same columns (`original_due`, `due_changes`) and the same timeline events.
    private static func patch(
        _ id: Int64, _ body: JSONObject, townshipID: Int64, in transaction: any StoreTransaction
    ) throws {
        let spec = Registry.projects
        let (values, errors) = ResourceValidator.forPatch(body, spec: spec)
        guard errors.isEmpty else { throw APIError.invalid(errors) }
        let current = try transaction.registry.get(spec, townshipID: townshipID, id: id)!
        let columns = try spec.lifecycle.patch(current: current, changes: values, in: transaction)
        _ = try transaction.registry.update(spec, townshipID: townshipID, id: id, changes: columns)
    }
}
