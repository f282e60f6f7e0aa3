// Botulinum toxin chart on the patient page (Chart.js 4). A <figure data-toxin-history-chart="ID"> holds its data in
// <script type="application/json" id="ID"> and tables of the same values. Without JavaScript (or Chart.js) the tables
// are what people see; with it, stacked panels are drawn and the tables stay for screen readers only.
//
// Data: { timeZone, sessions: [{ x, date, units, product, isBooster, improvementPercent, response, benefitDays }],
//         scales: [ScaleChart: { code, name, min, max, higherIsWorse, tickLabels?, points: [{ x, y, date, label }], markers }] }
// Every panel — dose, peak improvement, duration of benefit, then one per rating scale — shares one x range (UTC
// milliseconds on a linear axis, ticks written as dates in the clinic's zone), so a session lines up with the scores
// around it. Session dates are drawn as dashed lines on the scale panels.
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
    const brand = colour("--brand", "#0f766e");
    const ink = colour("--ink", "#1f2933");
    const muted = colour("--muted", "#5f6b76");
    const warn = colour("--warn", "#b7791f");
    const danger = colour("--danger", "#a4262c");

    const markerPlugin = {
        id: "toxinMarkers",
        afterDatasetsDraw: function (chart, args, options) {
            const markers = options.markers || [];
            const x = chart.scales.x;
            const area = chart.chartArea;
            const ctx = chart.ctx;
            ctx.save();
            ctx.strokeStyle = warn;
            ctx.setLineDash([4, 4]);
            markers.forEach(function (m) {
                const px = x.getPixelForValue(m);
                if (px < area.left || px > area.right) {
                    return;
                }
                ctx.beginPath();
                ctx.moveTo(px, area.top);
                ctx.lineTo(px, area.bottom);
                ctx.stroke();
            });
            ctx.restore();
        }
    };

    function draw(figure) {
        const source = document.getElementById(figure.dataset.toxinHistoryChart);
        if (!source) {
            return;
        }
        const data = JSON.parse(source.textContent);
        const sessions = data.sessions || [];
        if (sessions.length === 0) {
            return;
        }

        const holder = figure.querySelector(".toxin-history-chart-canvas");
        const tables = figure.querySelector(".toxin-history-chart-table");
        const parts = new Intl.DateTimeFormat("en-US", { day: "numeric", month: "short", year: "numeric", timeZone: data.timeZone });
        const formatDate = function (value) {
            const p = {};
            parts.formatToParts(new Date(value)).forEach(function (part) { p[part.type] = part.value; });
            return p.day + " " + p.month + " " + p.year;
        };

        const xs = sessions.map(function (s) { return s.x; });
        (data.scales || []).forEach(function (scale) {
            scale.points.forEach(function (p) { xs.push(p.x); });
        });
        const first = Math.min.apply(null, xs);
        const last = Math.max.apply(null, xs);
        const pad = Math.max((last - first) * 0.04, 14 * DAY);
        const sessionX = sessions.map(function (s) { return s.x; });

        holder.hidden = false;
        tables.classList.add("sr-only");

        function panel(title, height) {
            const wrap = document.createElement("div");
            wrap.className = "toxin-history-chart-panel toxin-history-chart-panel-" + height;
            const heading = document.createElement("p");
            heading.className = "toxin-history-chart-panel-title";
            heading.textContent = title;
            const box = document.createElement("div");
            box.className = "toxin-history-chart-box";
            const canvas = document.createElement("canvas");
            canvas.setAttribute("aria-hidden", "true");
            box.appendChild(canvas);
            wrap.appendChild(heading);
            wrap.appendChild(box);
            holder.appendChild(wrap);
            return canvas;
        }

        function xAxis() {
            return {
                type: "linear",
                min: first - pad,
                max: last + pad,
                offset: false,
                ticks: {
                    color: muted,
                    maxTicksLimit: Math.max(2, Math.min(6, Math.floor(holder.clientWidth / 120))),
                    callback: function (value) { return formatDate(value); }
                },
                grid: { display: false, offset: false }
            };
        }

        function chart(canvas, type, datasets, y, tooltip, markers) {
            return new window.Chart(canvas, {
                type: type,
                data: { datasets: datasets },
                options: {
                    responsive: true,
                    maintainAspectRatio: false,
                    animation: false,
                    parsing: false,
                    // The same y-axis width on every panel, so the panels' time axes line up exactly.
                    scales: { x: xAxis(), y: Object.assign({ afterFit: function (scale) { scale.width = 64; } }, y) },
                    layout: { padding: { right: 28 } },
                    plugins: {
                        legend: { display: false },
                        tooltip: { callbacks: { title: function () { return ""; }, label: tooltip } },
                        toxinMarkers: { markers: markers || [] }
                    }
                },
                plugins: [markerPlugin]
            });
        }

        const bar = function (colourValue) {
            return { backgroundColor: colourValue, borderColor: colourValue, barThickness: 10, maxBarThickness: 14 };
        };

        // Dose: bars of total units (boosters lighter).
        chart(panel("Dose (units of the product used)", "small"), "bar", [Object.assign({
            label: "Dose",
            data: sessions.map(function (s) { return { x: s.x, y: s.units, raw: s }; }),
            backgroundColor: sessions.map(function (s) { return s.isBooster ? warn : brand; })
        }, { barThickness: 10, maxBarThickness: 14 })],
        { beginAtZero: true, grace: "10%", ticks: { color: ink }, title: { display: true, text: "U", color: muted } },
        function (item) { const s = item.raw.raw; return s.date + ": " + s.units + " U " + s.product + (s.isBooster ? " (booster)" : ""); });

        // Peak effect: % improvement where recorded.
        const peak = sessions.filter(function (s) { return s.improvementPercent !== null && s.improvementPercent !== undefined; });
        chart(panel("Peak improvement (%)", "small"), "scatter", [{
            label: "Peak improvement",
            data: peak.map(function (s) { return { x: s.x, y: s.improvementPercent, raw: s }; }),
            showLine: true,
            borderColor: brand,
            backgroundColor: brand,
            pointRadius: 4,
            tension: 0
        }],
        { min: 0, max: 100, ticks: { color: ink, stepSize: 25 }, title: { display: true, text: "%", color: muted } },
        function (item) { const s = item.raw.raw; return s.date + ": " + s.improvementPercent + " % (" + s.response + ")"; },
        peak.length === 0 ? sessionX : []);

        // Duration of benefit in days, with the 12-week reference.
        const benefit = sessions.filter(function (s) { return s.benefitDays !== null && s.benefitDays !== undefined; });
        chart(panel("Duration of benefit (days)", "small"), "bar", [Object.assign({
            label: "Duration of benefit",
            data: benefit.map(function (s) { return { x: s.x, y: s.benefitDays, raw: s }; })
        }, bar(danger))],
        { beginAtZero: true, suggestedMax: 120, ticks: { color: ink }, title: { display: true, text: "days", color: muted } },
        function (item) { const s = item.raw.raw; return s.date + ": " + s.benefitDays + " days"; },
        benefit.length === 0 ? sessionX : []);

        // Rating scales, with the sessions as dashed lines.
        (data.scales || []).forEach(function (scale) {
            const range = scale.max - scale.min;
            const step = Number.isInteger(range)
                ? [1, 2, 4, 5, 10, 20, 25, 50].find(function (s) { return range / s <= 6 && range % s === 0; })
                : undefined;
            chart(panel(scale.name + (scale.higherIsWorse ? " (higher is worse)" : " (higher is better)"), "small"), "scatter", [{
                label: scale.name,
                data: scale.points.map(function (p) { return { x: p.x, y: p.y, raw: p }; }),
                showLine: true,
                borderColor: ink,
                backgroundColor: ink,
                pointRadius: 3,
                tension: 0
            }],
            {
                min: scale.min,
                max: scale.max,
                ticks: {
                    color: ink,
                    stepSize: step,
                    callback: function (value) {
                        if (scale.tickLabels) {
                            return Object.prototype.hasOwnProperty.call(scale.tickLabels, String(value)) ? scale.tickLabels[String(value)] : "";
                        }
                        return value;
                    }
                }
            },
            function (item) { const p = item.raw.raw; return p.date + ": " + p.label; },
            sessionX);
        });
    }

    document.querySelectorAll("figure[data-toxin-history-chart]").forEach(draw);
})();
