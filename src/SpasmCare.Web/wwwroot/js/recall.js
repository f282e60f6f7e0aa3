// Recall list: the Print button prints the list (the filters, pager and actions are hidden by the print style).
(function () {
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.addEventListener("click", function () { window.print(); });
    });
})();
