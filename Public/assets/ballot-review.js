/* The review step of the ballot (what will be sent, in words) and the Chinese for every error
   the ballot API can answer (§5): bad code, already voted, round not open, invalid fields. */
(function () {
  "use strict";
  const { el, SUPERVISIONS, genericProblem } = window.DuPing;
  const VOTED = "这个测评码已经投过票了，每个测评码只能投一次。如果不是您本人投的，请向镇组织办反映。";
  const NOT_OPEN = "本轮测评现在不接受投票（尚未开始或已经结束）。";
  const NO_REPLY = "没有收到服务器的答复，选票可能已经送达，也可能没有。请检查网络后再点“确认提交”：如果已经送达，页面会告诉您。";
  const VOTED_AFTER_LOST_REPLY = "您的选票在刚才网络中断时很可能已经提交成功：这个测评码已经投过票了。回执号无法再次显示，计票结果会张榜公布。如果您确定没有提交过，请向镇组织办反映。";

  /** The review: scored subjects with their scores, how many were skipped, the picks, the comment. */
  function render(container, form, body) {
    const names = {
      cadre_id: new Map(form.cadres.map((c) => [c.cadre_id, c.name + "（" + c.department + "）"])),
      department_id: new Map(form.departments.map((d) => [d.department_id, d.name])),
      project_id: new Map(form.projects.map((p) => [p.project_id, p.title])),
    };
    const scored = (key) => body.supervision.filter((entry) => key in entry);
    const line = (entry, key) => el("li", {}, names[key].get(entry[key]) + "：",
      SUPERVISIONS.map(([k, name]) => name + " " + entry[k]).join("，"));
    const list = [];
    for (const [key, word, total, unit] of [["cadre_id", "干部", form.cadres.length, "人"], ["department_id", "部门", form.departments.length, "个"]]) {
      const entries = scored(key);
      list.push(el("dt", {}, "评" + word + "：打分 " + entries.length + " " + unit + "，不了解 " + (total - entries.length) + " " + unit));
      list.push(el("dd", {}, entries.length ? el("ul", {}, entries.map((e) => line(e, key))) : "（都未打分）"));
    }
    list.push(el("dt", {}, "六评"));
    list.push(el("dd", {}, el("ul", {}, window.DuPing.ballotForm.PICKS.map(([, group, key, label]) => {
      const id = body[group][key];
      return el("li", {}, label + "：" + (id === null ? "弃权" : names[key].get(id)));
    }))));
    list.push(el("dt", {}, "意见建议"));
    list.push(el("dd", {}, body.comment === null ? "（无）" : body.comment));
    // A blank ballot is valid and uses up the code: say so before it is sent.
    const picked = window.DuPing.ballotForm.PICKS.some(([, group, key]) => body[group][key] !== null);
    const blank = body.supervision.length === 0 && !picked;
    window.DuPing.replace(container,
      blank ? el("p", { class: "message error", id: "blank-warning" },
        "这是一张空白选票：您没有给任何干部或部门打分，也没有评选。提交后测评码就用掉了；如需打分，请点“返回修改”。") : null,
      el("dl", {}, list));
  }

  /** Chinese words for a field path the server named, e.g. "supervision[2].attitude". */
  function fieldName(field, labels) {
    const words = { most_satisfied: "最满意", least_satisfied: "最不满意", cadre_id: "干部", department_id: "部门", project_id: "实事", comment: "意见建议" };
    const m = /^(supervision\[\d+\])(?:\.(\w+))?$/.exec(field || "");
    if (m) {
      const supervision = SUPERVISIONS.find(([key]) => key === m[2]);
      return "「" + (labels[m[1]] || "打分") + "」" + (supervision ? "的“" + supervision[1] + "”" : "");
    }
    const parts = String(field || "").split(".");
    if (parts.every((p) => p in words)) return parts.map((p) => words[p]).join("");
    return field ? "“" + field + "”" : "选票";
  }

  /** Why a field was refused, said plainly; the server's own text is kept only as a fallback. */
  function fieldReason(field, message) {
    if (/^supervision\[\d+\]\.\w+$/.test(field)) return "分数不在本轮范围内或不是整数";
    if (/satisfied/.test(field)) return "选择无效（不在本轮名单中，或与另一项选了同一个对象）";
    if (field === "comment") return "太长（最多 500 字）";
    if (/^supervision/.test(field)) return "打分有误（同一对象只能打一次分，且须在本轮名单中）";
    return message || "内容无效";
  }

  /**
   * The message for a failed ballot call. 409 covers two cases the server tells apart by the
   * problem `type`; when it says neither, both are mentioned.
   */
  function problem(result, labels) {
    const data = result.data || {};
    switch (result.status) {
      case 401:
        return { text: "测评码不对，或已经作废。请核对纸条上的 16 位测评码；丢失或作废的请找镇组织办补发。", kind: "code" };
      case 403:
        return { text: "这不是测评码。请输入发给督评员的 16 位测评码。", kind: "code" };
      case 409:
        if (data.type === "urn:duping:problem:already-voted") return { text: VOTED, kind: "voted" };
        if (data.type === "urn:duping:problem:round-state") return { text: NOT_OPEN, kind: "closed" };
        return { text: "现在不能投票：这个测评码可能已经投过票，或本轮测评已经结束。", kind: "closed" };
      case 400:
      case 422: {
        const items = (data.errors || []).map((e) => fieldName(e.field, labels || {}) + "：" + fieldReason(e.field, e.message));
        return { text: "选票有误，请修改后再提交。", items };
      }
      default:
        return { text: genericProblem(result.status, result.data) };
    }
  }

  window.DuPing.ballotReview = { render, problem, VOTED, NOT_OPEN, NO_REPLY, VOTED_AFTER_LOST_REPLY };
})();
