"""First-asked requests (§12) in every state, set up through the API as a township's cadres would
file and pass them on: a cadre token files them, the holder hands one off, root accepts and
resolves; root records one late with a due date long past. Each summary and contact carries a
marker the public page must never show, and one outcome looks like markup."""

import json
import urllib.error
import urllib.parse
import urllib.request

DEPARTMENTS = ["交通站", "水利站", "民政办"]
# The first cadre everyone asks, and two more whose names must not appear either.
CADRES = [("张首问", "交通站"), ("李承办", "水利站"), ("王经办", "民政办")]
CONTACT = "13800138000"
SCRIPT_OUTCOME = "<script>window.__pwned = 1</script>路灯已修好，\n已回访群众，群众满意。"
PAST_DUE = "2026-01-01"


def summary(key):
    return f"机密摘要-{key}-石桥村三组邻里纠纷"


def public_lookup(base_url, code):
    """GET /v1/public/requests/{code} as the page sends it, with no credential: (status, headers, body)."""
    request = urllib.request.Request(base_url + "/v1/public/requests/" + urllib.parse.quote(code, safe=""),
                                     headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, json.loads(response.read())
    except urllib.error.HTTPError as error:
        raw = error.read()
        return error.code, error.headers, (json.loads(raw) if raw else None)


class Filed:
    """One request: its id and code, and what the public lookup must say about it."""

    def __init__(self, key, data, state, department, overdue=False):
        self.key, self.id, self.code, self.due = key, data["id"], data["code"], data["due"]
        self.filed = data["filed_on"]
        self.state, self.department, self.overdue = state, department, overdue


class RequestTownship:
    """`requests` maps a key (open, passed, accepted, resolved, overdue, late) to its Filed."""

    def __init__(self, api, code="niumasi", name="牛马司镇", only_open=False):
        self.api, self.code, self.name = api, code, name
        base = f"/v1/townships/{code}"
        self.base = base
        api.call("POST", "/v1/townships", {"code": code, "name": name}, expect=201)
        self.departments = {n: api.call("POST", base + "/departments", {"name": n}, expect=201)["id"] for n in DEPARTMENTS}
        self.cadres = {name: api.call("POST", base + "/cadres", {"name": name, "department_id": self.departments[dept]},
                                      expect=201)["id"] for name, dept in CADRES}
        first = self.cadres["张首问"]
        self.cadre_token = api.call("POST", f"{base}/cadres/{first}/token", expect=201)["token"]
        self.requests = {}

        self.requests["open"] = Filed("open", self.file("open"), "open", "交通站")
        if only_open:
            return
        passed = self.file("passed")
        self.handoff(passed["id"], "水利站", by_cadre=True)
        self.requests["passed"] = Filed("passed", passed, "passed", "水利站")

        accepted = self.file("accepted")
        self.handoff(accepted["id"], "民政办", by_cadre=True)
        api.call("POST", f"{base}/requests/{accepted['id']}/accept", expect=200)
        self.requests["accepted"] = Filed("accepted", accepted, "accepted", "民政办")

        resolved = self.file("resolved")
        self.handoff(resolved["id"], "水利站", by_cadre=True)
        api.call("POST", f"{base}/requests/{resolved['id']}/accept", expect=200)
        api.call("POST", f"{base}/requests/{resolved['id']}/resolve", {"outcome": SCRIPT_OUTCOME}, expect=200)
        self.requests["resolved"] = Filed("resolved", resolved, "resolved", "水利站")

        # Recorded late by the office: filed today, due long ago, still with the first cadre.
        overdue = api.call("POST", base + "/requests", {"summary": summary("overdue"), "contact": CONTACT,
                                                        "first_cadre_id": self.cadres["王经办"], "due": PAST_DUE}, expect=201)
        self.requests["overdue"] = Filed("overdue", overdue, "open", "民政办", overdue=True)

        # Resolved, but only after its due date.
        late = api.call("POST", base + "/requests", {"summary": summary("late"), "contact": CONTACT,
                                                     "first_cadre_id": self.cadres["李承办"], "due": PAST_DUE}, expect=201)
        api.call("POST", f"{base}/requests/{late['id']}/resolve", {"outcome": "已协调解决。"}, expect=200)
        self.requests["late"] = Filed("late", late, "resolved", "水利站")

    def file(self, key):
        return self.api.call("POST", self.base + "/requests", {"summary": summary(key), "contact": CONTACT},
                             expect=201, token=self.cadre_token)

    def handoff(self, request_id, department, by_cadre):
        self.api.call("POST", f"{self.base}/requests/{request_id}/handoffs",
                      {"department_id": self.departments[department], "note": "请协助办理"},
                      expect=(200, 201), token=self.cadre_token if by_cadre else None)
