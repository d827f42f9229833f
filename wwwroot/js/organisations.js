// Organisations: the import preview's "tick every row" box.
document.addEventListener('change', function (event) {
    var target = event.target;
    if (!(target instanceof HTMLInputElement) || !target.classList.contains('js-tick-all') || !target.form) {
        return;
    }
    target.form.querySelectorAll('input[type=checkbox][name=keep]').forEach(function (box) {
        box.checked = target.checked;
    });
});
