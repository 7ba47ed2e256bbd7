// "Print" buttons (data-print): the browser's print dialog. A static file, so the Content-Security-Policy
// needs no inline script (docs/security.md).
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
