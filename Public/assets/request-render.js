/* The public progress of one first-asked request (§12), built from GET /v1/public/requests/{code}
   as DOM nodes: the state in words, the department, the dates, whether it is overdue (said in
   words, not only in colour) and, once resolved, the outcome as plain text. The answer carries
   no names, summary or contact, and the page adds none. Exposed as window.DuPing.request. */
(function () {
  "use strict";
  const { el } = window.DuPing;

  /** The four states (§12) in the words the page shows, and a line saying what each means. */
  const STATES = {
    open: ["首问干部办理中", "您第一个找到的干部正在办理这件事。"],
    passed: ["已转交（待接收）", "事项已转交给承办部门，正在等待接收。"],
    accepted: ["承办部门办理中", "承办部门已经接收，正在办理。"],
    resolved: ["已办结", "事项已经办结，办理结果见下面。"],
  };

  /** "2026-06-20" → "2026年6月20日"; anything else unchanged. */
  function dayName(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    return m ? m[1] + "年" + Number(m[2]) + "月" + Number(m[3]) + "日" : text || "";
  }

  /** One label and value of the facts list; `wide` puts the value under its label on its own lines. */
  function fact(key, label, value, wide) {
    return [el("dt", { dataset: { fact: key }, class: wide ? "wide" : null }, label),
      el("dd", { dataset: { fact: key }, class: wide ? "wide" : null }, value)];
  }

  /**
   * Beside the due date: for an unresolved matter whether it is past due (the server's `overdue`,
   * so the reader's clock does not matter); for a resolved one whether it was done in time.
   */
  function dueFlag(data) {
    if (data.state === "resolved") {
      const late = data.resolved && data.due && data.resolved > data.due;
      return el("span", { class: "due-flag " + (late ? "late" : "in-time") }, late ? "超期办结" : "按期办结");
    }
    return data.overdue
      ? el("span", { class: "due-flag overdue" }, "已超期")
      : el("span", { class: "due-flag in-time" }, "未超期");
  }

  /** The whole answer for `code` (already in its XXXX-XXXX form). */
  function render(data, code) {
    const [word, meaning] = STATES[data.state] || ["办理中", ""];
    const nodes = [
      el("p", { class: "request-code-line" }, "查询码 ", el("span", { id: "result-code", class: "code-text" }, code)),
      el("p", { class: "request-state" },
        el("span", { id: "result-state", class: "state-badge", dataset: { state: data.state } }, word)),
      meaning ? el("p", { id: "result-meaning" }, meaning) : null,
    ];
    if (data.overdue) {
      nodes.push(el("div", { id: "result-overdue", class: "message error overdue-note" },
        el("strong", {}, "已超期："), "办理期限是" + dayName(data.due) + "，到今天还没有办结。"));
    }
    const facts = [
      fact("department", "承办部门", data.department || "尚未确定"),
      fact("filed", "受理日期", dayName(data.filed)),
      fact("due", "办理期限", [el("span", { class: "nowrap" }, dayName(data.due)), " ", dueFlag(data)]),
    ];
    if (data.state === "resolved") {
      facts.push(fact("resolved", "办结日期", dayName(data.resolved)));
      facts.push(fact("outcome", "办理结果", el("span", { class: "outcome" }, data.outcome || "（未填写）"), true));
    }
    nodes.push(el("dl", { id: "result-facts", class: "facts" }, facts.flat()));
    nodes.push(el("p", { class: "hint" }, "收藏本页，以后打开就能看到最新进度。"));
    return nodes;
  }

  window.DuPing.request = { STATES, dayName, render };
})();
