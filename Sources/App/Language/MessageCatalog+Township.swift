extension MessageCatalog {
    /// Responsibility boards and monthly checks (§9).
    static let responsibilityPairs: [(String, String)] = [
        ("No such project in this township.", "本乡镇没有这个项目。"),
        ("Only the project's supervising leader or an admin records its checks.", "只有项目的分管领导或管理员可以记录督查。"),
        ("No check of that month.", "该月没有督查记录。"),
        ("done needs progress 100", "办结时进度必须是 100"),
        ("must be done when progress is 100", "进度为 100 时必须标为办结"),
        ("must lie between the start month {} and this month {}", "必须在开始月份 {} 和本月 {} 之间"),
        ("the project has no start and due, so it takes no checks", "该项目没有开始和截止日期，不进行督查"),
        ("cannot be cleared: the project has monthly checks", "不能清空：该项目已有月度督查"),
        ("due must not be before start", "截止日期不能早于开始日期"),
        ("must not be before start", "不能早于开始日期"),
        ("must not be after the first checked month {}", "不能晚于第一个督查月份 {}"),
        ("is required to change due", "修改截止日期时必须填写"),
        ("is only given with a change of due", "只在修改截止日期时填写"),
        ("is required to change state", "修改状态时必须填写"),
        ("is only given with a change of state", "只在修改状态时填写"),
    ]

    /// Quarterly reviews and the year-end assessment (§10, §11).
    static let reviewPairs: [(String, String)] = [
        ("No such quarterly review in this township.", "本乡镇没有这次季度讲评。"),
        ("No finalized quarterly review here.", "这里还没有定稿的季度讲评。"),
        ("This review is already final.", "这次讲评已经定稿。"),
        ("must be a quarter YYYY-Q1…Q4", "必须是 YYYY-Q1…Q4 格式的季度"),
        ("must be a closed or published quarterly round of {}", "必须是 {} 已结束或已公布的季度测评"),
        ("must be a number from 0 to 100", "必须是 0 到 100 之间的数"),
        ("No such assessment in this township.", "本乡镇没有这次考核。"),
        ("No such cadre in this assessment.", "这次考核中没有这名干部。"),
        ("The assessment is final.", "这次考核已经定稿。"),
        ("The notice has already started.", "公示已经开始。"),
        ("No such objection.", "没有这条异议。"),
        ("Objections are taken only during the public notice.", "只在公示期间受理异议。"),
        ("names no cadre of this assessment", "这次考核中没有这名干部"),
        ("No assessment in public notice here.", "这里没有正在公示的考核。"),
        ("Only an assessment in its public notice can be finalized.", "只有正在公示的考核可以定稿。"),
        ("Every cadre needs a grade first.", "每名干部都要先评定等次。"),
        ("{} has no grade", "{} 还没有评定等次"),
        ("is required before the notice ends on {}", "公示在 {} 结束之前必须填写"),
        ("must be 1–1000 characters", "必须是 1–1000 个字符"),
        ("must be from 0 to 1", "必须在 0 到 1 之间"),
        ("this cadre is not eligible for 优秀", "这名干部不能评为优秀"),
        ("at most {} cadres may be 优秀", "最多 {} 名干部可以评为优秀"),
    ]

    /// Whereabouts, diaries and first-asked requests (§12).
    static let peoplePairs: [(String, String)] = [
        ("A cadre token records only its own whereabouts and diary.", "干部令牌只能记录本人的去向和民情日记。"),
        ("This cadre has left the township.", "这名干部已离开本乡镇。"),
        ("must not be after today ({})", "不能晚于今天（{}）"),
        ("at most {} issues", "最多 {} 条问题"),
        ("must be text of 1–{} characters", "必须是 1–{} 个字符的文字"),
        ("is required when the place is village", "去向为村里时必须填写"),
        ("is only given for place village", "只在去向为村里时填写"),
        ("No such request in this township.", "本乡镇没有这件事项。"),
        ("No request with that code.", "没有这个查询码对应的事项。"),
        ("A cadre files the matters it is asked itself.", "干部只能登记向本人提出的事项。"),
        ("A cadre sees the requests it filed, holds or is passed.", "干部只能查看本人登记、办理或转交给本人的事项。"),
        ("This step cannot be taken while the request is {requestState}.", "事项{}，不能进行这一步。"),
        ("Only the holder, the cadre it was passed to, or an admin.", "只有承办人、被转交的干部或管理员可以操作。"),
        ("must be open, passed, accepted or resolved", "必须是 open、passed、accepted 或 resolved"),
        ("names no cadre of this township", "在本乡镇中找不到这名干部"),
        ("names no department of this township", "在本乡镇中找不到这个部门"),
        ("names no cadre of that department", "该部门中没有这名干部"),
    ]
}
