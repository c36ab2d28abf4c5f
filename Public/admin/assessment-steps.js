/* The year-end assessment's steps after the grades (contract §11): start the public notice
   (公示, 1–30 days; the figures freeze), the objections the public sent with the office's answer
   to each, and finalization with the commentary — with the reason for cutting the notice short
   while it still runs, and the cadres still without a grade (409) marked at their rows. */
(function () {
  "use strict";
  const { el, replace, focusOn } = window.DuPing;
  const { api, ui } = window.DuPingConsole;

  /** Today in China (UTC+8), YYYY-MM-DD. */
  function today() {
    return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  }

  function noticeCard(a, path, reload) {
    const days = ui.field({ name: "days", label: "公示天数（1–30）", type: "number", value: 5, attrs: { min: "1", max: "30", step: "1" }, id: "notice-days" });
    const box = el("div", { class: "message error", hidden: true });
    const card = el("section", { class: "card no-print", id: "notice", "aria-labelledby": "notice-title" },
      el("h2", { id: "notice-title" }, "开始公示"),
      el("p", { class: "hint" }, "公示开始后分数和建议等次固定，群众可在公示页看到拟评优秀名单并提出异议。"), el("div", { class: "form-grid" }, days), box);
    card.append(el("div", { class: "actions" }, ui.confirmed("开始公示", "公示开始后分数固定。", "start-notice", async () => {
      const response = await api.request(path + "/notice", { method: "POST", body: { days: ui.fieldValue(days) } });
      if (response.ok) { reload("已开始公示，至 " + response.data.notice_ends + " 止。"); return; }
      ui.showProblem(box, response, card);
      focusOn(box);
    })));
    return card;
  }

  /** One objection: what was sent, and the answer form (again to change the answer). */
  function objectionItem(o, names, path) {
    const answer = el("textarea", { id: "answer-" + o.id, maxlength: "2000", text: o.response || "" });
    const box = el("p", { class: "row-problem", hidden: true, role: "status" });
    const save = el("button", { type: "submit", class: "small-button" }, o.response ? "修改答复" : "答复");
    const shown = el("div", { class: "answer-shown" }, o.response ? [el("strong", {}, "镇组织办答复："), o.response] : el("span", { class: "tag unmet" }, "未答复"));
    const form = el("form", { class: "field answer-form", novalidate: true, dataset: { field: "response" } },
      el("label", { for: "answer-" + o.id }, "答复"), answer, el("div", { class: "actions tight" }, save), box);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      ui.clearFieldErrors(form);
      const response = await ui.busy(save, () => api.request(path + "/objections/" + o.id, { method: "PUT", body: { response: answer.value.trim() || null } }));
      if (response.ok) {
        replace(shown, el("strong", {}, "镇组织办答复："), response.data.response);
        save.textContent = "修改答复";
        box.className = "row-problem ok-text";
        box.textContent = "已保存答复。";
      } else {
        const rest = ui.placeFieldErrors(form, (response.data && response.data.errors) || []);
        box.className = "row-problem field-error";
        box.textContent = ui.problemText(response) + rest.map((e) => " " + e.message).join("");
      }
      box.hidden = false;
    });
    return el("li", { class: "objection", dataset: { id: String(o.id) } },
      el("p", { class: "meta" }, el("strong", {}, "对 " + (names.get(o.cadre_id) || "#" + o.cadre_id)), el("span", {}, "收到 " + o.received_on)),
      el("p", { class: "objection-text" }, o.text), shown, form);
  }

  async function objectionsCard(a, path) {
    const card = el("section", { class: "card", id: "objections", "aria-labelledby": "objections-title" });
    const response = await api.request(path + "/objections");
    const names = new Map(a.cadres.map((c) => [c.cadre_id, c.name]));
    const items = response.ok ? response.data.items : [];
    const open = items.filter((o) => !o.response).length;
    const refresh = ui.button("刷新", () => window.DuPingConsole.navigate("assessments", a.id), "secondary small-button");
    refresh.id = "refresh-objections";
    replace(card, el("h2", { id: "objections-title" }, "群众异议（" + items.length + " 件" + (open ? "，" + open + " 件未答复" : "") + "）"),
      a.state === "notice" ? el("div", { class: "actions tight no-print" }, refresh) : null,
      a.state === "notice" ? el("p", { class: "hint no-print" }, "群众在公示页提出的异议。请逐件答复；答复不公开显示在公示页，留作记录。") : null,
      !response.ok ? el("p", { class: "field-error" }, ui.problemText(response))
        : items.length ? el("ul", { class: "objections", id: "objection-list" }, items.map((o) => objectionItem(o, names, path)))
          : el("p", { class: "muted" }, "没有收到异议。"));
    return card;
  }

  function finalizeCard(a, path, reload, status) {
    const early = today() < a.notice_ends;
    const commentary = ui.field({ name: "commentary", label: "镇党委讲评", type: "textarea", id: "assessment-commentary" });
    const cutShort = ui.field({ name: "notice_cut_short", label: "提前结束公示的理由", id: "notice-cut-short", required: true,
      hint: "公示到 " + a.notice_ends + " 才满；现在定稿须写明理由，随结果保存。" });
    cutShort.hidden = !early;
    const box = el("div", { class: "message error", hidden: true, id: "finalize-message", tabindex: "-1" });
    const card = el("section", { class: "card no-print", id: "finalize", "aria-labelledby": "finalize-title" },
      el("h2", { id: "finalize-title" }, "定稿"),
      el("p", { class: "hint" }, "定稿后等次写入每位干部的档案（连续三年优秀记三等功，基本称职诫勉，连续两年不称职提请组织处理），不能撤回。"),
      commentary, cutShort, box);
    card.append(el("div", { class: "actions" }, ui.confirmed("定稿", "定稿后写入档案，不能撤回。", "finalize-assessment", async () => {
      const body = { commentary: ui.fieldValue(commentary) || "" };
      if (!cutShort.hidden && ui.fieldValue(cutShort)) body.notice_cut_short = ui.fieldValue(cutShort);
      const response = await api.request(path + "/finalize", { method: "POST", body });
      if (response.ok) { reload("已定稿，等次已写入干部档案。"); return; }
      const errors = (response.data && response.data.errors) || [];
      if (errors.some((e) => e.field === "notice_cut_short")) cutShort.hidden = false;
      const ungraded = errors.filter((e) => /^grades\.\d+$/.test(e.field || ""));
      if (ungraded.length) {
        // 409: the cadres without a grade — named in the box and marked at their rows.
        const rows = ungraded.map((e) => document.querySelector('#assessment-cadres tr[data-cadre="' + e.field.slice(7) + '"]')).filter(Boolean);
        rows.forEach((tr) => { tr.classList.add("row-error", "ungraded"); });
        const names = rows.map((tr) => tr.querySelector("td.lead").textContent);
        ui.message(box, "error", "还有 " + ungraded.length + " 位干部没有等次，不能定稿。请先在表中为他们改定等次（已标红）：" + names.join("、") + "。");
        box.setAttribute("role", "alert");
        focusOn(box);
        return;
      }
      ui.showProblem(box, response, card);
      focusOn(box);
    })));
    return card;
  }

  /** Appends the step cards that fit the assessment's state to `view`. */
  async function assessmentSteps(view, ctx, a, path, status) {
    const reload = (text) => { ui.flash(text); window.DuPingConsole.navigate("assessments", a.id); };
    if (a.state === "draft") { view.append(noticeCard(a, path, reload)); return; }
    const objections = await objectionsCard(a, path);
    if (!ctx.isCurrent()) return;
    view.append(el("p", { class: "no-print" }, el("a", { href: "../assessment.html?township=" + encodeURIComponent(api.session().township) + "&id=" + a.id, target: "_blank", rel: "noopener", id: "public-notice-link" }, "群众看到的公示页")), objections);
    if (a.state === "notice") view.append(finalizeCard(a, path, reload, status));
    else {
      view.append(el("section", { class: "card", id: "assessment-final" }, el("h2", {}, "镇党委讲评"),
        a.commentary ? el("p", { class: "commentary-text" }, a.commentary) : el("p", { class: "muted" }, "（无）"),
        a.notice_cut_short ? el("p", {}, el("strong", {}, "提前结束公示的理由："), a.notice_cut_short) : null));
    }
  }

  window.DuPingConsole.assessmentSteps = assessmentSteps;
})();
