// A Leaflet map over the configured tiles (or none), in WGS-84 for everything outside it:
// for GCJ-02 tiles (AMap) positions are shifted on the way in and back on the way out.
// Usage: var m = CivicMap.create(element); m.toMap(lat, lng); m.fromMap(leafletLatLng); m.showGrids(geoJson).
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

    // Grid outlines (the pages' Grids handlers), labelled "community · grid"; each call
    // replaces the outlines drawn before.
    var grids = null;
    function showGrids(data) {
      if (grids) grids.remove();
      grids = geoJson(data, {
        style: { className: "grid-boundary", color: "#b71c1c", weight: 1.5, fillOpacity: 0.05 },
        onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.community + " · " + f.properties.name, { sticky: true }); }
      }).addTo(map);
      return grids;
    }

    return { map: map, toMap: toMap, fromMap: fromMap, geoJson: geoJson, bbox: bbox, showGrids: showGrids };
  }

  // The map pages' helpers: a call that waits until the map stops moving, and the JSON of a
  // Razor page handler of the page itself (cookies and antiforgery stay the page's).
  function debounce(fn, ms) {
    var timer;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function pageJson(page, handler, query) {
    var params = new URLSearchParams(query);
    params.set("handler", handler);
    return fetch(page + "?" + params, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
  }

  root.CivicMap = { create: create, debounce: debounce, pageJson: pageJson };
})(this);
