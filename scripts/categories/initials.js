#!/usr/bin/env node
// Fills the pinyin initials of every category in Categories/StandardCategories.json with the
// vendored pinyin-pro (the same library the administration page uses): one token per name,
// plain name (each part between 、), and synonym, so "jg" finds 井盖 and "xsdgz" 下水道盖子.
// Run once after editing the catalogue: node scripts/categories/initials.js
const fs = require("fs");
const path = require("path");
const { pinyin } = require("../../src/CivicGrid.Web/wwwroot/lib/pinyin-pro/pinyin-pro.js");

const file = path.join(__dirname, "../../src/CivicGrid.Web/Categories/StandardCategories.json");
const catalogue = JSON.parse(fs.readFileSync(file, "utf8"));

// Mirrors wwwroot/js/category-initials.js, which fills the field as an administrator types.
const initialsOf = (text) => pinyin(text, { pattern: "first", toneType: "none", type: "array", nonZh: "consecutive" })
    .join("").toLowerCase().replace(/[^a-z0-9]/g, "");
const initials = (c) => [...new Set([c.plainName, c.name, ...c.synonyms]
    .flatMap((t) => t.split(/[、，,；;\s]+/)).map(initialsOf).filter((t) => t.length > 0))].join(" ");

for (const major of catalogue) {
    major.initials = initials(major);
    for (const minor of major.minors) minor.initials = initials(minor);
}
fs.writeFileSync(file, JSON.stringify(catalogue, null, 1) + "\n");
console.log(`initials for ${catalogue.reduce((n, m) => n + 1 + m.minors.length, 0)} categories`);
