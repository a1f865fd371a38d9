// Drives headless Debian Chromium through the gateway console (run by ConsoleIT).
// Environment: CONSOLE_URL, CONSOLE_SPKI (Base64 SHA-256 of the certificate's key), CONSOLE_PASSWORD,
// DEVICE_ID, DEVICE_PROFILE, DEVICE_ENDPOINT, VOLTAGE_POINT. Prints one JSON line: what it saw.
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error('environment variable ' + name + ' is missing');
  }
  return value;
};

async function main() {
  const url = env('CONSOLE_URL');
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'console-it-'));
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--ignore-certificate-errors-spki-list=' + env('CONSOLE_SPKI')],
  });
  const seen = {};
  try {
    context.setDefaultTimeout(30000);
    const page = context.pages()[0] || await context.newPage();
    await page.goto(url + '/');
    await page.waitForURL(/\/login\.html$/);
    seen.redirectedToLogin = true;

    await page.fill('#password', 'not-the-password');
    await page.click('#submit');
    await page.waitForFunction(() => document.getElementById('message').textContent.length > 0);
    seen.wrongPasswordMessage = await page.textContent('#message');

    await page.fill('#password', env('CONSOLE_PASSWORD'));
    await page.click('#submit');
    await page.waitForURL(/\/index\.html#overview$/);
    await page.waitForFunction(() => document.getElementById('uplink').textContent.length > 0);
    seen.uplink = await page.textContent('#uplink');

    await page.click('a[href="#add"]');
    await page.waitForSelector(`#add-profile option[value="${env('DEVICE_PROFILE')}"]`, { state: 'attached' });
    await page.fill('#add-id', env('DEVICE_ID'));
    await page.selectOption('#add-profile', env('DEVICE_PROFILE'));
    await page.fill('#add-endpoint', env('DEVICE_ENDPOINT'));
    await page.fill('#add-interval', '0.5');
    await page.click('#test-read');
    await page.waitForSelector('#save:not([disabled])');
    seen.testRead = await page.textContent('#add-message');
    seen.testReadRow = await rowOf(page, '#test-result', env('VOLTAGE_POINT'));

    await page.click('#save');
    await page.waitForURL(/#devices$/);
    const device = `.device[data-device="${env('DEVICE_ID')}"]`;
    await page.waitForFunction(([selector, point]) => {
      const box = document.querySelector(selector);
      return box && [...box.querySelectorAll('tr')].some(tr => tr.cells[0].textContent === point);
    }, [device, env('VOLTAGE_POINT')]);
    seen.deviceRow = await rowOf(page, device + ' table', env('VOLTAGE_POINT'));
    seen.deviceTitle = await page.textContent(device + ' h2');
  } finally {
    await context.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
  console.log(JSON.stringify(seen));
}

async function rowOf(page, table, point) {
  return page.$$eval(table + ' tr', (rows, p) => {
    const row = rows.find(r => r.cells[0].textContent === p);
    return row ? [...row.cells].map(c => c.textContent) : [];
  }, point);
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
