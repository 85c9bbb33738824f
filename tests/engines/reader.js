// The page the engine tests load in Chromium: opens a book in foliate-js, epub.js or pdf.js and
// exposes the steps read.mjs drives (open, turn a page, read what a page shows, follow a note).

// The words of `doc`'s body in order, each with its first box in document coordinates (null when it
// is not drawn), and white space where words part: at white space, a block's edge, a line break.
// The layout of a section does not change as its pages turn, so this is done once per document.
const layouts = new WeakMap();
function layoutOf(doc) {
  if (layouts.has(doc)) return layouts.get(doc);
  const win = doc.defaultView;
  const words = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  const range = doc.createRange();
  const blocks = new Map();
  const blockOf = el => {
    for (let e = el; e && e !== doc.body; e = e.parentElement) {
      if (!blocks.has(e)) blocks.set(e, !win.getComputedStyle(e).display.startsWith('inline'));
      if (blocks.get(e)) return e;
    }
    return doc.body;
  };
  const box = r => ({ x: r.left + r.width / 2 + win.scrollX, y: r.top + r.height / 2 + win.scrollY, width: r.width });
  let block = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (['br', 'img'].includes(node.localName)) words.push({ text: ' ', space: true });
      continue;
    }
    const b = blockOf(node.parentElement);
    if (b !== block) words.push({ text: ' ', space: true });
    block = b;
    // Words part at ASCII white space, as in XML: a no-break space joins them.
    for (const m of node.data.matchAll(/[^ \t\n\r\f]+|[ \t\n\r\f]+/g)) {
      if (/^[ \t\n\r\f]/.test(m[0])) {
        words.push({ text: ' ', space: true });
        continue;
      }
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const first = range.getClientRects()[0];
      words.push({ text: m[0], box: first && first.width > 0 ? box(first) : null });
    }
  }
  const images = [...doc.querySelectorAll('img, svg image, image')];
  const layout = { words, images };
  layouts.set(doc, layout);
  return layout;
}

// What a reader sees in `doc` through the window `view` (a rectangle in the top page's coordinates):
// for each word whether its first box lies inside, and the images drawn there.
function visible(doc, frame, view) {
  const origin = frame.getBoundingClientRect(), win = doc.defaultView;
  const inside = b => {
    const x = origin.left + b.x - win.scrollX, y = origin.top + b.y - win.scrollY;
    return x >= view.left && x < view.right && y >= view.top && y < view.bottom;
  };
  const { words, images: all } = layoutOf(doc);
  const shown = words.map(w => w.space ? w : { text: w.text, shown: !!w.box && inside(w.box), drawn: !!w.box });
  let images = 0, loaded = 0;
  for (const img of all) {
    const r = img.getBoundingClientRect();
    if (r.width * r.height > 0 && inside({ x: r.left + r.width / 2 + win.scrollX, y: r.top + r.height / 2 + win.scrollY })) {
      images++;
      if (img.localName !== 'img' || (img.complete && img.naturalWidth > 0)) loaded++;
    }
  }
  return { words: shown, images, loaded };
}

// A page's text: its visible words with the spaces between them; `seen` marks the words an earlier page
// of the same section showed, so that each word counts on the first page it appears on.
function pageText(shown, seen) {
  let text = '';
  shown.words.forEach((w, i) => {
    if (w.space) {
      if (text && !text.endsWith(' ')) text += ' ';
    } else if (w.shown && !seen.has(i)) {
      seen.add(i);
      text += w.text;
    }
  });
  return text.trim();
}

const pause = ms => new Promise(r => setTimeout(r, ms));
const settled = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));

