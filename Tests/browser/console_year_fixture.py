"""The township the console's rest-of-the-year tests work in, set up through the API: cadres,
targets on the three boards dated from today (the server's date in UTC+8, so the lights and the
months a check may name follow the day the tests run), and a closed quarterly round of this
quarter that every evaluator voted in.

Lights on today before any check (§9), with PP and P the two months before this one:
- 村道硬化 and 渠道修复 start on the 1st of PP: PP and P are due and both lack a check → red.
- 文化广场 starts on the 1st of P: P is due and lacks a check → yellow.
- 光伏电站 starts on the 1st of P, due in 300 days; same → yellow.
- 养殖场扩建 is cancelled, 危房摸底 has no dates: neither takes checks.
Entering P's checks in the console turns 村道硬化 and 文化广场 green (on track, ahead of plan),
渠道修复 yellow (behind) and 光伏电站 done."""

import datetime

# (name, department, village stationed in, supervising leader)
CADRES = [("张三", "党政办", "石桥村", False), ("李四", "民政办", None, False), ("王五", "民政办", None, False),
          ("钱七", "党政办", None, True), ("赵六", "农业综合服务中心", "杨桥村", False), ("孙八", "农业综合服务中心", None, False)]
DEPARTMENTS = ["党政办", "民政办", "农业综合服务中心"]
EVALUATORS = [("刘代表", "deputy"), ("陈支书", "village_cadre"), ("周老", "retired_cadre")]
# The quarterly scores every evaluator gives (孙八 and 赵六 get no votes: 孙八 stays unscored,
# 赵六 is scored by its targets alone).
VOTES = {"张三": 95, "李四": 92, "王五": 75, "钱七": 85}


def today():
    """The server's today: the date in China Standard Time."""
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()


def month_before(day, months):
    year, month = day.year, day.month - months
    while month < 1:
        year, month = year - 1, month + 12
    return datetime.date(year, month, 1)


def quarter(day):
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


class YearTownship:
    """Ids by name; `p_month` is the month before this one (YYYY-MM), the month the test checks."""

    def __init__(self, api, code="niumasi", name="牛马司镇"):
        self.api, self.code, self.name = api, code, name
        self.base = base = f"/v1/townships/{code}"
        self.today = today()
        pp, p = month_before(self.today, 2), month_before(self.today, 1)
        self.p_month = p.strftime("%Y-%m")
        later = lambda days: (self.today + datetime.timedelta(days=days)).isoformat()
        api.call("POST", "/v1/townships", {"code": code, "name": name}, expect=201)
        self.departments = {n: api.call("POST", base + "/departments", {"name": n}, expect=201)["id"] for n in DEPARTMENTS}
        self.cadres = {}
        for cadre, department, village, leader in CADRES:
            body = {"name": cadre, "department_id": self.departments[department], "leader": leader}
            if village:
                body["village"] = village
            self.cadres[cadre] = api.call("POST", base + "/cadres", body, expect=201)["id"]
        year = self.today.year
        targets = [("村道硬化", "service", pp, later(300), "石桥村"), ("渠道修复", "relief", pp, later(300), "杨桥村"),
                   ("文化广场", "service", p, later(300), "石桥村"), ("光伏电站", "prosperity", p, later(300), "杨桥村"),
                   ("养殖场扩建", "prosperity", pp, later(200), "杨桥村")]
        self.projects = {}
        for title, board, start, due, village in targets:
            self.projects[title] = api.call("POST", base + "/projects", {
                "title": title, "board": board, "year": year, "village": village, "start": start.isoformat(), "due": due,
                "department_id": self.departments["农业综合服务中心"], "cadre_id": self.cadres["赵六"],
                "supervisor_id": self.cadres["钱七"]}, expect=201)["id"]
        self.projects["危房摸底"] = api.call("POST", base + "/projects", {"title": "危房摸底", "board": "relief", "year": year}, expect=201)["id"]
        api.call("PATCH", f"{base}/projects/{self.projects['养殖场扩建']}",
                 {"state": "cancelled", "state_change_reason": "用地未落实"}, expect=200)
        self.evaluators = [api.call("POST", base + "/evaluators", {"name": n, "category": c}, expect=201)["id"] for n, c in EVALUATORS]
        self.quarter = quarter(self.today)
        self.round_id = api.call("POST", base + "/rounds", {
            "title": self.quarter.replace("-Q", "年第") + "季度季评排队", "kind": "quarterly", "period": self.quarter,
            "evaluator_ids": self.evaluators}, expect=201)["id"]
        codes = [t["token"] for t in api.call("POST", f"{base}/rounds/{self.round_id}/open", expect=200)["tokens"]]
        ballot = {"supervision": [{"cadre_id": self.cadres[n], "village_time": s, "attitude": s, "completion": s} for n, s in VOTES.items()]}
        for code in codes:
            api.call("POST", "/v1/ballot", ballot, expect=201, token=code)
        api.call("POST", f"{base}/rounds/{self.round_id}/close", expect=200)
