// The import preview's map: every grid of the uploaded file coloured by its state (ok, warning,
// error) and the places problems point at (overlaps, gaps, crossing edges). A row of the
// tables zooms to its feature.
(function () {
  "use strict";
  var element = document.getElementById("import-map");
  var source = document.getElementById("import-features");
  if (!element || !source || !window.L || !window.CivicMap) return;

  var colours = { ok: "#137333", warning: "#e37400", error: "#b00020" };
  var civic = CivicMap.create(element);
  var map = civic.map;
  var all = JSON.parse(source.textContent).features;
  var byIndex = {};

  var grids = civic.geoJson({ type: "FeatureCollection", features: all.filter(function (f) { return f.properties.state; }) }, {
    style: function (f) {
      var state = f.properties.state;
      return { className: "grid-" + state, color: colours[state], weight: 2, fillOpacity: state === "ok" ? 0.12 : 0.3 };
    },
    onEachFeature: function (f, layer) {
      byIndex[f.properties.index] = layer;
      layer.bindTooltip(f.properties.index + " · " + f.properties.code + " " + f.properties.name, { sticky: true });
    }
  }).addTo(map);

  var problems = civic.geoJson({ type: "FeatureCollection", features: all.filter(function (f) { return f.properties.problem; }) }, {
    style: function (f) { return { className: "problem-" + f.properties.problem, color: colours[f.properties.problem], weight: 2, dashArray: "4 3", fillOpacity: 0.5 }; },
    pointToLayer: function (f, at) { return L.circleMarker(at, { radius: 7 }); },
    onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.reason, { sticky: true }); }
  }).addTo(map);

  var bounds = grids.getBounds();
  if (problems.getLayers().length) bounds.extend(problems.getBounds());
  if (bounds.isValid()) {
    map.fitBounds(bounds, { padding: [8, 8] });
  } else {
    map.setView(civic.toMap(24.51, 117.71), 13);
  }

  document.querySelectorAll("[data-testid=import-row], [data-testid=import-problem]").forEach(function (row) {
    var layer = byIndex[row.dataset.index];
    if (!layer || !layer.getBounds) return;
    row.classList.add("zooms");
    row.addEventListener("click", function () {
      map.fitBounds(layer.getBounds(), { padding: [16, 16] });
      element.scrollIntoView({ behavior: "smooth", block: "center" });
    });
  });
})();
