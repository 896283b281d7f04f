// Live preview for every <textarea data-markdown-editor>: the server renders the Markdown with the
// same pipeline and sanitiser as the public page, and the answer is shown beside the textarea.
(() => {
  "use strict";
  const endpoint = "/admin/markdown/preview";

  function tokenOf(form) {
    const input = form && form.querySelector("input[name=__RequestVerificationToken]");
    return input ? input.value : "";
  }

  function attach(textarea) {
    const wrapper = document.createElement("div");
    wrapper.className = "markdown-editor";
    textarea.parentNode.insertBefore(wrapper, textarea);
    wrapper.appendChild(textarea);
    // A named region, so screen readers list it as a landmark ("Preview: Body (Markdown)") and a
    // div may carry a label; not aria-live, which would read the whole document out after every
    // pause in typing. tabIndex 0 lets keyboard users reach it and scroll it with the arrow keys;
    // the textarea keeps the browser's Tab behaviour, so there is no keyboard trap.
    const label = textarea.labels && textarea.labels.length ? textarea.labels[0].textContent.trim() : "";
    const preview = document.createElement("div");
    preview.className = "markdown-preview";
    preview.setAttribute("role", "region");
    preview.setAttribute("aria-label", label ? "Preview: " + label : "Preview");
    preview.tabIndex = 0;
    wrapper.appendChild(preview);

    let timer = 0;
    let sent = 0;
    async function refresh() {
      const ticket = ++sent;
      const body = new URLSearchParams({ text: textarea.value, headingOffset: "1" });
      try {
        const response = await fetch(endpoint, {
          method: "POST",
          headers: { "X-CSRF-TOKEN": tokenOf(textarea.form) },
          body,
          credentials: "same-origin",
        });
        if (ticket !== sent) return; // a newer request is on its way
        preview.innerHTML = response.ok ? await response.text() : "";
        if (!response.ok) preview.textContent = "Preview unavailable (" + response.status + ").";
      } catch {
        if (ticket === sent) preview.textContent = "Preview unavailable: the server did not answer.";
      }
    }

    textarea.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, 300);
    });
    refresh();
  }

  document.querySelectorAll("textarea[data-markdown-editor]").forEach(attach);
})();
