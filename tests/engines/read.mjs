// Opens a book in a reading engine inside headless Chromium (playwright-core) and pages through it as
// a reader would; prints what each page showed, and the console errors, as JSON.
// Usage: node read.mjs MODULES ENGINE BOOK SHOTS [CROP_TOP CROP_BOTTOM]
//   MODULES: the node_modules holding the engines; ENGINE: foliate, epubjs or pdfjs;
//   SHOTS: a folder for screenshots of an EPUB's first pages; CROP_*: for pdfjs, points cut off the pages.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [modules, engine, book, shots, cropTop = '0', cropBottom = '0'] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(path.resolve(modules, 'x.js'))('playwright-core');

const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.css': 'text/css',
                '.epub': 'application/epub+zip', '.pdf': 'application/pdf', '.json': 'application/json' };
// Serves the harness (/engines), the engines (/modules) and the book (/book): modules need http.
const server = createServer(async (req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = null;
  if (url.startsWith('/engines/')) file = path.join(here, url.slice('/engines/'.length));
  else if (url.startsWith('/modules/')) file = path.join(modules, url.slice('/modules/'.length));
  else if (url.startsWith('/book')) file = book;
  try {
    if (!file || file.includes('..')) throw new Error('not served');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-default-apps', '--no-first-run',
         '--disable-extensions', '--metrics-recording-only', '--mute-audio'],
});
const errors = [];
const result = { engine, errors };
try {
  // A phone-sized screen, as many readers read on.
  const page = await browser.newPage({ viewport: { width: 480, height: 760 } });
  page.on('console', m => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', e => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', r => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', r => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(`${origin}/engines/reader.html`);
  if (engine === 'pdfjs') {
    result.pages = await page.evaluate(([c, b]) => window.readPdf('/book.pdf', c, b), [Number(cropTop), Number(cropBottom)]);
  } else {
    await mkdir(shots, { recursive: true });
    const bookUrl = '/book.epub';
    Object.assign(result, await page.evaluate(([e, u]) => window.openBook(e, u), [engine, bookUrl]));
    const pages = [await page.evaluate(() => window.look())];
    for (;;) {
      if (pages.length <= 3) await page.screenshot({ path: path.join(shots, `${engine}-page-${pages.length}.png`) });
      const next = await page.evaluate(() => window.turn());
      if (!next) break;
      pages.push(next);
      if (pages.length > 5000) throw new Error('more than 5000 pages: the engine does not reach the end');
    }
    result.pages = pages;
    // The note is tapped in a book opened afresh, as a reader opens it.
    await page.reload();
    await page.evaluate(([e, u]) => window.openBook(e, u), [engine, bookUrl]);
    result.note = await page.evaluate(() => window.followNote());
    await page.screenshot({ path: path.join(shots, `${engine}-note.png`) });
  }
} catch (e) {
  errors.push(`driver: ${e.stack ?? e}`);
} finally {
  await browser.close();
  server.close();
}
process.stdout.write(JSON.stringify(result));
