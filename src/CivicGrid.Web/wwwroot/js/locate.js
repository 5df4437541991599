// Progressive enhancement: fill the browser's position into the latitude/longitude fields.
(function () {
  var button = document.getElementById("use-location");
  if (!button || !navigator.geolocation) return;
  var status = document.getElementById("location-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = "";
    navigator.geolocation.getCurrentPosition(function (position) {
      document.getElementById("Input_Latitude").value = position.coords.latitude.toFixed(6);
      document.getElementById("Input_Longitude").value = position.coords.longitude.toFixed(6);
    }, function () {
      status.textContent = button.dataset.failed;
    }, { enableHighAccuracy: true, timeout: 15000 });
  });
})();
