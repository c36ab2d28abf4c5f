/* The public board page: choose a township and one of its published rounds (or arrive with
   ?township=…&round=…), fetch the public results and hand them to board-render.js. The URL
   is kept in step with the choice so a board can be shared, bookmarked or printed. */
(function () {
  "use strict";
  const { el, replace, api, genericProblem, periodName, focusOn } = window.DuPing;
  const $ = (id) => document.getElementById(id);
  const CODE = /^[a-z0-9-]{2,32}$/;

  let township = null;
  /** The township's display name, when the rounds list says it (DuPing sends `township`). */
  let townshipName = null;
  /** The round whose results are on the page, so a failed switch can put the picker back. */
  let shownRound = null;

  function say(text, isError) {
    const box = $("picker-message");
    box.className = "message" + (isError ? " error" : "");
    box.textContent = text;
    box.hidden = !text;
  }

  /** Writes the current choice into the address bar without adding a history entry. */
  function remember(roundId) {
    const params = new URLSearchParams();
    if (township) params.set("township", township);
    if (roundId) params.set("round", roundId);
    history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
  }

  /**
   * Loads the township's published rounds into the select and opens `wanted`, else the newest.
   * Focus follows only when the reader asked (`fromUser`), not on a page opened by URL.
   */
  async function loadTownship(code, wanted, fromUser) {
    const clean = String(code || "").trim().toLowerCase();
    $("results").hidden = true;
    $("round-picker").hidden = true;
    if (!CODE.test(clean)) return say("乡镇代码是 2–32 位小写字母、数字或横线，请核对。", true);
    township = clean;
    $("township").value = clean;
    say("正在查询…");
    const result = await api("/v1/public/townships/" + encodeURIComponent(clean) + "/rounds");
    if (result.status === 404) return say("没有找到乡镇“" + clean + "”，请核对乡镇代码。", true);
    if (!result.ok) return say(genericProblem(result.status, result.data), true);
    const rounds = (result.data && result.data.items) || [];
    townshipName = (result.data && result.data.township && result.data.township.name) || null;
    if (!rounds.length) { remember(null); return say("该乡镇还没有公布过测评结果。", false); }
    const options = rounds.map((r) => el("option", { value: String(r.id) },
      r.title.includes(periodName(r.period)) ? r.title : r.title + "（" + periodName(r.period) + "）"));
    shownRound = null;
    const asked = wanted ? rounds.find((r) => String(r.id) === String(wanted)) : null;
    if (wanted && !asked) {
      // A link to a round that is not published (yet): say so, never show another round instead.
      replace($("round"), el("option", { value: "" }, "请选择已公布的轮次"), options);
      $("round").value = "";
      $("round-picker").hidden = false;
      return say("这一轮还没有公布结果（或链接有误）。可以在下面选择已经公布的轮次。", true);
    }
    replace($("round"), options);
    const chosen = asked || rounds.reduce((a, b) => String(a.published_at || "") >= String(b.published_at || "") ? a : b);
    $("round").value = String(chosen.id);
    $("round-picker").hidden = false;
    say("");
    return loadRound(chosen.id, fromUser);
  }

  /** Fetches and shows one published round; focus moves to its title when the reader asked. */
  async function loadRound(roundId, moveFocus) {
    if (!roundId) return;
    const result = await api("/v1/public/townships/" + encodeURIComponent(township) + "/rounds/" + encodeURIComponent(roundId));
    if (!result.ok || !result.data) {
      // The picker goes back to the round still shown, so it never names other results.
      if (shownRound !== null) $("round").value = String(shownRound);
      return say(result.status === 404 ? "这一轮还没有公布结果。" : genericProblem(result.status, result.data), true);
    }
    say("");
    shownRound = roundId;
    remember(roundId);
    const data = result.data;
    window.DuPing.board.render($("results"), data, townshipName || township);
    $("results").hidden = false;
    document.title = (data.round && data.round.title ? data.round.title + " · " : "") + "张榜公布 · 督评";
    if (moveFocus) focusOn($("board-title"));
  }

  /** A printed board lists every receipt, so the closed list is opened for printing only. */
  function openReceiptsForPrint() {
    const details = document.querySelector("details.receipts");
    if (!details || details.open) return;
    details.open = true;
    window.addEventListener("afterprint", () => { details.open = false; }, { once: true });
  }

  function start() {
    $("township-form").addEventListener("submit", (event) => { event.preventDefault(); loadTownship($("township").value, null, true); });
    $("round").addEventListener("change", () => loadRound($("round").value, true));
    window.addEventListener("beforeprint", openReceiptsForPrint);
    const params = new URLSearchParams(location.search);
    if (params.get("township")) loadTownship(params.get("township"), params.get("round"), false);
  }

  start();
})();
