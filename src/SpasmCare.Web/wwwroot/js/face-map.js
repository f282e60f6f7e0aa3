// Face diagram of the examination form. A click on a region, or Enter/Space on a focused one, ticks the matching
// "involved regions" checkbox; the checkboxes stay the form's fields and the accessible source of truth. Both halves
// of the face show the same regions (the affected side is its own field, and the unaffected half is dimmed).
// One tab stop: the arrow keys, Home and End move between regions. Without JavaScript the diagram is a picture.
(function () {
    const map = document.querySelector("svg[data-face-map=interactive]");
    if (!map) {
        return;
    }
    const form = map.closest("form");
    const regions = Array.from(map.querySelectorAll(".face-region"));

    function boxOf(region) {
        return form.querySelector("input[type=checkbox][data-region-box='" + region.dataset.region + "']");
    }

    function sync() {
        regions.forEach(function (region) {
            const box = boxOf(region);
            const on = Boolean(box && box.checked);
            region.classList.toggle("is-involved", on);
            region.setAttribute("aria-checked", on ? "true" : "false");
        });
    }

    function focusAt(index) {
        const count = regions.length;
        const target = ((index % count) + count) % count;
        regions.forEach(function (region, i) {
            region.setAttribute("tabindex", i === target ? "0" : "-1");
        });
        regions[target].focus();
    }

    function toggle(region) {
        const box = boxOf(region);
        if (box) {
            box.checked = !box.checked;
            box.dispatchEvent(new Event("change", { bubbles: true }));
        }
    }

    regions.forEach(function (region, i) {
        region.setAttribute("role", "checkbox");
        region.setAttribute("aria-label", region.dataset.label);
        region.setAttribute("tabindex", i === 0 ? "0" : "-1");
    });
    map.classList.add("is-interactive");

    map.addEventListener("click", function (event) {
        const region = event.target.closest(".face-region");
        if (region) {
            toggle(region);
            focusAt(regions.indexOf(region));
        }
    });

    map.addEventListener("keydown", function (event) {
        const region = event.target.closest(".face-region");
        if (!region) {
            return;
        }
        const i = regions.indexOf(region);
        switch (event.key) {
            case " ":
            case "Enter":
                toggle(region);
                break;
            case "ArrowRight":
            case "ArrowDown":
                focusAt(i + 1);
                break;
            case "ArrowLeft":
            case "ArrowUp":
                focusAt(i - 1);
                break;
            case "Home":
                focusAt(0);
                break;
            case "End":
                focusAt(regions.length - 1);
                break;
            default:
                return;
        }
        event.preventDefault();
    });

    form.addEventListener("change", function (event) {
        const target = event.target;
        if (target.matches("input[data-region-box]")) {
            sync();
        } else if (target.type === "radio" && /(^|\.)Side$/.test(target.name)) {
            map.setAttribute("data-affected", target.value);
        }
    });

    sync();
})();
