/* The township office's console (contract §13): sign-in, navigation and the screen router.

   ADDING A SCREEN
   1. Write Public/admin/<name>.js that calls, at load time:
        DuPingConsole.addScreen({
          id: "boards",          // the first part of the address: #/boards, #/boards/3 …
          title: "责任榜",         // its link in the menu
          order: 30,             // menu position (registry 10, rounds 20; leave gaps)
          render(view, args, ctx) { … }
        });
      `view` is an empty <section> to fill; `args` are the address parts after the id
      (#/boards/3/checks → ["3", "checks"]); `ctx.onLeave(fn)` registers clean-up (stop a
      timer) run when the user goes elsewhere; `ctx.isCurrent()` tells an async render that
      finished late whether its view is still shown. render may be async.
   2. Add <script src="<name>.js" defer></script> to index.html after console.js.
   Use DuPingConsole.api.request / townshipPath / listAll / download for the API (they add the
   token and Accept-Language: zh-CN) and DuPingConsole.ui for fields, problems and tables.
   The token lives only in sessionStorage; never put it (or a ballot code) into an address. */
(function () {
  "use strict";
  const { el, replace, focusOn } = window.DuPing;
  const { api, ui } = window.DuPingConsole;

  const screens = [];
  let started = false;
  let leaveHandlers = [];
  let renderCount = 0;
  const $ = (id) => document.getElementById(id);

  /** Registers a screen (see the note at the top of this file). */
  function addScreen(screen) {
    screens.push(screen);
    screens.sort((a, b) => (a.order || 0) - (b.order || 0));
    if (started && api.session()) route();
  }

  /** Goes to an address inside the console, e.g. navigate("rounds", 3). */
  function navigate(...parts) {
    const hash = "#/" + parts.map((p) => encodeURIComponent(String(p))).join("/");
    if (location.hash === hash) route(); else location.hash = hash;
  }

  function parseHash() {
    const parts = location.hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
    return { id: parts[0] || "", args: parts.slice(1) };
  }

  function buildNav() {
    const current = parseHash().id || (screens[0] && screens[0].id);
    replace($("console-nav"), screens.map((s) => el("a", { href: "#/" + s.id,
      "aria-current": s.id === current ? "page" : null }, s.title)));
  }

  /** Shows the screen the address names (the first one when it names none). */
  async function route() {
    for (const handler of leaveHandlers) { try { handler(); } catch (error) { /* a clean-up must not stop navigation */ } }
    leaveHandlers = [];
    if (!api.session()) { showSignIn(); return; }
    showConsole();
    if (!screens.length) return;
    const { id, args } = parseHash();
    const screen = screens.find((s) => s.id === id) || screens[0];
    buildNav();
    renderCount += 1;
    const mine = renderCount;
    const view = el("section", { class: "screen", id: "screen-" + screen.id });
    replace($("view"), view);
    document.title = screen.title + " · 镇组织办控制台 · 督评";
    try {
      await screen.render(view, args, { onLeave: (fn) => leaveHandlers.push(fn), isCurrent: () => mine === renderCount });
    } catch (error) {
      console.warn("screen failed", error);
      const box = el("div", { class: "message error", role: "alert" });
      ui.message(box, "error", "页面出错，请刷新后重试。");
      view.append(box);
    }
  }

  function showSignIn() {
    $("signin").hidden = false;
    $("console").hidden = true;
    $("signed-in").hidden = true;
    document.title = "登录 · 镇组织办控制台 · 督评";
  }

  function showConsole() {
    const current = api.session();
    $("signin").hidden = true;
    $("console").hidden = false;
    $("signed-in").hidden = false;
    $("township-name").textContent = current.name + "（" + current.township + "）";
  }

  /** Checks the typed code and token against the API; only a token that works is kept. */
  async function signIn(event) {
    event.preventDefault();
    const form = $("signin-form");
    const box = $("signin-message");
    ui.clearFieldErrors(form);
    box.hidden = true;
    const township = $("signin-township").value.trim().toLowerCase();
    const token = $("signin-token").value.trim();
    const missing = [];
    if (!township) missing.push({ field: "township", message: "请填写乡镇代码。" });
    if (!token) missing.push({ field: "token", message: "请填写管理令牌。" });
    if (missing.length) { ui.placeFieldErrors(form, missing); ui.message(box, "error", "请把登录信息填完整。"); return; }
    const response = await ui.busy($("signin-submit"), () =>
      api.request("/v1/townships/" + encodeURIComponent(township), { token }));
    if (!response.ok) {
      const words = response.status === 401 ? "令牌不对或已作废，请核对后重新输入。"
        : response.status === 404 ? "没有这个乡镇，或这个令牌不能管理它。请核对乡镇代码。"
        : response.status === 403 ? "这个令牌不是管理令牌（测评码和干部令牌不能登录控制台）。"
        : ui.problemText(response);
      ui.message(box, "error", words);
      return;
    }
    api.saveSession({ township, name: response.data.name || township, token });
    $("signin-token").value = "";
    if (!location.hash) history.replaceState(null, "", "#/" + (screens[0] ? screens[0].id : ""));
    await route();
    focusOn($("view").querySelector("h1"));
  }

  /** Forgets the token and returns to the sign-in form. */
  function signOut(reason) {
    api.clearSession();
    history.replaceState(null, "", location.pathname);
    route();
    if (reason) ui.message($("signin-message"), "error", reason);
    focusOn($("signin-title"));
  }

  function start() {
    started = true;
    $("signin-form").addEventListener("submit", signIn);
    $("sign-out").addEventListener("click", () => signOut(null));
    api.onUnauthorized(() => signOut("登录已失效（令牌被作废或更换），请重新登录。"));
    window.addEventListener("hashchange", route);
    route();
  }

  Object.assign(window.DuPingConsole, { addScreen, navigate });
  document.addEventListener("DOMContentLoaded", start);
})();
