// Keeps a notice's tally current while its page is open: the hub sends the new counts after each
// read or answer, to pages it let watch the notice. Without script the tally is as loaded.
(function () {
    'use strict';
    var script = document.currentScript;

    // The layout's SignalR client is deferred after this script: start once every deferred script has run.
    document.addEventListener('DOMContentLoaded', function () {
        var tally = document.querySelector('[data-notice]');
        if (!window.signalR || !script || !tally) { return; }
        var noticeId = Number(tally.dataset.notice);
        var connection = new signalR.HubConnectionBuilder().withUrl(script.dataset.hub).withAutomaticReconnect().build();

        connection.on('noticeTallied', function (counts) {
            if (counts.noticeId !== noticeId) { return; }
            tally.querySelectorAll('[data-tally]').forEach(function (cell) {
                var value = counts[cell.dataset.tally];
                if (typeof value === 'number') { cell.textContent = String(value); }
            });
        });

        // data-watching says the counts are live from here on (and lets a test wait for it).
        function watch() { return connection.invoke('WatchNotice', noticeId).then(function (ok) { tally.dataset.watching = String(ok); }); }
        connection.onreconnected(watch);
        connection.start().then(watch).catch(function () { /* a reload shows the counts */ });
    });
}());
