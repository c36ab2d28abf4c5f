/* Ballot slips (contract §13): opening a round and reissuing a code are the only times the codes
   are shown, so the console asks for the printable page (Accept: text/html) and shows it in a
   new window from a Blob (the token never goes into an address, and the codes are never stored).
   A server that answers JSON instead gets a plain printable list built here from nodes, with
   the same markup (<article class="slip"> with .slip-code and .slip-link). The window is opened
   on the click itself, before the request, so a popup blocker lets it through.
   Exposed as DuPingConsole.slips.issue(path, labels). */
(function () {
  "use strict";
  const { api } = window.DuPingConsole;

  /** The evaluator's link for a code, as printed on the slip. */
  function ballotLink(code) {
    return location.origin + "/ballot.html#token=" + code;
  }

  /** A standalone printable page of slips for the JSON answer, built as a DOM and serialized. */
  function fallbackPage(tokens, labels) {
    const doc = document.implementation.createHTMLDocument(labels.round + " · 测评码纸条");
    doc.documentElement.lang = "zh-CN";
    const make = (tag, attrs, text) => {
      const node = doc.createElement(tag);
      for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
      if (text !== undefined) node.textContent = text;
      return node;
    };
    doc.head.prepend(make("meta", { charset: "utf-8" }));
    // Absolute: a Blob's page has no address to resolve a relative link against.
    doc.head.append(make("link", { rel: "stylesheet", href: location.origin + "/admin/slips-list.css" }));
    doc.body.append(make("h1", { class: "slips-title" }, labels.township + " · " + labels.round + " · 测评码纸条（" + tokens.length + " 张）"),
      make("p", { class: "slips-note" }, "每位督评员一张，沿虚线剪开发放。测评码只显示这一次，请立即打印；丢失的可以在控制台补发。"));
    const sheet = make("div", { class: "slips" });
    for (const token of tokens) {
      const slip = make("article", { class: "slip" });
      slip.append(make("p", { class: "slip-township" }, labels.township),
        make("p", { class: "slip-round" }, labels.round),
        make("p", { class: "slip-name" }, "督评员：" + token.name),
        make("p", { class: "slip-label" }, "测评码"),
        make("p", { class: "slip-code" }, token.token),
        make("p", { class: "slip-link" }, ballotLink(token.token)),
        make("p", { class: "slip-help" }, "用手机打开上面的网址，或打开测评表输入测评码。无记名，谁也看不到您投了什么。"));
      sheet.append(slip);
    }
    doc.body.append(sheet);
    return "<!doctype html>\n" + doc.documentElement.outerHTML;
  }

  /**
   * The server's page with its site-absolute links ("/assets/slips.css") made absolute: a Blob's
   * page has no address of its own to resolve them against, and the site's policy forbids <base>.
   */
  function absoluteLinks(html) {
    return html.replace(/\b(href|src)="\/(?!\/)/g, (match, attribute) => attribute + '="' + location.origin + "/");
  }

  function countSlips(html) {
    return new DOMParser().parseFromString(html, "text/html").querySelectorAll("article.slip").length;
  }

  /**
   * POSTs `path` (open or reissue) and shows the slips. Resolves to {response} on failure, or
   * {count, url, shown, fromServer} on success: `url` is the Blob page (revoke it when done),
   * `shown` false when the browser blocked the window (offer a button that opens `url`).
   */
  async function issue(path, labels) {
    const win = window.open("", "_blank");
    const response = await api.request(path, { method: "POST", accept: "text/html, application/json;q=0.9", raw: true });
    if (!response.ok) {
      if (win) win.close();
      if (response.contentType.includes("json")) {
        try { response.data = JSON.parse(response.text); } catch (error) { response.data = null; }
      }
      return { response };
    }
    let html;
    let count;
    const fromServer = response.contentType.includes("text/html");
    if (fromServer) {
      html = absoluteLinks(response.text);
      count = countSlips(html);
    } else {
      const data = JSON.parse(response.text);
      const tokens = data.tokens || [data];
      html = fallbackPage(tokens, labels);
      count = tokens.length;
    }
    const url = URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" }));
    if (win) win.location.replace(url);
    return { count, url, shown: !!win, fromServer };
  }

  window.DuPingConsole.slips = { issue, ballotLink };
})();
