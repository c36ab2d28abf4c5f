/* Today's whereabouts (§12): ?township=…[&refresh=seconds] shows the township's board for the
   hall's screen and fetches it again every minute. A cadre's own link adds
   #cadre=<id>&token=<dpc_…>: the fragment never reaches the server, the page keeps the two in
   this browser's localStorage (until the cadre asks it to forget them) and takes them out of
   the address bar, and the token only ever travels in the Authorization header of the PUT.
   The cadre then reports in two taps: a place, then 确认报告. */
(function () {
  "use strict";
  const { el, api, genericProblem, focusOn } = window.DuPing;
  const $ = (id) => document.getElementById(id);
  const CODE = /^[a-z0-9-]{2,32}$/;
  const ID = /^[1-9]\d{0,17}$/;
  const TOKEN = /^dpc_[A-Za-z0-9]{8,200}$/;
  const DEFAULT_REFRESH = 60;
  const WIDE = window.matchMedia("(min-width: 80rem)");
  const MIN_HALL_FONT = 18;

  let township = null;
  let label = "";
  /** The last board fetched, when, and the time of a refresh that failed since. */
  let data = null;
  let fetchedAt = null;
  let staleSince = null;
  let refreshing = null;
  /** The cadre's own credential on this browser, {cadre, token, village}, or null. */
  let own = null;
  /** The place tapped first, waiting for 确认报告. */
  let chosen = null;

  function say(text, isError) {
    const box = $("message");
    box.className = "message" + (isError ? " error" : "");
    box.textContent = text;
    box.hidden = !text;
  }

  function selfSay(text, kind) {
    const box = $("self-message");
    box.className = "message" + (kind ? " " + kind : "");
    box.textContent = text;
    box.hidden = !text;
  }

  function showPicker(code) {
    $("picker").hidden = false;
    if (code) $("township").value = code;
  }

  // ---- The credential kept on this browser ----

  function storageKey() {
    return "duping.whereabouts." + township;
  }

  function loadOwn() {
    try {
      const saved = JSON.parse(localStorage.getItem(storageKey()) || "null");
      if (saved && ID.test(String(saved.cadre)) && TOKEN.test(String(saved.token))) return saved;
    } catch (error) { /* storage off or damaged: the cadre opens its link again */ }
    return null;
  }

  /** Keeps `own` for next time; false when this browser keeps nothing (private mode, storage off). */
  function saveOwn() {
    try {
      localStorage.setItem(storageKey(), JSON.stringify(own));
      return true;
    } catch (error) {
      return false;
    }
  }

  function forgetOwn() {
    try { localStorage.removeItem(storageKey()); } catch (error) { /* nothing was kept */ }
    own = null;
  }

  /**
   * Takes `#cadre=…&token=…` out of the address bar (and so out of the history and any copied
   * link) and keeps it; a new link replaces what was kept. Returns [text, isError] when there
   * is something to say (a link that is not whole, a browser that keeps nothing), else null.
   */
  function takeFragment() {
    const fragment = new URLSearchParams(location.hash.replace(/^#/, ""));
    if (!fragment.has("token") && !fragment.has("cadre")) return null;
    history.replaceState(null, "", location.pathname + location.search);
    const cadre = String(fragment.get("cadre") || "").trim();
    const token = String(fragment.get("token") || "").trim();
    if (!ID.test(cadre) || !TOKEN.test(token)) return ["这个报告去向的链接不完整或有误，请向镇党政办重新索取。", true];
    const village = own && own.cadre === cadre ? own.village : undefined;
    own = { cadre, token, village };
    if (!saveOwn()) return ["这部手机的浏览器不允许保存身份，这次可以报告，下次还要重新打开链接。", false];
    return null;
  }

  // ---- The board ----

  function params() {
    return new URLSearchParams(location.search);
  }

  /** Seconds between refreshes: ?refresh=N (2–3600) for tests and slow lines, else a minute. */
  function refreshSeconds() {
    const n = Number(params().get("refresh"));
    return Number.isInteger(n) && n >= 2 && n <= 3600 ? n : DEFAULT_REFRESH;
  }

  function boardPath() {
    return "/v1/public/townships/" + encodeURIComponent(township) + "/whereabouts";
  }

  /** The township's name from its public rounds list, or null when that cannot be had. */
  async function townshipName(code) {
    const result = await api("/v1/public/townships/" + encodeURIComponent(code) + "/rounds");
    return (result.ok && result.data && result.data.township && result.data.township.name) || null;
  }

  function mine() {
    if (!own || !data) return null;
    return (data.items || []).find((item) => String(item.cadre_id) === own.cadre) || null;
  }

  function draw() {
    window.DuPing.whereabouts.render($("results"), label, data, fetchedAt, staleSince, own && own.cadre);
    $("results").hidden = false;
    if (own) drawWho();
    fitToScreen();
  }

  /**
   * On the hall's screen nobody scrolls: when the board is taller than the screen, its type is
   * made smaller a pixel at a time until the whole township fits (not below 18 px, the least a
   * room can read; a larger township then scrolls like any page). Phones and a cadre's own
   * page keep their size.
   */
  function fitToScreen() {
    const results = $("results");
    results.style.fontSize = "";
    if (!WIDE.matches || own || results.hidden) return;
    let size = parseFloat(getComputedStyle(results).fontSize);
    while (document.documentElement.scrollHeight > window.innerHeight && size > MIN_HALL_FONT) {
      size -= 1;
      results.style.fontSize = size + "px";
    }
  }

  /**
   * Fetches the board again; one fetch at a time. A failed refresh keeps the board on the screen
   * and marks it with the time it failed.
   */
  function refresh() {
    if (!refreshing) {
      refreshing = api(boardPath()).then((result) => {
        refreshing = null;
        if (result.ok && result.data) {
          data = result.data;
          fetchedAt = new Date();
          staleSince = null;
        } else {
          staleSince = new Date();
        }
        draw();
      });
    }
    return refreshing;
  }

  /** A fetch that starts after a write, so the board cannot be one already under way before it. */
  async function refreshAfterWrite() {
    if (refreshing) await refreshing;
    return refresh();
  }

  async function load() {
    const code = String(params().get("township") || "").trim().toLowerCase();
    if (!code) return showPicker("");
    if (!CODE.test(code)) {
      showPicker(code);
      return say("乡镇代码是 2–32 位小写字母、数字或横线，请核对。", true);
    }
    township = code;
    own = loadOwn();
    const problem = takeFragment();
    if (problem) say(...problem);
    else say("正在查询…");
    const [result, name] = await Promise.all([api(boardPath()), townshipName(code)]);
    if (result.status === 404) {
      showPicker(code);
      return say("没有找到乡镇“" + code + "”，请核对乡镇代码。", true);
    }
    if (!result.ok || !result.data) return say(genericProblem(result.status, result.data), true);
    if (!problem) say("");
    data = result.data;
    fetchedAt = new Date();
    label = name || code;
    document.title = label + " 今日去向 · 督评";
    if (own) showSelf();
    draw();
    setInterval(refresh, refreshSeconds() * 1000);
    // A phone put away for a while shows the board of now, not of when it was last looked at.
    document.addEventListener("visibilitychange", () => { if (!document.hidden) refresh(); });
  }

  // ---- The cadre's own form ----

  function showSelf() {
    $("self").hidden = false;
    if (own.village && !$("self-village").value) $("self-village").value = own.village;
  }

  /** Who this phone reports for, and what the board says for it today. */
  function drawWho() {
    const { place, clock } = window.DuPing.whereabouts;
    const item = mine();
    const who = $("self-who");
    if (!item) {
      who.replaceChildren("干部编号 " + own.cadre + "（今天的去向牌上没有这位干部，报告时会核对）");
      return;
    }
    const today = item.place
      ? [place(item.place), item.village ? " " + item.village : "", item.updated_at ? "（" + clock(item.updated_at) + " 报）" : ""]
      : [place(null), "（今天还没有报告）"];
    const role = [item.department, item.post].filter(Boolean).join(" ");
    who.replaceChildren(el("span", { class: "wb-self-name" }, item.name), role ? " · " + role : "",
      el("br"), "今天：", ...today);
    who.dataset.place = item.place || "none";
  }

  function fieldError(id, text) {
    const note = $(id + "-error");
    note.textContent = text;
    note.hidden = !text;
    if (text) $(id).setAttribute("aria-invalid", "true");
    else $(id).removeAttribute("aria-invalid");
  }

  function clearErrors() {
    fieldError("self-village", "");
    fieldError("self-note", "");
  }

  /** The first tap: marks the place and shows what the second tap will send. */
  function choose(key) {
    chosen = key;
    for (const button of document.querySelectorAll(".wb-choice")) {
      button.setAttribute("aria-pressed", String(button.dataset.place === key));
    }
    clearErrors();
    selfSay("");
    $("self-form").hidden = false;
    $("village-field").hidden = key !== "village";
    $("self-confirm").textContent = "确认报告：" + window.DuPing.whereabouts.PLACE_WORDS[key];
    $("self-confirm").scrollIntoView({ block: "nearest" });
    if (key === "village" && !$("self-village").value.trim()) $("self-village").focus();
  }

  function unchoose() {
    chosen = null;
    for (const button of document.querySelectorAll(".wb-choice")) button.setAttribute("aria-pressed", "false");
    $("self-form").hidden = true;
    clearErrors();
  }

  function busy(on) {
    for (const button of document.querySelectorAll("#self button")) button.disabled = on;
    $("self-confirm").textContent = on ? "正在报告…" : "确认报告：" + window.DuPing.whereabouts.PLACE_WORDS[chosen];
  }

  /** The server's 422 at its fields, in Chinese; true when every error found a field. */
  function showFieldErrors(errors, sent) {
    let unplaced = 0;
    for (const error of errors || []) {
      const field = String(error.field || "");
      const tooLong = /at most/.test(String(error.message || ""));
      if (field === "village") fieldError("self-village", !sent.village ? "下村请填写去哪个村。" : tooLong ? "村名最多 100 字，请核对。" : "请核对村名。");
      else if (field === "note") fieldError("self-note", tooLong ? "备注最多 200 字，请删减。" : "请核对备注。");
      else unplaced++;
    }
    return unplaced === 0 && (errors || []).length > 0;
  }

  /** The second tap: sends the place with the token in the Authorization header only. */
  async function send(event) {
    event.preventDefault();
    if (!chosen || !own) return;
    clearErrors();
    selfSay("");
    const body = { place: chosen };
    const village = $("self-village").value.trim();
    const note = $("self-note").value.trim();
    if (chosen === "village" && village) body.village = village;
    if (note) body.note = note;
    busy(true);
    const path = "/v1/townships/" + encodeURIComponent(township) + "/cadres/" + encodeURIComponent(own.cadre) + "/whereabouts";
    const result = await api(path, { method: "PUT", token: own.token, body });
    busy(false);
    const name = (mine() && mine().name) || "编号 " + own.cadre + " 的干部";
    if (result.status === 200) {
      if (body.village) {
        own.village = body.village;
        saveOwn();
      }
      const words = window.DuPing.whereabouts.PLACE_WORDS[chosen] + (body.village ? " · " + body.village : "");
      unchoose();
      $("self-note").value = "";
      await refreshAfterWrite();
      selfSay("已报告：" + words + "。大厅的去向牌已经更新。", "ok");
      return focusOn($("self-message"));
    }
    if (result.status === 422 && showFieldErrors(result.data && result.data.errors, body)) {
      return document.querySelector("#self-form [aria-invalid]").focus();
    }
    let text;
    if (result.status === 401) text = "这部手机上的身份码无效或已作废（镇里可能已为您重新生成）。请向镇党政办索取新的链接，打开后即可报告。";
    else if (result.status === 403) text = "这个身份码不是" + name + "的，不能替别人报告去向。请核对链接，或向镇党政办索取自己的链接。";
    else if (result.status === 404) text = "本镇没有编号为 " + own.cadre + " 的干部，请向镇党政办核对链接。";
    else if (result.status === 409) text = name + "已不在本镇任职，不能报告去向。";
    else if (result.status === 0) text = "无法连接服务器，去向没有报告。请检查网络后再点“确认报告”。";
    else text = genericProblem(result.status, result.data) + "去向没有报告。";
    selfSay(text, "error");
    focusOn($("self-message"));
  }

  function forget() {
    forgetOwn();
    unchoose();
    $("self-village").value = "";
    $("self-note").value = "";
    selfSay("");
    $("self").hidden = true;
    if (data) draw();
    say("已在这部手机上忘记您的身份。以后要报告去向，请重新打开镇党政办发给您的链接。", false);
    focusOn($("message"));
  }

  function start() {
    $("township-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const code = $("township").value.trim().toLowerCase();
      if (!CODE.test(code)) {
        $("township").setAttribute("aria-invalid", "true");
        say("乡镇代码是 2–32 位小写字母、数字或横线，请核对。", true);
        return focusOn($("message"));
      }
      // A cadre's link without its township keeps its fragment through the choice of township.
      location.assign(location.pathname + "?township=" + encodeURIComponent(code) + location.hash);
    });
    $("self-choices").addEventListener("click", (event) => {
      const button = event.target.closest(".wb-choice");
      if (button && !button.disabled) choose(button.dataset.place);
    });
    $("self-form").addEventListener("submit", send);
    $("self-cancel").addEventListener("click", () => {
      unchoose();
      document.querySelector(".wb-choice").focus();
    });
    $("self-forget").addEventListener("click", forget);
    window.addEventListener("resize", fitToScreen);
    $("self-village").addEventListener("input", () => fieldError("self-village", ""));
    $("self-note").addEventListener("input", () => fieldError("self-note", ""));
    // A new link opened on a page already showing (the fragment changes, the page does not reload).
    window.addEventListener("hashchange", () => {
      if (!township) return;
      const problem = takeFragment();
      say(...(problem || [""]));
      if (own) {
        showSelf();
        if (data) draw();
      }
    });
    load();
  }

  start();
})();
