// A ledger being imported in the background: asks the page for the progress every few seconds
// and reloads it when the import has ended, to show the counts or the reason it failed.
(function () {
  "use strict";
  var section = document.querySelector("[data-testid=import-progress]");
  if (!section) return;
  var bar = section.querySelector("progress");
  var line = section.querySelector("[data-testid=import-progress-text]");

  function poll() {
    fetch(section.dataset.stateUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state || !state.importing) {
          window.location.reload();
          return;
        }
        line.textContent = state.progress;
        bar.value = state.rowsDone;
        setTimeout(poll, 2000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }

  setTimeout(poll, 2000);
})();
