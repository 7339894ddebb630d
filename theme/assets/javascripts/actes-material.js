/* Helpers Material's bundle expects as globals, loaded from a file so that the
   page's Content-Security-Policy needs no inline script (theme/main.html).
   The scope is the root of the site: this file sits in <root>/assets/javascripts/,
   which also holds when the site is served under a sub-path. */
var __md_scope = new URL("../..", document.currentScript.src);

/* A short numeric hash of a string (Material compares it with a stored one). */
var __md_hash = function (text) {
  var hash = 0;
  Array.from(text).forEach(function (char) {
    hash = (hash << 5) - hash + char.charCodeAt(0);
  });
  return hash;
};

/* Reads a value Material stored for this site (null when there is none). */
var __md_get = function (key, storage, scope) {
  storage = storage || localStorage;
  scope = scope || __md_scope;
  return JSON.parse(storage.getItem(scope.pathname + "." + key));
};

/* Stores a value for this site; a full or disabled storage is not an error. */
var __md_set = function (key, value, storage, scope) {
  storage = storage || localStorage;
  scope = scope || __md_scope;
  try {
    storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
  } catch (error) {
    /* private browsing, quota: the preference is simply not kept */
  }
};
