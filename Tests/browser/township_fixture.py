"""The township the browser tests vote in, set up through the API as the township office
would: departments, cadres, projects, a panel of evaluators, and a round opened for them."""

DEPARTMENTS = ["党政办", "民政办", "农业综合服务中心"]
# (name, department index, post): 欧阳晓明 has a long name to test wrapping on a phone.
CADRES = [("张三", 0, "主任"), ("李四", 0, None), ("王五", 1, "所长"), ("赵六", 1, None),
          ("欧阳晓明", 2, "副主任"), ("钱七", 2, None)]
PROJECTS = [("修建村道", "service"), ("自来水入户", "relief"), ("茶叶合作社", "prosperity")]
EVALUATORS = [("刘代表", "deputy", "一村"), ("陈支书", "village_cadre", "二村"),
              ("周老", "retired_cadre", "三村"), ("吴大姐", "contact_household", "四村"),
              ("孙主任", "deputy", "五村"), ("郑会计", "village_cadre", "六村")]
ROUND_TITLE = "2026年下半年三督六评"


class Township:
    """Ids of everything created, by name, and the ballot codes of the opened round."""

    def __init__(self, api, code="niumasi", name="牛马司镇"):
        self.api = api
        self.code = code
        self.name = name
        base = f"/v1/townships/{code}"
        self.base = base
        api.call("POST", "/v1/townships", {"code": code, "name": name}, expect=201)
        self.departments = {n: api.call("POST", base + "/departments", {"name": n}, expect=201)["id"] for n in DEPARTMENTS}
        self.cadres = {}
        for cadre_name, department, post in CADRES:
            body = {"name": cadre_name, "department_id": self.departments[DEPARTMENTS[department]]}
            if post:
                body["post"] = post
            self.cadres[cadre_name] = api.call("POST", base + "/cadres", body, expect=201)["id"]
        self.projects = {t: api.call("POST", base + "/projects", {"title": t, "board": b, "year": 2026}, expect=201)["id"]
                         for t, b in PROJECTS}
        self.evaluators = {n: api.call("POST", base + "/evaluators", {"name": n, "category": c, "village": v}, expect=201)["id"]
                           for n, c, v in EVALUATORS}
        round_ = api.call("POST", base + "/rounds", {
            "title": ROUND_TITLE, "kind": "semiannual", "period": "2026-H2",
            "evaluator_ids": list(self.evaluators.values())}, expect=201)
        self.round_id = round_["id"]
        opened = api.call("POST", f"{base}/rounds/{self.round_id}/open", expect=200)
        self.codes = [t["token"] for t in opened["tokens"]]

    def ballot(self, most_cadre, least_cadre, top_score=95):
        """A ballot body giving `most_cadre` the top score and everyone else less."""
        supervision = [{"cadre_id": cid, "village_time": top_score if name == most_cadre else 70,
                        "attitude": top_score if name == most_cadre else 72, "completion": top_score if name == most_cadre else 71}
                       for name, cid in self.cadres.items()]
        return {"supervision": supervision,
                "most_satisfied": {"cadre_id": self.cadres[most_cadre], "department_id": self.departments["党政办"],
                                   "project_id": self.projects["修建村道"]},
                "least_satisfied": {"cadre_id": self.cadres[least_cadre], "department_id": None, "project_id": None},
                "comment": None}

    def close_and_publish(self, commentary):
        self.api.call("POST", f"{self.base}/rounds/{self.round_id}/close", expect=200)
        self.api.call("POST", f"{self.base}/rounds/{self.round_id}/publish", {"commentary": commentary}, expect=200)
