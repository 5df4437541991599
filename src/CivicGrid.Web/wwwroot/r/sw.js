// The residents' service worker: pages always come from the network (a report's status must be
// current), with a plain offline page when there is none; the style sheet, scripts and icons are
// kept so a slow 3G connection loads them once.
"use strict";
var SHELL = "civicgrid-resident-v1";
var FILES = ["/r/offline.html", "/css/resident.css", "/js/resident-report.js", "/js/locate.js", "/js/category-picker.js", "/r/icon-192.png"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(FILES); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== SHELL; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(function () { return caches.match("/r/offline.html"); }));
    return;
  }
  var path = new URL(request.url).pathname;
  if (path.indexOf("/css/") === 0 || path.indexOf("/js/") === 0 || path.indexOf("/r/icon") === 0) {
    // Versioned URLs (?v=) change when the file does, so a cached copy is never stale.
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        var copy = response.clone();
        caches.open(SHELL).then(function (cache) { cache.put(request, copy); });
        return response;
      });
    }));
  }
});
