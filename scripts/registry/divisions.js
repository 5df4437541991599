#!/usr/bin/env node
// Rebuilds Registry/CitizenIds/divisions.tsv (code<TAB>name, GB/T 2260) and divisions.LICENSE
// from the npm package @vant/area-data (MIT), which has provinces, prefectures and counties.
// Run after raising the version below: node scripts/registry/divisions.js
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const pkg = "@vant/area-data@2.1.0";
const target = path.join(__dirname, "../../src/CivicGrid.Web/Registry/CitizenIds");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "divisions-"));
const tarball = execFileSync("npm", ["pack", pkg, "--silent"], { cwd: work, encoding: "utf8" }).trim().split("\n").pop();
execFileSync("tar", ["xzf", tarball], { cwd: work });
const { areaList } = require(path.join(work, "package/dist/index.cjs"));

const provinces = areaList.province_list;
// A municipality's prefecture repeats its name (110100 北京市); "省直辖县", "县" and "市辖区"
// group divisions without naming a place. None is a place a person would write, so what is
// under them is described by the level above.
const placeholder = (code, name) =>
    name === provinces[code.slice(0, 2) + "0000"] || name.includes("直辖") || name === "县" || name === "市辖区";

const rows = [
    ...Object.entries(provinces),
    ...Object.entries(areaList.city_list).filter(([code, name]) => !placeholder(code, name)),
    ...Object.entries(areaList.county_list).filter(([code, name]) => !placeholder(code, name)),
    // Residence permits for Taiwan residents (2018) number their holders under 830000,
    // beside 810000 and 820000 for Hong Kong and Macao; GB/T 2260 does not list it.
    ["830000", "台湾地区"],
].sort(([a], [b]) => a.localeCompare(b));

const header = `# GB/T 2260 division codes from ${pkg} (MIT, see divisions.LICENSE), made by scripts/registry/divisions.js\n`;
fs.writeFileSync(path.join(target, "divisions.tsv"), header + rows.map(([code, name]) => `${code}\t${name}\n`).join(""));
fs.copyFileSync(path.join(work, "package/LICENSE"), path.join(target, "divisions.LICENSE"));
fs.rmSync(work, { recursive: true });
console.log(`${rows.length} divisions written`);
