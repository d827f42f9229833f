// The door: where the browser has a BarcodeDetector, the camera reads the badge's QR code and sends it as if typed.
(function () {
    var form = document.getElementById('check-in-form');
    var button = document.getElementById('check-in-camera');
    var video = document.getElementById('check-in-video');
    if (!form || !button || !video || !('BarcodeDetector' in window) || !navigator.mediaDevices) {
        return;
    }

    button.classList.remove('d-none');
    button.addEventListener('click', function () {
        var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
        navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
            video.srcObject = stream;
            video.classList.remove('d-none');
            return video.play().then(function () {
                var look = function () {
                    detector.detect(video).then(function (codes) {
                        if (codes.length > 0) {
                            stream.getTracks().forEach(function (track) { track.stop(); });
                            form.elements.namedItem('code').value = codes[0].rawValue;
                            form.submit();
                        } else {
                            window.requestAnimationFrame(look);
                        }
                    }).catch(function () { window.requestAnimationFrame(look); });
                };
                look();
            });
        }).catch(function () {
            button.disabled = true;
        });
    });
})();
