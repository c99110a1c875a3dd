/* Draws the plotly figures that the server put in the page as JSON.
   Without JavaScript the page's table and sentence carry the same figures.
   plotly.js (about 395 KB compressed, and a few hundred milliseconds of a
   phone's processor) is fetched only after the page has loaded, and only once a
   chart is about to scroll into view: a reader who stays with the text and the
   table does not pay for it. Its URL comes from this script tag's data-plotly
   attribute. */
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

  function whenAChartIsNear(callback) {
    if (!("IntersectionObserver" in window)) { callback(); return; }
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        callback();
      }
    }, { rootMargin: "200px 0px" });
    charts.forEach(function (chart) { observer.observe(chart.container); });
  }

  function start() { whenAChartIsNear(loadPlotly); }

  if (!charts.length) { return; }
  if (!plotlyUrl) { giveUp(); return; }
  if (document.readyState === "complete") {
    start();
  } else {
    window.addEventListener("load", start);
  }
})();
