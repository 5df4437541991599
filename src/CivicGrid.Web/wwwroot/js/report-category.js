// The report form's category help: as the title and description are typed, the three likely
// categories appear under them with the words that point to each, and one tap chooses one. A
// chosen category sets the urgency to its default until the reporter picks an urgency.
(function () {
  "use strict";
  var panel = document.getElementById("category-suggestions");
  var select = document.getElementById("Input_CategoryId");
  if (!panel || !select) return;

  var form = panel.closest("form");
  var title = document.getElementById("Input_Title");
  var description = document.getElementById("Input_Description");
  var urgency = document.getElementById("Input_Urgency");
  var token = form.querySelector("input[name=__RequestVerificationToken]");
  var english = document.documentElement.lang.indexOf("en") === 0;
  var urgencyChosen = false;
  var timer = null;
  var asked = "";

  urgency.addEventListener("change", function () { urgencyChosen = true; });
  select.addEventListener("change", function () {
    var option = select.selectedOptions[0];
    if (!urgencyChosen && option && option.dataset.urgency) urgency.value = option.dataset.urgency;
    show(lastFound);
  });

  var lastFound = [];
  function show(found) {
    lastFound = found;
    panel.innerHTML = "";
    panel.hidden = found.length === 0;
    if (found.length === 0) return;
    var heading = document.createElement("p");
    heading.textContent = panel.dataset.title;
    panel.appendChild(heading);
    found.forEach(function (s) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "choice category-choice" + (String(s.id) === select.value ? " chosen" : "");
      button.dataset.testid = "category-suggestion";
      button.dataset.categoryId = s.id;
      button.setAttribute("aria-pressed", String(s.id) === select.value ? "true" : "false");
      var first = document.createElement("strong");
      first.textContent = english ? s.nameEn : s.plainName;
      var second = document.createElement("small");
      second.textContent = (english ? s.plainName : s.name) + " · " + (english ? s.majorNameEn : s.majorPlainName);
      button.append(first, " ", second);
      if (s.matched.length > 0) {
        var why = document.createElement("span");
        why.className = "why";
        why.textContent = panel.dataset.because.replace("{0}", s.matched.join("、"));
        button.append(why);
      }
      button.addEventListener("click", function () {
        select.value = String(s.id);
        select.dispatchEvent(new Event("change", { bubbles: true }));
      });
      panel.appendChild(button);
    });
  }

  function ask() {
    var text = (title.value + "\n" + description.value).trim().slice(0, 500);
    if (text === asked) return;
    asked = text;
    if (!text) { show([]); return; }
    var body = new URLSearchParams({ description: text, __RequestVerificationToken: token ? token.value : "" });
    fetch(window.location.pathname + "?handler=Suggestions", { method: "POST", body: body, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (found) { if (text === asked) show(found); })
      .catch(function () { /* Offline: the picker still works. */ });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(ask, 400);
  }

  title.addEventListener("input", later);
  description.addEventListener("input", later);
  if (description.value || title.value) ask();
})();
