// Collects the results of testharness.js for the test that drives this page (our own reporter). Every test the
// page declares is listed, so that one that never finishes (the page's script stopped) still counts as not passed.
(function () {
  var progress = { declared: [], results: {}, complete: false };
  window.protocolProgress = progress;
  ['test', 'promise_test', 'async_test'].forEach(function (name) {
    var declare = window[name];
    window[name] = function (f, title) {
      progress.declared.push(title);
      return declare.apply(this, arguments);
    };
  });
  add_result_callback(function (t) {
    progress.results[t.name] = { status: t.status, message: t.message || '' };
  });
  add_completion_callback(function () {
    progress.complete = true;
  });
})();
