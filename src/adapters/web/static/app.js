// Progressive enhancement for the admin pages; every page works without it.
// Served as a static file because the Content-Security-Policy forbids inline scripts.
'use strict';

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.classList.contains('confirm')) {
    if (!window.confirm(form.dataset.confirm || 'OK?')) event.preventDefault();
  }
});

// Follow a running ingestion job, then reload the document list when it finishes.
function followJob() {
  const box = document.getElementById('job');
  if (!box) return;
  const id = box.dataset.jobId;
  const state = box.dataset.state;
  if (!id || (state !== 'queued' && state !== 'running')) return;
  const poll = async () => {
    try {
      const res = await fetch(`/api/jobs/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const job = await res.json();
      if (job.state === 'done' || job.state === 'failed') {
        window.location.replace(`/documents?job=${encodeURIComponent(id)}`);
        return;
      }
      box.dataset.state = job.state;
    } catch (error) {
      console.error('job status', error);
    }
    setTimeout(poll, 600);
  };
  setTimeout(poll, 400);
}

document.addEventListener('DOMContentLoaded', followJob);

// The day chosen in a native date picker, written beside it in the page's language with the month named
// (the picker itself shows the browser's format); the value sent stays ISO.
function nameDates() {
  for (const output of document.querySelectorAll('output.date-named')) {
    const input = document.getElementById(output.htmlFor.value);
    if (!(input instanceof HTMLInputElement)) continue;
    const format = new Intl.DateTimeFormat(output.dataset.locale || 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
    const update = () => {
      const day = /^\d{4}-\d{2}-\d{2}$/.test(input.value) ? new Date(`${input.value}T00:00:00Z`) : null;
      output.textContent = day && !Number.isNaN(day.getTime()) ? format.format(day) : '';
    };
    input.addEventListener('input', update);
    input.addEventListener('change', update);
  }
}

document.addEventListener('DOMContentLoaded', nameDates);
