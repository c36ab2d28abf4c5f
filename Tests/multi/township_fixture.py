"""The township the multi-instance test works in: its registry (departments as JSON, cadres as
CSV, projects, a panel of twelve evaluators), its rounds and the ballots cast in them."""

import datetime

CATEGORIES = ["deputy", "village_cadre", "retired_cadre", "contact_household"]
CHINA = datetime.timezone(datetime.timedelta(hours=8))


def today_in_china():
    """The server's "today" (contract Part two: the date in UTC+8)."""
    return datetime.datetime.now(CHINA).date()


class Township:
    """Made through `client` (nginx) with the root token; `admin` is its admin token."""

    code = "duoshili"

    def __init__(self, client, root):
        self.client = client
        self.year = today_in_china().year
        client.expect(201, "POST", "/v1/townships", {"code": self.code, "name": "多实例镇"}, token=root)
        self.admin = client.expect(201, "POST", f"/v1/townships/{self.code}/tokens", {"label": "镇组织办"},
                                   token=root).json()["token"]
        self.base = f"/v1/townships/{self.code}"
        self._registry()

    def post(self, status, path, body=None):
        return self.client.expect(status, "POST", self.base + path, body, token=self.admin).json()

    def get(self, path):
        return self.client.expect(200, "GET", self.base + path, token=self.admin).json()

    def _registry(self):
        departments = self.post(201, "/departments", [{"name": "民政办"}, {"name": "财政所"}, {"name": "交通站"}])
        self.department_ids = [item["id"] for item in departments["items"]]
        minzheng, caizheng, jiaotong = self.department_ids
        csv = ("name,department_id,post,village,leader\n"
               f"张三,{minzheng},民政办主任,石桥村,\n"
               f"李四,{caizheng},分管副镇长,,true\n"
               f"王五,{jiaotong},交通站站长,,\n"
               f"赵六,{minzheng},,,\n")
        cadres = self.client.expect(201, "POST", self.base + "/cadres", csv.encode("utf-8"), token=self.admin,
                                    headers={"Content-Type": "text/csv"}).json()
        self.cadre_ids = [item["id"] for item in cadres["items"]]
        zhang, li = self.cadre_ids[0], self.cadre_ids[1]
        projects = self.post(201, "/projects", [
            {"title": "修建村道", "board": "service", "year": self.year, "department_id": jiaotong,
             "cadre_id": zhang, "supervisor_id": li, "village": "石桥村",
             "start": f"{self.year}-01-01", "due": f"{self.year}-12-31"},
            {"title": "安全饮水", "board": "relief", "year": self.year}])
        self.project_ids = [item["id"] for item in projects["items"]]
        evaluators = self.post(201, "/evaluators", [
            {"name": f"督评员{i + 1}", "category": CATEGORIES[i % 4]} for i in range(12)])
        self.evaluator_ids = [item["id"] for item in evaluators["items"]]

    def create_round(self, title, period, evaluator_ids):
        kind = "quarterly" if "-Q" in period else "semiannual"
        return self.post(201, "/rounds", {"title": title, "kind": kind, "period": period,
                                          "evaluator_ids": evaluator_ids})["id"]

    def open_round(self, round_id):
        """The round's ballot codes, in panel order."""
        return [item["token"] for item in self.post(200, f"/rounds/{round_id}/open")["tokens"]]

    def ballot(self, number):
        """A valid ballot over the whole registry, scores varying with `number`; every ballot
        picks the first cadre as most and the last as least satisfied."""
        supervision = [{"cadre_id": cadre, "village_time": (60 + 7 * number + 3 * i) % 101,
                        "attitude": (70 + 5 * number + i) % 101, "completion": (80 + 3 * number) % 101}
                       for i, cadre in enumerate(self.cadre_ids)]
        supervision += [{"department_id": department, "village_time": 75, "attitude": (65 + number) % 101,
                         "completion": 85} for department in self.department_ids]
        return {"supervision": supervision,
                "most_satisfied": {"cadre_id": self.cadre_ids[0], "department_id": self.department_ids[0],
                                   "project_id": self.project_ids[0]},
                "least_satisfied": {"cadre_id": self.cadre_ids[-1], "department_id": None, "project_id": None},
                "comment": f"第{number}张票"}
