/* Arabic search: each query word becomes its shortest form (normalised, attached prefixes
 * removed) by the rules of learnsite/render/arabic_search.py; the build adds every form of every
 * word to the index, so the stem finds all of them. Both engines post the query to their search
 * worker as message type 2: Material as {type: 2, data: "query"}, Zensical as
 * {type: 2, data: {input: "query", filter: ..., page: ...}} (its input is an object when only
 * tag filters are set; that is left alone). */
(function () {
  "use strict";
  var DIACRITICS = /[\u064b-\u065f\u0670\u0640]/g;
  var FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"};
  var PREFIXES = ["وبال", "وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل", "ك"];
  var MIN_STEM = 3;
  var ARABIC_WORD = /[\u0600-\u06ff\u0750-\u077f]+/g;

  function normalise(word) {
    return word.replace(DIACRITICS, "").replace(/[أإآٱةى]/g, function (c) { return FOLD[c]; });
  }

  function forms(word) {
    var found = [normalise(word)];
    for (var i = 0; i < found.length; i++) {
      var form = found[i];
      for (var p = 0; p < PREFIXES.length; p++) {
        var prefix = PREFIXES[p];
        if (form.indexOf(prefix) === 0 && form.length - prefix.length >= MIN_STEM) {
          var stem = form.slice(prefix.length);
          if (found.indexOf(stem) === -1) { found.push(stem); }
          break;
        }
      }
    }
    return found;
  }

  function expandQuery(query) {
    return query.replace(ARABIC_WORD, function (word) { return forms(word).slice(-1)[0]; });
  }

  /* A copy with the query rewritten: Zensical's message data is its live search state. */
  function rewrite(message) {
    if (!message || message.type !== 2) { return message; }
    if (typeof message.data === "string") {
      return {type: 2, data: expandQuery(message.data)};
    }
    if (message.data && typeof message.data.input === "string") {
      return {type: 2, data: Object.assign({}, message.data, {input: expandQuery(message.data.input)})};
    }
    return message;
  }

  window.learnsiteArabicForms = forms;

  /* The worker may be a real Worker or, offline, the iframe-worker shim. */
  [window.Worker, window.IFrameWorker].forEach(function (Kind) {
    if (!Kind || !Kind.prototype || Kind.prototype.__learnsite) { return; }
    var post = Kind.prototype.postMessage;
    Kind.prototype.postMessage = function (message) {
      message = rewrite(message);
      return post.apply(this, [message].concat([].slice.call(arguments, 1)));
    };
    Kind.prototype.__learnsite = true;
  });
})();
