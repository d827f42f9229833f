// Sessions: the live display of a speakers list. The server pushes the list's state over SignalR when it changes;
// the timer ticks here from the state's snapshot (allowed, elapsed, running). After a dropped connection the display
// fetches the state again, and while the socket is down it polls the state every few seconds.
(function () {
    'use strict';
    var root = document.querySelector('[data-live-list]');
    if (!root) {
        return;
    }

    var listId = root.dataset.liveList;
    var language = root.dataset.liveLanguage;
    var personal = root.dataset.livePersonal === 'true';
    var stateUrl = '/speakers/' + listId + '/live/state';
    var pollEvery = 5000;
    var shownChangedAt = Number(root.dataset.liveChanged) || 0;
    var pollTimer = null;
    var watchRetry = null;
    // Counts the pushes received: a fetch answered after a push that arrived while it was under way is older news.
    var pushes = 0;
    var warningMs = Number(root.dataset.liveWarningMs);

    function part(name) {
        return root.querySelector('[data-live="' + name + '"]');
    }

    function format(template, values) {
        return template.replace(/\{(\d+)\}/g, function (match, index) {
            return values[Number(index)] !== undefined ? String(values[Number(index)]) : match;
        });
    }

    // A clock counting down shows a second until it is over (rounded up); one counting up (a point of order, time
    // over) shows only the seconds gone by (rounded down), as LiveState.Clock does on the server.
    function clock(milliseconds, countsUp) {
        var exact = Math.abs(milliseconds) / 1000;
        var seconds = countsUp ? Math.floor(exact) : Math.ceil(exact);
        var minutes = Math.floor(seconds / 60);
        var rest = seconds % 60;
        return (minutes < 10 ? '0' : '') + minutes + ':' + (rest < 10 ? '0' : '') + rest;
    }

    function describe(speaker) {
        return [speaker.kind, speaker.group, speaker.capacity].filter(function (p) { return p; }).join(' · ');
    }

    function entry(speaker, extra) {
        var item = document.createElement('li');
        item.dataset.id = speaker.id;
        var name = document.createElement('span');
        name.className = 'live-name';
        name.dir = 'auto';
        name.textContent = speaker.delegation;
        var kind = document.createElement('span');
        kind.className = 'live-kind';
        kind.textContent = describe(speaker) + (extra ? ' · ' + extra : '');
        item.appendChild(name);
        item.appendChild(kind);
        return item;
    }

    // The timer as last received: its values and the moment (this browser's clock) they were true.
    var timer = null;

    function readTimer(element) {
        if (!element || element.closest('.d-none')) {
            return null;
        }
        return {
            allowedMs: element.dataset.allowedMs === '' ? null : Number(element.dataset.allowedMs),
            elapsedMs: Number(element.dataset.elapsedMs),
            running: element.dataset.running === 'true',
            receivedAt: performance.now()
        };
    }

    function elapsedNow() {
        return timer.elapsedMs + (timer.running ? performance.now() - timer.receivedAt : 0);
    }

    function speakerLeftMs() {
        if (!timer || timer.allowedMs === null) {
            return 0;
        }
        return Math.max(0, timer.allowedMs - elapsedNow());
    }

    function setText(element, text) {
        if (element && element.textContent !== text) {
            element.textContent = text;
        }
    }

    // The venue's clock (projector mode): the server's time, as last received, in the session's time zone.
    var clockPart = part('clock');
    var clockOffset = Number(root.dataset.liveNow) - Date.now();
    var clockFormat = null;
    if (clockPart) {
        try {
            clockFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: root.dataset.liveZone });
        } catch (e) {
            clockFormat = null;
        }
    }

    function tick() {
        if (clockFormat) {
            setText(clockPart, clockFormat.format(new Date(Date.now() + clockOffset)));
        }
        if (timer) {
            var element = part('timer');
            var elapsed = elapsedNow();
            var over = timer.allowedMs !== null && elapsed > timer.allowedMs;
            // The last seconds (LiveState.WarningMs): a colour, and words beside it, so that colour is not the only cue.
            var ending = timer.allowedMs !== null && !over && timer.allowedMs - elapsed <= warningMs && (timer.running || timer.elapsedMs > 0);
            var shown = timer.allowedMs === null ? elapsed : timer.allowedMs - elapsed;
            part('timer-value').textContent = clock(shown, timer.allowedMs === null || over);
            part('timer-sign').textContent = over ? '+' : '';
            element.classList.toggle('live-timer-over', over);
            element.classList.toggle('live-timer-ending', ending);
            element.classList.toggle('live-timer-paused', !timer.running);
            element.dataset.timerState = over ? 'over' : ending ? 'ending' : timer.running ? 'running' : 'stopped';
            var cue = over ? root.dataset.textOver : ending ? root.dataset.textEnding : '';
            var note = !timer.running && timer.elapsedMs === 0 ? root.dataset.textNotStarted
                : !timer.running ? root.dataset.textPaused
                : timer.allowedMs === null ? root.dataset.textNoLimit
                : format(root.dataset.textAllowed, [clock(timer.allowedMs, false)]);
            var cuePart = part('timer-cue');
            if (cuePart) {
                setText(cuePart.querySelector('.projector-cue-icon'), over ? '\u26D4' : ending ? '\u26A0' : '');
                setText(part('timer-cue-text'), cue);
                setText(part('timer-note'), note);
            } else {
                setText(part('timer-note'), cue || note);
            }
        }
        root.querySelectorAll('[data-live="mine"] li[data-wait-ms]').forEach(function (item) {
            var minutes = Math.ceil((Number(item.dataset.waitMs) + speakerLeftMs()) / 60000);
            var text = format(item.dataset.template, [item.dataset.delegation, item.dataset.kind, item.dataset.place, item.dataset.ahead, minutes]);
            if (item.textContent !== text) {
                item.textContent = text;
            }
        });
    }

    // Two changes can share a time stamp: a state stamped as the shown one is taken only from a push (pushes arrive
    // in order), never from a fetch, which may have been read before the shown state was pushed.
    function render(state, pushed) {
        if (!state || state.listId !== Number(listId) || state.changedAt < shownChangedAt
            || (state.changedAt === shownChangedAt && !pushed)) {
            return;
        }
        shownChangedAt = state.changedAt;
        root.dataset.liveChanged = String(state.changedAt);
        if (state.now) {
            clockOffset = state.now - Date.now();
        }

        var open = part('open');
        open.dataset.open = state.isOpen ? 'true' : 'false';
        setText(open, state.isOpen ? root.dataset.textOpen : root.dataset.textClosed);

        var current = state.current;
        part('current').classList.toggle('d-none', !current);
        part('no-current').classList.toggle('d-none', !!current);
        if (current) {
            part('current-name').textContent = current.delegation;
            part('current-kind').textContent = describe(current);
            var element = part('timer');
            element.dataset.allowedMs = current.timer.allowedMs === null ? '' : String(current.timer.allowedMs);
            element.dataset.elapsedMs = String(current.timer.elapsedMs);
            element.dataset.running = current.timer.running ? 'true' : 'false';
            timer = readTimer(element);
        } else {
            timer = null;
        }

        var next = part('next');
        next.replaceChildren.apply(next, state.next.map(function (s) { return entry(s); }));
        part('waiting').textContent = format(root.dataset.textWaiting, [state.waiting]);
        var last = part('last');
        last.replaceChildren.apply(last, state.last.map(function (s) {
            return entry(s, s.spokeForSeconds !== null ? format(root.dataset.textSpokeFor, [clock(s.spokeForSeconds * 1000, true)]) : s.status);
        }));

        fit();

        if (state.mine) {
            var mine = part('mine');
            if (state.mine.length === 0) {
                var none = document.createElement('li');
                none.textContent = root.dataset.textMineNone;
                mine.replaceChildren(none);
            } else {
                mine.replaceChildren.apply(mine, state.mine.map(function (m) {
                    var item = document.createElement('li');
                    item.dataset.waitMs = String(m.waitAfterCurrentMs);
                    item.dataset.template = root.dataset.textMine;
                    item.dataset.delegation = m.delegation;
                    item.dataset.kind = m.kind;
                    item.dataset.place = String(m.place);
                    item.dataset.ahead = String(m.speakersAhead);
                    return item;
                }));
            }
        }
        tick();
    }

    // Projector mode: the next speakers who do not fit the screen whole are left out (the count of those waiting stays).
    function fit() {
        if (root.dataset.liveFit !== 'true') {
            return;
        }
        var list = part('next');
        var items = Array.prototype.slice.call(list.children);
        items.forEach(function (item) { item.hidden = false; });
        var bottom = list.getBoundingClientRect().bottom;
        var full = false;
        items.forEach(function (item) {
            full = full || item.getBoundingClientRect().bottom > bottom + 0.5;
            item.hidden = full;
        });
    }

    // Projector mode: a button fills the screen (where the browser allows it), and hides while the screen is filled.
    var fullscreen = part('fullscreen');
    if (fullscreen && document.fullscreenEnabled) {
        var showFullscreen = function () {
            fullscreen.hidden = !!document.fullscreenElement;
        };
        fullscreen.addEventListener('click', function () {
            document.documentElement.requestFullscreen().catch(function () { /* refused: the button stays */ });
        });
        document.addEventListener('fullscreenchange', function () {
            showFullscreen();
            fit();
        });
        showFullscreen();
    }
    window.addEventListener('resize', fit);
    if (document.fonts) {
        document.fonts.ready.then(fit);
    }
    fit();

    // forPush: the fetch a personal display makes on a push stands for that push (its state may carry the same stamp).
    function fetchState(forPush) {
        var pushesBefore = pushes;
        return fetch(stateUrl, { credentials: 'same-origin', cache: 'no-store', headers: { 'Accept': 'application/json' } })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (state) {
                if (pushes === pushesBefore) {
                    render(state, forPush === true);
                }
            })
            .catch(function () { /* the next poll or push tries again */ });
    }

    function poll() {
        return fetchState(false);
    }

    function showConnection(text, live) {
        var element = part('connection');
        element.textContent = text;
        element.classList.toggle('live-connection-down', !live);
    }

    function startPolling() {
        if (pollTimer === null) {
            pollTimer = setInterval(poll, pollEvery);
        }
    }

    function stopPolling() {
        if (pollTimer !== null) {
            clearInterval(pollTimer);
            pollTimer = null;
        }
    }

    // The mine section is prepared from the server's first render (its items carry no template yet).
    root.querySelectorAll('[data-live="mine"] li[data-wait-ms]').forEach(function (item) {
        item.removeAttribute('data-wait-ms');
    });
    timer = readTimer(part('timer'));
    setInterval(tick, 250);

    if (!window.signalR) {
        startPolling();
        poll();
        return;
    }

    var connection = new signalR.HubConnectionBuilder()
        .withUrl('/hubs/speakers')
        .withAutomaticReconnect({
            nextRetryDelayInMilliseconds: function (context) {
                return Math.min(10000, 500 * Math.pow(2, context.previousRetryCount));
            }
        })
        .build();

    // A personal display (a delegate's own place) reads its state itself: the pushed state is the same for everyone.
    connection.on('state', function (state) {
        pushes += 1;
        if (personal) {
            fetchState(true);
        } else {
            render(state, true);
        }
    });

    function stopWatchRetry() {
        if (watchRetry !== null) {
            clearTimeout(watchRetry);
            watchRetry = null;
        }
    }

    // The hub refuses a list the caller may not read (its session unpublished while the display is open): then the
    // display polls, and asks the hub again now and then, in case the session is published again.
    function watch() {
        stopWatchRetry();
        return connection.invoke('WatchDisplay', Number(listId), language).then(function (watching) {
            if (watching !== true) {
                showConnection(root.dataset.textNotLive, false);
                startPolling();
                watchRetry = setTimeout(function () {
                    watchRetry = null;
                    if (connection.state === signalR.HubConnectionState.Connected) {
                        watch();
                    }
                }, pollEvery * 6);
                return poll();
            }
            stopPolling();
            showConnection(root.dataset.textLive, true);
            return poll();
        }).catch(function () {
            startPolling();
        });
    }

    connection.onreconnecting(function () {
        stopWatchRetry();
        showConnection(root.dataset.textReconnecting, false);
        startPolling();
    });
    // Changes made while the connection was down are not replayed: read the state again.
    connection.onreconnected(function () {
        watch();
    });
    connection.onclose(function () {
        stopWatchRetry();
        showConnection(root.dataset.textOffline, false);
        startPolling();
        setTimeout(start, 10000);
    });

    function start() {
        if (connection.state !== signalR.HubConnectionState.Disconnected) {
            return;
        }
        connection.start().then(watch).catch(function () {
            showConnection(root.dataset.textOffline, false);
            startPolling();
            setTimeout(start, 10000);
        });
    }

    start();
}());
