/* The registry screen (#/registry/<kind>): departments, cadres, projects and evaluators in
   tables, with add and edit (POST / PATCH of contract §3), CSV import (registry-import.js) and
   CSV export. The export is written here from the listed rows, under the same header names an
   import takes, since the API has no export route for the registry. */
(function () {
  "use strict";
  const { el, replace, focusOn } = window.DuPing;
  const { api, ui, registry, csv } = window.DuPingConsole;

  /** Items by id for each registry a kind refers to (and the kind itself). */
  async function loadLookups(kind) {
    const needed = new Set([kind.id]);
    for (const f of kind.fields) if (f.kind === "ref") needed.add(f.ref);
    const lookups = {};
    for (const name of needed) {
      const response = await api.listAll(api.townshipPath("/" + name));
      if (!response.ok) return { failed: response };
      lookups[name] = new Map(response.items.map((item) => [item.id, item]));
    }
    return { lookups };
  }

  /** The form field for one registry field, filled with `value`. */
  function inputFor(f, value, lookups) {
    const base = { name: f.name, label: f.label, required: f.required, hint: f.hint };
    if (f.kind === "bool") return ui.field({ ...base, type: "checkbox", value: !!value });
    if (f.kind === "choice") {
      // A state (在岗/待岗, 进行中/已取消) always has a value: no empty choice to send null with.
      const blank = !f.required && (value === null || value === undefined);
      const options = (blank ? [["", "（不填）"]] : []).concat(Object.entries(f.choices));
      return ui.field({ ...base, type: "select", options, value });
    }
    if (f.kind === "ref") {
      let items = [...(lookups[f.ref] || new Map()).values()];
      if (f.leaders) items = items.filter((c) => c.leader || c.id === value);
      const options = [["", f.required ? "（请选择）" : "（不填）"]].concat(items.map((i) => [i.id, i.name || i.title]));
      return ui.field({ ...base, type: "select", options, value });
    }
    const type = f.kind === "number" ? "number" : f.kind === "date" ? "date" : "text";
    return ui.field({ ...base, type, value });
  }

  /** The add form, or the edit form of `item`: only the fields it changed are sent. */
  function itemForm(kind, item, lookups, done) {
    const editing = !!item;
    const fields = kind.fields.filter((f) => (editing ? f.edit : f.create));
    const wrappers = fields.map((f) => inputFor(f, editing ? item[f.name] : (f.name === "year" ? new Date().getFullYear() : null), lookups));
    const box = el("div", { class: "message error", hidden: true });
    const title = editing ? "编辑" + kind.noun + "：" + (item.name || item.title) : "新增" + kind.noun;
    const submit = el("button", { type: "submit" }, editing ? "保存修改" : "添加");
    const form = el("form", { class: "card item-form", id: "item-form", novalidate: true, "aria-labelledby": "item-form-title" },
      el("h2", { id: "item-form-title" }, title),
      el("div", { class: "form-grid" }, wrappers),
      box,
      el("div", { class: "actions" }, submit, ui.button("取消", () => done(false), "secondary")));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = {};
      fields.forEach((f, index) => {
        let value = ui.fieldValue(wrappers[index]);
        if (f.kind === "ref" && value !== null) value = Number(value);
        if (editing) {
          const before = item[f.name] === undefined ? null : item[f.name];
          if (value !== before && !(f.kind === "bool" && value === !!before)) body[f.name] = value;
        } else if (value !== null && !(f.kind === "bool" && value === false)) {
          body[f.name] = value;
        }
      });
      if (editing && !Object.keys(body).length) { done(false); return; }
      const path = api.townshipPath("/" + kind.id + (editing ? "/" + item.id : ""));
      const response = await ui.busy(submit, () => api.request(path, { method: editing ? "PATCH" : "POST", body }));
      if (response.ok) done(true, response.data);
      else ui.showProblem(box, response, form);
    });
    return form;
  }

  function render(view, args, ctx) {
    const kind = registry.KINDS.find((k) => k.id === args[0]) || registry.KINDS[0];
    const status = el("div", { class: "message", role: "status", hidden: true, id: "registry-status" });
    const formSlot = el("div", { id: "form-slot" });
    const tableSlot = el("div", { id: "registry-table", "aria-busy": "true" }, el("p", { class: "muted" }, "正在读取…"));
    let lookups = {};

    function closeForm(saved, object) {
      replace(formSlot);
      if (saved) {
        ui.message(status, "ok", "已保存：" + (object.name || object.title) + "。");
        load().then(() => focusOn(status));
      }
    }

    function openForm(item) {
      replace(formSlot, itemForm(kind, item, lookups, closeForm));
      focusOn(formSlot.querySelector("h2"));
    }

    async function load() {
      tableSlot.setAttribute("aria-busy", "true");
      const loaded = await loadLookups(kind);
      if (!ctx.isCurrent()) return;
      tableSlot.removeAttribute("aria-busy");
      if (loaded.failed) { ui.showProblem(status, loaded.failed); replace(tableSlot); return; }
      lookups = loaded.lookups;
      const items = [...lookups[kind.id].values()];
      const columns = [{ label: "编号", className: "num", cell: (item) => String(item.id) }]
        .concat(kind.fields.filter((f) => f.list).map((f, index) => ({
          label: f.label, className: index === 0 ? "lead" : null,
          cell: (item) => registry.display(f, item[f.name], lookups) })))
        .concat([{ label: "操作", className: "no-print edit-cell", cell: (item) => ui.button("编辑", () => openForm(item), "secondary small-button") }]);
      replace(tableSlot, items.length
        ? ui.table(columns, items, { caption: kind.title + "（" + items.length + "）", className: "registry stack",
          rowAttrs: (item) => ({ dataset: { id: String(item.id) } }) })
        : el("p", { class: "muted" }, "还没有" + kind.noun + "。可以逐个添加，或从 Excel 导入。"));
    }

    function exportCSV() {
      const header = ["id"].concat(kind.fields.filter((f) => f.create || f.list).map((f) => f.name));
      const rows = [...(lookups[kind.id] || new Map()).values()].map((item) => header.map((name) => item[name]));
      api.saveBlob(csv.format(header, rows), api.session().township + "-" + kind.id + ".csv");
    }

    view.append(
      el("h1", {}, "名册"),
      el("nav", { class: "tabs no-print", "aria-label": "名册种类" }, registry.KINDS.map((k) =>
        el("a", { href: "#/registry/" + k.id, "aria-current": k.id === kind.id ? "page" : null }, k.title))),
      el("div", { class: "actions toolbar no-print" },
        ui.button("新增" + kind.noun, () => openForm(null)),
        ui.button("导出 CSV", exportCSV, "secondary"),
        kind.id === "cadres" ? el("a", { class: "button secondary", href: "#/settings/tokens", id: "cadre-tokens-link" }, "干部令牌（手机报告链接）") : null),
      status, formSlot,
      window.DuPingConsole.registryImport(kind, () => load()),
      tableSlot);
    return load();
  }

  window.DuPingConsole.addScreen({ id: "registry", title: "名册", order: 10, render });
})();
