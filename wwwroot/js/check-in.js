// The door. A read (the camera's, or a code typed or sent by a scanner) is posted without leaving the page, so that the
// camera keeps reading badge after badge; each answer sounds (a different tone for a refusal), flashes a colour over
// the screen's width and is said to screen readers. The camera reads QR codes with the browser's BarcodeDetector
// where there is one, and with the vendored jsQR elsewhere (Firefox, Safari on iOS). Without script the form posts.
(function () {
    'use strict';
    var form = document.getElementById('check-in-form');
    var results = document.getElementById('check-in-results');
    if (!form || !results) {
        return;
    }

    var button = document.getElementById('check-in-camera');
    var video = document.getElementById('check-in-video');
    var flash = document.getElementById('check-in-flash');
    var count = document.getElementById('check-in-count');
    var field = form.elements.namedItem('code');
    var audio = null;
    var flashTimer = null;

    // Browsers start sound only after a gesture: the first click, key or camera button opens it.
    function openAudio() {
        var Context = window.AudioContext || window.webkitAudioContext;
        if (!audio && Context) {
            audio = new Context();
        }
        if (audio && audio.state === 'suspended') {
            audio.resume();
        }
    }

    // Accepted: two rising notes; already present: one; refused: a low buzz.
    function sound(kind) {
        if (!audio) {
            return;
        }
        var notes = kind === 'accepted' ? [[880, 0, 0.12], [1320, 0.14, 0.16]]
            : kind === 'already' ? [[988, 0, 0.18]]
            : [[180, 0, 0.45]];
        var start = audio.currentTime;
        notes.forEach(function (note) {
            var oscillator = audio.createOscillator();
            var gain = audio.createGain();
            oscillator.type = kind === 'refused' ? 'square' : 'sine';
            oscillator.frequency.value = note[0];
            gain.gain.setValueAtTime(0.0001, start + note[1]);
            gain.gain.exponentialRampToValueAtTime(0.25, start + note[1] + 0.02);
            gain.gain.exponentialRampToValueAtTime(0.0001, start + note[1] + note[2]);
            oscillator.connect(gain);
            gain.connect(audio.destination);
            oscillator.start(start + note[1]);
            oscillator.stop(start + note[1] + note[2] + 0.05);
        });
    }

    function signal(outcome) {
        var kind = outcome === 'Recorded' ? 'accepted' : outcome === 'AlreadyPresent' ? 'already' : 'refused';
        sound(kind);
        if (flash) {
            flash.dataset.outcome = kind;
            flash.dataset.reads = String(Number(flash.dataset.reads || 0) + 1);
            flash.classList.remove('check-in-flash-on');
            void flash.offsetWidth;
            flash.classList.add('check-in-flash-on');
            clearTimeout(flashTimer);
            flashTimer = setTimeout(function () { flash.classList.remove('check-in-flash-on'); }, 900);
        }
    }

    var sending = false;

    // The answer is the door page itself: its result and count replace this page's.
    function send(code) {
        sending = true;
        var data = new FormData(form);
        data.set('code', code);
        return fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
            .then(function (response) { return response.text(); })
            .then(function (html) {
                var page = new DOMParser().parseFromString(html, 'text/html');
                var answer = page.getElementById('check-in-results');
                var result = answer && answer.querySelector('.check-in-result');
                if (!result) {
                    // Signed out, or an error page: show it as the form would have.
                    form.submit();
                    return;
                }
                // The live region says it once: the result's own role is for a page loaded without script.
                result.removeAttribute('role');
                results.replaceChildren(document.importNode(result, true));
                var newCount = page.getElementById('check-in-count');
                if (count && newCount) {
                    count.textContent = newCount.textContent;
                }
                signal(result.dataset.outcome);
                field.value = '';
            })
            .catch(function () {
                form.submit();
            })
            .finally(function () {
                sending = false;
            });
    }

    form.addEventListener('submit', function (event) {
        if (!window.fetch || !window.DOMParser) {
            return;
        }
        event.preventDefault();
        openAudio();
        if (!sending && field.value.trim() !== '') {
            send(field.value).then(function () { field.focus(); });
        }
    });

    if (!button || !video || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        return;
    }

    function loadScript(src) {
        return new Promise(function (resolve, reject) {
            var script = document.createElement('script');
            script.src = src;
            script.onload = resolve;
            script.onerror = reject;
            document.head.appendChild(script);
        });
    }

    // A function from the video to the code it shows now (or null).
    function decoder() {
        if ('BarcodeDetector' in window) {
            var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
            return Promise.resolve(function () {
                return detector.detect(video).then(function (codes) { return codes.length > 0 ? codes[0].rawValue : null; });
            });
        }
        return loadScript(button.dataset.decoder).then(function () {
            var canvas = document.createElement('canvas');
            var context = canvas.getContext('2d', { willReadFrequently: true });
            return function () {
                var scale = Math.min(1, 800 / Math.max(video.videoWidth, video.videoHeight, 1));
                canvas.width = Math.round(video.videoWidth * scale);
                canvas.height = Math.round(video.videoHeight * scale);
                if (canvas.width === 0 || canvas.height === 0) {
                    return Promise.resolve(null);
                }
                context.drawImage(video, 0, 0, canvas.width, canvas.height);
                var image = context.getImageData(0, 0, canvas.width, canvas.height);
                var code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
                return Promise.resolve(code ? code.data : null);
            };
        });
    }

    button.classList.remove('d-none');
    button.addEventListener('click', function () {
        openAudio();
        button.disabled = true;
        // A badge held in front of the camera is read once, not again until another has been read.
        var last = null;
        Promise.all([decoder(), navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } })]).then(function (ready) {
            var read = ready[0];
            video.srcObject = ready[1];
            video.classList.remove('d-none');
            return video.play().then(function () {
                var look = function () {
                    if (sending) {
                        setTimeout(look, 150);
                        return;
                    }
                    read().then(function (code) {
                        if (code && code !== last) {
                            last = code;
                            return send(code);
                        }
                        return null;
                    }).catch(function () { /* a frame that cannot be read: the next one may */ }).then(function () {
                        setTimeout(look, 150);
                    });
                };
                look();
            });
        }).catch(function () {
            button.disabled = true;
        });
    });
})();
