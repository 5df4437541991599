// A small map of one place: a marker where it stands (data-latitude, data-longitude, WGS-84) and,
// when given, the area of its grid (data-area, GeoJSON). Without JavaScript the page keeps its address.
(function () {
  "use strict";
  var element = document.getElementById("building-map");
  if (!element || !window.L || !window.CivicMap) return;

  element.hidden = false;
  var civic = CivicMap.create(element);
  var at = civic.toMap(parseFloat(element.dataset.latitude), parseFloat(element.dataset.longitude));
  if (element.dataset.area) {
    var area = civic.geoJson(JSON.parse(element.dataset.area), { style: { color: "#b71c1c", weight: 1.5, fillOpacity: 0.06 }, interactive: false }).addTo(civic.map);
    civic.map.fitBounds(area.getBounds(), { padding: [8, 8] });
  } else {
    civic.map.setView(at, 17);
  }
  L.marker(at, { title: element.dataset.title || "", keyboard: false }).addTo(civic.map);
})();
