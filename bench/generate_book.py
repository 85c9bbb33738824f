#!/usr/bin/env python3
"""Generate a large benchmark manuscript for recto (issue 9).

    bench/generate_book.py OUTDIR --words N --chapters C --seed S

Writes OUTDIR/book.yaml and C chapter files NN-chapter.md (each opening with a
`# Chapter N` heading), paragraphs of varied length and distinct footnotes
`[^n]` (about one per 400 words). The text is a seeded word-level Markov chain of
order 2 trained on the sample essay (source/wechat-is-watching.md, with its
Markdown and citation syntax stripped), so it is not the essay repeated; a small
share of words is "coined" (a prefix of one essay word joined to the suffix of
another) so that the vocabulary keeps growing with the book, as a real book's
does (--coin-rate 0 turns that off). Deterministic for a seed.

Beside the manuscript it writes OUTDIR/book.typ, the same book in Typst markup
(pandoc 2.17 cannot write Typst), for the Typst peer of the bench.

Prints the word count (body and notes, headings excluded) and the distinct-word
count.
"""
import argparse
import bisect
import json
import math
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ESSAY = os.path.join(HERE, "..", "source", "wechat-is-watching.md")

SENTENCE_END = re.compile(r"[.!?][”’\")]*$")
# Characters that carry Markdown (or pandoc extension) meaning; dropped from tokens.
MD_SPECIAL = re.compile(r"[*_\[\]{}<>#\\`|~@^=+$]")


def essay_tokens(path):
    """The essay's words, Markdown and citation syntax stripped."""
    text = open(path, encoding="utf-8").read()
    # Drop a YAML front matter block, if any.
    text = re.sub(r"\A---\n.*?\n(---|\.\.\.)\n", "", text, flags=re.S)
    lines = []
    for line in text.splitlines():
        if line.startswith(":::"):          # fenced div markers
            continue
        if re.match(r"\[\^[^\]]+\]:", line):  # footnote definitions: keep the text
            line = re.sub(r"^\[\^[^\]]+\]:\s*", "", line)
        line = re.sub(r"^#+\s*", "", line)    # heading marks
        lines.append(line)
    text = "\n".join(lines)
    text = re.sub(r"\[-?@[^\]]*\]", "", text)              # [@key], [see @key, p. 4]
    text = re.sub(r"-?@[A-Za-z0-9_:.-]*[A-Za-z0-9_]", "", text)  # bare @key
    text = re.sub(r"\[\^[^\]]+\]", "", text)               # footnote references
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links, images
    text = re.sub(r"\[([^\]]*)\]\{[^}]*\}", r"\1", text)    # spans
    text = re.sub(r"\{[^}]*\}", "", text)                   # heading attributes
    text = re.sub(r"<[^>]+>", "", text)                     # raw HTML, autolinks
    tokens = []
    for raw in text.split():
        tok = MD_SPECIAL.sub("", raw)
        if tok and re.search(r"\w", tok):
            tokens.append(tok)
    return tokens


class Chain:
    """A word-level Markov chain of order 2."""

    def __init__(self, tokens):
        self.next = {}
        for a, b, c in zip(tokens, tokens[1:], tokens[2:]):
            self.next.setdefault((a, b), []).append(c)
        # Sentence starts: a capitalised word after a sentence end (or at the start).
        self.starts = []
        for i in range(len(tokens) - 1):
            if (i == 0 or SENTENCE_END.search(tokens[i - 1])) and tokens[i][0].isupper():
                if (tokens[i], tokens[i + 1]) in self.next:
                    self.starts.append((tokens[i], tokens[i + 1]))
        self.vocab = sorted({t for t in tokens if t.isalpha() and len(t) >= 5})

    def sentence(self, rng, max_words=70):
        a, b = rng.choice(self.starts)
        out = [a, b]
        while not SENTENCE_END.search(out[-1]):
            succ = self.next.get((a, b))
            if not succ or len(out) >= max_words:
                out[-1] = out[-1].rstrip(",;:—–-") + "."
                break
            c = rng.choice(succ)
            out.append(c)
            a, b = b, c
        return out


