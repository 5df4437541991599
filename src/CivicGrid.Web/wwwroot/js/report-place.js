// The report form's "where": a map with a draggable pin, address search over the district's
// buildings, and a live line saying where the event will go. The server decides again on
// submit; this only shows it early. Without JavaScript the form keeps its plain fields.
(function () {
  "use strict";
  var mapElement = document.getElementById("report-map");
  if (!mapElement || !window.L || !window.CivicMap) return;

  var form = mapElement.closest("form");
  var lat = document.getElementById("Input_Latitude");
  var lng = document.getElementById("Input_Longitude");
  var address = document.getElementById("Input_Address");
  var buildingId = document.getElementById("Input_BuildingId");
  var unitChoice = document.getElementById("building-unit-choice");
  var unitSelect = document.getElementById("Input_BuildingUnitId");
  var preview = document.getElementById("place-preview");
  var search = document.getElementById("address-search");
  var results = document.getElementById("address-results");
  var page = window.location.pathname;

  mapElement.hidden = false;
  search.closest(".address-search").hidden = false;

  var civic = CivicMap.create(mapElement);
  var map = civic.map;
  var start = position() || centre();
  map.setView(civic.toMap(start.lat, start.lng), 16);
  var pin = L.marker(civic.toMap(start.lat, start.lng), { draggable: true, keyboard: true, title: preview.dataset.pin || "" }).addTo(map);

  function position() {
    var a = parseFloat(lat.value), b = parseFloat(lng.value);
    return isFinite(a) && isFinite(b) ? { lat: a, lng: b } : null;
  }

  function centre() {
    var parts = (mapElement.dataset.centre || "24.51,117.71").split(",");
    return { lat: parseFloat(parts[0]), lng: parseFloat(parts[1]) };
  }

  var debounce = CivicMap.debounce;
  function get(handler, query) { return CivicMap.pageJson(page, handler, query); }

  var category = document.getElementById("Input_CategoryId");
  var nearby = document.getElementById("nearby");
  var nearbyList = document.getElementById("nearby-list");

  // "Someone reported this already — follow it?": a button that sends the form to the Join handler.
  var showNearby = debounce(function () {
    var p = position();
    if (!p || !category.value) { nearby.hidden = true; return; }
    get("Nearby", { latitude: p.lat, longitude: p.lng, categoryId: category.value }).then(function (found) {
      nearbyList.innerHTML = "";
      found.forEach(function (n) {
        var li = document.createElement("li");
        var button = document.createElement("button");
        button.type = "submit";
        button.className = "choice";
        button.formNoValidate = true;
        button.formMethod = "post";
        button.formAction = page + "?handler=Join&join=" + encodeURIComponent(n.id);
        button.dataset.testid = "join-" + n.number;
        button.textContent = nearby.dataset.join + " · " + n.number + " · " + n.title + " · " + n.status + " · " + n.distance;
        li.appendChild(button);
        nearbyList.appendChild(li);
      });
      nearby.hidden = found.length === 0;
    }).catch(function () { nearby.hidden = true; });
  }, 300);
  category.addEventListener("change", showNearby);

  var showPlace = debounce(function () {
    var p = position();
    if (!p) return;
    showNearby();
    get("Place", { latitude: p.lat, longitude: p.lng }).then(function (place) {
      preview.textContent = place.text;
      preview.classList.toggle("warning", !place.placed);
    }).catch(function () { });
  }, 250);

  // The pin moved by hand: the building picked earlier no longer describes the place.
  function setPosition(p, keepBuilding) {
    lat.value = p.lat.toFixed(6);
    lng.value = p.lng.toFixed(6);
    if (!keepBuilding) {
      buildingId.value = "";
      unitSelect.value = "";
      unitChoice.hidden = true;
    }
    showPlace();
  }

  pin.on("dragend", function () { setPosition(civic.fromMap(pin.getLatLng()), false); });
  map.on("click", function (e) {
    pin.setLatLng(e.latlng);
    setPosition(civic.fromMap(e.latlng), false);
  });

  function inputsChanged() {
    var p = position();
    if (!p) return;
    pin.setLatLng(civic.toMap(p.lat, p.lng));
    map.panTo(pin.getLatLng());
    showPlace();
  }
  lat.addEventListener("change", inputsChanged);
  lng.addEventListener("change", inputsChanged);

  var loadGrids = debounce(function () {
    get("Grids", { bbox: civic.bbox() }).then(function (data) {
      civic.showGrids(data);
      pin.bringToFront && pin.bringToFront();
    }).catch(function () { });
  }, 300);
  map.on("moveend", loadGrids);
  loadGrids();

  var runSearch = debounce(function () {
    var q = search.value.trim();
    results.innerHTML = "";
    if (!q) return;
    get("Addresses", { q: q }).then(function (matches) {
      results.innerHTML = "";
      matches.forEach(function (m) {
        var li = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "choice";
        button.textContent = m.address + (m.communityName ? " · " + m.communityName + " " + (m.gridName || "") : "");
        button.addEventListener("click", function () { pick(m); });
        li.appendChild(button);
        results.appendChild(li);
      });
    }).catch(function () { });
  }, 300);
  search.addEventListener("input", runSearch);
  // Enter in the search box picks nothing and must not send the half-filled report.
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") e.preventDefault(); });

  function pick(m) {
    address.value = m.address;
    buildingId.value = m.buildingId;
    unitSelect.innerHTML = "";
    var none = document.createElement("option");
    none.value = "";
    none.textContent = unitSelect.dataset.choose || "—";
    unitSelect.appendChild(none);
    m.units.forEach(function (u) {
      var o = document.createElement("option");
      o.value = u.id;
      o.textContent = u.name;
      unitSelect.appendChild(o);
    });
    unitChoice.hidden = m.units.length === 0;
    results.innerHTML = "";
    search.value = "";
    pin.setLatLng(civic.toMap(m.latitude, m.longitude));
    map.setView(pin.getLatLng(), 17);
    setPosition({ lat: m.latitude, lng: m.longitude }, true);
  }

  if (position()) showPlace();
  form.addEventListener("reset", function () { preview.textContent = ""; });
})();
