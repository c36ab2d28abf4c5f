/* Building blocks the console's screens share: form fields that know the API field they stand
   for (data-field), problems shown in Chinese with each field error placed next to its field,
   messages, tables inside a sideways-scrolling frame, and buttons that wait for their request.
   Everything is built from nodes: API text is only ever set as text. Exposed as
   window.DuPingConsole.ui. */
(function () {
  "use strict";
  const { el, replace, genericProblem } = window.DuPing;

  let nextId = 0;
  /** A unique element id for labels and aria-describedby. */
  function uid(prefix) {
    nextId += 1;
    return (prefix || "f") + "-" + nextId;
  }

  /**
   * One labelled field for the API member `name`: {name, label, type: text|number|date|select|
   * checkbox|textarea, value, options: [[value, label]], required, hint, attrs}.
   * The wrapper carries data-field so a problem naming that member lands here.
   */
  function field(spec) {
    const id = spec.id || uid("field");
    const type = spec.type || "text";
    let input;
    if (type === "select") {
      input = el("select", { id, name: spec.name }, (spec.options || []).map(([value, label]) =>
        el("option", { value: String(value), selected: String(value) === String(spec.value ?? "") }, label)));
    } else if (type === "textarea") {
      input = el("textarea", { id, name: spec.name, text: spec.value ?? "" });
    } else if (type === "checkbox") {
      input = el("input", { id, name: spec.name, type: "checkbox", checked: !!spec.value });
    } else {
      input = el("input", { id, name: spec.name, type, value: spec.value ?? "", autocomplete: "off" });
    }
    for (const [key, value] of Object.entries(spec.attrs || {})) input.setAttribute(key, value);
    if (spec.required) input.required = true;
    const hintId = spec.hint ? id + "-hint" : null;
    if (hintId) input.setAttribute("aria-describedby", hintId);
    if (type === "checkbox") {
      return el("div", { class: "field check-field", dataset: { field: spec.name } },
        el("label", { for: id, class: "check-label" }, input, spec.label),
        spec.hint ? el("p", { class: "hint", id: hintId }, spec.hint) : null);
    }
    return el("div", { class: "field", dataset: { field: spec.name } },
      el("label", { for: id }, spec.label, spec.required ? el("span", { class: "required", "aria-hidden": "true" }, " *") : null),
      spec.hint ? el("p", { class: "hint", id: hintId }, spec.hint) : null,
      input);
  }

  /** The value of the input inside a field wrapper, typed by the input's kind ("" → null). */
  function fieldValue(wrapper) {
    const input = wrapper.querySelector("input, select, textarea");
    if (input.type === "checkbox") return input.checked;
    const text = input.value.trim();
    if (text === "") return null;
    if (input.type === "number") return Number(text);
    return text;
  }

  /** A problem's words: the server's Chinese detail (or title), else a generic sentence. */
  function problemText(response) {
    const data = response && response.data;
    if (data && (data.detail || data.title)) return data.detail || data.title;
    return genericProblem(response ? response.status : 0);
  }

  /** Removes the marks a previous problem left on a form. */
  function clearFieldErrors(root) {
    for (const node of root.querySelectorAll(".field-error.placed")) node.remove();
    for (const node of root.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  }

  /**
   * Puts each field error next to the field it names ("weights.attitude" → data-field
   * "weights.attitude", else "weights"); returns the errors no field on the form stands for.
   */
  function placeFieldErrors(root, errors) {
    clearFieldErrors(root);
    const unplaced = [];
    for (const error of errors || []) {
      const name = String(error.field || "");
      const candidates = [name, name.split(".")[0], name.replace(/\[\d+\]$/, "")];
      const wrapper = candidates.map((c) => c && root.querySelector('[data-field="' + CSS.escape(c) + '"]')).find(Boolean);
      if (!wrapper) { unplaced.push(error); continue; }
      const note = el("p", { class: "field-error placed", id: uid("error") }, error.message);
      wrapper.append(note);
      const input = wrapper.querySelector("input, select, textarea");
      if (input) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + note.id).trim());
      }
    }
    return unplaced;
  }

  /** Shows a message box: kind "error" | "ok" | "" (neutral), text, and optional list items. */
  function message(box, kind, text, items) {
    box.className = "message" + (kind ? " " + kind : "");
    replace(box, el("p", {}, text), items && items.length ? el("ul", {}, items.map((item) => el("li", {}, item))) : null);
    box.hidden = false;
  }

  /** A failed response in `box`; with `form`, field errors go next to their fields first. */
  function showProblem(box, response, form) {
    const errors = (response.data && response.data.errors) || [];
    const rest = form ? placeFieldErrors(form, errors) : errors;
    message(box, "error", problemText(response), rest.map((e) => (e.field ? e.field + "：" : "") + e.message));
    box.setAttribute("role", "alert");
  }

  /**
   * A table in a frame that scrolls sideways on a narrow screen. columns: [{label, cell(row) →
   * node|string, className}]; rowAttrs(row) gives each <tr> its attributes.
   */
  function table(columns, rows, options) {
    const opts = options || {};
    return el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": opts.caption || "表格" },
      el("table", { class: opts.className || "", id: opts.id || null },
        opts.caption ? el("caption", {}, opts.caption) : null,
        el("thead", {}, el("tr", {}, columns.map((c) => el("th", { scope: "col", class: c.className || null }, c.label)))),
        el("tbody", {}, rows.map((row) => el("tr", opts.rowAttrs ? opts.rowAttrs(row) : {},
          columns.map((c) => el("td", { class: c.className || null, dataset: { label: c.label } }, c.cell(row))))))));
  }

  /** Disables `button` while `work()` runs, so a slow request is not sent twice. */
  async function busy(button, work) {
    button.disabled = true;
    try {
      return await work();
    } finally {
      button.disabled = false;
    }
  }

  /** A button: el("button") with type=button, class and click handler. */
  function button(label, onClick, className) {
    const node = el("button", { type: "button", class: className || null }, label);
    if (onClick) node.addEventListener("click", onClick);
    return node;
  }

  /**
   * A button that first asks "are you sure" beside itself, then runs `action`; with
   * options.reset the question goes away again afterwards (for a screen that is not redrawn).
   */
  function confirmed(label, question, id, action, options) {
    const slot = el("span", { class: "confirm-slot" });
    const start = button(label, () => {
      start.hidden = true;
      const yes = button("确定" + label, async () => {
        await busy(yes, action);
        if (options && options.reset) { replace(slot); start.hidden = false; }
      }, "danger");
      yes.id = id + "-confirm";
      replace(slot, el("span", { class: "confirm", role: "group", "aria-label": question }, el("span", {}, question), yes,
        button("取消", () => { replace(slot); start.hidden = false; start.focus(); }, "secondary")));
      yes.focus();
    });
    start.id = id;
    return el("span", {}, start, slot);
  }

  /**
   * The two downloads of an export (contract §8): "下载 CSV" and "下载 Excel", the `.xlsx` twin
   * of the same table. `path` and `file` name the CSV ("/rounds/3/results.csv"); a query string
   * after the extension is kept for both.
   */
  function downloads(status, path, file, idPrefix) {
    const api = window.DuPingConsole.api;
    const excel = (text) => text.replace(/\.csv(?=\?|$)/, ".xlsx");
    const make = (label, target, name, accept, suffix) => {
      const node = button(label, async () => {
        const result = await busy(node, () => api.download(target, name, accept));
        if (!result.ok) { showProblem(status, result); status.focus && status.focus(); }
      }, "secondary");
      if (idPrefix) node.id = idPrefix + suffix;
      return node;
    };
    return [
      make("下载 CSV", path, file, "text/csv", "-csv"),
      make("下载 Excel", excel(path), excel(file), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "-xlsx"),
    ];
  }

  let flashText = null;
  /** A message for the next screen drawn (a step that redraws its page says what it did). */
  function flash(text) { flashText = text; }
  /** The pending message, once. */
  function takeFlash() { const text = flashText; flashText = null; return text; }

  window.DuPingConsole = Object.assign(window.DuPingConsole || {}, {
    ui: { uid, field, fieldValue, problemText, clearFieldErrors, placeFieldErrors, message, showProblem, table, busy, button, confirmed, downloads, flash, takeFlash },
  });
})();