class Coiner:
    """Makes new words from pieces of the essay's own words, so the vocabulary grows."""

    def __init__(self, chain, rng, rate):
        self.vocab = [w.lower() for w in chain.vocab]
        self.rng = rng
        self.rate = rate

    def maybe(self, word):
        if self.rate <= 0 or self.rng.random() >= self.rate:
            return word
        m = re.match(r"^([“‘\"(]*)([A-Za-z]{4,})([^A-Za-z]*)$", word)
        if not m:
            return word
        lead, core, tail = m.groups()
        other = self.rng.choice(self.vocab)
        cut1 = self.rng.randint(2, len(core) - 1)
        cut2 = self.rng.randint(1, len(other) - 2)
        new = core[:cut1] + other[cut2:]
        return lead + new + tail


def lognormal_int(rng, median, sigma, lo, hi):
    return max(lo, min(hi, int(round(median * math.exp(rng.gauss(0, sigma))))))


def generate(words, chapters, seed, coin_rate=0.03, note_every=400):
    """The book as a structure: a list of chapters, each a dict with the title,
    paragraphs (lists of items: a word, or ("note", n)) and notes {n: [words]}."""
    rng = random.Random(seed)
    chain = Chain(essay_tokens(ESSAY))
    coin = Coiner(chain, rng, coin_rate)

    def sentence(max_words=70):
        return [coin.maybe(w) for w in chain.sentence(rng, max_words)]

    # Share the words over the chapters with some variation, summing to `words`.
    weights = [rng.uniform(0.7, 1.3) for _ in range(chapters)]
    total_w = sum(weights)
    budgets = [int(words * w / total_w) for w in weights]
    budgets[-1] += words - sum(budgets)

    book = []
    note_no = 0
    seen_notes = set()
    next_note = rng.randint(note_every * 3 // 4, note_every * 5 // 4)
    since_note = 0
    for ci, budget in enumerate(budgets, 1):
        paras, notes, used = [], {}, 0
        while used < budget:
            target = min(lognormal_int(rng, 90, 0.6, 12, 320), budget - used)
            para = []
            while len([x for x in para if isinstance(x, str)]) < target:
                s = sentence()
                para.extend(s)
                n_words = len(s)
                since_note += n_words
                if since_note >= next_note:
                    # A note: distinct text, one to three sentences.
                    while True:
                        body = []
                        for _ in range(rng.choice((1, 1, 2, 3))):
                            body.extend(sentence(max_words=40))
                        key = " ".join(body)
                        if key not in seen_notes:
                            seen_notes.add(key)
                            break
                    note_no += 1
                    notes[note_no] = body
                    para.append(("note", note_no))
                    since_note = 0
                    used += len(body)
                    next_note = rng.randint(note_every * 3 // 4, note_every * 5 // 4)
            used += len([x for x in para if isinstance(x, str)])
            paras.append(para)
        book.append({"title": "Chapter %d" % ci, "paragraphs": paras, "notes": notes})
    return book


def words_of(book):
    out = []
    for ch in book:
        for para in ch["paragraphs"]:
            out.extend(x for x in para if isinstance(x, str))
        for body in ch["notes"].values():
            out.extend(body)
    return out


def distinct_count(ws):
    norm = set()
    for w in ws:
        w = re.sub(r"^[^\w]+|[^\w]+$", "", w.lower().replace("’", "'"))
        if w:
            norm.add(w)
    return len(norm)


def para_markdown(para):
    out = []
    for x in para:
        if isinstance(x, str):
            out.append(" " + x if out else x)
        else:
            out.append("[^%d]" % x[1])
    return wrap("".join(out))


# A word that would open a list item or a heading at the start of a line.
LINE_START_UNSAFE = re.compile(r"^(\d+[.)]|[-+*>#=/]|\\?[-+=/])$")


def wrap(text, width=100):
    lines, line = [], ""
    for w in text.split(" "):
        if line and len(line) + 1 + len(w) > width and not LINE_START_UNSAFE.match(w):
            lines.append(line)
            line = w
        else:
            line = line + " " + w if line else w
    if line:
        lines.append(line)
    return "\n".join(lines)


TYPST_SPECIAL = re.compile(r"([\\#$*_<>@\[\]`~/=+\-'\"])")


def typst_escape(word):
    return TYPST_SPECIAL.sub(r"\\\1", word)


def typst_preamble(title, author, lang):
    """The lines a Typst twin of a book starts with: its page and text, close to recto's trade theme."""
    return [
        '#set document(title: "%s", author: "%s")' % (title, author),
        '#set page(width: 6in, height: 9in, margin: (top: 0.75in, bottom: 0.85in, inside: 0.8in, outside: 0.65in), numbering: "1")',
        '#set text(font: ("EB Garamond 12", "EB Garamond"), size: 11pt, lang: "%s", hyphenate: true)' % lang,
        "#set par(justify: true, leading: 0.55em, first-line-indent: 1.2em)",
        "#show heading.where(level: 1): it => { pagebreak(weak: true); v(2em); text(size: 18pt, it); v(1em) }",
        "",
    ]


def para_typst(para, notes):
    out = []
    for x in para:
        if isinstance(x, str):
            out.append(" " + typst_escape(x) if out else typst_escape(x))
        else:
            body = " ".join(typst_escape(w) for w in notes[x[1]])
            out.append("#footnote[%s]" % body)
    return wrap("".join(out))


def write(book, outdir, title, author, lang="en"):
    os.makedirs(outdir, exist_ok=True)
    width = max(2, len(str(len(book))))
    names = []
    for i, ch in enumerate(book, 1):
        name = "%0*d-chapter.md" % (width, i)
        names.append(name)
        parts = ["# " + ch["title"], ""]
        for para in ch["paragraphs"]:
            parts += [para_markdown(para), ""]
        for n, body in ch["notes"].items():
            parts += [wrap("[^%d]: %s" % (n, " ".join(body))), ""]
        with open(os.path.join(outdir, name), "w", encoding="utf-8") as f:
            f.write("\n".join(parts))
    with open(os.path.join(outdir, "book.yaml"), "w", encoding="utf-8") as f:
        f.write("# A generated benchmark book (bench/generate_book.py).\n")
        f.write("title: %s\n" % json.dumps(title, ensure_ascii=False))
        f.write("author: %s\n" % json.dumps(author, ensure_ascii=False))
        f.write("lang: %s\n" % lang)
        f.write("chapters: [%s]\n" % ", ".join(names))
    # The same book in Typst markup, close to recto's trade theme.
    typ = typst_preamble(title, author, lang)
    for ch in book:
        typ += ["= " + ch["title"], ""]
        for para in ch["paragraphs"]:
            typ += [para_typst(para, ch["notes"]), ""]
    with open(os.path.join(outdir, "book.typ"), "w", encoding="utf-8") as f:
        f.write("\n".join(typ))
    return names


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--words", type=int, required=True)
    ap.add_argument("--chapters", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--coin-rate", type=float, default=0.03,
                    help="share of words replaced by coined words (default 0.03; 0: essay words only)")
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    a = ap.parse_args(argv)
    if a.words < 50 or a.chapters < 1:
        ap.error("--words must be at least 50 and --chapters at least 1")
    book = generate(a.words, a.chapters, a.seed, a.coin_rate)
    title = "Bench Book: %d Words in %d Chapter%s" % (a.words, a.chapters, "" if a.chapters == 1 else "s")
    write(book, a.outdir, title, "recto bench (seed %d)" % a.seed)
    ws = words_of(book)
    notes = sum(len(ch["notes"]) for ch in book)
    counts = {"words": len(ws), "distinct": distinct_count(ws), "chapters": len(book), "notes": notes}
    if a.json:
        print(json.dumps(counts))
    else:
        print("%s: %d words, %d distinct words, %d chapters, %d notes"
              % (a.outdir, counts["words"], counts["distinct"], counts["chapters"], notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
