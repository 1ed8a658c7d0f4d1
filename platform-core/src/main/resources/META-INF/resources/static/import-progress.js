// Live progress of a bulk import: polls the job's status and moves the <progress> bar. Without script the page
// refreshes itself (a <noscript> meta refresh) and has a reload link, so this file is only an improvement.
(function () {
  'use strict';
  var job = document.getElementById('import-job');
  if (!job || job.getAttribute('data-ended') === 'true') {
    return;
  }
  var bar = document.getElementById('import-progress');
  var label = document.getElementById('import-status');
  var url = job.getAttribute('data-status-url');
  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (status) {
        bar.value = status.percent;
        bar.textContent = status.percent + '%';
        label.textContent = status.label;
        if (status.ended) {
          // The report (counts or every bad row) is rendered by the server, in one place.
          window.location.reload();
        } else {
          window.setTimeout(poll, 700);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 3000);
      });
  }
  window.setTimeout(poll, 300);
})();
