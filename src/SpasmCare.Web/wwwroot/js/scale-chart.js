// Rating-scale charts (Chart.js 4). Each <figure data-scale-chart="ID"> holds its data in
// <script type="application/json" id="ID"> and a table of the same values. Without JavaScript (or Chart.js) the
// table is what people see; with it the chart is drawn and the table stays for screen readers only.
//
// Data: { code, name, timeZone, min, max, higherIsWorse, tickLabels?, points: [{ x, y, date, label }], markers: [{ x, label }] }
// x values are UTC instants in milliseconds on a linear axis, so no date adapter is needed; ticks are written as
// dates in the clinic's time zone. `markers` are vertical lines (treatment dates, once treatments are recorded).
(function () {
    "use strict";
    if (typeof window.Chart === "undefined") {
        return;
    }

    const DAY = 24 * 60 * 60 * 1000;
    const style = getComputedStyle(document.documentElement);
    const colour = function (name, fallback) {
        const value = style.getPropertyValue(name).trim();
        return value || fallback;
    };
    const line = colour("--brand", "#0f766e");
    const ink = colour("--ink", "#1f2933");
    const muted = colour("--muted", "#5f6b76");
    const marker = colour("--warn", "#b7791f");

    // Vertical lines at marker instants, with their label at the top of the plot area.
    const markerPlugin = {
        id: "scaleMarkers",
        afterDatasetsDraw: function (chart, args, options) {
            const markers = options.markers || [];
            if (markers.length === 0) {
                return;
            }
            const x = chart.scales.x;
            const area = chart.chartArea;
            const ctx = chart.ctx;
            ctx.save();
            ctx.strokeStyle = marker;
            ctx.fillStyle = marker;
            ctx.setLineDash([4, 4]);
            ctx.font = "11px system-ui, sans-serif";
            ctx.textBaseline = "top";
            markers.forEach(function (m) {
                const px = x.getPixelForValue(m.x);
                if (px < area.left || px > area.right) {
                    return;
                }
                ctx.beginPath();
                ctx.moveTo(px, area.top);
                ctx.lineTo(px, area.bottom);
                ctx.stroke();
                ctx.fillText(m.label, px + 3, area.top + 2);
            });
            ctx.restore();
        }
    };

    function draw(figure) {
        const source = document.getElementById(figure.dataset.scaleChart);
        if (!source) {
            return;
        }
        const data = JSON.parse(source.textContent);
        if (!data.points || data.points.length === 0) {
            return;
        }

        const holder = figure.querySelector(".scale-chart-canvas");
        const canvas = holder.querySelector("canvas");
        const table = figure.querySelector(".scale-chart-table");
        // "12 Aug 2026", as the server writes dates (en-GB would write "Sept").
        const parts = new Intl.DateTimeFormat("en-US", { day: "numeric", month: "short", year: "numeric", timeZone: data.timeZone });
        const dates = {
            format: function (date) {
                const p = {};
                parts.formatToParts(date).forEach(function (part) { p[part.type] = part.value; });
                return p.day + " " + p.month + " " + p.year;
            }
        };
        const first = data.points[0].x;
        const last = data.points[data.points.length - 1].x;
        const pad = Math.max((last - first) * 0.05, 7 * DAY);
        const markers = data.markers || [];
        // A whole step that divides the range into at most 8 parts: 1 for JRS (0–8), 4 for HFS-7 (0–28), 20 for HFS-30.
        const range = data.max - data.min;
        const step = Number.isInteger(range)
            ? [1, 2, 4, 5, 10, 20, 25, 50].find(function (s) { return range / s <= 8 && range % s === 0; })
            : undefined;

        holder.hidden = false;
        table.classList.add("sr-only");

        new window.Chart(canvas, {
            type: "scatter",
            data: {
                datasets: [{
                    label: data.name,
                    data: data.points.map(function (p) { return { x: p.x, y: p.y, date: p.date, label: p.label }; }),
                    showLine: true,
                    borderColor: line,
                    backgroundColor: line,
                    pointRadius: 4,
                    pointHoverRadius: 6,
                    tension: 0
                }]
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: {
                    x: {
                        type: "linear",
                        min: first - pad,
                        max: last + pad,
                        ticks: {
                            color: muted,
                            // About one date per 120 px, so labels never overlap on the patient page's narrow charts.
                            maxTicksLimit: Math.max(2, Math.min(6, Math.floor(holder.clientWidth / 120))),
                            callback: function (value) { return dates.format(new Date(value)); }
                        },
                        grid: { display: false }
                    },
                    y: {
                        min: data.min,
                        max: data.max,
                        title: { display: true, text: data.higherIsWorse ? "Higher is worse" : "Higher is better", color: muted },
                        ticks: {
                            color: ink,
                            stepSize: step,
                            callback: function (value) {
                                if (data.tickLabels) {
                                    return Object.prototype.hasOwnProperty.call(data.tickLabels, String(value)) ? data.tickLabels[String(value)] : "";
                                }
                                return value;
                            }
                        }
                    }
                },
                plugins: {
                    legend: { display: false },
                    tooltip: {
                        callbacks: {
                            title: function () { return ""; },
                            label: function (item) { return item.raw.date + ": " + item.raw.label; }
                        }
                    },
                    scaleMarkers: { markers: markers }
                }
            },
            plugins: [markerPlugin]
        });
    }

    document.querySelectorAll("figure[data-scale-chart]").forEach(draw);
})();
