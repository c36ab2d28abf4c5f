/* The unfinished ballot kept on the device (issue 17): every change to the form is saved in
   localStorage, so a dropped connection, a closed tab or a flat battery loses nothing; opening
   the ballot again (the slip's link or QR code, or the code typed in) puts it back. It is
   removed once the ballot is counted (201), and when the code can no longer vote (already
   voted, round not open).

   The key is the round's id and a SHA-256 of the code, never the code itself: what is on the
   phone cannot be used to vote. crypto.subtle exists only on https and localhost, and a
   township's intranet is often plain http, so a small SHA-256 stands in for it there. Drafts
   untouched for 30 days are dropped. */
(function () {
  "use strict";
  const PREFIX = "duping.ballot-draft.";
  const MAX_AGE = 30 * 24 * 3600 * 1000;

  function storage() {
    try { return window.localStorage; } catch (error) { return null; }
  }

  /** SHA-256 (FIPS 180-4) of a UTF-8 string, as hex; used when crypto.subtle is missing. */
  function sha256Fallback(text) {
    const bytes = new TextEncoder().encode(text);
    const K = [];
    const H = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    for (let n = 2, found = 0; found < 64; n++) {
      let prime = true;
      for (let d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
      if (prime) { K.push((Math.cbrt(n) % 1) * 4294967296 | 0); found++; }
    }
    const length = ((bytes.length + 9 + 63) >> 6) << 6;
    const padded = new Uint8Array(length);
    padded.set(bytes);
    padded[bytes.length] = 0x80;
    const view = new DataView(padded.buffer);
    view.setUint32(length - 8, Math.floor(bytes.length / 0x20000000));
    view.setUint32(length - 4, (bytes.length * 8) >>> 0);
    const w = new Array(64);
    const rotr = (x, n) => (x >>> n) | (x << (32 - n));
    for (let offset = 0; offset < length; offset += 64) {
      for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
      for (let i = 16; i < 64; i++) {
        const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      let [a, b, c, d, e, f, g, h] = H;
      for (let i = 0; i < 64; i++) {
        const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
        const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        [h, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
      }
      [a, b, c, d, e, f, g, h].forEach((value, i) => { H[i] = (H[i] + value) | 0; });
    }
    return H.map((x) => (x >>> 0).toString(16).padStart(8, "0")).join("");
  }

  async function sha256(text) {
    if (window.crypto && window.crypto.subtle) {
      const digest = await window.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
      return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
    }
    return sha256Fallback(text);
  }

  /** The draft's key for a round and a (normalized) code. */
  async function keyFor(roundId, code) {
    return PREFIX + roundId + "." + (await sha256(code));
  }

  /** Everything the evaluator entered in the form inside `container`. */
  function snapshot(container) {
    const scores = {};
    for (const input of container.querySelectorAll("input[type=number]")) {
      if (input.value !== "") scores[input.id] = input.value;
    }
    const skipped = [...container.querySelectorAll(".skip-box:checked")].map((box) => box.id);
    const picks = {};
    for (const select of container.querySelectorAll("select")) if (select.value !== "") picks[select.id] = select.value;
    const comment = container.querySelector("#comment");
    return { saved: Date.now(), scores, skipped, picks, comment: comment ? comment.value : "" };
  }

  function save(key, container) {
    const store = storage();
    if (!store || !key) return;
    try { store.setItem(key, JSON.stringify(snapshot(container))); } catch (error) { /* full or refused: keep going */ }
  }

  /** Puts a saved draft back into the form; true when there was one. Fields the form no longer
      has are ignored. Events are sent so the page updates as if the evaluator had typed. */
  function restore(key, container) {
    const store = storage();
    if (!store || !key) return false;
    let draft = null;
    try { draft = JSON.parse(store.getItem(key) || "null"); } catch (error) { draft = null; }
    if (!draft || typeof draft !== "object") return false;
    const byId = (id) => container.querySelector("#" + CSS.escape(id));
    for (const [id, value] of Object.entries(draft.scores || {})) {
      const input = byId(id);
      if (input && input.matches("input[type=number]")) {
        input.value = String(value);
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }
    for (const id of draft.skipped || []) {
      const box = byId(id);
      if (box && box.matches(".skip-box") && !box.checked) { box.checked = true; box.dispatchEvent(new Event("change", { bubbles: true })); }
    }
    for (const [id, value] of Object.entries(draft.picks || {})) {
      const select = byId(id);
      if (select && select.matches("select") && [...select.options].some((o) => o.value === value)) {
        select.value = value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }
    const comment = container.querySelector("#comment");
    if (comment && typeof draft.comment === "string" && draft.comment) {
      comment.value = draft.comment;
      comment.dispatchEvent(new Event("input", { bubbles: true }));
    }
    return true;
  }

  function clear(key) {
    const store = storage();
    if (store && key) try { store.removeItem(key); } catch (error) { /* nothing to do */ }
  }

  /** Drops drafts older than 30 days (a round long closed, a code never used again). */
  function prune() {
    const store = storage();
    if (!store) return;
    try {
      for (let i = store.length - 1; i >= 0; i--) {
        const key = store.key(i);
        if (!key || !key.startsWith(PREFIX)) continue;
        let saved = 0;
        try { saved = JSON.parse(store.getItem(key)).saved || 0; } catch (error) { saved = 0; }
        if (Date.now() - saved > MAX_AGE) store.removeItem(key);
      }
    } catch (error) { /* storage refused: nothing kept, nothing to prune */ }
  }

  window.DuPing.ballotDraft = { keyFor, save, restore, clear, prune, sha256Fallback, PREFIX };
})();
