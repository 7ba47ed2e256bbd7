// Progressive enhancement: "use my location" fills latitude and longitude into the GET form and sends it.
// Without JavaScript the page offers region -> district links instead; this script only adds a button.
(function () {
  "use strict";
  var form = document.getElementById("locate-form");
  if (!form || !("geolocation" in navigator)) { return; }
  var button = form.querySelector("button");
  var status = document.getElementById("locate-status");
  form.hidden = false;
  form.addEventListener("submit", function (event) {
    if (form.elements.lat.value && form.elements.lon.value) { return; }
    event.preventDefault();
    button.disabled = true;
    status.textContent = form.dataset.waiting;
    navigator.geolocation.getCurrentPosition(function (pos) {
      form.elements.lat.value = pos.coords.latitude.toFixed(5);
      form.elements.lon.value = pos.coords.longitude.toFixed(5);
      form.submit();
    }, function () {
      button.disabled = false;
      status.textContent = form.dataset.failed;
    }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
  });
}());
