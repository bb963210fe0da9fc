// What a browser annotation client signed in with a bearer token does: every request it sends carries
// "Authorization: Bearer <token>". The token comes in the page's address, after "#token=".
(function () {
  var token = decodeURIComponent(location.hash.replace(/^#token=/, ''));
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function () {
    open.apply(this, arguments);
    this.setRequestHeader('Authorization', 'Bearer ' + token);
  };
})();
