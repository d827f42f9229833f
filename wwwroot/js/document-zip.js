// Documents ZIP page: while the ZIP is being prepared, the files done of the files expected, refreshed from the
// progress endpoint; the page is loaded again when the run ends, so that the link (or the failure) is shown. The
// sentence comes from the page (data-progress-format, "{0} of {1} files" in the reader's language).
(function () {
    var section = document.getElementById('document-zip');
    if (!section || section.getAttribute('data-state') !== 'Preparing') {
        return;
    }

    var url = section.getAttribute('data-progress-url');
    var format = section.getAttribute('data-progress-format');
    var progress = section.querySelector('[data-role="zip-progress"]');
    var bar = progress ? progress.querySelector('.progress-bar') : null;
    var text = section.querySelector('[data-role="zip-progress-text"]');

    function show(done, expected) {
        if (progress) {
            progress.setAttribute('aria-valuenow', String(done));
            progress.setAttribute('aria-valuemax', String(expected));
        }

        if (bar) {
            bar.style.width = (expected > 0 ? Math.floor(100 * done / expected) : 0) + '%';
        }

        if (text && format) {
            text.textContent = format.replace('{0}', done.toLocaleString()).replace('{1}', expected.toLocaleString());
        }
    }

    if (progress) {
        show(parseInt(progress.getAttribute('aria-valuenow'), 10) || 0, parseInt(progress.getAttribute('aria-valuemax'), 10) || 0);
    }

    function poll() {
        fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (state) {
                if (!state) {
                    window.setTimeout(poll, 5000);
                    return;
                }

                show(state.filesDone, state.filesExpected);
                if (state.finished) {
                    window.location.reload();
                } else {
                    window.setTimeout(poll, 1500);
                }
            })
            .catch(function () { window.setTimeout(poll, 5000); });
    }

    window.setTimeout(poll, 1000);
})();
