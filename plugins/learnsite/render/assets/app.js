/* The site as an app: installs the service worker (sw.js at the site root, learnsite/webapp/)
 * that keeps the whole site for offline reading, and offers a newer version once it is kept.
 * Only over http(s): the offline copy, opened from files, has no worker. Nothing about the
 * reader is sent or stored here. */
(function () {
  "use strict";
  var banner = document.querySelector(".ls-app-update");
  if (!banner || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) {
    return;
  }
  var accepted = false;

  /* The banner (a status region, in the page's language) with its button. */
  function offer(worker) {
    if (banner.firstChild) { return; }
    var text = document.createElement("span");
    text.textContent = banner.dataset.text;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary";
    button.textContent = banner.dataset.reload;
    button.addEventListener("click", function () {
      accepted = true;
      worker.postMessage("skip-waiting");
    });
    banner.append(text, " ", button);
  }

  /* A new version is ready once installed while an older one controls this page. */
  function watch(worker) {
    if (!worker) { return; }
    worker.addEventListener("statechange", function () {
      if (worker.state === "installed" && navigator.serviceWorker.controller) { offer(worker); }
    });
  }

  /* After the page has loaded: keeping the site must not slow the page the reader opened. */
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(banner.dataset.worker).then(function (registration) {
      if (registration.waiting && navigator.serviceWorker.controller) { offer(registration.waiting); }
      watch(registration.installing);
      registration.addEventListener("updatefound", function () { watch(registration.installing); });
    });
  });
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (accepted) { location.reload(); }
  });
})();
