// Workup forms (imaging, electrophysiology, diagnoses). The forms work without this script; with it:
// - follow-up questions show only when they apply ("data-show-when" names a field, "data-show-value" the answer),
//   and are disabled while hidden, so answers that no longer apply are not sent;
// - a report that is too large or empty is flagged before it is uploaded.
(function () {
    const dependents = Array.from(document.querySelectorAll("[data-show-when]"));
    if (dependents.length > 0) {
        const valueOf = function (form, name) {
            const fields = form.querySelectorAll("[name=\"" + CSS.escape(name) + "\"]");
            for (const field of fields) {
                if (field.type === "radio" || field.type === "checkbox") {
                    if (field.checked) {
                        return field.value;
                    }
                } else {
                    return field.value;
                }
            }
            return "";
        };
        const update = function () {
            // Document order: an outer block is decided before the blocks inside it.
            dependents.forEach(function (block) {
                const outer = block.parentElement ? block.parentElement.closest("[data-show-when]") : null;
                const show = (!outer || !outer.hidden) && valueOf(block.closest("form"), block.dataset.showWhen) === block.dataset.showValue;
                block.hidden = !show;
                block.querySelectorAll("input, select, textarea").forEach(function (field) {
                    field.disabled = !show;
                });
            });
        };
        document.querySelectorAll("form").forEach(function (form) {
            form.addEventListener("change", update);
        });
        update();
    }

    document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
        input.addEventListener("change", function () {
            const file = input.files && input.files[0];
            let message = "";
            if (file && file.size === 0) {
                message = "The file is empty. Choose the report file again.";
            } else if (file && file.size > Number(input.dataset.maxBytes)) {
                message = "The file is larger than the limit of " + input.dataset.maxText + ".";
            }
            input.setCustomValidity(message);
            input.reportValidity();
        });
    });
})();
