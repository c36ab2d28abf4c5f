/* Shared helpers for the DuPing pages: DOM building from nodes, never HTML strings (every value from the
   API is treated as text, so a cadre's name can never inject markup), the JSON fetch wrapper,
   and the Chinese words for the contract's keys. Exposed as window.DuPing. */
(function () {
  "use strict";

  /** Builds an element: el("td", {class: "num", dataset: {label: "排名"}}, "1", child...). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key === "text") node.textContent = value;
      else if (key in node && typeof value !== "string") node[key] = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  /** Empties a container and fills it with new children. */
  function replace(container, ...children) {
    container.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
  }

  /**
   * Calls the API and never throws: resolves to {ok, status, data, headers}. `data` is the parsed
   * JSON body (a problem+json object on errors), or null; a network failure gives status 0 (and
   * headers null), so the pages can tell "the server said no" from "the server could not be
   * reached".
   */
  async function api(path, options) {
    const opts = options || {};
    // The pages are Chinese: the server then writes problem titles, details and messages in Chinese.
    const headers = { Accept: "application/json", "Accept-Language": "zh-CN" };
    if (opts.token) headers.Authorization = "Bearer " + opts.token;
    if (opts.body !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(path, {
        method: opts.method || "GET",
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        cache: "no-store",
        credentials: "omit",
        referrerPolicy: "no-referrer",
      });
    } catch (error) {
      return { ok: false, status: 0, data: null, headers: null };
    }
    let data = null;
    const text = await response.text();
    if (text) {
      try { data = JSON.parse(text); } catch (error) { data = null; }
    }
    return { ok: response.ok, status: response.status, data, headers: response.headers };
  }

  /**
   * Chinese for a problem the pages have no more specific words for: the server's own `detail`
   * (Chinese, since the pages ask for it) when it has one, else a sentence for the status.
   */
  function genericProblem(status, data) {
    const detail = data && typeof data.detail === "string" ? data.detail : "";
    if (status !== 0 && /[\u4e00-\u9fff]/.test(detail)) return detail;
    if (status === 0) return "无法连接服务器，请检查网络后重试。";
    if (status === 400 || status === 422) return "提交的内容有误，请检查后重试。";
    if (status === 401) return "身份验证失败。";
    if (status === 403) return "无权进行此操作。";
    if (status === 404) return "没有找到要查的内容。";
    if (status === 409) return "当前状态下不能进行此操作。";
    if (status === 413) return "提交的内容太长。";
    if (status === 503) return "服务器正在维护，请稍后再试。";
    return "服务器出错（" + status + "），请稍后再试。";
  }

  /** The contract's supervision keys, in display order, with their Chinese names. */
  const SUPERVISIONS = [
    ["village_time", "下村时间"],
    ["attitude", "工作态度"],
    ["completion", "任务完成"],
  ];

  /** 实事 boards (§3). */
  const BOARDS = { service: "为民办实事", relief: "为民排忧解难", prosperity: "为民脱贫致富" };

  /** Round kinds (§4). */
  const KINDS = { semiannual: "半年三督六评", quarterly: "季评排队" };

  /** "2026-H2" → "2026年下半年", "2026-Q3" → "2026年第三季度"; anything else unchanged. */
  function periodName(period) {
    const m = /^(\d{4})-(H[12]|Q[1-4])$/.exec(period || "");
    if (!m) return period || "";
    const part = { H1: "上半年", H2: "下半年", Q1: "第一季度", Q2: "第二季度", Q3: "第三季度", Q4: "第四季度" };
    return m[1] + "年" + part[m[2]];
  }

  /**
   * An RFC 3339 time in Beijing time, e.g. "2026年12月20日 15:04": the board is
   * read and printed in China, so it must not depend on the reader's device clock zone.
   */
  function timeName(rfc3339) {
    const date = new Date(rfc3339);
    if (!rfc3339 || isNaN(date.getTime())) return rfc3339 || "";
    const parts = {};
    const format = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric", month: "numeric",
      day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    for (const part of format.formatToParts(date)) parts[part.type] = part.value;
    return parts.year + "年" + parts.month + "月" + parts.day + "日 " + parts.hour + ":" + parts.minute ;
  }

  /** A score for display: two decimals, or "—" for a subject nobody scored. */
  function score(value) {
    return value === null || value === undefined ? "—" : Number(value).toFixed(2);
  }

  /** Moves focus to a heading or message so keyboard and screen-reader users follow a step. */
  function focusOn(node) {
    if (!node) return;
    if (!node.hasAttribute("tabindex")) node.setAttribute("tabindex", "-1");
    node.focus();
    node.scrollIntoView({ block: "start" });
  }

  window.DuPing = { el, replace, api, genericProblem, SUPERVISIONS, BOARDS, KINDS, periodName, timeName, score, focusOn };
})();
