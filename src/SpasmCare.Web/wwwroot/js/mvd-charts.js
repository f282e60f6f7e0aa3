// MVD outcome charts (Chart.js 4): the course of one case against the expected band, the length-of-stay histogram
// and the Kaplan-Meier curve of the outcome report. Each <figure data-mvd-…-chart="ID"> holds its data in
// <script type="application/json" id="ID"> and a table of the same values. Without JavaScript (or Chart.js) the table
// is what people see; with it the chart is drawn and the table stays for screen readers only.
// Also: any [data-print] button prints the page.
(function () {
    "use strict";

    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.addEventListener("click", function () { window.print(); });
    });

    if (typeof window.Chart === "undefined") {
        return;
    }

    const MONTH = 30.4375;
    const style = getComputedStyle(document.documentElement);
    const colour = function (name, fallback) {
        const value = style.getPropertyValue(name).trim();
        return value || fallback;
    };
    const brand = colour("--brand", "#0f766e");
    const ink = colour("--ink", "#1f2933");
    const muted = colour("--muted", "#5f6b76");
    const warn = colour("--warn", "#b7791f");
    const bandFill = "rgba(15, 118, 110, 0.15)";

    function setUp(figure, attribute) {
        const source = document.getElementById(figure.getAttribute(attribute));
        if (!source) {
            return null;
        }
        const holder = figure.querySelector(".mvd-chart-canvas");
        const table = figure.querySelector(".mvd-chart-table");
        if (!holder) {
            return null;
        }
        holder.hidden = false;
        if (table) {
            table.classList.add("sr-only");
        }
        return { data: JSON.parse(source.textContent), canvas: holder.querySelector("canvas") };
    }

    function monthTicks(value) {
        const months = value / MONTH;
        return Math.abs(months - Math.round(months)) < 0.05 ? Math.round(months) + " mo" : "";
    }

    const axisText = { color: muted };

    // One case: improvement at each follow-up over the expected band (share of patients spasm-free by then).
    document.querySelectorAll("[data-mvd-course-chart]").forEach(function (figure) {
        const set = setUp(figure, "data-mvd-course-chart");
        if (!set) {
            return;
        }
        const data = set.data;
        const lastDay = data.points.reduce(function (max, p) { return Math.max(max, p.day); }, 0);
        const maxDay = Math.max(730, lastDay + 30);
        const band = data.band.map(function (b) { return b; });
        const lastBand = band[band.length - 1];
        const low = band.map(function (b) { return { x: b.day, y: b.low }; }).concat([{ x: maxDay, y: lastBand.low }]);
        const high = band.map(function (b) { return { x: b.day, y: b.high }; }).concat([{ x: maxDay, y: lastBand.high }]);
        new window.Chart(set.canvas, {
            type: "scatter",
            data: {
                datasets: [
                    { label: "Expected band, lowest series", data: low, showLine: true, stepped: "before", borderColor: bandFill, pointRadius: 0, fill: false },
                    { label: "Expected range (published series)", data: high, showLine: true, stepped: "before", borderColor: bandFill, backgroundColor: bandFill, pointRadius: 0, fill: "-1" },
                    {
                        label: "This patient",
                        data: data.points.map(function (p) { return { x: p.day, y: p.improvement, label: p.label, date: p.date }; }),
                        showLine: true, borderColor: brand, backgroundColor: brand, pointRadius: 5, pointHoverRadius: 7, tension: 0
                    }
                ]
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: {
                    x: { type: "linear", min: 0, max: maxDay, ticks: { color: muted, stepSize: MONTH, autoSkip: true, callback: monthTicks }, title: { display: true, text: "Months after the operation", color: ink } },
                    y: { min: -20, max: 100, ticks: axisText, title: { display: true, text: "Better (%) / spasm-free (%)", color: ink } }
                },
                plugins: {
                    legend: { labels: { color: ink, filter: function (item) { return item.datasetIndex !== 0; } } },
                    tooltip: {
                        callbacks: {
                            label: function (ctx) {
                                const raw = ctx.raw;
                                if (ctx.datasetIndex === 2) {
                                    return raw.date + ": " + raw.label;
                                }
                                return ctx.dataset.label + ": " + raw.y + " %";
                            }
                        }
                    }
                }
            }
        });
    });

    // Length of stay: stays per length, bars within the target in the brand colour, longer ones in the warning colour.
    document.querySelectorAll("[data-mvd-stay-chart]").forEach(function (figure) {
        const set = setUp(figure, "data-mvd-stay-chart");
        if (!set) {
            return;
        }
        const data = set.data;
        new window.Chart(set.canvas, {
            type: "bar",
            data: {
                labels: data.labels,
                datasets: [{
                    label: "Stays",
                    data: data.counts,
                    backgroundColor: data.counts.map(function (_, i) { return i + 1 <= data.target ? brand : warn; })
                }]
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: {
                    x: { ticks: axisText },
                    y: { beginAtZero: true, ticks: { color: muted, precision: 0 }, title: { display: true, text: "Stays", color: ink } }
                },
                plugins: { legend: { display: false } }
            }
        });
    });

    // Kaplan-Meier: a step curve from 100 % at the operation, with its 95 % interval shaded.
    document.querySelectorAll("[data-mvd-survival-chart]").forEach(function (figure) {
        const set = setUp(figure, "data-mvd-survival-chart");
        if (!set) {
            return;
        }
        const steps = set.data.steps;
        const curve = [{ x: 0, y: 100 }];
        const lower = [{ x: 0, y: 100 }];
        const upper = [{ x: 0, y: 100 }];
        steps.forEach(function (s) {
            curve.push({ x: s.day, y: s.survival * 100, atRisk: s.atRisk, events: s.events });
            lower.push({ x: s.day, y: (s.lower === null ? s.survival : s.lower) * 100 });
            upper.push({ x: s.day, y: (s.upper === null ? s.survival : s.upper) * 100 });
        });
        const maxDay = Math.max(365, steps.length ? steps[steps.length - 1].day : 0);
        new window.Chart(set.canvas, {
            type: "scatter",
            data: {
                datasets: [
                    { label: "95 % interval, lower", data: lower, showLine: true, stepped: "before", borderColor: bandFill, pointRadius: 0, fill: false },
                    { label: "95 % interval", data: upper, showLine: true, stepped: "before", borderColor: bandFill, backgroundColor: bandFill, pointRadius: 0, fill: "-1" },
                    { label: "Spasm-free", data: curve, showLine: true, stepped: "before", borderColor: brand, backgroundColor: brand, pointRadius: 2 }
                ]
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: {
                    x: { type: "linear", min: 0, max: maxDay, ticks: { color: muted, stepSize: MONTH, autoSkip: true, callback: monthTicks }, title: { display: true, text: "Months after the operation", color: ink } },
                    y: { min: 0, max: 100, ticks: axisText, title: { display: true, text: "Spasm-free (%)", color: ink } }
                },
                plugins: {
                    legend: { labels: { color: ink, filter: function (item) { return item.datasetIndex !== 0; } } },
                    tooltip: {
                        callbacks: {
                            label: function (ctx) {
                                const raw = ctx.raw;
                                const text = ctx.dataset.label + ": " + raw.y.toFixed(1) + " % (day " + raw.x + ")";
                                return raw.atRisk === undefined ? text : text + ", " + raw.atRisk + " at risk";
                            }
                        }
                    }
                }
            }
        });
    });
}());
