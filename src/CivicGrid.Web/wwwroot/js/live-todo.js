// Keeps a signed-in page current: the hub says something happened; the badges (and, on the to-do
// page, the list) are read again from the server, which stays the truth. Without JS the page is
// complete as loaded; this only saves a reload.
(function () {
    'use strict';
    var script = document.currentScript;
    if (!window.signalR || !script) { return; }
    var hubPath = script.dataset.hub;
    var countsUrl = script.dataset.counts;
    var closeText = script.dataset.close;
    var toasts = document.querySelector('.toasts');

    function setCount(name, value) {
        document.querySelectorAll('[data-live-count="' + name + '"]').forEach(function (badge) {
            badge.textContent = String(value);
            badge.hidden = value === 0;
        });
    }

    function refreshCounts() {
        return fetch(countsUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (counts) {
                if (counts) { setCount('todo', counts.todo); setCount('unread', counts.unread); }
            })
            .catch(function () { /* the next notification or reload will tell */ });
    }

    // On the to-do page: fetch the same URL and swap the list block in, keeping the reader's place.
    function refreshTodo() {
        var block = document.querySelector('[data-live-todo]');
        if (!block) { return refreshCounts(); }
        return fetch(location.href, { credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                if (!html) { return; }
                var fresh = new DOMParser().parseFromString(html, 'text/html');
                var freshBlock = fresh.querySelector('[data-live-todo]');
                if (!freshBlock) { return; }
                var x = window.scrollX, y = window.scrollY;
                block.innerHTML = freshBlock.innerHTML;
                window.scrollTo(x, y);
                ['todo', 'unread'].forEach(function (name) {
                    var badge = fresh.querySelector('[data-live-count="' + name + '"]');
                    if (badge) { setCount(name, Number(badge.textContent)); }
                });
                document.dispatchEvent(new CustomEvent('civicgrid:todo-refreshed'));
            })
            .catch(function () { /* keep what is shown; the next notification retries */ });
    }

    function toast(message) {
        if (!toasts) { return; }
        var item = document.createElement('div');
        item.className = 'toast' + (message.urgent ? ' urgent' : '');
        item.setAttribute('data-testid', 'toast');
        var words = document.createElement(message.eventId ? 'a' : 'span');
        words.textContent = message.text;
        if (message.eventId) { words.href = '/Events/Detail/' + message.eventId; }
        var close = document.createElement('button');
        close.type = 'button';
        close.className = 'link';
        close.textContent = '×';
        close.setAttribute('aria-label', closeText);
        close.addEventListener('click', function () { item.remove(); });
        item.appendChild(words);
        item.appendChild(close);
        toasts.appendChild(item);
        setTimeout(function () { item.remove(); }, 8000);
    }

    var connection = new signalR.HubConnectionBuilder()
        .withUrl(hubPath)
        .withAutomaticReconnect()
        .build();

    connection.on('notified', function (message) {
        toast(message);
        refreshTodo();
    });
    // Messages sent while disconnected are gone; the server's lists are not.
    connection.onreconnected(refreshTodo);

    function start() {
        connection.start()
            .then(function () { document.documentElement.dataset.live = 'connected'; })
            .catch(function () { setTimeout(start, 5000); });
    }
    start();
})();
