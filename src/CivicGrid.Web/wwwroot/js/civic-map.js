// A Leaflet map over the configured tiles (or none), in WGS-84 for everything outside it:
// for GCJ-02 tiles (AMap) positions are shifted on the way in and back on the way out.
// Usage: var m = CivicMap.create(element); m.toMap(lat, lng); m.fromMap(leafletLatLng).
(function (root) {
  "use strict";

  function create(element) {
    var tiles = element.dataset.tiles ? JSON.parse(element.dataset.tiles) : {};
    var gcj = tiles.gcj02 === true;
    // maxZoom even without tiles: clustering needs to know the deepest zoom.
    var map = L.map(element, { zoomControl: true, attributionControl: !!tiles.urlTemplate, maxZoom: 19 });
    if (tiles.urlTemplate) {
      L.tileLayer(tiles.urlTemplate, { subdomains: tiles.subdomains || "abc", attribution: tiles.attribution || "", maxZoom: 19 }).addTo(map);
    } else {
      element.classList.add("map-plain");
    }

    function toMap(lat, lng) {
      if (!gcj) return L.latLng(lat, lng);
      var p = ChinaCoordinates.wgs84ToGcj02(lat, lng);
      return L.latLng(p.lat, p.lng);
    }

    function fromMap(latLng) {
      if (!gcj) return { lat: latLng.lat, lng: latLng.lng };
      return ChinaCoordinates.gcj02ToWgs84(latLng.lat, latLng.lng);
    }

    // GeoJSON arrives in WGS-84 [lng, lat]; Leaflet asks us where each point goes on the map.
    function geoJson(data, options) {
      var settings = Object.assign({}, options || {}, {
        coordsToLatLng: function (c) { return toMap(c[1], c[0]); }
      });
      return L.geoJSON(data, settings);
    }

    // The visible window in WGS-84, as the API's bbox parameter: west,south,east,north.
    function bbox() {
      var b = map.getBounds();
      var sw = fromMap(b.getSouthWest());
      var ne = fromMap(b.getNorthEast());
      return [sw.lng, sw.lat, ne.lng, ne.lat].map(function (n) { return n.toFixed(6); }).join(",");
    }

    return { map: map, toMap: toMap, fromMap: fromMap, geoJson: geoJson, bbox: bbox };
  }

  root.CivicMap = { create: create };
})(this);
