// Fills the pinyin initials of a category as its plain name, name and synonyms are typed, with
// pinyin-pro (the same rule as scripts/categories/initials.js, which filled the standard tree).
// The field stays editable for polyphones (行 is xing or hang); once the administrator changes
// it by hand, typing names no longer overwrites it.
(function () {
  "use strict";
  var initials = document.getElementById("Input_Initials");
  if (!initials || !window.pinyinPro) return;
  var sources = Array.prototype.slice.call(document.querySelectorAll("[data-initials-source]"));
  var edited = false;

  function initialsOf(text) {
    return pinyinPro.pinyin(text, { pattern: "first", toneType: "none", type: "array", nonZh: "consecutive" })
      .join("").toLowerCase().replace(/[^a-z0-9]/g, "");
  }

  function fill() {
    if (edited) return;
    var words = [];
    sources.forEach(function (field) {
      field.value.split(/[、，,；;\s]+/).forEach(function (word) {
        var token = initialsOf(word);
        if (token && words.indexOf(token) < 0) words.push(token);
      });
    });
    initials.value = words.join(" ");
  }

  initials.addEventListener("input", function () { edited = true; });
  sources.forEach(function (field) { field.addEventListener("input", fill); });
  // Names typed before this script arrived (a slow network) still get their initials.
  if (!initials.value) fill();
})();
