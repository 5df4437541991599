// The residents' service worker: pages always come from the network (a report's status must be
// current), with a plain offline page when there is none. Style sheets and scripts carry the
// build's fingerprint in their name (resident.ff84gimm4b.css), which changes with the file, so a
// kept copy is never stale and a slow 3G connection loads each only once.
"use strict";
var SHELL = "civicgrid-resident-v2";
var OFFLINE = ["/r/offline.html", "/css/resident.css", "/r/icon-192.png"];
var FINGERPRINTED = /\.[a-z0-9]{10}\.(css|js)$/;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(OFFLINE); }).then(function () { return self.skipWaiting(); }));
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
  if (FINGERPRINTED.test(path)) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        var copy = response.clone();
        caches.open(SHELL).then(function (cache) { cache.put(request, copy); });
        return response;
      });
    }));
  } else if (OFFLINE.indexOf(path) >= 0) {
    // Unversioned, so the network's copy first; the kept one only dresses the offline page.
    event.respondWith(fetch(request).catch(function () { return caches.match(request); }));
  }
});
