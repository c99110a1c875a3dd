/* Draws the plotly figures that the server put in the page as JSON.
   Without JavaScript the page's table and sentence carry the same figures. */
(function () {
  "use strict";
  if (!window.Plotly) { return; }
  // No mode bar: its buttons would be keyboard stops inside an image.
  var config = { displayModeBar: false, responsive: true };
  document.querySelectorAll("[data-chart]").forEach(function (container) {
    var data = document.getElementById(container.getAttribute("data-chart"));
    if (!data) { return; }
    var figure = JSON.parse(data.textContent);
    container.removeAttribute("hidden");
    window.Plotly.newPlot(container, figure.data, figure.layout, config);
  });
})();
