/* Site-wide accessibility repairs to Material's markup, applied before readers interact. */
(function () {
  "use strict";
  /* The search overlay is a dialog; a dialog needs an accessible name. */
  var search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", document.querySelector(".md-search__input")
      ? document.querySelector(".md-search__input").getAttribute("aria-label") || "Search"
      : "Search");
  }
})();
