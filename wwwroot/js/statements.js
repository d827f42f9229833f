// Written statements: the co-sponsor list is filtered as the submitter types (checked ones stay visible).
document.addEventListener('input', function (event) {
    var filter = event.target;
    if (!(filter instanceof HTMLInputElement) || !filter.classList.contains('js-co-sponsor-filter')) {
        return;
    }
    var words = filter.value.trim().toLocaleLowerCase();
    document.querySelectorAll('.co-sponsor-choice').forEach(function (choice) {
        var box = choice.querySelector('input');
        var matches = words === '' || choice.textContent.toLocaleLowerCase().indexOf(words) >= 0;
        choice.classList.toggle('d-none', !matches && !(box && box.checked));
    });
});
