// The speakers list console: the speaker's timer ticks in the browser from the server's state, waiting speakers
// can be dragged to another place (the arrow buttons and the place field do the same from the keyboard), and the
// page reloads when someone else changes the list, unless the secretariat member is typing in a field.
(function () {
    'use strict';

    var section = document.getElementById('console');
    if (!section) {
        return;
    }

    // Same format as ConsoleText.Duration on the server: m:ss, a minus sign once over time.
    function duration(milliseconds) {
        var seconds = Math.round(Math.abs(milliseconds) / 1000);
        var sign = milliseconds < 0 && seconds > 0 ? '-' : '';
        var rest = seconds % 60;
        return sign + Math.floor(seconds / 60) + ':' + (rest < 10 ? '0' : '') + rest;
    }

    var timer = document.getElementById('console-timer');
    if (timer) {
        var value = timer.querySelector('.console-timer-value');
        var elapsedAtLoad = Number(timer.dataset.elapsedMs);
        var allowed = timer.dataset.allowedMs === '' ? null : Number(timer.dataset.allowedMs);
        var running = timer.dataset.running === 'true';
        var loadedAt = performance.now();
        var tick = function () {
            var elapsed = elapsedAtLoad + (running ? performance.now() - loadedAt : 0);
            var shown = allowed === null ? elapsed : allowed - elapsed;
            value.textContent = duration(shown);
            timer.classList.toggle('console-timer-over', allowed !== null && shown < 0);
        };
        tick();
        if (running) {
            setInterval(tick, 250);
        }
    }

    // This page's own action is under way: its answer shows the list as it now stands.
    var submitting = false;
    document.addEventListener('submit', function (event) {
        if (!event.defaultPrevented) {
            submitting = true;
        }
    });

    // The keys of the actions taken every minute (the buttons carry them: data-shortcut, a KeyboardEvent.code, so that
    // the same keys work whatever the keyboard's language). Never while typing in a field, nor with Ctrl, Alt or Cmd.
    document.addEventListener('keydown', function (event) {
        var target = event.target;
        if (submitting || event.defaultPrevented || event.repeat || event.ctrlKey || event.altKey || event.metaKey
            || (target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)))) {
            return;
        }
        var button = section.querySelector('button[data-shortcut="' + event.code + '"]:not([disabled])');
        if (button) {
            event.preventDefault();
            button.click();
        }
    });

    // The projector's preview: a 1920×1080 frame scaled down to its box.
    var preview = document.querySelector('[data-role="projector-preview"]');
    if (preview) {
        var frame = preview.querySelector('iframe');
        var scale = function () {
            frame.style.transform = 'scale(' + (preview.clientWidth / 1920) + ')';
        };
        scale();
        window.addEventListener('resize', scale);
    }

    // Drag and drop: dropping a waiting speaker on a row puts it at that row's place.
    var moveForm = document.getElementById('console-move-form');
    var dragged = null;
    document.querySelectorAll('tr[draggable="true"]').forEach(function (row) {
        row.addEventListener('dragstart', function (event) {
            dragged = row;
            row.classList.add('console-dragging');
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', row.dataset.inscriptionId);
        });
        row.addEventListener('dragend', function () {
            row.classList.remove('console-dragging');
            dragged = null;
        });
    });
    document.querySelectorAll('tr[data-inscription-id]').forEach(function (row) {
        row.addEventListener('dragover', function (event) {
            if (dragged && dragged !== row && row.dataset.status === 'Waiting') {
                event.preventDefault();
                row.classList.add('console-drop-target');
            }
        });
        row.addEventListener('dragleave', function () {
            row.classList.remove('console-drop-target');
        });
        row.addEventListener('drop', function (event) {
            row.classList.remove('console-drop-target');
            if (!dragged || dragged === row || row.dataset.status !== 'Waiting' || !moveForm) {
                return;
            }
            event.preventDefault();
            moveForm.elements.InscriptionId.value = dragged.dataset.inscriptionId;
            moveForm.elements.Place.value = row.dataset.place;
            submitting = true;
            moveForm.submit();
        });
    });

    // Someone else changed the list: show it (the page's version is stale, its actions would be refused).
    if (window.signalR) {
        var listId = Number(section.dataset.listId);
        var connection = new window.signalR.HubConnectionBuilder().withUrl('/hubs/speakers').withAutomaticReconnect().build();
        var reloadWhenIdle = function () {
            if (submitting) {
                return;
            }
            var active = document.activeElement;
            var typing = active && (active.tagName === 'INPUT' || active.tagName === 'SELECT' || active.tagName === 'TEXTAREA') && active.value !== '';
            if (typing || dragged) {
                setTimeout(reloadWhenIdle, 2000);
                return;
            }
            // The console's own address: after a refused action the page stands at the action's.
            window.location.replace(section.dataset.consoleUrl);
        };
        connection.on('listChanged', function () {
            reloadWhenIdle();
        });
        var watch = function () {
            return connection.invoke('Watch', listId);
        };
        connection.onreconnected(watch);
        connection.start().then(watch).catch(function () { /* Without the live channel the Refresh link still works. */ });
    }
})();
