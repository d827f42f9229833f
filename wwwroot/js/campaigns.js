// Bulk notice page: the delivery progress bar and counts, refreshed from the campaign's progress endpoint until it is done.
(function () {
    var section = document.getElementById('campaign-progress');
    if (!section) {
        return;
    }

    var url = section.getAttribute('data-progress-url');
    var bar = section.querySelector('progress');
    var status = document.querySelector('.campaign-status');

    function show(counts) {
        bar.max = Math.max(1, counts.recipients);
        bar.value = counts.done;
        ['recipients', 'pending', 'sending', 'sent', 'failed'].forEach(function (name) {
            var cell = section.querySelector('[data-count="' + name + '"]');
            if (cell) {
                cell.textContent = counts[name];
            }
        });
        if (status) {
            status.textContent = counts.statusLabel;
        }
    }

    function poll() {
        fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (counts) {
                if (!counts) {
                    return;
                }

                show(counts);
                if (!counts.finished) {
                    window.setTimeout(poll, 2000);
                }
            })
            .catch(function () { window.setTimeout(poll, 5000); });
    }

    window.setTimeout(poll, 1000);
})();

// Compose page: the meeting list offers only the meetings of the chosen session.
(function () {
    var session = document.getElementById('SessionId');
    var meeting = document.getElementById('MeetingId');
    if (!session || !meeting) {
        return;
    }

    function filter() {
        meeting.querySelectorAll('option[data-session]').forEach(function (option) {
            var hidden = option.getAttribute('data-session') !== session.value;
            option.hidden = hidden;
            option.disabled = hidden;
            if (hidden && option.selected) {
                meeting.value = '';
            }
        });
        meeting.querySelectorAll('optgroup').forEach(function (group) {
            group.hidden = !group.querySelector('option:not([hidden])');
        });
    }

    session.addEventListener('change', filter);
    filter();
})();
