// A print button (class js-print) opens the browser's print dialog; each page's print stylesheet decides what is printed.
document.addEventListener('click', function (event) {
    var target = event.target;
    if (target instanceof HTMLElement && target.closest('.js-print')) {
        window.print();
    }
});
