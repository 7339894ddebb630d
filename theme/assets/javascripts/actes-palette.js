/* Applies the colour palette a reader chose earlier on this site, before the page
   is drawn (Material's palette partial, as a file for the Content-Security-Policy). */
(function () {
  var palette = __md_get("__palette");
  if (!palette || !palette.color) {
    return;
  }
  if (palette.color.media === "(prefers-color-scheme)") {
    var light = matchMedia("(prefers-color-scheme: light)").matches;
    var input = document.querySelector(
      "[data-md-color-media='(prefers-color-scheme: " + (light ? "light" : "dark") + ")']");
    if (input) {
      ["media", "scheme", "primary", "accent"].forEach(function (name) {
        palette.color[name] = input.getAttribute("data-md-color-" + name);
      });
    }
  }
  Object.keys(palette.color).forEach(function (name) {
    document.body.setAttribute("data-md-color-" + name, palette.color[name]);
  });
})();
