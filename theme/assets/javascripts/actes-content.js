/* When the address ends with the id of a tab of a tabbed block, that tab is opened
   (Material's content partial, as a file for the Content-Security-Policy). */
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) {
    target.checked = target.name.indexOf("__tabbed_") === 0;
  }
})();
