// Issued statements: the print button opens the browser's print dialog (the print stylesheet keeps only the document).
document.addEventListener('click', function (event) {
    var target = event.target;
    if (target instanceof HTMLElement && target.closest('.js-print')) {
        window.print();
    }
});
