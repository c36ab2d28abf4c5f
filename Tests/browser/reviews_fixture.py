"""A township with two finalized quarterly reviews (§10), set up through the API as the township
office would: departments and cadres, a panel of three evaluators, one quarterly round per
quarter that every evaluator votes in with its code, closed, then a review linked to the round
and finalized with the committee's commentary. No projects, so a cadre's score is its votes
composite, which the ballots below fix exactly (three ballots: nothing is trimmed)."""

DEPARTMENTS = ["党政办", "民政办", "农业综合服务中心"]
SCRIPT_NAME = "<script>window.__pwned=1</script>周九"
# (name, department)
CADRES = [("张三", "党政办"), ("李四", "民政办"), ("王五", "民政办"), ("欧阳晓明", "农业综合服务中心"),
          (SCRIPT_NAME, "党政办"), ("钱七", "农业综合服务中心"), ("孙八", "党政办")]
EVALUATORS = [("刘代表", "deputy"), ("陈支书", "village_cadre"), ("周老", "retired_cadre")]

# Scores (village_time, attitude, completion) every evaluator gives each cadre; a cadre left out
# is scored by nobody, so it has no score and is not ranked.
SCORES = {
    "2026-Q2": {"张三": (95, 95, 95), "李四": (90, 91, 91), "王五": (85, 85, 85), "欧阳晓明": (85, 85, 85),
                SCRIPT_NAME: (70, 70, 70), "钱七": (50, 50, 50)},
    "2026-Q1": {"钱七": (92, 92, 92), "张三": (82, 82, 82), "李四": (65, 65, 65), "王五": (65, 65, 65),
                "欧阳晓明": (65, 65, 65), SCRIPT_NAME: (55, 55, 55)},
}
# What the public ranking must show for each quarter: (rank, name, department, score, grade).
RANKINGS = {
    "2026-Q2": [(1, "张三", "党政办", "95.00", "好"), (2, "李四", "民政办", "90.67", "好"),
                (3, "王五", "民政办", "85.00", "较好"), (3, "欧阳晓明", "农业综合服务中心", "85.00", "较好"),
                (5, SCRIPT_NAME, "党政办", "70.00", "一般"), (6, "钱七", "农业综合服务中心", "50.00", "较差")],
    "2026-Q1": [(1, "钱七", "农业综合服务中心", "92.00", "好"), (2, "张三", "党政办", "82.00", "较好"),
                (3, "李四", "民政办", "65.00", "一般"), (3, "王五", "民政办", "65.00", "一般"),
                (3, "欧阳晓明", "农业综合服务中心", "65.00", "一般"), (6, SCRIPT_NAME, "党政办", "55.00", "较差")],
}
COMMENTARY = {
    "2026-Q2": "镇党委讲评：\n一、张三、李四同志任务完成好，群众满意。\n二、钱七同志排名末位，"
               "限期整改。<img src=x onerror=\"window.__pwned=2\"><script>window.__pwned=3</script>\n\n三、下季度重点抓好秋收。",
    "2026-Q1": "第一季度总体平稳。\n钱七同志排名第一，予以通报表扬。",
}


class ReviewsTownship:
    """Ids of everything created by name, and the id of each quarter's finalized review."""

    def __init__(self, api, code="niumasi", name="牛马司镇"):
        self.api, self.code, self.name = api, code, name
        self.base = base = f"/v1/townships/{code}"
        api.call("POST", "/v1/townships", {"code": code, "name": name}, expect=201)
        self.departments = {n: api.call("POST", base + "/departments", {"name": n}, expect=201)["id"] for n in DEPARTMENTS}
        self.cadres = {n: api.call("POST", base + "/cadres", {"name": n, "department_id": self.departments[d]}, expect=201)["id"]
                       for n, d in CADRES}
        self.evaluators = [api.call("POST", base + "/evaluators", {"name": n, "category": c}, expect=201)["id"]
                           for n, c in EVALUATORS]
        self.reviews = {}
        for period in ("2026-Q1", "2026-Q2"):
            self.reviews[period] = self.quarter(period)

    def quarter(self, period):
        """Round, votes, close, review, finalize: the id of the finalized review."""
        api, base = self.api, self.base
        round_id = api.call("POST", base + "/rounds", {"title": period.replace("-Q", "年第") + "季度季评排队", "kind": "quarterly",
                                                        "period": period, "evaluator_ids": self.evaluators}, expect=201)["id"]
        codes = [t["token"] for t in api.call("POST", f"{base}/rounds/{round_id}/open", expect=200)["tokens"]]
        ballot = {"supervision": [{"cadre_id": self.cadres[name], "village_time": v, "attitude": a, "completion": c}
                                  for name, (v, a, c) in SCORES[period].items()]}
        for code in codes:
            api.call("POST", "/v1/ballot", ballot, expect=201, token=code)
        api.call("POST", f"{base}/rounds/{round_id}/close", expect=200)
        review = api.call("POST", base + "/quarterly-reviews", {"period": period, "round_id": round_id}, expect=201)
        api.call("POST", f"{base}/quarterly-reviews/{review['id']}/finalize", {"commentary": COMMENTARY[period]}, expect=200)
        return review["id"]


# The year-end assessment of 2026 over the two quarters above (no semiannual round, no projects,
# so a cadre's score is the mean of its quarterly scores). With an 优秀 quota of half the six
# scored cadres, the walk down the ranking gives 优秀 to the eligible ones (a quarterly 好):
# 张三 88.50, 李四 77.84, 钱七 71.00; 王五 and 欧阳晓明 (75.00, never 好) are 称职, the cadre
# with markup in its name 基本称职 (62.50 < 70), and 孙八 (never scored) is left to the committee.
EXCELLENT = [("张三", "党政办"), ("李四", "民政办"), ("钱七", "农业综合服务中心")]
ANNUAL_COUNTS = {"优秀": 3, "称职": 2, "基本称职": 1, "不称职": 0}


def open_assessment(township, year, days, quota=0.5):
    """A year-end assessment of `year` put on public notice for `days` days: its id."""
    api, base = township.api, township.base
    assessment = api.call("POST", base + "/assessments", {"year": year, "excellent_quota": quota}, expect=201)
    api.call("POST", f"{base}/assessments/{assessment['id']}/notice", {"days": days}, expect=200)
    return assessment["id"]


def finalize_assessment(township, assessment_id, grade="称职"):
    """Grades every cadre still without a grade as `grade` and finalizes, cutting the notice short."""
    api, base = township.api, township.base
    path = f"{base}/assessments/{assessment_id}"
    for row in api.call("GET", path, expect=200)["cadres"]:
        if row["grade"] is None:
            api.call("PUT", f"{path}/grades/{row['cadre_id']}", {"grade": grade, "reason": "本年度无考核数据，经镇党委研究评定"}, expect=200)
    api.call("POST", path + "/finalize", {"commentary": "经公示无异议，考核结果确定。", "notice_cut_short": "县委组织部要求提前报送"}, expect=200)
