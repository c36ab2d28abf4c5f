/* One tap per score on a phone (issue 17): beside each score box a row 好 / 较好 / 一般 / 差
   that puts a typical value into it, and for each subject a row that sets all three scores at
   once; the boxes stay editable. Also the progress count "已评 12 / 59".

   Typical values sit at a fixed share of the round's scale, counted from its minimum:
   好 95 %, 较好 85 %, 一般 75 %, 差 60 %, rounded to whole points — on 0–100 that is
   95 / 85 / 75 / 60, on 1–10 it is 10 / 9 / 8 / 6. */
(function () {
  "use strict";
  const { el, SUPERVISIONS } = window.DuPing;
  const GRADES = [["好", 0.95], ["较好", 0.85], ["一般", 0.75], ["差", 0.6]];

  /** [{word, value}] for the round's scale, best first. */
  function grades(scale) {
    return GRADES.map(([word, share]) => ({ word, value: Math.round(scale.min + share * (scale.max - scale.min)) }));
  }

  function gradeButtons(scale, target, spoken) {
    return grades(scale).map(({ word, value }) => el("button", {
      type: "button", class: "grade", dataset: { target, value: String(value) },
      "aria-pressed": "false", "aria-label": spoken + "评" + word + "（" + value + " 分）",
    }, word));
  }

  /** The row that sets a subject's three scores at once. */
  function allRow(prefix, title, scale) {
    return el("div", { class: "grade-row grade-all", role: "group", "aria-label": title + "：三项一起打" },
      el("span", { class: "grade-label", "aria-hidden": "true" }, "三项"),
      gradeButtons(scale, prefix, title + "：三项都"), el("span", { class: "grade-spacer" }));
  }

  /** One score: its label, its four taps and the number box they fill. */
  function scoreRow(name, title, scale, input) {
    return el("div", { class: "grade-row" },
      el("label", { class: "grade-label", for: input.id }, name),
      gradeButtons(scale, input.id, title + "：" + name), input);
  }

  /** Sets the score box(es) a grade button names, as if typed (so the page hears `input`). */
  function apply(button) {
    const target = document.getElementById(button.dataset.target);
    if (!target) return;
    const inputs = target.matches("input") ? [target] : [...target.querySelectorAll("input[type=number]")];
    for (const input of inputs) {
      if (input.disabled) continue;
      input.value = button.dataset.value;
      input.removeAttribute("aria-invalid");
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  /** Marks the grade buttons of `box` pressed when their box (or all three boxes) hold their value. */
  function refresh(box) {
    for (const button of box.querySelectorAll("button.grade")) {
      const target = document.getElementById(button.dataset.target);
      const inputs = target.matches("input") ? [target] : [...target.querySelectorAll("input[type=number]")];
      const pressed = inputs.every((input) => input.value.trim() !== "" && Number(input.value) === Number(button.dataset.value));
      button.setAttribute("aria-pressed", String(pressed));
    }
  }

  /** Whether a subject's three boxes all hold whole numbers inside the scale. */
  function complete(box, scale) {
    return [...box.querySelectorAll("input[type=number]")].every((input) => {
      const text = input.value.trim();
      const value = Number(text);
      return text !== "" && input.validity.valid && Number.isInteger(value) && value >= scale.min && value <= scale.max;
    });
  }

  /** {scored, skipped, total} over the form's subjects. */
  function progress(container, scale) {
    const boxes = [...container.querySelectorAll("fieldset.subject")];
    const skipped = boxes.filter((box) => box.querySelector(".skip-box").checked).length;
    const scored = boxes.filter((box) => !box.querySelector(".skip-box").checked && complete(box, scale)).length;
    return { scored, skipped, total: boxes.length };
  }

  function progressText({ scored, skipped, total }) {
    return "已评 " + scored + " / " + total + (skipped ? "，不了解 " + skipped : "");
  }

  /**
   * Wires the taps of the form in `container`: a tap fills its box(es); any change to a box
   * updates the pressed buttons of its subject and `onChange` (the progress, the saved draft).
   */
  function wire(container, onChange) {
    container.addEventListener("click", (event) => {
      const button = event.target.closest("button.grade");
      if (!button) return;
      apply(button);
    });
    container.addEventListener("input", (event) => {
      const box = event.target.closest("fieldset.subject");
      if (box) refresh(box);
      onChange();
    });
    container.addEventListener("change", () => onChange());
  }

  window.DuPing.ballotQuick = { grades, allRow, scoreRow, refresh, progress, progressText, wire, SUPERVISIONS };
})();
