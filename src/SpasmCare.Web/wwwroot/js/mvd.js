// MVD pathway pages. Everything works without this script; with it:
// - "Print" buttons print the page (the printable record is the page itself);
// - "Add a reading" adds a row to the LSR timeline in place, instead of sending the form back to the server;
// - the BAEP alarm warning follows the values as they are typed (wave V latency +1 ms or amplitude -50 %).
(function () {
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.addEventListener("click", function () {
            window.print();
        });
    });

    const addRow = document.querySelector("[data-add-lsr-row]");
    const table = document.querySelector("[data-lsr-rows]");
    if (addRow && table) {
        addRow.addEventListener("click", function (event) {
            const body = table.tBodies[0];
            const rows = body.rows;
            if (rows.length === 0 || rows.length >= 30) {
                return;
            }
            event.preventDefault();
            const index = rows.length;
            const row = rows[rows.length - 1].cloneNode(true);
            row.querySelectorAll("input").forEach(function (input) {
                input.name = input.name.replace(/Readings\[\d+\]/, "Readings[" + index + "]");
                input.id = input.id.replace(/Readings_\d+__/, "Readings_" + index + "__");
                const label = input.getAttribute("aria-label");
                if (label) {
                    input.setAttribute("aria-label", label.replace(/\d+/, String(index + 1)));
                }
                if (input.type === "checkbox") {
                    input.checked = false;
                } else if (input.type === "hidden") {
                    input.value = "false";
                } else {
                    input.value = "";
                }
                input.classList.remove("input-validation-error");
            });
            row.querySelectorAll("[data-valmsg-for]").forEach(function (message) {
                message.setAttribute("data-valmsg-for", message.getAttribute("data-valmsg-for").replace(/Readings\[\d+\]/, "Readings[" + index + "]"));
                message.textContent = "";
            });
            body.appendChild(row);
            const first = row.querySelector("input");
            if (first) {
                first.focus();
            }
        });
    }

    const baep = document.querySelector("[data-baep-alarm]");
    if (baep) {
        const latency = baep.querySelector("[data-baep-latency]");
        const amplitude = baep.querySelector("[data-baep-amplitude]");
        const warning = baep.querySelector("[data-baep-warning]");
        const detail = baep.querySelector("[data-baep-detail]");
        const update = function () {
            const met = [];
            const l = parseFloat(latency.value);
            const a = parseFloat(amplitude.value);
            if (!isNaN(l) && l >= 1) {
                met.push("wave V latency prolonged by " + l + " ms (alarm at +1 ms)");
            }
            if (!isNaN(a) && a <= -50) {
                met.push("wave V amplitude down " + Math.abs(a) + " % (alarm at \u221250 %)");
            }
            warning.hidden = met.length === 0;
            detail.textContent = met.length === 0 ? "" : ": " + met.join("; ");
        };
        latency.addEventListener("input", update);
        amplitude.addEventListener("input", update);
    }
})();
