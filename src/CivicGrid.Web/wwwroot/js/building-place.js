// The building form's point: a click on the map puts the pin, dragging moves it, typed numbers move
// it too, and the grid it falls in shows at once. The server decides again on save. Without
// JavaScript the form keeps its latitude and longitude fields. Also fills "1单元 … N单元".
(function () {
  "use strict";
  var units = document.getElementById("Input_Units");
  var fill = document.getElementById("unit-fill");
  if (units && fill) {
    var count = document.getElementById("unit-count");
    var fillUnits = function () {
      var n = parseInt(count.value, 10);
      if (!(n >= 1 && n <= parseInt(count.max, 10))) return;
      var names = [];
      for (var i = 1; i <= n; i++) names.push(fill.dataset.pattern.replace("{0}", i));
      units.value = names.join("\n");
    };
    fill.hidden = false;
    document.getElementById("fill-units").addEventListener("click", fillUnits);
    // Enter in the count fills the units; it must not send the half-filled form.
    count.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); fillUnits(); } });
  }

  var element = document.getElementById("building-map");
  if (!element || !window.L || !window.CivicMap) return;

  var lat = document.getElementById("Input_Latitude");
  var lng = document.getElementById("Input_Longitude");
  var preview = document.getElementById("building-place");
  var page = window.location.pathname;

  element.hidden = false;
  document.getElementById("building-map-hint").hidden = false;
  var civic = CivicMap.create(element);
  var map = civic.map;
  // No pin until the administrator puts one: a pin left where the map opened would save a wrong point.
  var pin = null;

  function position() {
    var a = parseFloat(lat.value), b = parseFloat(lng.value);
    return isFinite(a) && isFinite(b) ? { lat: a, lng: b } : null;
  }

  var debounce = CivicMap.debounce;
  function get(handler, query) { return CivicMap.pageJson(page, handler, query); }

  var showPlace = debounce(function () {
    var p = position();
    if (!p) return;
    get("Place", { latitude: p.lat, longitude: p.lng }).then(function (place) {
      preview.textContent = place.text;
      preview.classList.toggle("warning", !place.isYours);
    }).catch(function () { });
  }, 250);

  function putPin(at) {
    if (pin) {
      pin.setLatLng(at);
      return;
    }
    pin = L.marker(at, { draggable: true, keyboard: true, title: element.dataset.pin || "" }).addTo(map);
    pin.on("dragend", fromPin);
  }

  function fromPin() {
    var p = civic.fromMap(pin.getLatLng());
    lat.value = p.lat.toFixed(6);
    lng.value = p.lng.toFixed(6);
    showPlace();
  }

  map.on("click", function (e) {
    putPin(e.latlng);
    fromPin();
  });

  function inputsChanged() {
    var p = position();
    if (!p) return;
    putPin(civic.toMap(p.lat, p.lng));
    map.panTo(pin.getLatLng());
    showPlace();
  }
  lat.addEventListener("change", inputsChanged);
  lng.addEventListener("change", inputsChanged);

  var loadGrids = debounce(function () {
    get("Grids", { bbox: civic.bbox() }).then(civic.showGrids).catch(function () { });
  }, 300);
  map.on("moveend", loadGrids);

  var start = position();
  var extent = element.dataset.extent ? element.dataset.extent.split(",").map(parseFloat) : null;
  if (start) {
    putPin(civic.toMap(start.lat, start.lng));
    map.setView(pin.getLatLng(), 17);
  } else if (extent) {
    map.fitBounds(L.latLngBounds(civic.toMap(extent[1], extent[0]), civic.toMap(extent[3], extent[2])), { padding: [8, 8] });
  } else {
    map.setView(civic.toMap(24.51, 117.71), 13);
  }
})();
