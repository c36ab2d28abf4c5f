/* The console's side of the API: the signed-in session (township code and admin or root token,
   kept in sessionStorage only — never in the address, never in localStorage), one request
   function that every screen uses (bearer token, Accept-Language: zh-CN so problems come back in
   Chinese, JSON / CSV / no body), page-by-page listing, and downloads that carry the token
   (fetch → Blob → <a download>, so the token never appears in a link). Exposed as
   window.DuPingConsole.api. */
(function () {
  "use strict";

  const SESSION_KEY = "duping.console";

  /** The current session {township, name, token}, or null. */
  function session() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
      return saved && saved.township && saved.token ? saved : null;
    } catch (error) {
      return null;
    }
  }

  function saveSession(value) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
  }

  /** Forgets the token: the session entry goes, and nothing else of ours is left behind. */
  function clearSession() {
    sessionStorage.removeItem(SESSION_KEY);
  }

  /** Listeners told when the server no longer accepts the token (401), so the shell signs out. */
  const unauthorizedListeners = [];

  /**
   * Calls the API and never throws; resolves to {ok, status, data, text, headers, contentType}.
   * options: method, body (JSON), csv (a Blob or string sent as text/csv), accept, token (to
   * try a token before it is saved), raw (keep the body as text only), binary (keep a successful
   * body as a Blob in `blob`).
   */
  async function request(path, options) {
    const opts = options || {};
    const token = opts.token || (session() || {}).token;
    const headers = { Accept: opts.accept || "application/json", "Accept-Language": "zh-CN" };
    if (token) headers.Authorization = "Bearer " + token;
    let body;
    if (opts.csv !== undefined) {
      headers["Content-Type"] = "text/csv; charset=utf-8";
      body = opts.csv;
    } else if (opts.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(opts.body);
    }
    let response;
    try {
      response = await fetch(path, { method: opts.method || "GET", headers, body, cache: "no-store",
        credentials: "omit", referrerPolicy: "no-referrer" });
    } catch (error) {
      return { ok: false, status: 0, data: null, text: "", headers: null, contentType: "" };
    }
    const contentType = (response.headers.get("Content-Type") || "").toLowerCase();
    // A file keeps its bytes (text() would drop the UTF-8 BOM Excel needs); errors are read as text.
    const blob = opts.binary && response.ok ? await response.blob() : null;
    const text = blob ? "" : await response.text();
    let data = null;
    if (!opts.raw && text && contentType.includes("json")) {
      try { data = JSON.parse(text); } catch (error) { data = null; }
    }
    if (response.status === 401 && !opts.token) unauthorizedListeners.forEach((listener) => listener());
    return { ok: response.ok, status: response.status, data, text, blob, headers: response.headers, contentType };
  }

  /** `/v1/townships/{code}` + suffix for the signed-in township. */
  function townshipPath(suffix) {
    const current = session();
    return "/v1/townships/" + encodeURIComponent(current ? current.township : "") + (suffix || "");
  }

  /** Every item of a list route, following `next` (1000 a page). Resolves to {ok, items} or the failed response. */
  async function listAll(path, query) {
    const items = [];
    let after = null;
    for (let page = 0; page < 100; page += 1) {
      const params = new URLSearchParams(query || {});
      params.set("limit", "1000");
      if (after !== null) params.set("after", after);
      const response = await request(path + "?" + params);
      if (!response.ok || !response.data) return response;
      items.push(...(response.data.items || []));
      if (response.data.next === null || response.data.next === undefined) break;
      after = response.data.next;
    }
    return { ok: true, status: 200, items };
  }

  /** Hands a Blob to the browser as a file download. */
  function saveBlob(blob, filename) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  /** Downloads an API file (results.csv) with the token; resolves to the response for error display. */
  async function download(path, filename, accept) {
    const response = await request(path, { accept: accept || "text/csv", binary: true });
    if (response.ok) saveBlob(response.blob, filename);
    return response;
  }

  window.DuPingConsole = Object.assign(window.DuPingConsole || {}, {
    api: { session, saveSession, clearSession, request, townshipPath, listAll, saveBlob, download,
      onUnauthorized: (listener) => unauthorizedListeners.push(listener) },
  });
})();
