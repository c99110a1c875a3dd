/* Draws the plotly figures that the server put in the page as JSON.
   Without JavaScript the page's table and sentence carry the same figures.
   plotly.js is fetched only after the page has loaded, so the text is painted
   first; its URL comes from this script tag's data-plotly attribute. */
(function () {
  "use strict";
  var script = document.currentScript;
  var plotlyUrl = script && script.getAttribute("data-plotly");
  // No mode bar: its buttons would be keyboard stops inside an image.
  var config = { displayModeBar: false, responsive: true };

  function draw() {
    if (!window.Plotly) { return; }
    document.querySelectorAll("[data-chart]").forEach(function (container) {
      var data = document.getElementById(container.getAttribute("data-chart"));
      if (!data) { return; }
      var figure = JSON.parse(data.textContent);
      container.removeAttribute("hidden");
      window.Plotly.newPlot(container, figure.data, figure.layout, config);
    });
  }

  function loadPlotly() {
    if (window.Plotly) { draw(); return; }
    var tag = document.createElement("script");
    tag.src = plotlyUrl;
    tag.onload = draw;
    document.head.appendChild(tag);
  }

  if (!plotlyUrl || !document.querySelector("[data-chart]")) { return; }
  if (document.readyState === "complete") {
    loadPlotly();
  } else {
    window.addEventListener("load", loadPlotly);
  }
})();
