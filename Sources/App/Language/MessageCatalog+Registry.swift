extension MessageCatalog {
    /// Townships, registries, tokens and archives (§3, §7).
    static let registryPairs: [(String, String)] = [
        ("{} '{}' is already taken.", "{} “{}” 已被占用。"),
        ("already exists", "已存在"),
        ("names nothing in this township", "在本乡镇中找不到"),
        ("must be a cadre with leader: true", "必须是分管领导（leader: true）的干部"),
        (
            "a township holds at most {} {kinds}; it has {}, this adds {}",
            "每个乡镇最多 {} 个{}；现有 {} 个，本次新增 {} 个"
        ),
        ("Too many {kinds}: at most {} per township.", "{}过多：每个乡镇最多 {} 个。"),
        ("No such {kind} in this township.", "本乡镇没有这个{}。"),
        ("No such cadre in this township.", "本乡镇没有这名干部。"),
        ("must be 2–32 of a-z, 0-9 and '-'", "必须是 2–32 个 a-z、0-9 或 “-” 字符"),
        ("A cadre who has left gets no token.", "已离开的干部不能领取令牌。"),
        ("This cadre has no token.", "这名干部没有令牌。"),
        ("No such archive record.", "没有这条档案记录。"),
        ("must be one of {}; the other kinds are written by publication", "必须是以下之一：{}；其他类别由公布结果时写入"),
        ("No published round here.", "这里还没有公布的测评。"),
    ]

    /// Rounds and ballots (§4, §5).
    static let evaluationPairs: [(String, String)] = [
        ("No such round in this township.", "本乡镇没有这一轮测评。"),
        ("The round is {roundState}: {msg}.", "该轮测评{}：{}。"),
        ("only a draft round can be edited", "只有草稿状态的测评可以修改"),
        ("codes can only be reissued while the round is open", "只有测评进行中才能补发测评码"),
        ("the round is not open for ballots", "该轮测评不在投票期间"),
        ("a round never returns to draft", "测评不能退回草稿状态"),
        ("the round has already been opened", "该轮测评已经开始"),
        ("only an open round can be closed", "只有进行中的测评可以结束"),
        ("the round is already published", "该轮测评已经公布"),
        ("only a closed round can be published", "只有已结束的测评可以公布"),
        ("results exist once the round is closed", "测评结束后才有结果"),
        ("This ballot code has already been used to vote.", "这个测评码已经投过票了。"),
        ("The ballot code is unknown or has been replaced.", "测评码无效或已被更换。"),
        ("This route takes a ballot code (测评码), not an admin token.", "此处需要测评码，不能使用管理员令牌。"),
        ("Evaluator {} is not on this round's panel.", "评议代表 {} 不在本轮测评名单中。"),
        ("is not on this round's panel", "不在本轮测评名单中"),
        ("must be YYYY-H1 or YYYY-H2", "必须是 YYYY-H1 或 YYYY-H2"),
        ("must be YYYY-Q1 to YYYY-Q4", "必须是 YYYY-Q1 到 YYYY-Q4"),
        ("must not repeat an id", "编号不能重复"),
        ("must hold positive ids", "编号必须是正整数"),
        ("names no {kind} of this township", "在本乡镇中找不到这个{}"),
        (
            "a round holds at most {} subjects in all; these lists name {}",
            "一轮测评最多包含 {} 个对象；这些名单共有 {} 个"
        ),
        (
            "a round holds at most {} cadres, departments and projects; this one would hold {}",
            "一轮测评最多包含 {} 个干部、部门和项目；这一轮将有 {} 个"
        ),
        ("must be between -{} and {}", "必须在 -{} 到 {} 之间"),
        ("must be greater than scale.min", "必须大于 scale.min"),
        ("is required when category_weights is given", "给出 category_weights 时必须填写"),
        ("must be between 0 and 1", "必须在 0 到 1 之间"),
        ("has {} evaluator(s) on the panel, fewer than min_group ({})", "名单中只有 {} 名评议代表，少于 min_group（{}）"),
        ("must be a number from 0 to {}", "必须是 0 到 {} 之间的数"),
        ("{kind} {} is already scored in supervision[{}]", "{} {} 已在 supervision[{}] 中评过分"),
        ("names the same {kind} as most_satisfied.{}", "与 most_satisfied.{2} 选的是同一个{1}"),
        ("must be at most {} characters, got {}", "最多 {} 个字符，实际 {} 个"),
        ("must name exactly one of cadre_id or department_id", "cadre_id 和 department_id 必须且只能填一个"),
        ("{kind} {} is not on this round's list", "{} {} 不在本轮测评名单中"),
    ]
}
