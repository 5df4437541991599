// The indicators map: grids filled by their on-time closure rate band (grey when nothing closed)
// and a heat layer of the reported events, both from the page's #indicator-map-data; the table
// beside it holds the same figures, so the page says everything without this script.
(function () {
  "use strict";

  var element = document.getElementById("indicator-map");
  var source = document.getElementById("indicator-map-data");
  if (!element || !source || !window.L || !window.CivicMap) return;

  var data = JSON.parse(source.textContent);
  var bands = JSON.parse(element.dataset.bands);
  var outlined = data.grids.filter(function (g) { return g.area; });
  // Nothing to draw (no boundaries imported, no events): the table says it all.
  if (!outlined.length && !data.heat.length) return;
  element.hidden = false;
  var m = CivicMap.create(element);

  function colour(rate) {
    if (rate === null || rate === undefined) return element.dataset.noClosed;
    for (var i = 0; i < bands.length; i++) {
      if (rate >= bands[i].min) return bands[i].colour;
    }
    return bands[bands.length - 1].colour;
  }

  function percent(rate) {
    return rate === null || rate === undefined ? element.dataset.noRate : (rate * 100).toFixed(1) + "%";
  }

  var features = outlined.map(function (g) {
    return { type: "Feature", geometry: g.area, properties: g };
  });
  var grids = m.geoJson({ type: "FeatureCollection", features: features }, {
    style: function (f) {
      return { color: "#37474f", weight: 1, fillColor: colour(f.properties.onTimeRate), fillOpacity: 0.45 };
    },
    onEachFeature: function (f, layer) {
      var g = f.properties;
      var name = g.communityName ? g.communityName + " · " + g.name : g.name;
      layer.bindTooltip(name + " — " + element.dataset.rateLabel + " " + percent(g.onTimeRate) + " (" + g.closedOnTime + "/" + g.closed + ")", { sticky: true });
    }
  }).addTo(m.map);

  var overlays = {};
  overlays[element.dataset.gridsLabel] = grids;
  var heat = null;
  if (L.heatLayer && data.heat.length) {
    var max = data.heat.reduce(function (top, c) { return Math.max(top, c.count); }, 1);
    heat = L.heatLayer(data.heat.map(function (c) {
      var p = m.toMap(c.lat, c.lng);
      return [p.lat, p.lng, c.count];
    }), { radius: 20, blur: 15, max: max, maxZoom: 17 }).addTo(m.map);
    overlays[element.dataset.heatLabel] = heat;
  }
  // Open on wide screens; on a phone the control folds into its button so the map stays usable.
  L.control.layers(null, overlays, { collapsed: window.innerWidth < 640 }).addTo(m.map);

  if (features.length) {
    m.map.fitBounds(grids.getBounds(), { padding: [8, 8] });
  } else {
    m.map.fitBounds(L.latLngBounds(data.heat.map(function (c) { return m.toMap(c.lat, c.lng); })), { padding: [16, 16], maxZoom: 16 });
  }
})();
