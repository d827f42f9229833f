// Sessions: small behaviours. No inline script anywhere (the Content-Security-Policy forbids it).
document.addEventListener('change', function (event) {
    var target = event.target;
    if (target instanceof HTMLSelectElement && target.classList.contains('js-autosubmit') && target.form) {
        target.form.submit();
    }
});
// A double click submits once.
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset.submitted === 'true') {
        event.preventDefault();
        return;
    }
    form.dataset.submitted = 'true';
    setTimeout(function () { form.dataset.submitted = 'false'; }, 5000);
});
// The skip link moves the focus itself: following "#main" alone leaves the next Tab in the menu.
document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    var target = link ? document.getElementById(link.getAttribute('href').slice(1)) : null;
    if (target) {
        event.preventDefault();
        target.focus();
    }
});
