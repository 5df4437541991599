// The staff map: the events the person can see in the window, clustered, coloured by status and
// ringed by urgency, over the grid boundaries; filters reload the events without leaving the page.
// A tapped marker shows its number at once, then its title and a link to the event.
(function () {
  "use strict";
  var element = document.getElementById("event-map");
  if (!element || !window.L || !window.CivicMap || !L.markerClusterGroup) return;

  var form = document.getElementById("map-filters");
  var line = document.getElementById("map-status-line");
  var page = window.location.pathname;
  var openStatuses = JSON.parse(element.dataset.openStatuses || "[]");
  var levels = { Normal: 1, Urgent: 2, Critical: 3 };
  var groups = {
    Reported: "waiting", Registered: "waiting", Dispatched: "progress", Handling: "progress",
    AwaitingVerification: "verifying", Closed: "done", Evaluated: "done", Voided: "voided"
  };

  var civic = CivicMap.create(element);
  var map = civic.map;
  var extent = (element.dataset.extent || "").split(",").map(parseFloat);
  if (extent.length === 4 && extent.every(isFinite)) {
    map.fitBounds(L.latLngBounds(civic.toMap(extent[1], extent[0]), civic.toMap(extent[3], extent[2])));
  } else {
    map.setView(civic.toMap(24.51, 117.71), 14);
  }

  // A cluster takes the colour of the most urgent event in it.
  var cluster = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    maxClusterRadius: 45,
    iconCreateFunction: function (c) {
      var level = 1;
      c.getAllChildMarkers().forEach(function (m) { if (m.options.level > level) level = m.options.level; });
      var n = c.getChildCount();
      var size = n < 100 ? 34 : 42;
      return L.divIcon({ html: "<span>" + n + "</span>", className: "event-cluster level-" + level, iconSize: L.point(size, size) });
    }
  }).addTo(map);

  function format(template, value) { return (template || "").replace("{0}", value); }

  var debounce = CivicMap.debounce;
  function get(handler, query) { return CivicMap.pageJson(page, handler, query); }

  function filters() {
    var query = new URLSearchParams({ bbox: civic.bbox() });
    ["categoryId", "from", "to"].forEach(function (name) {
      var value = form.elements[name].value;
      if (value) query.set(name, value);
    });
    var status = form.elements.status.value;
    (status === "open" ? openStatuses : status ? [status] : []).forEach(function (s) { query.append("status", s); });
    return query;
  }

  function marker(e) {
    var level = levels[e.urgency] || 1;
    var size = level === 3 ? 22 : 18;
    var m = L.marker(civic.toMap(e.lat, e.lng), {
      level: level,
      title: e.number,
      icon: L.divIcon({ className: "event-marker status-" + (groups[e.status] || "waiting") + " urgency-" + e.urgency, iconSize: [size, size] })
    });
    m.on("click", function () { showEvent(m, e); });
    return m;
  }

  function showEvent(m, e) {
    var box = document.createElement("div");
    box.className = "event-popup";
    var number = document.createElement("strong");
    number.className = "number";
    number.textContent = e.number;
    box.appendChild(number);
    m.unbindPopup();
    m.bindPopup(box).openPopup();
    get("Event", new URLSearchParams({ id: e.id })).then(function (d) {
      [[d.title, "title"], [d.status + " · " + d.urgency + " · " + (d.category || ""), "meta"], [d.address, "meta"], [d.reportedAt, "meta"]].forEach(function (p) {
        var span = document.createElement("span");
        span.className = p[1];
        span.textContent = p[0];
        box.appendChild(span);
      });
      var link = document.createElement("a");
      link.href = d.url;
      link.textContent = line.dataset.openEvent;
      link.setAttribute("data-testid", "map-event-link");
      box.appendChild(link);
      m.getPopup() && m.getPopup().update();
    }).catch(function () { });
  }

  // Only the answer to the latest window counts: an older one arriving late is dropped.
  var asked = 0;
  function loadEvents() {
    var mine = ++asked;
    get("Events", filters()).then(function (data) {
      if (mine !== asked) return;
      cluster.clearLayers();
      cluster.addLayers(data.events.map(marker));
      line.textContent = data.tooMany ? format(line.dataset.tooMany, data.max) : format(line.dataset.count, data.events.length);
      line.classList.toggle("warning", data.tooMany);
      element.dataset.events = data.events.length;
    }).catch(function () {
      if (mine !== asked) return;
      line.textContent = line.dataset.failed;
      line.classList.add("warning");
    });
  }

  function loadGrids() {
    get("Grids", new URLSearchParams({ bbox: civic.bbox() })).then(civic.showGrids).catch(function () { });
  }

  map.on("moveend", debounce(function () { loadGrids(); loadEvents(); }, 250));
  form.addEventListener("change", loadEvents);
  form.addEventListener("submit", function (e) { e.preventDefault(); loadEvents(); });
  loadGrids();
  loadEvents();
})();
