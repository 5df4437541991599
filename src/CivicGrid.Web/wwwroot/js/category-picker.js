// The category picker: a search box over the select of Categories/_CategoryPicker.cshtml. It
// matches as the server does (Categories/CategoryMatching.cs): the words anywhere in a name,
// synonym or example, a whole name or synonym inside a longer phrase, or letters starting the
// pinyin initials ("jg" → 井盖). Results show the plain name first, grouped by major; a tap
// chooses in the select, which stays the field the form sends.
(function () {
  "use strict";

  function normalise(text) { return (text || "").normalize("NFKC").trim().toLowerCase(); }

  function texts(c) {
    return [c.plainName, c.name, c.nameEn].concat(c.plainName.split("、"), c.synonyms, c.examples).map(normalise);
  }

  function matcher(query) {
    var q = normalise(query);
    if (!q) return null;
    var initials = /^[a-z]+$/.test(q);
    return function (c) {
      if (texts(c).some(function (t) { return t.indexOf(q) >= 0 || (t.length >= 2 && q.indexOf(t) >= 0); })) return true;
      return initials && c.initials.split(" ").some(function (t) { return t.length > 0 && t.indexOf(q) === 0; });
    };
  }

  function setUp(picker) {
    var tree = JSON.parse(picker.querySelector(".category-tree").textContent);
    var select = picker.querySelector("select");
    var search = picker.querySelector(".category-search");
    var results = picker.querySelector(".category-results");
    var english = picker.dataset.english === "true";
    search.hidden = false;

    function choose(id) {
      select.value = String(id);
      select.dispatchEvent(new Event("change", { bubbles: true }));
      results.hidden = true;
      search.value = "";
    }

    function show() {
      var matches = matcher(search.value);
      results.innerHTML = "";
      if (!matches) { results.hidden = true; return; }
      var found = tree.map(function (g) {
        return { major: g.major, minors: matches(g.major) ? g.minors : g.minors.filter(matches) };
      }).filter(function (g) { return g.minors.length > 0; });
      results.hidden = false;
      if (found.length === 0) {
        var none = document.createElement("p");
        none.className = "warning";
        none.textContent = picker.dataset.noMatch;
        results.appendChild(none);
        return;
      }
      found.forEach(function (g) {
        var heading = document.createElement("p");
        heading.className = "category-major";
        heading.textContent = english ? g.major.nameEn : g.major.plainName;
        results.appendChild(heading);
        g.minors.forEach(function (c) {
          var button = document.createElement("button");
          button.type = "button";
          button.className = "choice category-choice";
          button.setAttribute("role", "option");
          button.dataset.testid = "category-choice";
          button.dataset.categoryId = c.id;
          var first = document.createElement("strong");
          first.textContent = english ? c.nameEn : c.plainName;
          var second = document.createElement("small");
          second.textContent = english ? c.plainName : c.name;
          button.append(first, " ", second);
          button.addEventListener("click", function () { choose(c.id); });
          results.appendChild(button);
        });
      });
    }

    search.addEventListener("input", show);
    search.addEventListener("keydown", function (e) {
      // Enter in the box picks the first result instead of sending the form half filled.
      if (e.key !== "Enter") return;
      e.preventDefault();
      var first = results.querySelector(".category-choice");
      if (first) first.click();
    });
    picker.categoryPicker = { choose: choose };
  }

  document.querySelectorAll(".category-picker").forEach(setUp);
})();
