/* The ballot form (§5): builds the score fieldsets (with the one-tap grades of
   ballot-quick.js) and the six picks from GET /v1/ballot, and reads them back into the POST body. Checks here mirror the server's rules so an evaluator
   hears about a missing score before submitting; the server still decides. */
(function () {
  "use strict";
  const { el, SUPERVISIONS, BOARDS } = window.DuPing;

  /** The six picks: [select id, body key, subject key, Chinese label]. */
  const PICKS = [
    ["most-cadre", "most_satisfied", "cadre_id", "最满意干部"],
    ["least-cadre", "least_satisfied", "cadre_id", "最不满意干部"],
    ["most-department", "most_satisfied", "department_id", "最满意部门"],
    ["least-department", "least_satisfied", "department_id", "最不满意部门"],
    ["most-project", "most_satisfied", "project_id", "最满意实事"],
    ["least-project", "least_satisfied", "project_id", "最不满意实事"],
  ];

  /** One subject's fieldset: a row of taps for all three scores, then per score its taps and
      its number box (ballot-quick.js), and the 不了解 box that skips it. */
  function subjectFieldset(kind, id, title, note, scale) {
    const quick = window.DuPing.ballotQuick;
    const prefix = kind + "-" + id;
    const rows = SUPERVISIONS.map(([key, name]) => {
      const input = el("input", {
        id: prefix + "-" + key, type: "number", inputmode: "numeric", min: String(scale.min), max: String(scale.max),
        step: "1", autocomplete: "off", dataset: { key }, "aria-describedby": prefix + "-error",
      });
      return quick.scoreRow(name, title, scale, input);
    });
    const skipId = prefix + "-skip";
    const skip = el("input", { id: skipId, type: "checkbox", class: "skip-box" });
    const box = el("fieldset", { class: "subject", id: prefix, dataset: { kind, id: String(id), title } },
      el("legend", {}, title, note ? el("span", { class: "post" }, "（" + note + "）") : null),
      el("div", { class: "scores" }, quick.allRow(prefix, title, scale), rows),
      el("label", { class: "skip", for: skipId }, skip, "不了解（不打分）"),
      el("p", { class: "field-error", id: prefix + "-error", hidden: true }));
    skip.addEventListener("change", () => {
      box.classList.toggle("skipped", skip.checked);
      for (const control of box.querySelectorAll("input[type=number], button.grade")) {
        control.disabled = skip.checked;
        if (skip.checked) control.removeAttribute("aria-invalid");
      }
    });
    return box;
  }

  /** Cadres grouped under their department, in the order the API lists the departments. */
  function cadreSection(form) {
    const groups = new Map();
    for (const cadre of form.cadres) {
      const key = cadre.department || "其他";
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(cadre);
    }
    const section = el("section", { class: "card", "aria-labelledby": "cadres-title" },
      el("h2", { id: "cadres-title" }, "一、评干部（" + form.cadres.length + " 人）"));
    for (const [department, cadres] of groups) {
      section.append(el("fieldset", { class: "dept-group" }, el("legend", {}, department),
        cadres.map((c) => subjectFieldset("cadre", c.cadre_id, c.name, c.post || "", form.scale))));
    }
    return section;
  }

  function departmentSection(form) {
    return el("section", { class: "card", "aria-labelledby": "departments-title" },
      el("h2", { id: "departments-title" }, "二、评部门（" + form.departments.length + " 个）"),
      form.departments.map((d) => subjectFieldset("department", d.department_id, d.name, "", form.scale)));
  }

  /** Options for one pick, "（弃权）" first; cadres carry their department to tell namesakes apart. */
  function pickOptions(form, subjectKey) {
    const options = [el("option", { value: "" }, "（弃权，不选）")];
    if (subjectKey === "cadre_id") {
      for (const c of form.cadres) options.push(el("option", { value: String(c.cadre_id) }, c.name + "（" + c.department + "）"));
    } else if (subjectKey === "department_id") {
      for (const d of form.departments) options.push(el("option", { value: String(d.department_id) }, d.name));
    } else {
      for (const p of form.projects) options.push(el("option", { value: String(p.project_id) }, p.title + (BOARDS[p.board] ? "（" + BOARDS[p.board] + "）" : "")));
    }
    return options;
  }

  /** Keeps most and least of one kind apart: whatever one names is disabled in the other. */
  function linkPair(a, b) {
    const sync = () => {
      for (const [from, to] of [[a, b], [b, a]]) {
        for (const option of to.options) option.disabled = option.value !== "" && option.value === from.value;
      }
    };
    a.addEventListener("change", sync);
    b.addEventListener("change", sync);
  }

  function pickSection(form) {
    const fields = PICKS.map(([id, , subjectKey, label]) => el("div", {},
      el("label", { for: id }, label),
      el("select", { id, "aria-describedby": id + "-error" }, pickOptions(form, subjectKey)),
      el("p", { class: "field-error", id: id + "-error", hidden: true })));
    const section = el("section", { class: "card", "aria-labelledby": "picks-title" },
      el("h2", { id: "picks-title" }, "三、六评（可弃权）"),
      el("p", { class: "hint" }, "同一个对象不能既选“最满意”又选“最不满意”。"),
      el("div", { class: "picks" }, fields));
    for (let i = 0; i < PICKS.length; i += 2) linkPair(section.querySelector("#" + PICKS[i][0]), section.querySelector("#" + PICKS[i + 1][0]));
    return section;
  }

  function commentSection() {
    // No maxlength: browsers count UTF-16 units there (an emoji twice); the counter, the check
    // before review and the server all count characters.
    const area = el("textarea", { id: "comment", "aria-describedby": "comment-hint comment-count comment-error" });
    const count = el("p", { class: "hint counter", id: "comment-count", "aria-live": "polite" }, "0 / 500");
    area.addEventListener("input", () => { count.textContent = [...area.value].length + " / 500"; });
    return el("section", { class: "card", "aria-labelledby": "comment-title" },
      el("h2", { id: "comment-title" }, "四、意见建议（选填）"),
      el("label", { for: "comment" }, "您的意见或建议"),
      el("p", { class: "hint", id: "comment-hint" }, "最多 500 字。请不要写自己的姓名。"),
      area, count, el("p", { class: "field-error", id: "comment-error", hidden: true }));
  }

  /** Fills `container` with the whole form for the ballot `form` returned by the API. */
  function build(container, form) {
    window.DuPing.replace(container, cadreSection(form), departmentSection(form), pickSection(form), commentSection());
  }

  /** Marks one field (or a subject's fieldset) wrong, with a message under it. */
  function markError(targetId, message) {
    const target = document.getElementById(targetId);
    const note = document.getElementById(targetId + "-error");
    if (note) { note.textContent = message; note.hidden = false; }
    if (target && target.matches("input, select, textarea")) target.setAttribute("aria-invalid", "true");
    return { targetId, message };
  }

  function clearErrors(container) {
    for (const note of container.querySelectorAll(".field-error")) { note.hidden = true; note.textContent = ""; }
    for (const field of container.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
  }

  /** One subject's scores, or null when skipped (不了解, or all three left blank) or wrong;
      a wrong one gets its message under the subject and an entry in `errors`. */
  function readSubject(box, scale, errors) {
    const title = box.dataset.title;
    if (box.querySelector(".skip-box").checked) return null;
    const inputs = [...box.querySelectorAll("input[type=number]")];
    if (inputs.every((input) => input.value.trim() === "" && input.validity.valid)) return null;
    const entry = {};
    const problems = [];
    for (const input of inputs) {
      const name = SUPERVISIONS.find(([key]) => key === input.dataset.key)[1];
      const text = input.value.trim();
      const value = Number(text);
      if (text !== "" && input.validity.valid && Number.isInteger(value) && value >= scale.min && value <= scale.max) {
        entry[input.dataset.key] = value;
        continue;
      }
      // A number input holding letters reports "" with badInput, so blank and invalid differ.
      const why = text === "" && !input.validity.badInput ? "还没有打分" : "须是 " + scale.min + "–" + scale.max + " 的整数";
      input.setAttribute("aria-invalid", "true");
      problems.push("“" + name + "”" + why);
      errors.push({ targetId: input.id, message: "「" + title + "」的“" + name + "”" + why });
    }
    if (problems.length === 0) return entry;
    const note = box.querySelector(".field-error");
    note.textContent = problems.join("；") + "。要跳过请勾选“不了解”。";
    note.hidden = false;
    return null;
  }

  /**
   * Reads the form into the POST /v1/ballot body. Returns {body, errors, labels}: `errors` lists
   * {targetId, message} in page order; `labels` maps "supervision[i]" to the subject's name so
   * the server's field paths can be told in words.
   */
  function collect(container, form) {
    clearErrors(container);
    const errors = [];
    const supervision = [];
    const labels = {};
    for (const box of container.querySelectorAll("fieldset.subject")) {
      const entry = readSubject(box, form.scale, errors);
      if (!entry) continue;
      labels["supervision[" + supervision.length + "]"] = box.dataset.title;
      supervision.push(Object.assign({ [box.dataset.kind + "_id"]: Number(box.dataset.id) }, entry));
    }
    const body = { supervision, most_satisfied: {}, least_satisfied: {}, comment: null };
    for (const [id, group, subjectKey] of PICKS) {
      const value = container.querySelector("#" + id).value;
      body[group][subjectKey] = value === "" ? null : Number(value);
    }
    for (let i = 0; i < PICKS.length; i += 2) {
      const most = container.querySelector("#" + PICKS[i][0]).value;
      if (most !== "" && most === container.querySelector("#" + PICKS[i + 1][0]).value) {
        errors.push(markError(PICKS[i + 1][0], PICKS[i + 1][3] + "不能和" + PICKS[i][3] + "是同一个"));
      }
    }
    const comment = container.querySelector("#comment").value.trim();
    if ([...comment].length > 500) errors.push(markError("comment", "意见建议最多 500 字"));
    body.comment = comment === "" ? null : comment;
    return { body, errors, labels };
  }

  window.DuPing.ballotForm = { build, collect, markError, PICKS };
})();
