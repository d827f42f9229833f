// Badges: the print button opens the browser's print dialog (the print stylesheet puts one badge per page).
document.addEventListener('click', function (event) {
    var target = event.target;
    if (target instanceof HTMLElement && target.closest('.js-print')) {
        window.print();
    }
});
