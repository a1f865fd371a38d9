let csrf = '';

async function api(path, body) {
  const options = body === undefined ? {} : {
    method: 'POST', headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf}, body: JSON.stringify(body)
  };
  const response = await fetch('/api/' + path, options);
  if (response.status === 401) {
    window.location.href = '/login.html';
  }
  const data = await response.json();
  if (!response.ok) {
    throw new Error(data.error || response.statusText);
  }
  return data;
}

function cell(row, text, tag = 'td') {
  const c = document.createElement(tag);
  c.textContent = text;
  row.appendChild(c);
  return c;
}

function table(element, headings, rows) {
  element.replaceChildren();
  const head = element.insertRow();
  headings.forEach(h => cell(head, h, 'th'));
  rows.forEach(r => {
    const row = element.insertRow();
    r.forEach(v => cell(row, v));
  });
}

function time(ms) {
  return ms ? new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '';
}

function delivery(u) {
  if (!u.delivery) {
    return '';
  }
  const last = u.lastDelivered ? '; last batch delivered ' + time(u.lastDelivered) : '; nothing delivered yet';
  const problem = u.delivery !== 'delivering' && u.lastProblem ? ': ' + u.lastProblem : '';
  return ' — ' + u.delivery + ' since ' + time(u.since) + problem + last;
}

async function overview() {
  const o = await api('overview');
  document.getElementById('uplink').textContent = o.uplink.name + ': ' + o.uplink.state + ' (' + o.devices + ' devices)'
    + delivery(o.uplink);
  table(document.getElementById('buffer'), ['Figure', 'Value'], Object.entries(o.buffer)
    .map(([k, v]) => [k, k === 'oldestTime' ? time(v) : String(v)]));
  table(document.getElementById('alarms'), ['Severity', 'Source', 'Message', 'Since'],
    o.alarms.map(a => [a.severity, a.source, a.message, time(a.time)]));
}

function readingsTable(readings) {
  const t = document.createElement('table');
  table(t, ['Point', 'Value', 'Unit', 'Quality', 'Time'],
    readings.map(r => [r.point, r.value, r.unit, r.quality, time(r.time)]));
  return t;
}

async function devices() {
  const list = await api('devices');
  const host = document.getElementById('device-list');
  host.replaceChildren();
  if (list.length === 0) {
    host.textContent = 'No device yet: add one.';
  }
  list.forEach(d => {
    const box = document.createElement('div');
    box.className = 'device';
    box.dataset.device = d.id;
    const title = document.createElement('h2');
    title.textContent = d.id + ' (' + d.profile + ' at ' + d.endpoint + ')';
    const figures = document.createElement('p');
    figures.textContent = 'read ' + d.polled + ', failed ' + d.failed + ', stored ' + d.stored;
    const error = document.createElement('p');
    error.className = 'error';
    error.textContent = d.lastError ? 'Last error: ' + d.lastError : '';
    box.append(title, figures, error, readingsTable(d.readings));
    host.appendChild(box);
  });
}

async function logs() {
  const l = await api('logs');
  document.getElementById('log-file').textContent = l.file;
  document.getElementById('log-lines').textContent = l.lines.join('\n');
}

function deviceForm() {
  return {
    id: document.getElementById('add-id').value,
    profile: document.getElementById('add-profile').value,
    endpoint: document.getElementById('add-endpoint').value,
    intervalMs: Math.round(parseFloat(document.getElementById('add-interval').value) * 1000)
  };
}

async function loadProfiles() {
  const select = document.getElementById('add-profile');
  const profiles = await api('profiles');
  select.replaceChildren(...profiles.map(p => {
    const o = document.createElement('option');
    o.value = p.id;
    o.textContent = p.manufacturer + ' ' + p.model + ' (' + p.id + ', ' + p.protocol + ')';
    return o;
  }));
}

async function testRead() {
  const message = document.getElementById('add-message');
  message.textContent = 'Reading…';
  document.getElementById('save').disabled = true;
  try {
    const r = await api('test-read', deviceForm());
    table(document.getElementById('test-result'), ['Point', 'Value', 'Unit', 'Quality / status'],
      r.readings.map(x => [x.point, x.value, x.unit, x.quality])
        .concat(r.failures.map(f => [f.point, '', '', f.status + ' ' + f.detail])));
    message.textContent = r.readings.length + ' points answered, ' + r.failures.length + ' failed';
    document.getElementById('save').disabled = r.readings.length === 0;
  } catch (e) {
    message.textContent = 'Test read failed: ' + e.message;
  }
}

async function save(event) {
  event.preventDefault();
  const message = document.getElementById('add-message');
  try {
    const r = await api('devices', deviceForm());
    message.textContent = 'Saved in ' + r.saved + '; the gateway polls it now.';
    window.location.hash = '#devices';
  } catch (e) {
    message.textContent = 'Not saved: ' + e.message;
  }
}

const pages = {overview, devices, add: loadProfiles, logs};
let timer;

async function show() {
  const name = (window.location.hash || '#overview').substring(1);
  document.querySelectorAll('.page').forEach(p => p.classList.toggle('hidden', p.id !== name));
  clearInterval(timer);
  const load = pages[name] || overview;
  await load();
  if (name === 'overview' || name === 'devices') {
    timer = setInterval(load, 2000);
  }
}

document.getElementById('test-read').addEventListener('click', testRead);
document.getElementById('add-form').addEventListener('submit', save);
document.getElementById('logout').addEventListener('click', async () => {
  await api('logout', {});
  window.location.href = '/login.html';
});
window.addEventListener('hashchange', show);
api('session').then(s => { csrf = s.csrf; show(); });
