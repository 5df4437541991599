// Progressive enhancement: fill the browser's position into the latitude/longitude fields.
(function () {
  var button = document.getElementById("use-location");
  if (!button || !navigator.geolocation) return;
  var status = document.getElementById("location-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = "";
    navigator.geolocation.getCurrentPosition(function (position) {
      var lat = document.getElementById("Input_Latitude");
      var lng = document.getElementById("Input_Longitude");
      lat.value = position.coords.latitude.toFixed(6);
      lng.value = position.coords.longitude.toFixed(6);
      // The map, if there is one, follows the fields.
      lng.dispatchEvent(new Event("change"));
    }, function () {
      status.textContent = button.dataset.failed;
    }, { enableHighAccuracy: true, timeout: 15000 });
  });
})();
