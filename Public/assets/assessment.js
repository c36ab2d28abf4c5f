/* The public notice of a year-end assessment: ?township=…&id=… fetches the notice (§11) and the
   township's name, shows them, and sends objections. The form counts characters as the server
   does (after trimming, code points), shows every problem at its field, and says in Chinese what
   a 429, a 409 or a lost connection means; nothing about the sender is kept by the page. */
(function () {
  "use strict";
  const { el, replace, api, genericProblem, focusOn } = window.DuPing;
  const $ = (id) => document.getElementById(id);
  const CODE = /^[a-z0-9-]{2,32}$/;
  const ID = /^[1-9]\d{0,17}$/;

  let township = null;
  let noticeId = null;

  function say(text, isError) {
    const box = $("message");
    box.className = "message" + (isError ? " error" : "");
    box.textContent = text;
    box.hidden = !text;
  }

  /** Today's date in China (UTC+8), the calendar the notice period is written in. */
  function todayInChina() {
    const parts = {};
    const format = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
    for (const part of format.formatToParts(new Date())) parts[part.type] = part.value;
    return parts.year + "-" + parts.month + "-" + parts.day;
  }

  function showPicker(code, id) {
    $("picker").hidden = false;
    if (code) $("township").value = code;
    if (id) $("notice-id").value = id;
  }

  function noticePath() {
    return "/v1/public/townships/" + encodeURIComponent(township) + "/assessments/" + encodeURIComponent(noticeId);
  }

  async function load() {
    const p = new URLSearchParams(location.search);
    const code = String(p.get("township") || "").trim().toLowerCase();
    const id = String(p.get("id") || "").trim();
    if (!code || !id) return showPicker(code, id);
    if (!CODE.test(code)) {
      showPicker(code, id);
      return say("乡镇代码是 2–32 位小写字母、数字或横线，请核对。", true);
    }
    if (!ID.test(id)) {
      showPicker(code, id);
      return say("公示编号是一个数字，请核对。", true);
    }
    township = code;
    noticeId = id;
    say("正在查询…");
    // The township's name comes with its public list of quarterly reviews, which also tells an
    // unknown township from a notice that is not (yet) public.
    const [townshipResult, result] = await Promise.all([
      api("/v1/public/townships/" + encodeURIComponent(code) + "/quarterly-reviews"), api(noticePath())]);
    if (townshipResult.status === 404) {
      showPicker(code, id);
      return say("没有找到乡镇“" + code + "”，请核对乡镇代码。", true);
    }
    const label = (townshipResult.data && townshipResult.data.township && townshipResult.data.township.name) || code;
    if (result.status === 404) {
      showPicker(code, id);
      return say(label + "编号为 " + id + " 的年度考核还没有公示（或编号有误）。公示开始后即可在这里查看。", true);
    }
    if (!result.ok || !result.data) return say(genericProblem(result.status, result.data), true);
    say("");
    const data = result.data;
    window.DuPing.assessment.render($("results"), label, data, code, todayInChina());
    $("results").hidden = false;
    document.title = label + " " + data.year + "年度考核公示 · 督评";
    const form = $("objection-form");
    if (form) {
      form.addEventListener("submit", submit);
      $("objection-text").addEventListener("input", count);
      $("objection-cadre").addEventListener("change", () => clearError("objection-cadre"));
    }
  }

  /** The text as it will be sent: without leading and trailing whitespace. */
  function trimmed() {
    return $("objection-text").value.trim();
  }

  /** Characters as the server counts them (Unicode scalar values), so an emoji counts once. */
  function length(text) {
    return [...text].length;
  }

  function count() {
    const n = length(trimmed());
    const limit = window.DuPing.assessment.TEXT_LIMIT;
    const counter = $("objection-count");
    counter.textContent = "已输入 " + n + " / " + limit + " 字" + (n > limit ? "，超出 " + (n - limit) + " 字" : "");
    counter.classList.toggle("over", n > limit);
    if (n > 0 && n <= limit) clearError("objection-text");
  }

  function fieldError(id, text) {
    const note = $(id + "-error");
    note.textContent = text;
    note.hidden = false;
    $(id).setAttribute("aria-invalid", "true");
  }

  function clearError(id) {
    const note = $(id + "-error");
    note.textContent = "";
    note.hidden = true;
    $(id).removeAttribute("aria-invalid");
  }

  function report(text, kind) {
    const box = $("objection-message");
    box.className = "message" + (kind ? " " + kind : "");
    replace(box, el("p", {}, text));
    box.hidden = false;
    focusOn(box);
  }

  /** Minutes to wait from a 429's Retry-After (seconds), at least one. */
  function waitMinutes(result) {
    const seconds = Number(result.headers && result.headers.get("Retry-After"));
    return Number.isFinite(seconds) && seconds > 0 ? Math.max(1, Math.ceil(seconds / 60)) : null;
  }

  /** Server field errors in Chinese at their fields (the server's own messages are not shown). */
  function showFieldErrors(errors) {
    let shown = 0;
    for (const error of errors || []) {
      const field = String(error.field || "");
      if (field === "cadre_id") { fieldError("objection-cadre", "这位干部不在本次考核名单中，请重新选择。"); shown++; }
      else if (field === "text") { fieldError("objection-text", "异议内容须为 1 至 1000 字。"); shown++; }
    }
    return shown;
  }

  async function submit(event) {
    event.preventDefault();
    const box = $("objection-message");
    box.hidden = true;
    clearError("objection-cadre");
    clearError("objection-text");
    const cadre = $("objection-cadre").value;
    const text = trimmed();
    const limit = window.DuPing.assessment.TEXT_LIMIT;
    let first = null;
    if (!cadre) { fieldError("objection-cadre", "请选择要提出异议的干部。"); first = first || "objection-cadre"; }
    if (!text) { fieldError("objection-text", "请填写异议内容。"); first = first || "objection-text"; }
    else if (length(text) > limit) {
      fieldError("objection-text", "异议内容最多 " + limit + " 字，现在是 " + length(text) + " 字，请删减。");
      first = first || "objection-text";
    }
    if (first) return $(first).focus();

    const button = $("objection-submit");
    button.disabled = true;
    button.textContent = "正在提交…";
    const result = await api(noticePath() + "/objections", { method: "POST", body: { cadre_id: Number(cadre), text } });
    button.disabled = false;
    button.textContent = "提交异议";
    if (result.status === 201) {
      $("objection-form").reset();
      count();
      const number = result.data && result.data.id ? "（第 " + result.data.id + " 号）" : "";
      return report("已收到您的异议" + number + "，谢谢您的监督！镇党委将逐条核实。", "ok");
    }
    if (result.status === 429) {
      const minutes = waitMinutes(result);
      return report("提交得太频繁了：同一网络每小时最多提交 5 条异议。请" + (minutes ? "约 " + minutes + " 分钟后" : "稍后")
        + "再试，您填写的内容还在。感谢您的监督！", "error");
    }
    if (result.status === 409) {
      $("objection-form").hidden = true;
      return report("公示期已结束，不再受理异议。", "error");
    }
    if (result.status === 422 && showFieldErrors(result.data && result.data.errors)) {
      return document.querySelector("#objection-form [aria-invalid]").focus();
    }
    if (result.status === 0) return report("无法连接服务器，异议没有提交。请检查网络后再试，您填写的内容还在。", "error");
    if (result.status === 404) return report("这份公示已不存在，异议没有提交。", "error");
    return report(genericProblem(result.status, result.data), "error");
  }

  function start() {
    $("notice-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const code = $("township").value.trim().toLowerCase();
      const id = $("notice-id").value.trim();
      $("township").removeAttribute("aria-invalid");
      $("notice-id").removeAttribute("aria-invalid");
      if (!CODE.test(code)) {
        $("township").setAttribute("aria-invalid", "true");
        say("乡镇代码是 2–32 位小写字母、数字或横线，请核对。", true);
        return focusOn($("message"));
      }
      if (!ID.test(id)) {
        $("notice-id").setAttribute("aria-invalid", "true");
        say("公示编号是一个数字，请核对。", true);
        return focusOn($("message"));
      }
      location.assign(location.pathname + "?" + new URLSearchParams({ township: code, id }));
    });
    load();
  }

  start();
})();
