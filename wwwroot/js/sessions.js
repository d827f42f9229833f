// Sessions: the new-session form proposes the symbol "{body prefix}.{number}" while the symbol has not been typed by hand.
(function () {
    var symbol = document.querySelector('.js-symbol');
    var body = document.querySelector('.js-symbol-body');
    var number = document.querySelector('.js-symbol-number');
    if (!symbol || !body || !number) {
        return;
    }

    function proposal() {
        var option = body.options[body.selectedIndex];
        return option && option.dataset.prefix && number.value ? option.dataset.prefix + '.' + number.value : '';
    }

    var proposed = proposal();
    function update() {
        if (symbol.value === proposed || symbol.value === '') {
            proposed = proposal();
            symbol.value = proposed;
        } else {
            proposed = proposal();
        }
    }

    body.addEventListener('change', update);
    number.addEventListener('input', update);
})();
