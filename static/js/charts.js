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

  var charts = [];
  document.querySelectorAll("[data-chart]").forEach(function (container) {
    var data = document.getElementById(container.getAttribute("data-chart"));
    if (!data) { return; }
    var figure = JSON.parse(data.textContent);
    // Keep the chart's room from the start, so the table below does not move
    // when plotly.js arrives (a layout shift).
    container.style.minHeight = (figure.layout.height || 450) + "px";
    container.removeAttribute("hidden");
    charts.push({ container: container, figure: figure });
  });

  function draw() {
    if (!window.Plotly) { return; }
    charts.forEach(function (chart) {
      window.Plotly.newPlot(
        chart.container, chart.figure.data, chart.figure.layout, config
      );
    });
  }

  function giveUp() {
    // Without plotly.js the sentence and the table carry the figures.
    charts.forEach(function (chart) { chart.container.hidden = true; });
  }

  function loadPlotly() {
    if (window.Plotly) { draw(); return; }
    var tag = document.createElement("script");
    tag.src = plotlyUrl;
    tag.onload = draw;
    tag.onerror = giveUp;
    document.head.appendChild(tag);
  }

  if (!charts.length) { return; }
  if (!plotlyUrl) { giveUp(); return; }
  if (document.readyState === "complete") {
    loadPlotly();
  } else {
    window.addEventListener("load", loadPlotly);
  }
})();
