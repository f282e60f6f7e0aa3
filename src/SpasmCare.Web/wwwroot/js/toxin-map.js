// Toxin session form: the face map and the points table edit the same rows. The table is the form (and what a
// keyboard or screen-reader user works with); the map is drawn from it. A click on a muscle region adds a row with
// that site, side and its reference dose, positioned where the click landed (as fractions 0–1 of the map, so the
// point stays put whatever size the map is drawn at). A click on a numbered marker selects its row. Without
// JavaScript the table works on its own: "Add a point" and "Remove" are submit buttons the server answers.
// The printable record only uses the Print button.
(function () {
    "use strict";

    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.addEventListener("click", function () {
            window.print();
        });
    });

    const form = document.querySelector("form.toxin-session-form");
    if (!form) {
        return;
    }

    const SVG = "http://www.w3.org/2000/svg";
    const WIDTH = 320;
    const HEIGHT = 400;
    const body = form.querySelector("#toxin-points");
    const template = form.querySelector("#toxin-point-template");
    const map = form.querySelector("svg[data-toxin-map=interactive]");
    const markers = map ? map.querySelector(".toxin-markers") : null;
    const siteSelect = form.querySelector("[data-session-site]");
    const productSelect = form.querySelector("[data-session-product]");
    const status = document.createElement("p");
    status.className = "sr-only";
    status.setAttribute("role", "status");
    form.appendChild(status);

    function rows() {
        return Array.from(body.querySelectorAll("tr[data-point-row]"));
    }

    function field(row, name) {
        return row.querySelector("[data-field=" + name + "]");
    }

    function spasmSide() {
        const checked = form.querySelector("input[data-spasm-side]:checked");
        return checked ? checked.value : "";
    }

    function number(text) {
        const value = parseFloat(String(text).replace(",", "."));
        return isFinite(value) ? value : null;
    }

    // As the server writes numbers: at most two decimals, no trailing zeros.
    function show(value) {
        return String(Number(value.toFixed(2)));
    }

    function roundAway(value, places) {
        const f = Math.pow(10, places);
        return Math.sign(value) * Math.round(Math.abs(value) * f) / f;
    }

    function isBlank(row) {
        return !field(row, "Muscle").value && !field(row, "Units").value && !field(row, "VialId").value;
    }

    function renumber() {
        rows().forEach(function (row, i) {
            row.querySelectorAll("[name], [id], [for]").forEach(function (el) {
                ["name", "id", "for"].forEach(function (attr) {
                    const value = el.getAttribute(attr);
                    if (value) {
                        el.setAttribute(attr, value
                            .replace(/Points\[(\d+|__i__)\]/g, "Points[" + i + "]")
                            .replace(/Points_(\d+|__i__)__/g, "Points_" + i + "__"));
                    }
                });
            });
            row.querySelectorAll("label.sr-only, [data-remove] .sr-only").forEach(function (el) {
                el.textContent = el.textContent.replace(/(new point|point \d+)$/, "point " + (i + 1));
            });
            const remove = row.querySelector("[data-remove]");
            if (remove) {
                remove.value = "remove-" + i;
            }
            row.querySelector("[data-point-number]").textContent = String(i + 1);
        });
    }

    function muscleOption(row) {
        const select = field(row, "Muscle");
        return select.value ? select.options[select.selectedIndex] : null;
    }

    function vialFits(option) {
        const group = option.parentElement;
        if (!group || group.tagName !== "OPTGROUP") {
            return true;
        }
        const site = siteSelect ? siteSelect.value : "";
        const product = productSelect ? productSelect.value : "";
        return (!site || group.dataset.site === site) && (!product || group.dataset.product === product);
    }

    function filterVials(row) {
        const select = field(row, "VialId");
        select.querySelectorAll("optgroup").forEach(function (group) {
            const fits = vialFits(group.querySelector("option") || group);
            group.hidden = !fits;
            group.querySelectorAll("option").forEach(function (option) {
                option.disabled = !fits;
            });
        });
        if (select.value && select.options[select.selectedIndex].disabled) {
            select.value = "";
        }
    }

    // The vial of the nearest earlier row that fits the site and product, or the first vial that does.
    function defaultVial() {
        const all = rows();
        for (let i = all.length - 1; i >= 0; i--) {
            const select = field(all[i], "VialId");
            if (select.value && !select.options[select.selectedIndex].disabled) {
                return select.value;
            }
        }
        const first = template.content.querySelector("[data-field=VialId]");
        const options = first ? Array.from(first.querySelectorAll("optgroup option")) : [];
        const fit = options.find(vialFits);
        return fit ? fit.value : "";
    }

    function placeAutomatically(row, index, all) {
        const option = muscleOption(row);
        const side = field(row, "Side").value;
        if (!option || !side) {
            return;
        }
        const repeats = all.slice(0, index).filter(function (other) {
            return other.dataset.autoPosition === "1" && field(other, "Muscle").value === option.value && field(other, "Side").value === side;
        }).length;
        const x = number(option.dataset.x);
        const y = number(option.dataset.y);
        field(row, "MapX").value = String(roundAway(side === "Left" ? 1 - x : x, 4));
        field(row, "MapY").value = String(roundAway(Math.min(1, y + 0.02 * repeats), 4));
    }

    function updateRow(row, index, all) {
        const option = muscleOption(row);
        const reference = row.querySelector("[data-reference]");
        if (reference) {
            reference.textContent = option
                ? "Reference " + (option.dataset.low === option.dataset.high ? option.dataset.low : option.dataset.low + "–" + option.dataset.high) + " U per site"
                : "";
        }

        const side = field(row, "Side").value;
        const spasm = spasmSide();
        const balancing = (spasm === "Left" || spasm === "Right") && (side === "Left" || side === "Right") && side !== spasm;
        row.querySelector("[data-balancing]").hidden = !balancing;
        row.classList.toggle("is-balancing", balancing);

        filterVials(row);
        const units = number(field(row, "Units").value);
        const vial = field(row, "VialId");
        const per01 = vial.value ? number(vial.options[vial.selectedIndex].dataset.per01) : null;
        const volume = row.querySelector("[data-volume]");
        volume.textContent = units && units > 0 && per01 && per01 > 0
            ? roundAway(units / per01 * 0.1, 3).toFixed(3).replace(/0$/, "") + " mL"
            : "—";

        if (!field(row, "MapX").value && option && side) {
            row.dataset.autoPosition = "1";
        }
        if (row.dataset.autoPosition === "1") {
            placeAutomatically(row, index, all);
        }
    }

    function updateTotals(all) {
        const sums = { Right: { units: 0, points: 0 }, Left: { units: 0, points: 0 } };
        let total = 0;
        let count = 0;
        all.forEach(function (row) {
            if (isBlank(row)) {
                return;
            }
            count++;
            const units = number(field(row, "Units").value) || 0;
            const side = field(row, "Side").value;
            total += units;
            if (sums[side]) {
                sums[side].units += units;
                sums[side].points++;
            }
        });
        const spasm = spasmSide();
        Object.keys(sums).forEach(function (side) {
            const cell = form.querySelector("[data-total-side=" + side + "]");
            if (!cell) {
                return;
            }
            const s = sums[side];
            const balancing = (spasm === "Left" || spasm === "Right") && side !== spasm && s.points > 0;
            cell.innerHTML = "";
            cell.append(show(s.units) + " U ");
            const note = document.createElement("span");
            note.className = "muted";
            note.textContent = "(" + s.points + (s.points === 1 ? " point" : " points") + (balancing ? ", balancing" : "") + ")";
            cell.appendChild(note);
        });
        const session = form.querySelector("[data-total-session]");
        if (session) {
            session.innerHTML = "";
            const strong = document.createElement("strong");
            strong.textContent = show(total) + " U";
            const note = document.createElement("span");
            note.className = "muted";
            note.textContent = "(" + count + (count === 1 ? " point" : " points") + ")";
            session.append(strong, " ", note);
        }
        const hint = equivalence(total);
        form.querySelectorAll("[data-equivalence]").forEach(function (el) {
            el.textContent = hint ? (el.dataset.prefix || "") + hint : "";
        });
    }

    // The same read-only hint the server writes (DoseEquivalence.Hint): never used to convert a dose.
    function equivalence(units) {
        const option = productSelect && productSelect.value ? productSelect.options[productSelect.selectedIndex] : null;
        if (!option) {
            return "";
        }
        const low = number(option.dataset.ratioLow);
        const high = number(option.dataset.ratioHigh);
        let a = low > 0 ? low : null;
        let b = high > 0 ? high : null;
        if (a === null && b === null) {
            return "";
        }
        if (a === null) {
            a = b;
        }
        if (b === null) {
            b = a;
        }
        if (a > b) {
            const t = a;
            a = b;
            b = t;
        }
        if (a === 1 && b === 1) {
            return "";
        }
        const figure = function (v) {
            return show(roundAway(v, 1));
        };
        return a === b
            ? "≈ " + figure(units / a) + " onabotulinumtoxinA units at 1:" + show(a)
            : "≈ " + figure(units / b) + "–" + figure(units / a) + " onabotulinumtoxinA units at 1:" + show(a) + "–" + show(b);
    }

    function drawMarkers(all) {
        if (!markers) {
            return;
        }
        markers.textContent = "";
        all.forEach(function (row, i) {
            const x = number(field(row, "MapX").value);
            const y = number(field(row, "MapY").value);
            if (x === null || y === null) {
                return;
            }
            const g = document.createElementNS(SVG, "g");
            g.setAttribute("class", "toxin-marker" + (row.classList.contains("is-balancing") ? " is-balancing" : "") +
                (row.classList.contains("is-selected") ? " is-selected" : ""));
            g.dataset.row = String(i);
            const circle = document.createElementNS(SVG, "circle");
            circle.setAttribute("cx", String(x * WIDTH));
            circle.setAttribute("cy", String(y * HEIGHT));
            circle.setAttribute("r", "7");
            const text = document.createElementNS(SVG, "text");
            text.setAttribute("x", String(x * WIDTH));
            text.setAttribute("y", String(y * HEIGHT + 3));
            text.setAttribute("text-anchor", "middle");
            text.textContent = String(i + 1);
            const option = muscleOption(row);
            const title = document.createElementNS(SVG, "title");
            title.textContent = "Point " + (i + 1) + (option ? ": " + option.textContent : "");
            g.append(circle, text, title);
            markers.appendChild(g);
        });
    }

    function refresh() {
        const all = rows();
        all.forEach(function (row, i) {
            updateRow(row, i, all);
        });
        updateTotals(all);
        drawMarkers(all);
    }

    function select(row) {
        rows().forEach(function (other) {
            other.classList.toggle("is-selected", other === row);
        });
        drawMarkers(rows());
        row.scrollIntoView({ block: "nearest" });
        field(row, "Units").focus();
    }

    function addRow(values) {
        const all = rows();
        const last = all[all.length - 1];
        if (last && isBlank(last) && !field(last, "MapX").value) {
            last.remove();
        }
        const row = template.content.querySelector("tr").cloneNode(true);
        body.appendChild(row);
        renumber();
        Object.keys(values).forEach(function (name) {
            field(row, name).value = values[name];
        });
        if (values.MapX) {
            row.dataset.autoPosition = "0";
        }
        refresh();
        if (!field(row, "VialId").value) {
            field(row, "VialId").value = defaultVial();
            refresh();
        }
        return row;
    }

    if (map) {
        map.classList.add("is-interactive");
        const help = form.querySelector("[data-map-help]");
        if (help) {
            help.hidden = false;
        }
        map.addEventListener("click", function (event) {
            const marker = event.target.closest(".toxin-marker");
            if (marker) {
                const row = rows()[Number(marker.dataset.row)];
                if (row) {
                    select(row);
                }
                return;
            }
            const region = event.target.closest(".toxin-region");
            if (!region) {
                return;
            }
            const point = map.createSVGPoint();
            point.x = event.clientX;
            point.y = event.clientY;
            const at = point.matrixTransform(map.getScreenCTM().inverse());
            const option = template.content.querySelector("[data-field=Muscle] option[value='" + region.dataset.muscle + "']");
            const row = addRow({
                Muscle: region.dataset.muscle,
                Side: region.dataset.side,
                Units: option ? option.dataset.low : "",
                Technique: option ? option.dataset.technique : "",
                MapX: String(roundAway(Math.min(1, Math.max(0, at.x / WIDTH)), 4)),
                MapY: String(roundAway(Math.min(1, Math.max(0, at.y / HEIGHT)), 4)),
            });
            const n = rows().indexOf(row) + 1;
            status.textContent = "Point " + n + " added: " + (option ? option.textContent : region.dataset.muscle) + ", " +
                region.dataset.side.toLowerCase() + ", " + (option ? option.dataset.low : "") + " U.";
            rows().forEach(function (other) {
                other.classList.toggle("is-selected", other === row);
            });
            drawMarkers(rows());
        });
    }

    body.addEventListener("change", function (event) {
        const row = event.target.closest("tr[data-point-row]");
        if (row && (event.target.dataset.field === "Muscle" || event.target.dataset.field === "Side") && row.dataset.autoPosition !== "0") {
            row.dataset.autoPosition = "1";
        }
        refresh();
    });
    body.addEventListener("input", refresh);
    body.addEventListener("focusin", function (event) {
        const row = event.target.closest("tr[data-point-row]");
        if (row && !row.classList.contains("is-selected")) {
            rows().forEach(function (other) {
                other.classList.toggle("is-selected", other === row);
            });
            drawMarkers(rows());
        }
    });
    body.addEventListener("click", function (event) {
        const remove = event.target.closest("[data-remove]");
        if (!remove) {
            return;
        }
        event.preventDefault();
        const row = remove.closest("tr[data-point-row]");
        const n = rows().indexOf(row) + 1;
        row.remove();
        if (rows().length === 0) {
            addRow({});
        }
        renumber();
        refresh();
        status.textContent = "Point " + n + " removed.";
    });

    const add = form.querySelector("[data-add-point]");
    if (add) {
        add.addEventListener("click", function (event) {
            event.preventDefault();
            const row = addRow({});
            field(row, "Muscle").focus();
        });
    }

    form.querySelectorAll("input[data-spasm-side]").forEach(function (radio) {
        radio.addEventListener("change", refresh);
    });
    [siteSelect, productSelect].forEach(function (select) {
        if (select) {
            select.addEventListener("change", function () {
                const ratio = form.querySelector("[data-product-ratio]");
                if (ratio && productSelect) {
                    const option = productSelect.value ? productSelect.options[productSelect.selectedIndex] : null;
                    ratio.textContent = option ? option.dataset.ratioHint || "" : "";
                }
                refresh();
            });
        }
    });

    // Rows from the server: those with a position keep it; the others are placed at their muscle's spot.
    rows().forEach(function (row) {
        row.dataset.autoPosition = field(row, "MapX").value ? "0" : "1";
    });
    refresh();
})();
