/* learnsite's service worker: keeps the whole site on the reader's device so it works offline.
 *
 * The build writes the lines above this comment: VERSION (a hash of the precache list),
 * PRECACHE (every file to keep, by path from the site root, with the hash of its bytes),
 * OFFLINE (the page to show, per language folder, for a page that is not kept) and PACKED (the
 * endings of text files, kept gzip-compressed: a third of the space or less).
 *
 * Install: each file goes into this version's cache. A file whose hash is the same as in the
 * cache of the version before is copied from there, so an update fetches only what changed.
 * The new version then waits until the reader accepts it (the page shows a banner: app.js).
 *
 * Privacy: only GET requests to this site are answered; nothing with a query string is ever
 * stored (checklist answers never leave the page, and no request carrying them is kept); the
 * worker itself sends nothing anywhere but this site. */
"use strict";

const PREFIX = "learnsite-";
const FILES = PREFIX + "files-" + VERSION;
/* PDFs are not precached (they are large): one the reader opens is kept until the next update. */
const OPENED = PREFIX + "opened-" + VERSION;
/* Inside each files cache: the PRECACHE list it holds, to compare with the next version's. */
const LIST = "learnsite-precache.json";
const PARALLEL = 4;  /* fetches at a time: leaves room for the reader's own */

const root = new URL("./", self.location.href);

function address(path) {
  return new URL(path, root).href;
}

/* The cached entry a URL stands for: no query or fragment, and `…/index.html` as `…/`. */
function key(url) {
  return url.origin + url.pathname.replace(/\/index\.html$/, "/");
}

/* url → [hash, cache name], from the files caches of earlier versions. */
async function keptBefore() {
  const kept = new Map();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX + "files-") || name === FILES) { continue; }
    const list = await (await caches.open(name)).match(address(LIST));
    if (!list) { continue; }
    for (const [path, hash] of Object.entries(await list.json())) {
      kept.set(address(path), [hash, name]);
    }
  }
  return kept;
}

function packed(path) {
  return path.endsWith("/") || PACKED.some((ending) => path.endsWith(ending));
}

/* A fetched text file as it is kept: compressed, marked so, with its type. */
async function pack(path, response) {
  if (!packed(path)) { return response; }
  const body = await new Response(response.body.pipeThrough(new CompressionStream("gzip"))).blob();
  return new Response(body, {headers: {"Content-Type": response.headers.get("Content-Type") || "",
                                       "X-Learnsite-Packed": "gzip"}});
}

/* A kept file as the page gets it. */
function unpack(response) {
  if (response.headers.get("X-Learnsite-Packed") !== "gzip") { return response; }
  return new Response(response.body.pipeThrough(new DecompressionStream("gzip")),
                      {headers: {"Content-Type": response.headers.get("Content-Type")}});
}

async function precache() {
  const cache = await caches.open(FILES);
  const before = await keptBefore();
  const queue = Object.entries(PRECACHE);
  async function next() {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const [path, hash] = item;
      const url = address(path);
      const old = before.get(url);
      let response = old && old[0] === hash
        ? await (await caches.open(old[1])).match(url) : undefined;
      if (!response) {
        response = await fetch(url, {cache: "no-cache"});
        if (!response.ok) { throw new Error(url + ": " + response.status); }
        response = await pack(path, response);
      }
      await cache.put(url, response);
    }
  }
  await Promise.all(Array.from({length: PARALLEL}, next));
  await cache.put(address(LIST), new Response(JSON.stringify(PRECACHE),
                                               {headers: {"Content-Type": "application/json"}}));
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== FILES && name !== OPENED) {
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

/* The reader accepted the update (the banner's button). */
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") { self.skipWaiting(); }
});

function offlinePage(url) {
  const path = url.pathname.slice(root.pathname.length);
  const folder = Object.keys(OFFLINE).find((prefix) => prefix && path.startsWith(prefix)) || "";
  return caches.match(address(OFFLINE[folder]), {cacheName: FILES}).then((page) => page && unpack(page));
}

async function respond(request, url) {
  const kept = await caches.match(key(url), {cacheName: FILES});
  if (kept) { return unpack(kept); }
  const opened = await caches.match(key(url), {cacheName: OPENED});
  if (opened) { return opened; }
  try {
    const response = await fetch(request);
    if (response.status === 200 && !url.search && url.pathname.endsWith(".pdf")) {
      await (await caches.open(OPENED)).put(key(url), response.clone());
    }
    return response;
  } catch (error) {
    if (request.mode === "navigate") {
      const page = await offlinePage(url);
      if (page) { return page; }
    }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin
      || !url.href.startsWith(root.href)) {
    return;  /* not ours: the browser handles it as if there were no worker */
  }
  event.respondWith(respond(event.request, url));
});
