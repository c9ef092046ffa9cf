// The dashboard's charts (Chart.js, vendored by `make console-assets`). Each chart repeats a table
// that stays on the page: the tables are the accessible, printable version of every figure.
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || typeof window.Chart === "undefined") {
    return; // without the library the tables alone show every figure
  }
  var data = JSON.parse(source.textContent);
  var palette = ["#0b3d6e", "#b35900", "#0b6e3d", "#6e0b5a", "#5a5a5a", "#8a6d00"];

  function draw(id, type, labels, datasets, stacked) {
    var canvas = document.getElementById(id);
    if (!canvas) {
      return;
    }
    new window.Chart(canvas, {
      type: type,
      data: {
        labels: labels,
        datasets: datasets.map(function (set, index) {
          return { label: set.label, data: set.values, backgroundColor: palette[index % palette.length] };
        })
      },
      options: {
        animation: false,
        responsive: true,
        scales: stacked ? { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } : { y: { beginAtZero: true } }
      }
    });
  }

  draw("chart-per-day", "bar", data.days, data.per_day, true);
  draw("chart-topics", "bar", data.topics.labels, [{ label: "Answered without a person", values: data.topics.values }], false);
  draw("chart-handoffs", "bar", data.handoffs.labels, [{ label: "Hand-offs", values: data.handoffs.values }], false);
  draw("chart-rejections", "bar", data.rejections.labels, [{ label: "Documents sent back", values: data.rejections.values }], false);
})();
