extension MessageCatalog {
    /// The Chinese titles of the error statuses (a problem's English `title` is the reason phrase).
    static let titles: [Int: String] = [
        400: "请求有误", 401: "未通过身份验证", 403: "无权操作", 404: "未找到", 405: "不允许的请求方法",
        408: "请求超时", 409: "冲突", 411: "缺少长度", 412: "前提条件不满足", 413: "内容过大",
        414: "网址过长", 415: "不支持的内容类型", 416: "范围无法满足", 417: "期望无法满足",
        422: "内容有误", 429: "请求过于频繁", 431: "请求头过大", 500: "服务器内部错误", 501: "未实现",
        502: "网关错误", 503: "服务暂不可用", 504: "网关超时", 505: "不支持的 HTTP 版本",
    ]

    /// The words that fill `{name}` holes, by table.
    static let fragments: [String: [String: String]] = [
        // A registry kind in the singular (subjects of a round, "No such … in this township").
        "kind": ["cadre": "干部", "department": "部门", "project": "项目", "evaluator": "评议代表"],
        // A registry kind in the plural, as the routes name them.
        "kinds": ["cadres": "干部", "departments": "部门", "projects": "项目", "evaluators": "评议代表"],
        "roundState": ["draft": "还是草稿", "open": "正在测评", "closed": "已结束", "published": "已公布"],
        "requestState": ["open": "待办理", "passed": "已转交待接收", "accepted": "已接收", "resolved": "已办结"],
        // What an address did too often (429).
        "tooMany": ["unknown ballot codes": "无效测评码尝试", "unknown codes": "无效查询码尝试", "objections": "异议"],
    ]

    /// The server's own answers, authentication, bodies and paging.
    static let httpPairs: [(String, String)] = [
        ("Nothing is found at this path.", "此路径下没有内容。"),
        ("{} is not allowed here; allowed: {}.", "此处不允许 {} 请求；允许：{}。"),
        ("This server does not implement the request method.", "服务器不支持该请求方法。"),
        ("No such thing here.", "这里没有要找的内容。"),
        ("An internal error occurred; nothing was changed.", "服务器内部出错，未作任何更改。"),
        ("The server's disk is full; nothing was stored. Try again later.", "服务器磁盘已满，未保存任何内容，请稍后再试。"),
        ("The database is busy; nothing was stored. Try again shortly.", "数据库繁忙，未保存任何内容，请稍后再试。"),
        ("The database cannot be reached; nothing was stored. Try again shortly.", "暂时无法连接数据库，未保存任何内容，请稍后再试。"),
        ("{msg} The first {} of {} errors are listed.", "{1}共 {3} 处错误，这里列出前 {2} 处。"),
        // Credentials (§2).
        ("An 'Authorization: Bearer <token>' header is required.", "需要提供 “Authorization: Bearer <令牌>” 请求头。"),
        ("The token is unknown or has been revoked.", "令牌无效或已被吊销。"),
        ("Only the root token may do this.", "只有根令牌可以进行此操作。"),
        ("A ballot code only opens the ballot form.", "测评码只能用于打开测评表。"),
        (
            "A cadre token only records its own work and reads its township's projects and responsibility board.",
            "干部令牌只能记录本人的工作，并查看本乡镇的项目和责任榜。"
        ),
        ("No township '{}'.", "没有代码为 “{}” 的乡镇。"),
        ("Too many {tooMany} from this address; try again in {} s.", "此地址的{}过多，请 {} 秒后再试。"),
        ("No token with that id in this township.", "本乡镇没有该编号的令牌。"),
        ("No live token with that id in this township.", "本乡镇没有该编号的有效令牌。"),
        // Bodies (§2, §3).
        ("Only UTF-8 bodies are accepted.", "请求内容只接受 UTF-8 编码。"),
        ("The body must be {} (Content-Type was '{}').", "请求内容必须是 {}（Content-Type 为 “{}”）。"),
        ("The body must be a JSON object.", "请求内容必须是 JSON 对象。"),
        ("The body must be a JSON object or an array of objects.", "请求内容必须是 JSON 对象或对象数组。"),
        ("The array is empty: nothing to create.", "数组为空，没有可创建的内容。"),
        ("A JSON body is required.", "需要 JSON 格式的请求内容。"),
        ("The body is not valid JSON: {msg}", "请求内容不是有效的 JSON：{}"),
        ("The request has invalid fields.", "请求中有字段填写有误。"),
        ("The query has invalid parameters.", "查询参数有误。"),
        ("nothing to change", "没有要修改的内容"),
        ("unknown field", "未知字段"),
        ("An objection body is at most {} bytes.", "异议内容最多 {} 字节。"),
        // Paging and filters (§3).
        ("limit must be a positive integer.", "limit 必须是正整数。"),
        ("after must be a cursor from a previous page's next.", "after 必须是上一页 next 给出的游标。"),
        ("{} must be an integer.", "{} 必须是整数。"),
        ("{} must be true or false.", "{} 必须是 true 或 false。"),
        ("{} must be one of {}.", "{} 必须是以下之一：{}。"),
    ]
}
