/* The dialog that shows a secret the API gives only once (a cadre's token and its phone link, a
   first-asked request's code): each value with a copy button, a warning that it will not be shown
   again, an optional print of the dialog alone (the counter's receipt). The console keeps nothing:
   closing the dialog removes it, and its values, from the page. Exposed as
   DuPingConsole.onceDialog. */
(function () {
  "use strict";
  const { el } = window.DuPing;
  const { ui } = window.DuPingConsole;

  /** Puts `text` on the clipboard: the Clipboard API, else a selected text area and copy. */
  async function copyText(text, holder) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      const area = el("textarea", { class: "copy-buffer", readonly: true, "aria-hidden": "true" });
      area.value = text;
      holder.append(area);
      area.select();
      let copied = false;
      try { copied = document.execCommand("copy"); } catch (ignored) { copied = false; }
      area.remove();
      return copied;
    }
  }

  /**
   * Opens the dialog. spec: {id, title, lead (text), items: [{label, value, id, big, link}],
   * notes: [text], print (label of a print button), printTitle (the title on paper instead of
   * `title` and `lead`, which speak to the clerk), onClose()}. Resolves when it is closed.
   */
  function onceDialog(spec) {
    return new Promise((resolve) => {
      const titleId = ui.uid("once-title");
      const said = el("p", { class: "copy-status", role: "status", "aria-live": "polite" });
      const rows = spec.items.map((item) => {
        const value = item.link
          ? el("a", { id: item.id, class: "once-value", href: item.value, target: "_blank", rel: "noopener noreferrer" }, item.value)
          : el("code", { id: item.id, class: "once-value" + (item.big ? " big" : "") }, item.value);
        const copy = ui.button("复制", async () => {
          const copied = await copyText(item.value, dialog);
          said.textContent = copied ? "已复制" + item.label + "。" : "复制不了：请长按（或用鼠标）选中后复制。";
        }, "secondary small-button no-print");
        copy.id = item.id + "-copy";
        return el("div", { class: "once-item" }, el("p", { class: "once-label" }, item.label), el("div", { class: "once-line" }, value, copy));
      });
      const close = ui.button(spec.closeLabel || "我已记下，关闭", () => dialog.close(), null);
      close.id = spec.id + "-close";
      const print = spec.print ? ui.button(spec.print, () => window.print(), "secondary") : null;
      if (print) print.id = spec.id + "-print";
      const dialog = el("dialog", { class: "once", id: spec.id, "aria-labelledby": titleId },
        el("h2", { id: titleId, class: spec.printTitle ? "screen-only" : null }, spec.title),
        spec.printTitle ? el("h2", { class: "print-only", "aria-hidden": "true" }, spec.printTitle) : null,
        spec.lead ? el("p", { class: "once-lead" }, spec.lead) : null,
        rows,
        (spec.notes || []).length ? el("ul", { class: "once-notes" }, spec.notes.map((note) => el("li", {}, note))) : null,
        said,
        el("div", { class: "actions no-print" }, close, print));
      dialog.addEventListener("close", () => {
        dialog.remove();
        if (spec.onClose) spec.onClose();
        resolve();
      });
      document.body.append(dialog);
      dialog.showModal();
      close.focus();
    });
  }

  window.DuPingConsole.onceDialog = onceDialog;
})();
