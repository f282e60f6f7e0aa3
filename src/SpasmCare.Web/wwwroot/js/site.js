// Search as you type: the form works without JavaScript (submit shows results); with it, results follow typing.
(function () {
    const form = document.querySelector("form[data-live-search]");
    if (!form) {
        return;
    }
    const input = form.querySelector("input[name=q]");
    const target = document.getElementById(form.dataset.liveSearch);
    let timer = 0;
    let controller = null;
    form.addEventListener("change", function () { input.dispatchEvent(new Event("input")); });
    input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(async function () {
            const q = input.value.trim();
            if (controller) {
                controller.abort();
            }
            controller = new AbortController();
            const params = new URLSearchParams(new FormData(form));
            params.set("handler", "Results");
            const url = form.action + "?" + params.toString();
            try {
                const response = await fetch(url, { signal: controller.signal, headers: { "X-Requested-With": "fetch" } });
                if (response.ok) {
                    target.innerHTML = await response.text();
                    history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : form.action);
                } else if (response.status === 401 || response.redirected) {
                    location.reload();
                }
            } catch (e) {
                if (e.name !== "AbortError") {
                    throw e;
                }
            }
        }, 150);
    });
})();

// Move focus to the error summary after a failed post, so keyboard and screen-reader users land on it.
(function () {
    const errors = document.getElementById("form-errors");
    if (errors) {
        errors.focus();
    }
})();

// The print view of a record opens the browser's print dialog once it has loaded.
(function () {
    if (document.querySelector("[data-auto-print]")) {
        window.addEventListener("load", function () { window.print(); });
    }
})();
