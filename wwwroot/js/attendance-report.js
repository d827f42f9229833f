// Attendance report page: the progress bar of the run under way, refreshed from the progress endpoint; the page is
// loaded again when the run ends, so that the download link (or the failure) is shown.
(function () {
    var section = document.getElementById('attendance-report');
    if (!section) {
        return;
    }

    var progress = section.querySelector('[data-role="report-progress"]');
    var bar = progress ? progress.querySelector('.progress-bar') : null;
    var label = section.querySelector('[data-role="report-status-label"]');

    function show(percent) {
        if (!bar) {
            return;
        }

        bar.style.width = percent + '%';
        bar.textContent = percent + ' %';
        progress.setAttribute('aria-valuenow', String(percent));
    }

    if (bar) {
        show(parseInt(bar.getAttribute('data-percent'), 10) || 0);
    }

    if (section.getAttribute('data-active') !== 'true') {
        return;
    }

    var url = section.getAttribute('data-progress-url');

    function poll() {
        fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (state) {
                if (!state) {
                    return;
                }

                show(state.percent);
                if (label && state.statusLabel) {
                    label.textContent = state.statusLabel;
                }

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
