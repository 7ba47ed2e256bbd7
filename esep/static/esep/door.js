// Registration at the door (meetings/staff_door.html): the search for a known resident refreshes its
// results as the staff member types. A static file, so the Content-Security-Policy needs no inline script.
(function () {
  var form = document.getElementById("known-search");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input[name=q]"), timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var url = window.location.pathname;
      fetch(url + "?partial=results&q=" + encodeURIComponent(input.value), {credentials: "same-origin"})
        .then(function (r) { return r.text(); })
        .then(function (html) { document.getElementById("known-results").outerHTML = html; });
    }, 200);
  });
})();
