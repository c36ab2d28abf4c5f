/* The evaluator's ballot page: code → form → review → receipt. The code is kept in memory
   only (never stored, never put in a URL), and a code that arrives in #token= is read and then
   wiped from the address bar so it does not linger in history or a screenshot. The scores
   entered so far are kept on the device under a hash of the code (ballot-draft.js). */
(function () {
  "use strict";
  const { el, replace, api, focusOn, KINDS, periodName } = window.DuPing;
  const $ = (id) => document.getElementById(id);
  const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{16}$/;
  const drafts = window.DuPing.ballotDraft;
  const quick = window.DuPing.ballotQuick;

  let token = null;
  let form = null;
  let pending = null;
  /** Set when a submit got no answer: the ballot may have arrived, so a later "already voted" is likely our own. */
  let replyLost = false;
  /** The localStorage key of this ballot's unfinished draft (ballot-draft.js). */
  let draftKey = null;

  /**
   * "abcd efgh-jkmn pqrs" → "ABCD-EFGH-JKMN-PQRS"; null unless it is 16 Crockford characters.
   * Crockford's look-alikes are folded (O→0, I/L→1), since a code never contains them.
   */
  function normalizeCode(text) {
    const raw = String(text || "").toUpperCase().replace(/[\s\-‐-―－]/g, "")
      .replace(/O/g, "0").replace(/[IL]/g, "1");
    if (!CROCKFORD.test(raw)) return null;
    return raw.match(/.{4}/g).join("-");
  }

  /** Shows exactly one step and moves focus to its heading (or `focusTarget`). */
  function showStep(id, focusTarget) {
    for (const step of ["step-code", "step-form", "step-review", "step-done"]) $(step).hidden = step !== id;
    focusOn(focusTarget || $(id).querySelector("h1, h2"));
  }

  function showMessage(box, text, items) {
    replace(box, el("p", {}, text), items && items.length ? el("ul", {}, items.map((t) => el("li", {}, t))) : null);
    box.hidden = false;
  }

  function codeError(text) {
    showMessage($("code-error"), text);
    $("code-input").setAttribute("aria-invalid", "true");
    showStep("step-code", $("code-input"));
  }

  /** Step 1 → 2: checks the code with GET /v1/ballot and builds the form. */
  async function openBallot(code) {
    $("code-error").hidden = true;
    $("code-input").removeAttribute("aria-invalid");
    const normalized = normalizeCode(code);
    if (!normalized) return codeError("测评码应是 16 位字母和数字（例如 ABCD-EFGH-JKMN-PQRS），请核对后重新输入。");
    $("code-input").value = normalized;
    $("code-submit").disabled = true;
    const result = await api("/v1/ballot", { token: normalized });
    $("code-submit").disabled = false;
    if (!result.ok || !result.data) return codeError(window.DuPing.ballotReview.problem(result).text);
    const key = await drafts.keyFor((result.data.round || {}).id, normalized);
    if (result.data.voted) {
      drafts.clear(key);
      return codeError(window.DuPing.ballotReview.VOTED);
    }
    // `state` is sent by servers that say it; without it the POST's 409 tells the same later.
    const state = result.data.round && result.data.round.state;
    if (state && state !== "open") {
      drafts.clear(key);
      return codeError(window.DuPing.ballotReview.NOT_OPEN);
    }
    token = normalized;
    form = result.data;
    replyLost = false;
    const round = form.round || {};
    $("round-title").textContent = round.title || "测评表";
    replace($("round-meta"), el("span", {}, KINDS[round.kind] || ""), el("span", {}, periodName(round.period)));
    $("scale-text").textContent = form.scale.min + "–" + form.scale.max;
    $("grade-values").textContent = quick.grades(form.scale).map((g) => g.word + " " + g.value).join("、");
    draftKey = null;
    window.DuPing.ballotForm.build($("form-body"), form);
    $("draft-restored").hidden = !drafts.restore(key, $("form-body"));
    draftKey = key;
    showProgress();
    $("form-errors").hidden = true;
    $("submit-ballot").hidden = false;
    $("back-to-form").hidden = false;
    showStep("step-form");
  }

  /** Step 2 → 3: reads and checks the form; errors are listed at the top with links to fields. */
  function review(event) {
    event.preventDefault();
    const collected = window.DuPing.ballotForm.collect($("form-body"), form);
    if (collected.errors.length) {
      const box = $("form-errors");
      replace(box, el("p", {}, "有 " + collected.errors.length + " 处需要修改："),
        el("ul", {}, collected.errors.map((e) => el("li", {}, el("a", { href: "#" + e.targetId }, e.message)))));
      box.hidden = false;
      focusOn(box);
      return;
    }
    $("form-errors").hidden = true;
    pending = collected;
    window.DuPing.ballotReview.render($("review-body"), form, collected.body);
    $("submit-error").hidden = true;
    showStep("step-review");
  }

  /** Step 3 → 4: POST /v1/ballot, then the receipt, or the error in words. */
  async function submit() {
    const button = $("submit-ballot");
    button.disabled = true;
    button.textContent = "正在提交…";
    const result = await api("/v1/ballot", { method: "POST", token, body: pending.body });
    button.disabled = false;
    button.textContent = "确认提交";
    if (result.status === 201 && result.data && result.data.receipt) {
      $("receipt").textContent = result.data.receipt;
      drafts.clear(draftKey);
      const code = form.round && (form.round.township || form.round.township_code);
      if (code) $("board-link").href = "board.html?township=" + encodeURIComponent(code) + "&round=" + encodeURIComponent(form.round.id);
      token = null;
      showStep("step-done");
      return;
    }
    const review = window.DuPing.ballotReview;
    const problem = review.problem(result, pending.labels);
    if (result.status === 0) {
      replyLost = true;
      problem.text = review.NO_REPLY;
    } else if (replyLost && problem.kind === "voted") {
      problem.text = review.VOTED_AFTER_LOST_REPLY;
    }
    showMessage($("submit-error"), problem.text, problem.items);
    // Nothing the evaluator can change makes these go through, so stop offering to submit;
    // a code that can no longer vote leaves no draft behind.
    if (problem.kind === "voted" || problem.kind === "closed") drafts.clear(draftKey);
    if (problem.kind) {
      $("submit-ballot").hidden = true;
      $("back-to-form").hidden = true;
    }
    focusOn($("submit-error"));
  }

  /** Links in the error list move focus to the field itself, not just scroll to it. */
  function followErrorLink(event) {
    const link = event.target.closest("a[href^='#']");
    if (!link) return;
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: "center" });
  }

  /** The count beside the button. */
  function showProgress() {
    if (form) $("progress").textContent = quick.progressText(quick.progress($("form-body"), form.scale));
  }

  /** Every change: the count, and the draft saved on the device. */
  function changed() {
    showProgress();
    drafts.save(draftKey, $("form-body"));
  }

  function start() {
    drafts.prune();
    quick.wire($("form-body"), changed);
    $("code-form").addEventListener("submit", (event) => { event.preventDefault(); openBallot($("code-input").value); });
    $("ballot-form").addEventListener("submit", review);
    $("back-to-form").addEventListener("click", () => showStep("step-form"));
    $("submit-ballot").addEventListener("click", submit);
    $("form-errors").addEventListener("click", followErrorLink);
    readFragment();
    // A second link opened while this page is showing only changes the fragment: no reload.
    window.addEventListener("hashchange", readFragment);
  }

  /** Takes a code from #token=…, wipes it from the address bar and opens the ballot. */
  function readFragment() {
    const match = /(?:^#|&)token=([^&]*)/.exec(location.hash);
    if (!match) return;
    history.replaceState(null, "", location.pathname + location.search);
    $("code-input").value = "";
    openBallot(decodeURIComponent(match[1]));
  }

  window.DuPing.normalizeCode = normalizeCode;
  start();
})();
