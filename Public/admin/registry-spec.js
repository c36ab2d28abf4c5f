/* The four registries of contract §3 as the console shows them: each field's API name (also
   the CSV header an import needs), its Chinese label, its input, and whether it is set on
   create, edited later, or shown in the table. References (department_id, cadre_id,
   supervisor_id) are chosen from lists and shown by name. Exposed as DuPingConsole.registry. */
(function () {
  "use strict";
  const { BOARDS } = window.DuPing;

  const CATEGORIES = { deputy: "人大代表", village_cadre: "村组干部", retired_cadre: "退休老干部", contact_household: "干部联系户" };
  const CADRE_STATUS = { active: "在岗", suspended: "待岗", left: "离任" };
  const PROJECT_STATE = { active: "进行中", cancelled: "已取消" };
  const YES_NO = { true: "是", false: "否" };

  /**
   * kind: text | number | date | bool | choice (with `choices`) | ref (with `ref`: the registry
   * whose items it names, `leaders` to offer only 分管领导). create/edit: shown on those forms;
   * list: a column of the table.
   */
  const KINDS = [
    { id: "departments", title: "部门", noun: "部门", fields: [
      { name: "name", label: "部门名称", kind: "text", required: true, create: true, edit: true, list: true },
      { name: "active", label: "在用", kind: "bool", create: false, edit: true, list: true },
    ] },
    { id: "cadres", title: "干部", noun: "干部", fields: [
      { name: "name", label: "姓名", kind: "text", required: true, create: true, edit: true, list: true },
      { name: "department_id", label: "部门", kind: "ref", ref: "departments", required: true, create: true, edit: true, list: true },
      { name: "post", label: "职务", kind: "text", create: true, edit: true, list: true },
      { name: "village", label: "驻村", kind: "text", create: true, edit: true, list: true },
      { name: "leader", label: "分管领导", kind: "bool", create: true, edit: true, list: true },
      { name: "status", label: "状态", kind: "choice", choices: CADRE_STATUS, create: false, edit: true, list: true },
    ] },
    { id: "projects", title: "实事", noun: "实事项目", fields: [
      { name: "title", label: "项目名称", kind: "text", required: true, create: true, edit: true, list: true },
      { name: "board", label: "责任榜", kind: "choice", choices: BOARDS, required: true, create: true, edit: true, list: true },
      { name: "year", label: "年度", kind: "number", required: true, create: true, edit: true, list: true },
      { name: "department_id", label: "部门", kind: "ref", ref: "departments", create: true, edit: true, list: true },
      { name: "cadre_id", label: "责任人", kind: "ref", ref: "cadres", create: true, edit: true, list: true },
      { name: "supervisor_id", label: "分管领导", kind: "ref", ref: "cadres", leaders: true, create: true, edit: true, list: true },
      { name: "village", label: "村", kind: "text", create: true, edit: true, list: false },
      { name: "target", label: "目标", kind: "text", create: true, edit: true, list: false },
      { name: "start", label: "开始", kind: "date", create: true, edit: true, list: false },
      { name: "due", label: "期限", kind: "date", create: true, edit: true, list: true },
      { name: "due_change_reason", label: "改期限的理由", kind: "text", create: false, edit: true, list: false,
        hint: "改期限时必填，记入项目的变更记录。" },
      { name: "state", label: "状态", kind: "choice", choices: PROJECT_STATE, create: false, edit: true, list: true },
      { name: "state_change_reason", label: "取消（或恢复）的理由", kind: "text", create: false, edit: true, list: false,
        hint: "改状态时必填。" },
    ] },
    { id: "evaluators", title: "督评员", noun: "督评员", fields: [
      { name: "name", label: "姓名", kind: "text", required: true, create: true, edit: true, list: true },
      { name: "category", label: "类别", kind: "choice", choices: CATEGORIES, required: true, create: true, edit: true, list: true },
      { name: "village", label: "村", kind: "text", create: true, edit: true, list: true },
      { name: "active", label: "在用", kind: "bool", create: false, edit: true, list: true },
    ] },
  ];

  /** The fields a CSV import of `kind` may name (the API's member names), for the hint. */
  function csvHeader(kind) {
    return kind.fields.filter((f) => f.create).map((f) => f.name);
  }

  /** A stored value as the table shows it: names for references, words for choices and flags. */
  function display(fieldSpec, value, lookups) {
    if (value === null || value === undefined || value === "") return "";
    if (fieldSpec.kind === "bool") return YES_NO[String(value)] || String(value);
    if (fieldSpec.kind === "choice") return fieldSpec.choices[value] || String(value);
    if (fieldSpec.kind === "ref") {
      const item = (lookups[fieldSpec.ref] || new Map()).get(value);
      return item ? (item.name || item.title) : "#" + value;
    }
    return String(value);
  }

  window.DuPingConsole = Object.assign(window.DuPingConsole || {}, {
    registry: { KINDS, CATEGORIES, CADRE_STATUS, csvHeader, display },
  });
})();
