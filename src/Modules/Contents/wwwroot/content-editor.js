// Autosave for the content editor: while the form changes, its draft is saved every 30 seconds
// (the form's data-autosave, in seconds) by posting it with submit=autosave. The server keeps one
// draft version and updates it in place, so autosaving never piles up versions. A new item becomes
// an existing one after its first autosave: the form then posts to the item's own editor.
(function () {
  "use strict";
  var form = document.querySelector("form.content-editor[data-autosave]");
  if (!form || !window.fetch || !window.FormData) { return; }
  var seconds = parseInt(form.getAttribute("data-autosave"), 10) || 30;
  var status = form.querySelector(".autosave-status");
  var dirty = false;
  var saving = false;

  function say(text) { if (status) { status.textContent = text; } }
  function markDirty() { dirty = true; }
  form.addEventListener("input", markDirty);
  form.addEventListener("change", markDirty);
  // A real save or publish takes over: nothing autosaves underneath it.
  form.addEventListener("submit", function () { dirty = false; saving = true; });

  function editedVersionField() {
    var field = form.querySelector("input[name=EditedVersion]");
    if (!field) {
      field = document.createElement("input");
      field.type = "hidden";
      field.name = "EditedVersion";
      form.appendChild(field);
    }
    return field;
  }

  function autosave() {
    if (!dirty || saving) { return; }
    saving = true;
    dirty = false;
    var data = new FormData(form);
    data.set("submit", "autosave");
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        return response.json().catch(function () { return { saved: false, message: "Not saved automatically (the server answered " + response.status + ")." }; });
      })
      .then(function (answer) {
        if (answer.saved) {
          editedVersionField().value = answer.editedVersion;
          if (form.getAttribute("action") !== answer.formAction) {
            form.setAttribute("action", answer.formAction);
            if (window.history && history.replaceState) { history.replaceState(null, "", answer.formAction); }
          }
          say("Draft saved automatically at " + new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + ".");
        } else {
          dirty = true;
          say(answer.message || "Not saved automatically.");
        }
      })
      .catch(function () { dirty = true; say("Not saved automatically: the site could not be reached."); })
      .then(function () { saving = false; });
  }

  setInterval(autosave, seconds * 1000);
})();
