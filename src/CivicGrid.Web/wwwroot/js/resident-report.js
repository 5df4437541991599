// The resident's report form, enhanced where the phone allows: a map pin loaded only when asked
// for (Leaflet is the heaviest file on the page, too much to send every resident on 3G), and
// dictation into the description where the browser offers speech recognition.
(function () {
  "use strict";
  var lat = document.getElementById("Input_Latitude");
  var lng = document.getElementById("Input_Longitude");
  var status = document.getElementById("location-status");

  function located() {
    if (lat.value && lng.value) status.textContent = status.dataset.located;
    offerSameProblem();
  }
  lng.addEventListener("change", located);

  // The same problem reported nearby: offered as soon as the place and the category are known.
  var same = document.getElementById("same-problem");
  var sameList = document.getElementById("same-list");
  var category = document.getElementById("Input_CategoryId");
  var token = document.querySelector("input[name=__RequestVerificationToken]");
  category.addEventListener("change", offerSameProblem);

  function offerSameProblem() {
    if (!lat.value || !lng.value || !category.value) return;
    var url = same.dataset.url + "&latitude=" + encodeURIComponent(lat.value) + "&longitude=" + encodeURIComponent(lng.value) + "&categoryId=" + encodeURIComponent(category.value);
    fetch(url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : []; }).then(function (found) {
      sameList.textContent = "";
      found.forEach(function (report) {
        var item = document.createElement("li");
        item.setAttribute("data-testid", "same-item");
        var label = document.createElement("span");
        label.textContent = report.label;
        // A button, not a form: forms cannot nest inside the report form. The page answers with where to go next.
        var follow = document.createElement("button");
        follow.type = "button";
        follow.textContent = sameList.dataset.follow;
        follow.setAttribute("data-testid", "same-follow");
        follow.addEventListener("click", function () {
          follow.disabled = true;
          fetch("/r/report?handler=Follow&number=" + encodeURIComponent(report.number), {
            method: "POST",
            credentials: "same-origin",
            headers: { "RequestVerificationToken": token ? token.value : "" }
          }).then(function (r) { window.location.href = r.url; });
        });
        item.appendChild(label);
        item.appendChild(follow);
        sameList.appendChild(item);
      });
      same.hidden = found.length === 0;
    });
  }

  located();

  var pick = document.getElementById("pick-on-map");
  var mapElement = document.getElementById("resident-map");
  pick.hidden = false;
  pick.addEventListener("click", function () {
    pick.disabled = true;
    loadMap().then(showMap);
  });

  function load(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function loadMap() {
    var assets = document.getElementById("map-assets").content;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = assets.querySelector("link").getAttribute("href");
    document.head.appendChild(css);
    var scripts = Array.prototype.map.call(assets.querySelectorAll("script"), function (s) { return s.getAttribute("src"); });
    return scripts.reduce(function (loaded, src) { return loaded.then(function () { return load(src); }); }, Promise.resolve());
  }

  function showMap() {
    mapElement.hidden = false;
    var civic = CivicMap.create(mapElement);
    var start = isFinite(parseFloat(lat.value)) ? { lat: parseFloat(lat.value), lng: parseFloat(lng.value) } : { lat: 24.51, lng: 117.71 };
    civic.map.setView(civic.toMap(start.lat, start.lng), 17);
    var pin = L.marker(civic.toMap(start.lat, start.lng), { draggable: true }).addTo(civic.map);
    function place(latLng) {
      var p = civic.fromMap(latLng);
      lat.value = p.lat.toFixed(6);
      lng.value = p.lng.toFixed(6);
      located();
    }
    pin.on("dragend", function () { place(pin.getLatLng()); });
    civic.map.on("click", function (e) { pin.setLatLng(e.latlng); place(e.latlng); });
    lng.addEventListener("change", function () { pin.setLatLng(civic.toMap(parseFloat(lat.value), parseFloat(lng.value))); civic.map.panTo(pin.getLatLng()); });
  }

  var Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
  var voice = document.getElementById("voice");
  if (!Recognition || !voice) return;
  var description = document.getElementById("Input_Description");
  voice.hidden = false;
  voice.addEventListener("click", function () {
    var recognition = new Recognition();
    recognition.lang = document.documentElement.lang || "zh-CN";
    recognition.interimResults = false;
    var label = voice.textContent;
    voice.textContent = voice.dataset.listening;
    recognition.onresult = function (e) {
      description.value = (description.value ? description.value + " " : "") + e.results[0][0].transcript;
    };
    recognition.onend = function () { voice.textContent = label; };
    recognition.start();
  });
})();
