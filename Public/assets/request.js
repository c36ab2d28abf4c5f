/* The public lookup of a first-asked request (§12): the person types the code a cadre gave them
   (or opens a link ending in #code=XXXX-XXXX) and sees where the matter stands. The shape of the
   code is checked here first, so a typo costs no request and does not count towards the
   server's limit on unknown codes. The code travels only in the fragment and in the path of
   the lookup, never in a query string; after a lookup the address bar keeps #code= so that a
   bookmark or a reload shows the latest progress. */
(function () {
  "use strict";
  const { api, genericProblem, focusOn, replace } = window.DuPing;
  const $ = (id) => document.getElementById(id);
  const LENGTH = 8;

  /** Counts lookups, so that an answer arriving after a newer lookup started is dropped. */
  let latest = 0;

  /**
   * What was typed → {code: "XXXX-XXXX"} or {error: words saying what is wrong}. Full-width
   * characters from a Chinese keyboard are folded first (NFKC), then case, spaces and dashes
   * are ignored and Crockford's look-alikes read as the digits they stand for (O→0, I/L→1).
   */
  function parseCode(text) {
    const folded = String(text || "").normalize("NFKC").toUpperCase().replace(/[\s\-‐-―−]/g, "");
    if (!folded) return { error: "请输入查询码。" };
    if (/[^0-9A-Z]/.test(folded)) return { error: "查询码只有数字和英文字母，请核对后重新输入。" };
    if (folded.includes("U")) return { error: "查询码里没有字母 U，请核对后重新输入。" };
    const symbols = folded.replace(/O/g, "0").replace(/[IL]/g, "1");
    if (symbols.length !== LENGTH) {
      return { error: "查询码是 " + LENGTH + " 位，您输入了 " + symbols.length + " 位，请核对后重新输入。" };
    }
    return { code: symbols.slice(0, 4) + "-" + symbols.slice(4) };
  }

  /** The wait a 429's Retry-After (seconds) asks for, in words. */
  function waitWords(result) {
    const seconds = Number(result.headers && result.headers.get("Retry-After"));
    if (!Number.isFinite(seconds) || seconds <= 0) return "稍后";
    if (seconds < 60) return Math.ceil(seconds) + " 秒后";
    return "约 " + Math.ceil(seconds / 60) + " 分钟后";
  }

  /** Shows a problem under the field, announced by its role="alert"; `badCode` marks the field. */
  function showError(text, badCode) {
    const box = $("code-error");
    box.textContent = text;
    box.hidden = false;
    if (badCode) $("code-input").setAttribute("aria-invalid", "true");
    $("lookup-form").scrollIntoView({ block: "nearest" });
  }

  function clearError() {
    $("code-error").hidden = true;
    $("code-error").textContent = "";
    $("code-input").removeAttribute("aria-invalid");
  }

  function busy(on) {
    const button = $("code-submit");
    button.disabled = on;
    button.textContent = on ? "正在查询…" : "查询";
  }

  /** Keeps (or, for an unknown code, drops) the code in the fragment without a reload or a history entry. */
  function setFragment(code) {
    history.replaceState(null, "", location.pathname + location.search + (code ? "#code=" + code : ""));
  }

  async function lookup(typed) {
    clearError();
    const parsed = parseCode(typed);
    if (parsed.error) {
      $("result").hidden = true;
      return showError(parsed.error, true);
    }
    const code = parsed.code;
    $("code-input").value = code;
    $("result").hidden = true;
    const mine = ++latest;
    busy(true);
    const result = await api("/v1/public/requests/" + encodeURIComponent(code));
    if (mine !== latest) return;
    busy(false);
    if (result.ok && result.data) {
      replace($("result-body"), window.DuPing.request.render(result.data, code));
      $("result").hidden = false;
      setFragment(code);
      return focusOn($("result-title"));
    }
    if (result.status === 404) {
      setFragment(null);
      return showError("查无此事项，请核对查询码。查询码是首问干部登记事项时给您的 8 位数字和字母。", true);
    }
    if (result.status === 429) {
      return showError("查错的次数太多，查询暂停了。请" + waitWords(result) + "再试，并仔细核对查询码。", false);
    }
    return showError(genericProblem(result.status, result.data), false);
  }

  /** A code in #code=… is filled in and looked up (on opening the page and when the fragment changes). */
  function readFragment() {
    const match = /(?:^#|&)code=([^&]*)/.exec(location.hash);
    if (!match) return;
    let code;
    try { code = decodeURIComponent(match[1]); } catch (error) { code = match[1]; }
    $("code-input").value = code;
    lookup(code);
  }

  function start() {
    $("lookup-form").addEventListener("submit", (event) => {
      event.preventDefault();
      lookup($("code-input").value);
    });
    $("code-input").addEventListener("input", () => $("code-input").removeAttribute("aria-invalid"));
    window.addEventListener("hashchange", readFragment);
    readFragment();
  }

  window.DuPing.parseRequestCode = parseCode;
  start();
})();
