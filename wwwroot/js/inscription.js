// The inscription form: the group's name and the reply round only show for the kind they belong to.
(function () {
    var kind = document.getElementById('Kind');
    if (!kind) {
        return;
    }

    function show() {
        document.querySelectorAll('[data-for-kind]').forEach(function (field) {
            var shown = field.dataset.forKind === kind.value;
            field.classList.toggle('d-none', !shown);
            field.querySelectorAll('input, select').forEach(function (input) { input.disabled = !shown; });
        });
    }

    kind.addEventListener('change', show);
    show();
})();
