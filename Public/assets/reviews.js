/* The public quarterly review page: ?township=…[&id=…] fetches the township's finalized reviews
   (§10) and shows the chosen one, else the latest. Choosing another quarter loads it in place
   and writes it into the address bar (a history entry, so Back returns to the quarter before);
   a review that is not finalized is said to be so, never replaced by another quarter. */
(function () {
  "use strict";
  const { api, genericProblem, focusOn, replace, periodName } = window.DuPing;
  const $ = (id) => document.getElementById(id);
  const CODE = /^[a-z0-9-]{2,32}$/;

  /** The township's code, its display name and its finalized reviews, once the list is in. */
  let township = null;
  let townshipLabel = "";
  let items = [];

  function say(text, isError) {
    const box = $("message");
    box.className = "message" + (isError ? " error" : "");
    box.textContent = text;
    box.hidden = !text;
  }

  function showPicker(code) {
    $("picker").hidden = false;
    if (code) $("township").value = code;
  }

  function base() {
    return "/v1/public/townships/" + encodeURIComponent(township) + "/quarterly-reviews";
  }

  /** The latest finalized quarter (the list is ordered by period, but the page does not rely on it). */
  function latest() {
    return items.reduce((a, b) => (String(a.period) >= String(b.period) ? a : b));
  }

  async function load() {
    const p = new URLSearchParams(location.search);
    const code = String(p.get("township") || "").trim().toLowerCase();
    if (!code) return showPicker("");
    if (!CODE.test(code)) {
      showPicker(code);
      return say("乡镇代码是 2–32 位小写字母、数字或横线，请核对。", true);
    }
    township = code;
    say("正在查询…");
    const result = await api(base());
    if (result.status === 404) {
      showPicker(code);
      return say("没有找到乡镇“" + code + "”，请核对乡镇代码。", true);
    }
    if (!result.ok || !result.data) return say(genericProblem(result.status, result.data), true);
    items = result.data.items || [];
    townshipLabel = (result.data.township && result.data.township.name) || code;
    document.title = townshipLabel + " 季评排队 · 督评";
    if (!items.length) {
      showPicker(code);
      return say(townshipLabel + "还没有公布过季评排队结果。督评会定稿后会在这里公布。", false);
    }
    const wanted = p.get("id");
    return show(wanted || latest().id, false);
  }

  /**
   * Fetches one finalized review and shows it with the quarter list; `moveFocus` when the reader
   * chose it, so keyboard and screen-reader users land on the new heading.
   */
  async function show(id, moveFocus) {
    const result = await api(base() + "/" + encodeURIComponent(id));
    const results = $("results");
    if (!result.ok || !result.data) {
      replace(results, window.DuPing.reviews.head(townshipLabel, items, township, null));
      results.hidden = false;
      return say(result.status === 404
        ? "这一季度的排队结果还没有定稿公布（或链接有误）。请在下面选择已经公布的季度。"
        : genericProblem(result.status, result.data), true);
    }
    say("");
    const data = result.data;
    // Finalized after the list was fetched: it joins the list rather than being shown unlisted.
    if (!items.some((item) => String(item.id) === String(data.id))) {
      items.push({ id: data.id, period: data.period, finalized_at: data.finalized_at });
    }
    replace(results, window.DuPing.reviews.head(townshipLabel, items, township, data), window.DuPing.reviews.review(data));
    results.hidden = false;
    document.title = townshipLabel + " " + periodName(data.period) + " 季评排队 · 督评";
    if (moveFocus) focusOn($("review-title"));
  }

  /** A click on a quarter loads it in place; modified clicks (new tab, …) behave as links do. */
  function chooseQuarter(event) {
    const a = event.target.closest("#quarters a[data-review]");
    if (!a || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (a.getAttribute("aria-current") === "page") return;
    history.pushState(null, "", a.getAttribute("href"));
    show(a.dataset.review, true);
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
      location.assign(location.pathname + "?township=" + encodeURIComponent(code));
    });
    $("results").addEventListener("click", chooseQuarter);
    window.addEventListener("popstate", () => {
      const p = new URLSearchParams(location.search);
      if (township && p.get("township") === township && items.length) show(p.get("id") || latest().id, true);
      else location.reload();
    });
    load();
  }

  start();
})();
