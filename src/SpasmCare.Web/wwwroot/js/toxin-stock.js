// Toxin stock and recall pages. Everything works without this script; with it:
// - the reconstitution form shows the concentration (U per 0.1 mL) as the saline volume is typed, and the
//   use-before time from the date, time and the product's use-within hours (the server computes and stores both);
// - a "Print" button ([data-print]) prints the page.
(function () {
    const saline = document.querySelector("input[data-vial-units]");
    const output = document.getElementById("concentration");
    if (saline && output) {
        const vialUnits = parseFloat(saline.dataset.vialUnits);
        const show = function () {
            const ml = parseFloat(saline.value);
            if (!(ml >= 0.5 && ml <= 10) || !(vialUnits > 0)) {
                output.textContent = "—";
                return;
            }
            // Same rule as SpasmCare.Clinical.Toxin.Reconstitution.UnitsPer01Ml: units ÷ mL ÷ 10, 2 decimal places.
            const perTenth = Math.round((vialUnits / ml / 10) * 100) / 100;
            output.textContent = String(perTenth) + " U per 0.1 mL";
        };
        saline.addEventListener("input", show);
        show();
    }

    const useWithin = document.getElementById("use-within");
    const useBefore = document.getElementById("use-before");
    const date = document.querySelector("input[name='Input.Date']");
    const time = document.querySelector("input[name='Input.Time']");
    if (useWithin && useBefore && date && time) {
        const hours = parseInt(useWithin.dataset.useWithinHours, 10);
        const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        const pad = function (n) { return n < 10 ? "0" + n : String(n); };
        const show = function () {
            const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.value);
            const t = /^(\d{2}):(\d{2})/.exec(time.value);
            if (!d || !t || !(hours > 0)) {
                useBefore.textContent = "";
                return;
            }
            // Site-local wall-clock arithmetic in UTC fields, so the browser's own zone plays no part.
            const at = new Date(Date.UTC(+d[1], +d[2] - 1, +d[3], +t[1], +t[2]));
            at.setUTCHours(at.getUTCHours() + hours);
            useBefore.textContent = "Use before " + at.getUTCDate() + " " + months[at.getUTCMonth()] + " " + at.getUTCFullYear()
                + ", " + pad(at.getUTCHours()) + ":" + pad(at.getUTCMinutes()) + ".";
        };
        date.addEventListener("input", show);
        time.addEventListener("input", show);
        show();
    }

    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.addEventListener("click", function () { window.print(); });
    });
})();