const engines = {
  foliate: {
    async open(url) {
      await import('/modules/foliate-js/view.js');
      const view = document.createElement('foliate-view');
      document.getElementById('viewer').append(view);
      this.view = view;
      view.addEventListener('relocate', () => this.relocated?.());
      await view.open(url);
      this.sections = view.book.sections.length;
      await this.goToSection(0);
    },
    // Waits for what `act` starts to relocate the view; false when nothing moved within 20 s (a
    // machine busy with other tests took more than 2 s to turn a page, and the book seemed to end).
    async settle(act) {
      const moved = new Promise(resolve => { this.relocated = () => resolve(true); });
      await act();
      const result = await Promise.race([moved, pause(20000).then(() => false)]);
      await settled();
      return result;
    },
    goToSection(index) { return this.settle(() => this.view.goTo(index)); },
    current() {
      const [{ doc, index }] = this.view.renderer.getContents();
      return { doc, index, href: this.view.book.sections[index].id };
    },
    // At the last page nothing moves: the book ends there, without waiting.
    next() { return this.view.renderer.atEnd ? Promise.resolve(false) : this.settle(() => this.view.next()); },
    tap(a) { return this.settle(() => a.click()); },
    window() { return this.view.getBoundingClientRect(); },
  },
  epubjs: {
    async open(url) {
      this.book = ePub(url, { openAs: 'epub' });
      this.rendition = this.book.renderTo(document.getElementById('viewer'),
        { width: '100%', height: '100%', flow: 'paginated', spread: 'none' });
      await this.book.ready;
      this.sections = this.book.spine.spineItems.length;
      await this.goToSection(0);
    },
    async goToSection(index) {
      await this.rendition.display(this.book.spine.get(index).href);
      await this.drawn();
    },
    // Waits until the section's document is in the view again (epub.js replaces it as it goes).
    async drawn() {
      for (let i = 0; i < 100 && !this.rendition.getContents()[0]; i++) await pause(50);
      await settled();
    },
    current() {
      const [contents] = this.rendition.getContents();
      const location = this.rendition.currentLocation();
      return { doc: contents.document, index: location.start.index, href: location.start.href, atEnd: location.atEnd };
    },
    async next() {
      if (this.current().atEnd) return false;
      await this.rendition.next();
      await this.drawn();
      return true;
    },
    async tap(a) {
      // epub.js relocates in the old section first, as it takes the old view down.
      const from = this.current().href;
      let arrived;
      const moved = new Promise(resolve => {
        arrived = location => { if (location.start.href !== from) resolve(); };
        this.rendition.on('relocated', arrived);
      });
      a.click();
      await Promise.race([moved, pause(5000)]);
      this.rendition.off('relocated', arrived);
      await this.drawn();
    },
    window() { return document.getElementById('viewer').getBoundingClientRect(); },
  },
};

let engine, seen = new Map();

// The page shown now: its section, its text (the words no earlier page of the section showed),
// its images, and how many of the section's words are not drawn at all.
function look() {
  const at = engine.current();
  const shown = visible(at.doc, at.doc.defaultView.frameElement, engine.window());
  if (!seen.has(at.index)) seen.set(at.index, new Set());
  const text = pageText(shown, seen.get(at.index));
  const hidden = shown.words.filter(w => !w.space && !w.drawn).length;
  return { section: at.index, href: at.href, text, images: shown.images, loaded: shown.loaded, hidden };
}

window.openBook = async (name, url) => {
  engine = engines[name];
  await engine.open(url);
  return { sections: engine.sections };
};

window.look = look;

// Turns the page: the new page, or null at the end of the book.
window.turn = async () => (await engine.next()) ? look() : null;

// Taps the first note reference of the book, as a reader does: where it led, the note's text and
// the words of the page shown after the tap.
window.followNote = async () => {
  for (let index = 0; index < engine.sections; index++) {
    await engine.goToSection(index);
    const a = engine.current().doc.querySelector('a[role="doc-noteref"]');
    if (!a) continue;
    const target = a.getAttribute('href');
    await engine.tap(a);
    const now = engine.current();
    const note = now.doc.getElementById(target.split('#')[1]);
    const shown = visible(now.doc, now.doc.defaultView.frameElement, engine.window());
    const page = shown.words.filter(w => w.shown).map(w => w.text).join(' ');
    return { from: index, to: now.index, target, note: note ? note.textContent.trim() : null, page };
  }
  return null;
};

// pdf.js: renders every page to a canvas and returns the text of each, without what lies in the top
// `cropTop` and bottom `cropBottom` points (running heads and folios).
window.readPdf = async (url, cropTop, cropBottom) => {
  const pdfjs = await import('/modules/pdfjs-dist/build/pdf.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = '/modules/pdfjs-dist/build/pdf.worker.mjs';
  const pdf = await pdfjs.getDocument({ url, isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await page.render({ canvasContext: canvas.getContext('2d'), viewport, canvas }).promise;
    const ink = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    for (let i = 0; i < ink.length; i += 4) if (ink[i + 3] > 0 && ink[i] < 128) dark++;
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      const y = item.transform[5];
      if (y > viewport.height - cropTop || y < cropBottom) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
    }
    pages.push({ text, dark });
  }
  return pages;
};
