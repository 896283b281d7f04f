// Image upload for every <textarea data-markdown-editor>: an "Insert image" button opens a small panel
// (file, alt text, Upload); dropping an image on the textarea opens the same panel with the file chosen.
// Alt text is required here as on the server. The answer's Markdown is inserted at the cursor.
(() => {
  "use strict";
  const endpoint = "/admin/media/upload.json";
  let count = 0;

  function tokenOf(form) {
    const input = form && form.querySelector("input[name=__RequestVerificationToken]");
    return input ? input.value : "";
  }

  function insertAtCursor(textarea, text) {
    const start = textarea.selectionStart ?? textarea.value.length;
    const end = textarea.selectionEnd ?? start;
    const before = textarea.value.slice(0, start);
    const prefix = before.length && !before.endsWith("\n") ? "\n\n" : "";
    textarea.value = before + prefix + text + "\n" + textarea.value.slice(end);
    textarea.selectionStart = textarea.selectionEnd = start + prefix.length + text.length + 1;
    textarea.dispatchEvent(new Event("input", { bubbles: true })); // the preview refreshes
    textarea.focus();
  }

  function attach(textarea) {
    const id = "media-upload-" + (++count);
    const panel = document.createElement("div");
    panel.className = "media-insert";
    panel.innerHTML =
      '<button type="button" class="secondary media-insert-open" aria-expanded="false" aria-controls="' + id + '">Insert image</button>' +
      '<div class="media-insert-panel" id="' + id + '" hidden>' +
      '  <div class="field"><label for="' + id + '-file">Image (JPEG, PNG, WebP or GIF; or drop one on the text)</label>' +
      '    <input id="' + id + '-file" type="file" accept="image/jpeg,image/png,image/webp,image/gif"></div>' +
      '  <div class="field"><label for="' + id + '-alt">Alt text (required)</label><input id="' + id + '-alt" type="text" maxlength="500"></div>' +
      '  <button type="button" class="media-insert-upload">Upload and insert</button>' +
      '  <p class="media-insert-message" role="status"></p>' +
      "</div>";
    const wrapper = textarea.closest(".markdown-editor") || textarea;
    wrapper.parentNode.insertBefore(panel, wrapper);

    const open = panel.querySelector(".media-insert-open");
    const body = panel.querySelector(".media-insert-panel");
    const file = panel.querySelector("input[type=file]");
    const alt = panel.querySelector("input[type=text]");
    const upload = panel.querySelector(".media-insert-upload");
    const message = panel.querySelector(".media-insert-message");

    function show(focus) {
      body.hidden = false;
      open.setAttribute("aria-expanded", "true");
      (focus || file).focus();
    }

    open.addEventListener("click", () => (body.hidden ? show() : ((body.hidden = true), open.setAttribute("aria-expanded", "false"))));

    upload.addEventListener("click", async () => {
      message.className = "media-insert-message";
      if (!file.files || file.files.length === 0) { message.textContent = "Choose an image first."; return; }
      if (!alt.value.trim()) { message.textContent = "Alt text is required: describe the picture."; alt.focus(); return; }
      const data = new FormData();
      data.append("file", file.files[0]);
      data.append("altText", alt.value.trim());
      upload.disabled = true;
      message.textContent = "Uploading…";
      try {
        const response = await fetch(endpoint, {
          method: "POST", body: data, credentials: "same-origin",
          headers: { "X-CSRF-TOKEN": tokenOf(textarea.form) },
        });
        const answer = await response.json().catch(() => ({ error: "The server answered " + response.status + "." }));
        if (!response.ok) {
          message.className = "media-insert-message notice-error";
          message.textContent = answer.error || "The upload was refused (" + response.status + ").";
          return;
        }
        insertAtCursor(textarea, answer.markdown);
        message.textContent = "Inserted " + answer.url + ".";
        file.value = "";
        alt.value = "";
      } catch {
        message.textContent = "The upload failed: the server did not answer.";
      } finally {
        upload.disabled = false;
      }
    });

    textarea.addEventListener("dragover", (e) => {
      if (e.dataTransfer && Array.from(e.dataTransfer.types).includes("Files")) { e.preventDefault(); textarea.classList.add("media-drop"); }
    });
    textarea.addEventListener("dragleave", () => textarea.classList.remove("media-drop"));
    textarea.addEventListener("drop", (e) => {
      textarea.classList.remove("media-drop");
      if (!e.dataTransfer || e.dataTransfer.files.length === 0) return;
      e.preventDefault();
      file.files = e.dataTransfer.files;
      message.textContent = "Dropped " + e.dataTransfer.files[0].name + ": type its alt text, then upload.";
      show(alt);
    });
  }

  const editors = document.querySelectorAll("textarea[data-markdown-editor]");
  if (editors.length) {
    const style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = "/_content/Media/media-admin.css";
    document.head.appendChild(style);
  }
  editors.forEach(attach);
})();
