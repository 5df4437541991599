// WGS-84 <-> GCJ-02 for maps over Chinese tiles (AMap): the same public algorithm as
// Geography/ChinaCoordinates.cs, which a test keeps in step with this file.
// In the browser: window.ChinaCoordinates; in Node: module.exports.
(function (root) {
  "use strict";
  var A = 6378245.0;
  var EE = 0.00669342162296594323;
  var REVERSE_TOLERANCE = 1e-7;

  function isOutsideChina(lat, lng) {
    return !(lng > 73.66 && lng < 135.05 && lat > 3.86 && lat < 53.55);
  }

  function transformLat(x, y) {
    var ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return ret;
  }

  function transformLng(x, y) {
    var ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return ret;
  }

  function offset(lat, lng) {
    var x = lng - 105.0;
    var y = lat - 35.0;
    var radLat = lat / 180.0 * Math.PI;
    var magic = Math.sin(radLat);
    magic = 1 - EE * magic * magic;
    var sqrtMagic = Math.sqrt(magic);
    return {
      lat: transformLat(x, y) * 180.0 / (A * (1 - EE) / (magic * sqrtMagic) * Math.PI),
      lng: transformLng(x, y) * 180.0 / (A / sqrtMagic * Math.cos(radLat) * Math.PI)
    };
  }

  // Returns {lat, lng}, which Leaflet's L.latLng accepts as it is.
  function wgs84ToGcj02(lat, lng) {
    if (isOutsideChina(lat, lng)) return { lat: lat, lng: lng };
    var d = offset(lat, lng);
    return { lat: lat + d.lat, lng: lng + d.lng };
  }

  // No closed-form inverse: iterate until the forward conversion lands within 1e-7 degrees.
  function gcj02ToWgs84(lat, lng) {
    if (isOutsideChina(lat, lng)) return { lat: lat, lng: lng };
    var wLat = lat;
    var wLng = lng;
    for (var i = 0; i < 30; i++) {
      var d = offset(wLat, wLng);
      var errorLat = wLat + d.lat - lat;
      var errorLng = wLng + d.lng - lng;
      if (Math.abs(errorLat) < REVERSE_TOLERANCE && Math.abs(errorLng) < REVERSE_TOLERANCE) break;
      wLat -= errorLat;
      wLng -= errorLng;
    }
    return { lat: wLat, lng: wLng };
  }

  var api = { wgs84ToGcj02: wgs84ToGcj02, gcj02ToWgs84: gcj02ToWgs84, isOutsideChina: isOutsideChina };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.ChinaCoordinates = api;
  }
})(this);
