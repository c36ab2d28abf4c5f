"""A township whose three responsibility boards (§9) show every status light on one as-of date,
set up through the API as the township office would: departments, stationed cadres and
supervising leaders, projects with start and due dates, monthly checks, a due date moved, a
project cancelled and the yearly quotas."""

import json
import urllib.error
import urllib.request

AS_OF = "2026-10-15"
DEPARTMENTS = ["交通站", "水利站", "农业综合服务中心"]
# (name, department, village stationed in, supervising leader)
CADRES = [("张三", "交通站", "石桥村", False), ("王五", "农业综合服务中心", "杨桥村", False),
          ("赵六", "水利站", "龙山村", False), ("李四", "交通站", None, True), ("钱七", "农业综合服务中心", None, True)]
SCRIPT_NOTE = "<script>window.__pwned = 1</script>路基完成，准备铺设面层"


class Project:
    """One target, its monthly checks {month: (progress, assessment, note)} and the light it
    must have on AS_OF by the rule of §9 (None: no start or due, so no light)."""

    def __init__(self, title, board, department, cadre, supervisor, village, start, due, checks, light, target=None):
        self.title, self.board, self.department, self.cadre = title, board, department, cadre
        self.supervisor, self.village, self.start, self.due = supervisor, village, start, due
        self.checks, self.light, self.target = checks, light, target
        self.id = None


PROJECTS = [
    # AS_OF is after the due date and the project is not done.
    Project("修建村道", "service", "交通站", "张三", "李四", "石桥村", "2026-03-01", "2026-09-30",
            {"2026-08": (80, "on_track", "路面施工"), "2026-09": (90, "on_track", "收尾")}, "red", target="硬化村道 3.2 公里"),
    # The last two months that were due (August, September) both lack a check.
    Project("河道清淤", "relief", "水利站", "赵六", "李四", "龙山村", "2026-05-01", "2026-12-31",
            {"2026-06": (20, "on_track", "已开工")}, "red"),
    # The latest check says behind; its due date is moved from 11-30 to 12-31 below.
    Project("自来水入户", "relief", "水利站", "张三", "李四", "石桥村", "2026-04-01", "2026-11-30",
            {"2026-08": (35, "on_track", "主管铺设"), "2026-09": (40, "behind", "管材未到")}, "yellow", target="全村 120 户通自来水"),
    # On plan (75 against 79 planned at the end of September), due 26 days after AS_OF.
    Project("茶叶合作社", "prosperity", "农业综合服务中心", "王五", "钱七", "杨桥村", "2026-05-01", "2026-11-10",
            {"2026-08": (60, "on_track", "茶苗到位"), "2026-09": (75, "on_track", "厂房封顶")}, "blue"),
    Project("村部修缮", "service", "农业综合服务中心", "王五", "钱七", "杨桥村", "2026-06-01", "2026-12-31",
            {"2026-08": (30, "on_track", "拆除完成"), "2026-09": (45, "on_track", SCRIPT_NOTE)}, "green"),
    Project("小学围墙", "service", "交通站", "钱七", "李四", "龙山村", "2026-07-01", "2026-12-31",
            {"2026-08": (25, "on_track", "基础开挖"), "2026-09": (35, "on_track", "砌筑中")}, "green"),
    # Done in August: done wins over the due date having passed.
    Project("路灯安装", "service", "交通站", "张三", "李四", "石桥村", "2026-03-01", "2026-08-31",
            {"2026-07": (80, "on_track", "立杆完成"), "2026-08": (100, "done", "已验收")}, "done"),
    # Cancelled below, after its one check.
    Project("养殖场扩建", "prosperity", "农业综合服务中心", "王五", "钱七", "杨桥村", "2026-04-01", "2026-12-31",
            {"2026-09": (50, "on_track", "围栏完成")}, "cancelled"),
    Project("危房改造摸底", "relief", None, None, None, "龙山村", None, None, {}, None),
]
# Cadre quotas on these projects: 张三 3 in 石桥村, 王五 2 in 杨桥村 (the cancelled one does not
# count), 赵六 1 in 龙山村 (小学围墙 is 钱七's), against 2 required.
QUOTAS = {"张三": (3, True), "王五": (2, True), "赵六": (1, False)}
SERVICE_PROJECTS = 4


class ResponsibilityTownship:
    """Ids of everything created, by name; `projects` maps a title to its Project."""

    def __init__(self, api, code="niumasi", name="牛马司镇"):
        self.api, self.code, self.name = api, code, name
        base = f"/v1/townships/{code}"
        api.call("POST", "/v1/townships", {"code": code, "name": name}, expect=201)
        api.call("PATCH", base, {"settings": {"yearly_service_projects": 5, "cadre_village_projects": 2}}, expect=200)
        self.departments = {n: api.call("POST", base + "/departments", {"name": n}, expect=201)["id"] for n in DEPARTMENTS}
        self.cadres = {}
        for cadre, department, village, leader in CADRES:
            body = {"name": cadre, "department_id": self.departments[department], "leader": leader}
            if village:
                body["village"] = village
            self.cadres[cadre] = api.call("POST", base + "/cadres", body, expect=201)["id"]
        self.projects = {}
        for p in PROJECTS:
            body = {"title": p.title, "board": p.board, "year": 2026, "village": p.village}
            for key, value in (("department_id", self.departments.get(p.department)), ("cadre_id", self.cadres.get(p.cadre)),
                               ("supervisor_id", self.cadres.get(p.supervisor)), ("target", p.target),
                               ("start", p.start), ("due", p.due)):
                if value is not None:
                    body[key] = value
            p.id = api.call("POST", base + "/projects", body, expect=201)["id"]
            for month, (progress, assessment, note) in p.checks.items():
                api.call("PUT", f"{base}/projects/{p.id}/checks/{month}",
                         {"progress": progress, "assessment": assessment, "note": note}, expect=201)
            self.projects[p.title] = p
        api.call("PATCH", f"{base}/projects/{self.projects['自来水入户'].id}",
                 {"due": "2026-12-31", "due_change_reason": "管材供应推迟一个月"}, expect=200)
        api.call("PATCH", f"{base}/projects/{self.projects['养殖场扩建'].id}",
                 {"state": "cancelled", "state_change_reason": "用地未落实"}, expect=200)

    def board(self, as_of=AS_OF):
        """The public board document, fetched as the page does: no credential at all."""
        url = f"{self.api.base_url}/v1/public/townships/{self.code}/responsibility?as_of={as_of}"
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/json"}), timeout=20) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            raise AssertionError(f"public responsibility board → {error.code}: {error.read()[:300]!r}") from error
