// Review queue: the header box ticks or clears every delegation of the page.
document.addEventListener('change', function (event) {
    var target = event.target;
    if (target instanceof HTMLInputElement && target.classList.contains('js-select-all')) {
        document.querySelectorAll('input.js-select').forEach(function (box) { box.checked = target.checked; });
    }
});
