"""A township's whereabouts board for today (§12), set up through the API as the township office
would: departments, cadres with posts, a cadre token made by the admin route, and the morning's
first entries put by the office (root) for some cadres while others have not reported."""

import datetime
import json
import urllib.error
import urllib.request

DEPARTMENTS = ["党政办", "农业综合服务中心", "民政办", "财政所", "综治办", "社会事务办", "自然资源所", "经济发展办"]
SCRIPT_NOTE = "<script>window.__pwned = 1</script>调解山林纠纷"
# (name, department, post, today's entry or None for 未报): a township's worth of cadres, so the
# hall's screen is seen full. 李四 reports for itself from a phone in the tests; 孙八 is
# reported by the office while the hall's screen shows the board.
CADRES = [
    ("张三", "党政办", "主任", {"place": "office"}),
    ("李四", "党政办", None, None),
    ("刘洋", "党政办", "副主任", {"place": "office"}),
    ("杨帆", "党政办", "文书", {"place": "office", "note": "上午值班接待"}),
    ("欧阳晓明", "农业综合服务中心", "副主任", {"place": "village", "village": "杨桥村", "note": SCRIPT_NOTE}),
    ("王五", "农业综合服务中心", "站长", {"place": "meeting", "note": "县农业农村局春耕会议"}),
    ("何丽", "农业综合服务中心", "农技员", {"place": "village", "village": "龙山村", "note": "指导油菜田间管理"}),
    ("赵六", "民政办", "所长", {"place": "business", "note": "县城办理低保审批"}),
    ("钱七", "民政办", None, {"place": "leave"}),
    ("孙八", "民政办", "干事", None),
    ("周敏", "财政所", "所长", {"place": "office"}),
    ("吴刚", "财政所", "会计", {"place": "business", "note": "县财政局报送年报"}),
    ("朱琳", "财政所", "出纳", {"place": "office"}),
    ("郑伟", "综治办", "主任", {"place": "village", "village": "石桥村", "note": "调解宅基地纠纷"}),
    ("秦海", "综治办", "专干", {"place": "village", "village": "白沙村", "note": "排查安全隐患"}),
    ("冯静", "综治办", "干事", None),
    ("陈红", "社会事务办", "主任", {"place": "meeting", "note": "全县医保工作会"}),
    ("褚亮", "社会事务办", "干事", {"place": "office"}),
    ("卫东", "自然资源所", "所长", {"place": "village", "village": "白沙村"}),
    ("蒋涛", "自然资源所", None, {"place": "leave", "note": "病假"}),
    ("沈阳", "经济发展办", "主任", {"place": "office"}),
    ("韩梅", "经济发展办", "干事", None),
    ("许诺", "经济发展办", None, {"place": "meeting"}),
]
WORDS = {"office": "在办公室", "village": "下村", "meeting": "开会", "business": "外出办事", "leave": "请假", None: "未报"}
COUNT_WORDS = {"office": "在岗", "village": "下村", "meeting": "开会", "business": "外出", "leave": "请假", "none": "未报"}
WEEKDAYS = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]


class WhereaboutsTownship:
    """Ids by name, the cadre tokens made (by name) and the calls the tests make afterwards."""

    def __init__(self, api, code="niumasi", name="牛马司镇"):
        self.api, self.code, self.name = api, code, name
        self.base = f"/v1/townships/{code}"
        api.call("POST", "/v1/townships", {"code": code, "name": name}, expect=201)
        self.departments = {n: api.call("POST", self.base + "/departments", {"name": n}, expect=201)["id"] for n in DEPARTMENTS}
        self.cadres = {}
        # Created in an order that is not the board's, so grouping is the page's (and server's) work.
        for cadre, department, post, _ in sorted(CADRES, key=lambda c: c[0]):
            body = {"name": cadre, "department_id": self.departments[department]}
            if post:
                body["post"] = post
            self.cadres[cadre] = api.call("POST", self.base + "/cadres", body, expect=201)["id"]
        self.tokens = {n: self.make_token(n) for n in ("李四", "张三")}
        for cadre, _, _, entry in CADRES:
            if entry:
                self.put(cadre, entry)

    def make_token(self, name):
        """A cadre token made by the admin route (the one-time display)."""
        made = self.api.call("POST", f"{self.base}/cadres/{self.cadres[name]}/token", expect=201)
        assert made["cadre_id"] == self.cadres[name]
        return made["token"]

    def put(self, name, entry):
        """Sets a cadre's entry for today as the office does, with the root token."""
        return self.api.call("PUT", f"{self.base}/cadres/{self.cadres[name]}/whereabouts", entry, expect=200)

    def board(self):
        """The public board, fetched as the page does: no credential at all."""
        url = f"{self.api.base_url}/v1/public/townships/{self.code}/whereabouts"
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/json"}), timeout=20) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            raise AssertionError(f"public whereabouts → {error.code}: {error.read()[:300]!r}") from error

    def entry(self, name):
        """Today's line for one cadre on the public board."""
        return next(i for i in self.board()["items"] if i["cadre_id"] == self.cadres[name])


def day_name(date):
    """"2026-12-07" → "2026年12月7日 星期一", as the page writes the board's date."""
    day = datetime.date.fromisoformat(date)
    return f"{day.year}年{day.month}月{day.day}日 {WEEKDAYS[day.weekday()]}"
